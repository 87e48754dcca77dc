// The console's own preferences (QSettings): queue age thresholds, the followed counter,
// notification choices, language, the last hub signed in to. Never a PIN or a token.
#pragma once

#include <QList>
#include <QObject>
#include <QString>

namespace TableTap {

class ConsoleSettings final : public QObject
{
    Q_OBJECT
public:
    // The kinds of toast a console can turn off one by one (sounds have their own switches).
    enum class ToastKind { OrderReady, StockAlert, Refused, PaymentFailed };
    Q_ENUM(ToastKind)
    static QList<ToastKind> toastKinds();

    explicit ConsoleSettings(QObject *parent = nullptr);

    int warningSeconds() const;
    int lateSeconds() const;
    void setAgeThresholds(int warningSeconds, int lateSeconds);

    QString followedCounter() const;
    void setFollowedCounter(const QString &counter);

    bool muted() const;
    void setMuted(bool muted);
    bool newOrderSound() const;
    void setNewOrderSound(bool on);
    int maxToasts() const;
    void setMaxToasts(int count);
    int toastSeconds() const;
    void setToastSeconds(int seconds);
    bool toastEnabled(ToastKind kind) const;
    void setToastEnabled(ToastKind kind, bool on);
    // How often an unacknowledged critical alert sounds again.
    int alertRepeatSeconds() const;
    void setAlertRepeatSeconds(int seconds);

    // "" follows the system locale.
    QString language() const;
    void setLanguage(const QString &code);

    QString hubUrl() const;
    QString cafeId() const;
    QString employeeCode() const;
    int connectTab() const;
    void rememberSignIn(const QString &hubUrl, const QString &cafeId, const QString &employeeCode,
                        int tab);
    // A PEM file of certificate authorities trusted for https hubs (a shop's private CA), on top
    // of the system's; empty for none.
    QString caFile() const;
    void setCaFile(const QString &path);

    QByteArray windowGeometry() const;
    QByteArray windowState() const;
    void setWindow(const QByteArray &geometry, const QByteArray &state);

Q_SIGNALS:
    void ageThresholdsChanged(int warningSeconds, int lateSeconds);
    void notificationsChanged();
};

} // namespace TableTap
