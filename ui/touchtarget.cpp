// Touch target sizes.
#include "touchtarget.h"

#include <QScreen>
#include <QWidget>
#include <QtMath>

namespace TableTap::TouchTarget {

int nineMillimetres(const QWidget *widget)
{
    const QScreen *s = widget ? widget->screen() : nullptr;
    // A screen that reports nonsense (0, or a projector's guess) gets a common desktop value.
    qreal dpi = s ? s->physicalDotsPerInch() : 96.0;
    if (!(dpi >= 50 && dpi <= 1000))
        dpi = 96.0;
    const qreal ratio = s ? s->devicePixelRatio() : 1.0;
    return qCeil(9.0 / 25.4 * dpi / qMax<qreal>(1.0, ratio));
}

} // namespace TableTap::TouchTarget
