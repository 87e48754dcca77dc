// The embedded hub interface (its vtable lives here).
#include "hubcontrol.h"

namespace TableTap {

HubControl::~HubControl() = default;

} // namespace TableTap
