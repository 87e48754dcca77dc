// Cafe-wide commands: counter status (deactivation moves open orders), settings, and the
// get_settings / list_counters snapshots.
#pragma once

#include <QJsonObject>

namespace TableTap {

class CafeContext;
class PayloadReader;

class SystemDesk final
{
public:
    static QJsonObject setCounterStatus(CafeContext &ctx, const PayloadReader &p);
    static QJsonObject updateSettings(CafeContext &ctx, const PayloadReader &p);
    static QJsonObject getSettings(CafeContext &ctx, const PayloadReader &p);
    static QJsonObject listCounters(CafeContext &ctx, const PayloadReader &p);
};

} // namespace TableTap
