// The built-in starter menu: what `cafe add` installs without --menu, and what the simulator
// sells. It is also the reference example of the menu file format (docs/domain.md).
#pragma once

#include <QJsonObject>

namespace TableTap::StarterMenu {

QJsonObject json();

} // namespace TableTap::StarterMenu
