// The staff view.
#include "staffview.h"

#include "consolesession.h"
#include "contract.h"
#include "devicetokendialog.h"
#include "eventmapper.h"
#include "pindialog.h"
#include "pinentry.h"
#include "plaintext.h"
#include "plaintextdelegate.h"
#include "snapshotnotice.h"
#include "staffdialog.h"
#include "staffmodel.h"
#include "tintproxymodel.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QItemSelectionModel>
#include <QJsonObject>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QShowEvent>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>

namespace TableTap {

StaffView::StaffView(ConsoleSession *session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_sorted(new QSortFilterProxyModel(this))
    , m_view(new QTableView(this))
    , m_status(new QLabel(this))
    , m_add(new QPushButton(tr("&Add…"), this))
    , m_edit(new QPushButton(tr("Edit…"), this))
    , m_active(new QPushButton(tr("Disa&ble…"), this))
    , m_role(new QPushButton(tr("Set &role…"), this))
    , m_pin(new QPushButton(tr("Reset PI&N…"), this))
    , m_revoke(new QPushButton(tr("Rev&oke sessions…"), this))
    , m_token(new QPushButton(tr("Device to&ken…"), this))
    , m_reload(new QPushButton(tr("Re&fresh"), this))
{
    setObjectName(QStringLiteral("staffView"));
    auto *tint = new TintProxyModel(
        [](const QModelIndex &i) {
            return i.data(StaffModel::ActiveRole).toBool() ? QColor() : QColor(0xee, 0xee, 0xee);
        },
        this);
    tint->setSourceModel(session->staff());
    m_sorted->setSourceModel(tint);
    m_sorted->setSortCaseSensitivity(Qt::CaseInsensitive);
    m_sorted->setDynamicSortFilter(true);
    m_view->setModel(m_sorted);
    PlainTextDelegate::install(m_view);
    m_view->setObjectName(QStringLiteral("staffTable"));
    m_view->setAccessibleName(tr("Staff"));
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(StaffModel::NameColumn, Qt::AscendingOrder);
    m_view->verticalHeader()->hide();
    // Every figure in full on one line; the name takes what is left.
    m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_view->horizontalHeader()->setSectionResizeMode(StaffModel::NameColumn, QHeaderView::Stretch);
    m_status->setObjectName(QStringLiteral("staffStatus"));
    m_status->setWordWrap(true);
    PlainText::makePlain(m_status); // the hub's messages and names

    const QList<std::pair<QPushButton *, const char *>> named{
        {m_add, "addStaff"},          {m_edit, "editStaff"},    {m_active, "toggleStaff"},
        {m_role, "setStaffRole"},     {m_pin, "resetStaffPin"}, {m_revoke, "revokeStaff"},
        {m_token, "mintDeviceToken"}, {m_reload, "reloadStaff"}};
    for (const auto &[button, name] : named)
        button->setObjectName(QLatin1String(name));
    m_add->setToolTip(tr("Add someone who can sign in with a code and PIN"));
    m_edit->setToolTip(tr("Change the name, hourly rate or drink allowance (Enter)"));
    m_revoke->setToolTip(
        tr("Sign the person out everywhere: their consoles and device tokens stop working"));
    m_token->setToolTip(tr("A long-lived token for a tablet, shown as a QR code"));
    connect(m_add, &QPushButton::clicked, this, &StaffView::addStaff);
    connect(m_edit, &QPushButton::clicked, this, &StaffView::editStaff);
    connect(m_active, &QPushButton::clicked, this, &StaffView::toggleActive);
    connect(m_role, &QPushButton::clicked, this, &StaffView::setRole);
    connect(m_pin, &QPushButton::clicked, this, &StaffView::resetPin);
    connect(m_revoke, &QPushButton::clicked, this, &StaffView::revokeSessions);
    connect(m_token, &QPushButton::clicked, this, &StaffView::mintToken);
    connect(m_reload, &QPushButton::clicked, this, &StaffView::reload);
    connect(m_view, &QTableView::activated, this, &StaffView::editStaff);

    auto *buttons = new QHBoxLayout;
    for (QPushButton *b : {m_add, m_edit, m_active, m_role, m_pin, m_revoke, m_token})
        buttons->addWidget(b);
    buttons->addStretch(1);
    buttons->addWidget(m_reload);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(new SnapshotNotice(
        session,
        tr("Live events only: this server offers no staff list. Managing staff needs the Table "
           "Tap hub."),
        this));
    layout->addLayout(buttons);
    layout->addWidget(m_status);
    layout->addWidget(m_view, 1);

    connect(session->staff(), &BatchedTableModel::flushed, this, [this] {
        // Someone selected from the start, so the keyboard acts at once.
        if (!m_view->selectionModel()->hasSelection() && m_sorted->rowCount() > 0)
            m_view->selectRow(0);
        updateActions();
    });
    const auto cafeDefault = [this] {
        bool ok = false;
        const int n
            = m_session->settings().value(QStringLiteral("drink_allowance_default")).toInt(&ok);
        m_session->staff()->setCafeDefaultAllowance(ok ? std::optional<int>(n) : std::nullopt);
    };
    connect(session, &ConsoleSession::settingsChanged, this, cafeDefault);
    cafeDefault();
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &StaffView::updateActions);
    connect(session, &ConsoleSession::identityChanged, this, &StaffView::updateActions);
    connect(session, &ConsoleSession::staffLoaded, this, [this](bool ok, const QString &message) {
        setStatus(
            ok ? QString()
               : tr("The staff list could not be loaded: %1").arg(PlainText::display(message)));
    });
    connect(session, &ConsoleSession::commandAnswered, this, &StaffView::onAnswered);
    connect(session, &ConsoleSession::commandFinished, this, &StaffView::onFinished);
    connect(session, &ConsoleSession::commandUnconfirmed, this,
            [this](const QString &requestId, const QString &why) {
                onFinished(requestId, false, QString(), why);
            });
    updateActions();
}

void StaffView::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (!m_session->staff()->isLoaded())
        reload();
}

