// The smallest size of something to be touched: 9 mm on the screen a widget is on (by its
// physical DPI), so a finger hits it on a counter's tablet as on a desktop monitor.
#pragma once

class QWidget;

namespace TableTap::TouchTarget {

// 9 mm in device-independent pixels on the widget's screen.
int nineMillimetres(const QWidget *widget);

} // namespace TableTap::TouchTarget
