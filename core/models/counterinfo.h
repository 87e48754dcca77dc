// A service counter as the console shows it: status from the hub, load from the order queue.
#pragma once

#include <QString>

namespace TableTap {

struct CounterInfo
{
    QString name;
    QString status; // active / inactive
    QString reason; // why it was last changed
    int pending = 0;
    int preparing = 0;
    int ready = 0;
    int openOrders() const { return pending + preparing + ready; }
    bool isActive() const { return status == QLatin1String("active"); }
};

} // namespace TableTap