void StaffView::reload()
{
    if (!m_session->loadStaff())
        setStatus(tr("Not connected: the staff list loads once the console is online."));
    else
        setStatus(tr("Loading the staff list…"));
}

QString StaffView::statusText() const
{
    return m_status->text();
}

void StaffView::setStatus(const QString &text)
{
    m_status->setText(PlainText::neutralised(text));
    m_status->setVisible(!text.isEmpty());
}

QStringList StaffView::grantableRoles() const
{
    const std::optional<Contract::Role> mine = Contract::roleFromName(m_session->identity().role);
    QStringList roles;
    for (const Contract::Role r : Contract::kRoles)
        if (mine && r <= *mine)
            roles.append(Contract::name(r));
    return roles;
}

QString StaffView::selectedUserId() const
{
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    return rows.isEmpty() ? QString() : rows.first().data(StaffModel::UserIdRole).toString();
}

void StaffView::selectUser(const QString &userId)
{
    for (int row = 0; row < m_sorted->rowCount(); ++row) {
        const QModelIndex i = m_sorted->index(row, 0);
        if (i.data(StaffModel::UserIdRole).toString() == userId) {
            m_view->setCurrentIndex(i);
            m_view->selectRow(row);
            return;
        }
    }
}

const StaffMember *StaffView::selected() const
{
    const QString id = selectedUserId();
    return id.isEmpty() ? nullptr : m_session->staff()->member(id);
}

QString StaffView::whoText(const StaffMember &m) const
{
    return tr("%1 (%2)").arg(PlainText::display(m.name), PlainText::display(m.employeeCode));
}

void StaffView::updateActions()
{
    const StaffMember *m = selected();
    const QStringList grantable = grantableRoles();
    const bool manager = m_session->identity().isManager();
    // The hub refuses the rest; offer only what it would take.
    const bool mayManage = m && grantable.contains(m->role);
    const bool self = m && m->userId == m_session->identity().userId;
    m_add->setEnabled(manager);
    m_edit->setEnabled(mayManage);
    m_active->setEnabled(mayManage && !self);
    m_active->setText(m && !m->active ? tr("Ena&ble…") : tr("Disa&ble…"));
    m_role->setEnabled(mayManage && !self);
    m_pin->setEnabled(mayManage);
    m_revoke->setEnabled(mayManage);
    m_token->setEnabled(mayManage && m->active);
    m_reload->setEnabled(manager);
}

