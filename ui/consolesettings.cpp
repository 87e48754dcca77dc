// The console's preferences, kept in QSettings under the organisation and application names.
#include "consolesettings.h"

#include <QSettings>

namespace TableTap {

namespace {
QVariant value(const char *key, const QVariant &fallback)
{
    return QSettings().value(QLatin1String(key), fallback);
}
void store(const char *key, const QVariant &v)
{
    QSettings().setValue(QLatin1String(key), v);
}
const char *toastKey(ConsoleSettings::ToastKind kind)
{
    switch (kind) {
    case ConsoleSettings::ToastKind::OrderReady:
        return "notify/toast/orderReady";
    case ConsoleSettings::ToastKind::StockAlert:
        return "notify/toast/stockAlert";
    case ConsoleSettings::ToastKind::Refused:
        return "notify/toast/refused";
    case ConsoleSettings::ToastKind::PaymentFailed:
        break;
    }
    return "notify/toast/paymentFailed";
}
} // namespace

QList<ConsoleSettings::ToastKind> ConsoleSettings::toastKinds()
{
    return {ToastKind::OrderReady, ToastKind::StockAlert, ToastKind::Refused,
            ToastKind::PaymentFailed};
}

ConsoleSettings::ConsoleSettings(QObject *parent)
    : QObject(parent)
{}

int ConsoleSettings::warningSeconds() const
{
    return qMax(1, value("queue/warningSeconds", 5 * 60).toInt());
}

int ConsoleSettings::lateSeconds() const
{
    return qMax(warningSeconds() + 1, value("queue/lateSeconds", 8 * 60).toInt());
}

void ConsoleSettings::setAgeThresholds(int warningSeconds, int lateSeconds)
{
    warningSeconds = qMax(1, warningSeconds);
    lateSeconds = qMax(warningSeconds + 1, lateSeconds);
    store("queue/warningSeconds", warningSeconds);
    store("queue/lateSeconds", lateSeconds);
    Q_EMIT ageThresholdsChanged(warningSeconds, lateSeconds);
}

QString ConsoleSettings::followedCounter() const
{
    return value("queue/counter", QString()).toString();
}

void ConsoleSettings::setFollowedCounter(const QString &counter)
{
    store("queue/counter", counter);
}

bool ConsoleSettings::muted() const
{
    return value("notify/muted", false).toBool();
}

void ConsoleSettings::setMuted(bool muted)
{
    store("notify/muted", muted);
    Q_EMIT notificationsChanged();
}

bool ConsoleSettings::newOrderSound() const
{
    return value("notify/newOrderSound", true).toBool();
}

void ConsoleSettings::setNewOrderSound(bool on)
{
    store("notify/newOrderSound", on);
    Q_EMIT notificationsChanged();
}

int ConsoleSettings::maxToasts() const
{
    return qBound(1, value("notify/maxToasts", 3).toInt(), 10);
}

void ConsoleSettings::setMaxToasts(int count)
{
    store("notify/maxToasts", qBound(1, count, 10));
    Q_EMIT notificationsChanged();
}

int ConsoleSettings::toastSeconds() const
{
    return qBound(2, value("notify/toastSeconds", 8).toInt(), 120);
}

void ConsoleSettings::setToastSeconds(int seconds)
{
    store("notify/toastSeconds", qBound(2, seconds, 120));
    Q_EMIT notificationsChanged();
}

bool ConsoleSettings::toastEnabled(ToastKind kind) const
{
    return value(toastKey(kind), true).toBool();
}

void ConsoleSettings::setToastEnabled(ToastKind kind, bool on)
{
    store(toastKey(kind), on);
    Q_EMIT notificationsChanged();
}

int ConsoleSettings::alertRepeatSeconds() const
{
    return qBound(2, value("notify/alertRepeatSeconds", 20).toInt(), 600);
}

void ConsoleSettings::setAlertRepeatSeconds(int seconds)
{
    store("notify/alertRepeatSeconds", qBound(2, seconds, 600));
    Q_EMIT notificationsChanged();
}

QString ConsoleSettings::language() const
{
    return value("ui/language", QString()).toString();
}

void ConsoleSettings::setLanguage(const QString &code)
{
    store("ui/language", code);
}

QString ConsoleSettings::hubUrl() const
{
    return value("connect/hub", QStringLiteral("http://127.0.0.1:3000")).toString();
}

QString ConsoleSettings::cafeId() const
{
    return value("connect/cafe", QString()).toString();
}

QString ConsoleSettings::employeeCode() const
{
    return value("connect/code", QString()).toString();
}

int ConsoleSettings::connectTab() const
{
    return value("connect/tab", 0).toInt();
}

void ConsoleSettings::rememberSignIn(const QString &hubUrl, const QString &cafeId,
                                     const QString &employeeCode, int tab)
{
    store("connect/hub", hubUrl);
    store("connect/cafe", cafeId);
    store("connect/code", employeeCode);
    store("connect/tab", tab);
}

QString ConsoleSettings::caFile() const
{
    return value("connect/caFile", QString()).toString();
}

void ConsoleSettings::setCaFile(const QString &path)
{
    store("connect/caFile", path);
}

QByteArray ConsoleSettings::windowGeometry() const
{
    return value("window/geometry", QByteArray()).toByteArray();
}

QByteArray ConsoleSettings::windowState() const
{
    return value("window/state", QByteArray()).toByteArray();
}

void ConsoleSettings::setWindow(const QByteArray &geometry, const QByteArray &state)
{
    store("window/geometry", geometry);
    store("window/state", state);
}

} // namespace TableTap
