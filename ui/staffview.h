// Staff, for managers and admins: everyone of the cafe with role, status, hourly rate, drink
// allowance and last sign-in (list_staff, kept current by staff:updated); add, edit, disable
// and enable, set the role (never above one's own), reset a PIN (typed twice, or generated and
// shown once), revoke all of someone's sessions, and mint a device token shown as a QR code.
// Every change goes through the outbox; the hub decides and answers.
#pragma once

#include "devicetokendialog.h"

#include <QHash>
#include <QMessageBox>
#include <QPointer>
#include <QWidget>

class QLabel;
class QPushButton;
class QSortFilterProxyModel;
class QTableView;

namespace TableTap {

class ConsoleSession;
struct StaffMember;

class StaffView final : public QWidget
{
    Q_OBJECT
public:
    explicit StaffView(ConsoleSession *session, QWidget *parent = nullptr);

    QTableView *table() const { return m_view; }
    QString statusText() const;
    // The selected person's user id (empty: nobody).
    QString selectedUserId() const;
    void selectUser(const QString &userId);
    // The roles the signed-in person may grant, lowest first (wire names).
    QStringList grantableRoles() const;
    // The message box showing a generated PIN, while it is open.
    QMessageBox *shownPin() const { return m_shownPin; }

public Q_SLOTS:
    void addStaff();
    void editStaff();
    void toggleActive();
    void setRole();
    void resetPin();
    void revokeSessions();
    void mintToken();
    // Asks the hub for the list again.
    void reload();

protected:
    void showEvent(QShowEvent *event) override;

private:
    struct Pending
    {
        enum class Kind { Add, Change, Pin, Mint };
        Kind kind = Kind::Change;
        QString who; // for messages, already for display
        QString pin; // a generated PIN, shown once the hub took it
        QPointer<DeviceTokenDialog> dialog;
    };

    const StaffMember *selected() const;
    QString whoText(const StaffMember &m) const;
    void send(int command, const QJsonObject &payload, const QString &description, Pending pending);
    void onAnswered(const QString &requestId, const QJsonValue &data);
    void onFinished(const QString &requestId, bool ok, const QString &errorType,
                    const QString &message);
    void showGeneratedPin(const QString &who, const QString &pin);
    // Asks (a message box named objectName) before command on userId; sends it when confirmed.
    void confirmThenSend(const char *objectName, const QString &title, const QString &text,
                         const QString &button, int command, const QString &userId,
                         const QString &description, const QString &who);
    void updateActions();
    void setStatus(const QString &text);

    ConsoleSession *m_session;
    QSortFilterProxyModel *m_sorted;
    QTableView *m_view;
    QLabel *m_status;
    QPushButton *m_add;
    QPushButton *m_edit;
    QPushButton *m_active;
    QPushButton *m_role;
    QPushButton *m_pin;
    QPushButton *m_revoke;
    QPushButton *m_token;
    QPushButton *m_reload;
    QHash<QString, Pending> m_pending; // by request id
    QPointer<QMessageBox> m_shownPin;
};

} // namespace TableTap