void StaffView::send(int command, const QJsonObject &payload, const QString &description,
                     Pending pending)
{
    const QString requestId
        = m_session->sendCommand(static_cast<Contract::Command>(command), payload, description);
    if (requestId.isEmpty()) {
        setStatus(tr("Could not send: %1").arg(description));
        return;
    }
    m_pending.insert(requestId, std::move(pending));
    setStatus(tr("Sent: %1").arg(description));
}

void StaffView::addStaff()
{
    if (!m_add->isEnabled())
        return;
    auto *dialog = new StaffDialog(grantableRoles(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        const QJsonObject payload = dialog->payload();
        const QString who = tr("%1 (%2)").arg(
            PlainText::display(payload.value(QLatin1String("name")).toString()),
            PlainText::display(payload.value(QLatin1String("employee_id")).toString()));
        send(int(Contract::Command::AddStaff), payload, tr("add %1").arg(who),
             {Pending::Kind::Add, who, dialog->generatedPin(), {}});
    });
    dialog->open();
}

void StaffView::editStaff()
{
    const StaffMember *m = selected();
    if (!m || !m_edit->isEnabled())
        return;
    auto *dialog = new StaffDialog(*m, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    const QString who = whoText(*m);
    connect(dialog, &QDialog::accepted, this, [this, dialog, who] {
        send(int(Contract::Command::UpdateStaff), dialog->payload(), tr("edit %1").arg(who),
             {Pending::Kind::Change, who, {}, {}});
    });
    dialog->open();
}

void StaffView::toggleActive()
{
    const StaffMember *m = selected();
    if (!m || !m_active->isEnabled())
        return;
    const QString who = whoText(*m);
    const QString userId = m->userId;
    if (!m->active) {
        send(int(Contract::Command::EnableStaff), {{QStringLiteral("user_id"), userId}},
             tr("enable %1").arg(who), {Pending::Kind::Change, who, {}, {}});
        return;
    }
    confirmThenSend("confirmDisable", tr("Disable %1").arg(who),
                    tr("Disable %1? They can no longer sign in, and every console and device "
                       "signed in as them is signed out now.")
                        .arg(who),
                    tr("&Disable"), int(Contract::Command::DisableStaff), userId,
                    tr("disable %1").arg(who), who);
}

void StaffView::confirmThenSend(const char *objectName, const QString &title, const QString &text,
                                const QString &button, int command, const QString &userId,
                                const QString &description, const QString &who)
{
    auto *box = new QMessageBox(QMessageBox::Question, PlainText::windowTitle(title), text,
                                QMessageBox::Cancel, this);
    box->setObjectName(QLatin1String(objectName));
    box->setTextFormat(Qt::PlainText);
    QPushButton *yes = box->addButton(button, QMessageBox::AcceptRole);
    // Signing someone out is not the default: Enter keeps them.
    box->setDefaultButton(QMessageBox::Cancel);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(yes, &QPushButton::clicked, this, [this, command, userId, description, who] {
        send(command, {{QStringLiteral("user_id"), userId}}, description,
             {Pending::Kind::Change, who, {}, {}});
    });
    box->open();
}

void StaffView::setRole()
{
    const StaffMember *m = selected();
    if (!m || !m_role->isEnabled())
        return;
    const QString who = whoText(*m);
    const QString userId = m->userId;
    const QStringList roles = grantableRoles();
    QStringList titles;
    for (const QString &r : roles)
        titles.append(StaffModel::roleTitle(r));
    auto *dialog = new QInputDialog(this);
    dialog->setObjectName(QStringLiteral("roleDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(PlainText::windowTitle(tr("Role of %1").arg(who)));
    dialog->setLabelText(tr("New role (they keep working on the consoles they are signed in to):"));
    dialog->setComboBoxItems(titles);
    dialog->setComboBoxEditable(false);
    dialog->setTextValue(StaffModel::roleTitle(m->role));
    connect(dialog, &QInputDialog::textValueSelected, this,
            [this, roles, titles, userId, who](const QString &title) {
                const QString role = roles.value(titles.indexOf(title));
                if (role.isEmpty())
                    return;
                send(int(Contract::Command::SetStaffRole),
                     {{QStringLiteral("user_id"), userId}, {QStringLiteral("role"), role}},
                     tr("make %1 %2").arg(who, title), {Pending::Kind::Change, who, {}, {}});
            });
    dialog->open();
}

void StaffView::resetPin()
{
    const StaffMember *m = selected();
    if (!m || !m_pin->isEnabled())
        return;
    const QString who = whoText(*m);
    const QString userId = m->userId;
    auto *dialog = new PinDialog(who, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog, userId, who] {
        PinEntry *entry = dialog->pinEntry();
        send(int(Contract::Command::SetStaffPin),
             {{QStringLiteral("user_id"), userId}, {QStringLiteral("pin"), entry->pin()}},
             tr("new PIN for %1").arg(who),
             {Pending::Kind::Pin, who, entry->isGenerated() ? entry->pin() : QString(), {}});
    });
    dialog->open();
}

void StaffView::revokeSessions()
{
    const StaffMember *m = selected();
    if (!m || !m_revoke->isEnabled())
        return;
    const QString who = whoText(*m);
    const QString userId = m->userId;
    confirmThenSend("confirmRevoke", tr("Revoke sessions of %1").arg(who),
                    tr("Sign %1 out everywhere? Every console, refresh token and device token of "
                       "theirs stops working; they can sign in again with their PIN.")
                        .arg(who),
                    tr("Re&voke"), int(Contract::Command::RevokeStaffSessions), userId,
                    tr("revoke the sessions of %1").arg(who), who);
}

void StaffView::mintToken()
{
    const StaffMember *m = selected();
    if (!m || !m_token->isEnabled())
        return;
    const QString who = whoText(*m);
    const QString userId = m->userId;
    auto *dialog = new DeviceTokenDialog(who, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &DeviceTokenDialog::mintRequested, this,
            [this, dialog, userId, who](int days, const QString &label) {
                QJsonObject payload{{QStringLiteral("user_id"), userId},
                                    {QStringLiteral("ttl_days"), days}};
                if (!label.isEmpty())
                    payload.insert(QStringLiteral("label"), label);
                send(int(Contract::Command::MintDeviceToken), payload,
                     tr("device token for %1").arg(who), {Pending::Kind::Mint, who, {}, dialog});
            });
    dialog->open();
}

void StaffView::onAnswered(const QString &requestId, const QJsonValue &data)
{
    const auto it = m_pending.constFind(requestId);
    if (it == m_pending.constEnd())
        return;
    const QJsonObject answer = data.toObject();
    if (it->kind == Pending::Kind::Mint) {
        if (it->dialog)
            it->dialog->showToken(answer.value(QLatin1String("token")).toString(),
                                  EventMapper::mapTime(answer.value(QLatin1String("expires_at"))));
        return;
    }
    // The row as the hub now has it, before staff:updated comes round.
    m_session->staff()->apply(
        EventMapper::mapStaffMember(answer.value(QLatin1String("staff")).toObject()));
}

void StaffView::onFinished(const QString &requestId, bool ok, const QString &errorType,
                           const QString &message)
{
    const auto it = m_pending.constFind(requestId);
    if (it == m_pending.constEnd())
        return;
    const Pending p = *it;
    m_pending.erase(it);
    if (!ok) {
        const QString why = PlainText::display(message.isEmpty() ? errorType : message);
        setStatus(tr("Not done for %1: %2").arg(p.who, why));
        if (p.kind == Pending::Kind::Mint && p.dialog)
            p.dialog->showProblem(message.isEmpty() ? errorType : message);
        return;
    }
    setStatus(tr("Done for %1.").arg(p.who));
    if (!p.pin.isEmpty())
        showGeneratedPin(p.who, p.pin);
}

void StaffView::showGeneratedPin(const QString &who, const QString &pin)
{
    // Shown once, here, and kept nowhere: the hub stores only a hash.
    auto *box = new QMessageBox(QMessageBox::Information,
                                PlainText::windowTitle(tr("New PIN for %1").arg(who)),
                                tr("The new PIN for %1 is\n\n%2\n\nHand it over now: it is not "
                                   "shown again.")
                                    .arg(who, pin),
                                QMessageBox::Ok, this);
    box->setObjectName(QStringLiteral("shownPin"));
    box->setTextFormat(Qt::PlainText);
    box->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    box->setAttribute(Qt::WA_DeleteOnClose);
    m_shownPin = box;
    box->open();
}

} // namespace TableTap
