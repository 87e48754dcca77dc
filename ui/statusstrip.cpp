// The status strip.
#include "statusstrip.h"

#include "consolesession.h"
#include "contract.h"
#include "plaintext.h"
#include "uipalette.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QToolButton>

namespace TableTap {

namespace {
QString namespaceLabel(const QString &nsp)
{
    const std::optional<Contract::Namespace> ns = Contract::namespaceFromPath(nsp);
    if (!ns)
        return nsp;
    switch (*ns) {
    case Contract::Namespace::Orders:
        return StatusStrip::tr("orders");
    case Contract::Namespace::Inventory:
        return StatusStrip::tr("inventory");
    case Contract::Namespace::Employees:
        return StatusStrip::tr("employees");
    case Contract::Namespace::Payments:
        return StatusStrip::tr("payments");
    case Contract::Namespace::System:
        return StatusStrip::tr("system");
    }
    return nsp;
}

QString roleLabel(const QString &role)
{
    const std::optional<Contract::Role> r = Contract::roleFromName(role);
    if (!r)
        return role;
    switch (*r) {
    case Contract::Role::Manager:
        return StatusStrip::tr("manager");
    case Contract::Role::Admin:
        return StatusStrip::tr("admin");
    case Contract::Role::Employee:
        return StatusStrip::tr("employee");
    }
    return role;
}
} // namespace

StatusStrip::StatusStrip(ConsoleSession *session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_liveness(new QLabel(this))
    , m_transport(new QLabel(this))
    , m_clock(new QLabel(this))
    , m_offer(new QLabel(this))
    , m_identity(new QLabel(this))
    , m_outbox(new QToolButton(this))
{
    setObjectName(QStringLiteral("statusStrip"));
    auto *row = new QHBoxLayout(this);
    row->setContentsMargins(4, 0, 4, 0);
    row->setSpacing(6);
    // Refusals, the transport and the signed-in name come from the hub.
    for (QLabel *l : {m_liveness, m_transport, m_identity})
        PlainText::makePlain(l);
    m_liveness->setObjectName(QStringLiteral("livenessPill"));
    QFont bold = m_liveness->font();
    bold.setBold(true);
    m_liveness->setFont(bold);
    row->addWidget(m_liveness);
    m_transport->setObjectName(QStringLiteral("transportLabel"));
    row->addWidget(m_transport);
    for (const QString &nsp : ConsoleSession::namespaces()) {
        auto *chip = new QLabel(this);
        chip->setObjectName(QStringLiteral("chip") + nsp.mid(1));
        chip->setMargin(2);
        chip->setMinimumWidth(
            chip->fontMetrics().horizontalAdvance(QStringLiteral("inventory 59 min")));
        chip->setAlignment(Qt::AlignCenter);
        m_chips.insert(nsp, chip);
        row->addWidget(chip);
    }
    m_offer->setObjectName(QStringLiteral("offerLabel"));
    m_offer->setTextFormat(Qt::PlainText);
    m_offer->setStyleSheet(QStringLiteral("color: #b35c00; font-weight: bold;"));
    row->addWidget(m_offer);
    row->addStretch(1);
    m_clock->setObjectName(QStringLiteral("clockLabel"));
    m_clock->setTextFormat(Qt::PlainText);
    row->addWidget(m_clock);
    m_identity->setObjectName(QStringLiteral("identityLabel"));
    row->addWidget(m_identity);
    m_outbox->setObjectName(QStringLiteral("outboxBadge"));
    m_outbox->setAutoRaise(true);
    m_outbox->setFocusPolicy(Qt::TabFocus); // besides Ctrl+O: Tab, then Space
    m_outbox->setIcon(QIcon(QStringLiteral(":/icons/outbox.svg")));
    m_outbox->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_outbox->setToolTip(tr("Actions taken at this console and where each stands (Ctrl+O)"));
    row->addWidget(m_outbox);
    connect(m_outbox, &QToolButton::clicked, this, &StatusStrip::outboxClicked);

    connect(session, &ConsoleSession::livenessChanged, this, &StatusStrip::refreshLiveness);
    connect(session, &ConsoleSession::stateChanged, this, &StatusStrip::refreshLiveness);
    connect(session, &ConsoleSession::namespaceFreshnessChanged, this, [this] {
        refreshLiveness();
        refreshChips();
        refreshClock();
        refreshOffer();
    });
    connect(session, &ConsoleSession::snapshotOfferChanged, this, &StatusStrip::refreshOffer);
    connect(session->clock(), &ConsoleClock::sourceChanged, this, [this] {
        refreshChips();
        refreshClock();
    });
    connect(session, &ConsoleSession::identityChanged, this, &StatusStrip::refreshIdentity);
    connect(session->outbox(), &OutboxModel::flushed, this, &StatusStrip::refreshOutbox);
    refreshLiveness();
    refreshChips();
    refreshIdentity();
    refreshOutbox();
    refreshClock();
    refreshOffer();
}

QString StatusStrip::ageText(qint64 seconds)
{
    if (seconds < 0)
        return QStringLiteral("—");
    if (seconds < 60)
        return tr("%1 s").arg(seconds);
    if (seconds < 3600)
        return tr("%1 min").arg(seconds / 60);
    return tr("%1 h").arg(seconds / 3600);
}

QString StatusStrip::chipText(const QString &nsp) const
{
    const QLabel *chip = m_chips.value(nsp);
    return chip ? chip->text() : QString();
}

QString StatusStrip::livenessLabel() const
{
    return m_liveness->text();
}

QString StatusStrip::clockText() const
{
    return m_clock->isVisible() ? m_clock->text() : QString();
}

void StatusStrip::refreshClock()
{
    const ConsoleClock *clock = m_session->clock();
    m_clock->setVisible(clock->isSimulated());
    if (!clock->isSimulated())
        return;
    const QLocale locale;
    m_clock->setText(
        tr("Demo time %1 (×%2)")
            .arg(locale.toString(clock->now().toLocalTime().time(), QLocale::ShortFormat),
                 locale.toString(clock->rate(), 'g', 4)));
    m_clock->setToolTip(tr("The demo cafe's simulated clock: %1 simulated seconds pass each real "
                           "second. Every time and age in the console reads this clock.")
                            .arg(locale.toString(clock->rate(), 'g', 4)));
}

QString StatusStrip::outboxText() const
{
    return m_outbox->text();
}

QString StatusStrip::offerText() const
{
    return m_offer->isVisible() ? m_offer->text() : QString();
}

void StatusStrip::refreshOffer()
{
    const bool eventsOnly = m_session->liveEventsOnly();
    m_offer->setVisible(eventsOnly);
    if (!eventsOnly)
        return;
    m_offer->setText(tr("Live events only — this server offers no snapshots"));
    const QLocale locale;
    const auto at = [&locale](const QDateTime &t) {
        return locale.toString(t.toLocalTime().time(), QLocale::ShortFormat);
    };
    QString tip = tr("The server answers no snapshot requests and no acks (it speaks the bare "
                     "Table Tap event contract). The console shows what arrived since %1 and keeps "
                     "it across reconnects, so it may be incomplete: orders, stock, shifts and "
                     "payments from before, and whatever happened while the link was down, are "
                     "missing. Actions are confirmed by their events.")
                      .arg(m_session->liveSince().isValid() ? at(m_session->liveSince())
                                                            : QStringLiteral("—"));
    if (m_session->lastGapAt().isValid())
        tip += QLatin1Char('\n')
               + tr("Last reconnect without the events missed: %1").arg(at(m_session->lastGapAt()));
    m_offer->setToolTip(tip);
}

void StatusStrip::refreshLiveness()
{
    const QColor c = UiPalette::livenessColour(m_session->liveness());
    PlainText::setText(m_liveness,
                       QStringLiteral("● ") + PlainText::display(m_session->livenessText()));
    QPalette p = m_liveness->palette();
    p.setColor(QPalette::WindowText, c);
    m_liveness->setPalette(p);
    const QString transport = m_session->transportName();
    PlainText::setText(m_transport, transport.isEmpty() ? QString()
                                                        : QStringLiteral("[%1]").arg(
                                                            PlainText::display(transport)));
    m_transport->setToolTip(tr("Transport to the hub"));
}

void StatusStrip::refreshChips()
{
    const QDateTime now = m_session->clock()->now();
    for (const QString &nsp : ConsoleSession::namespaces()) {
        QLabel *chip = m_chips.value(nsp);
        const QDateTime last = m_session->lastEventAt(nsp);
        const qint64 age = last.isValid() ? qMax<qint64>(0, last.secsTo(now)) : -1;
        chip->setText(namespaceLabel(nsp) + QLatin1Char(' ') + ageText(age));
        const bool connected = m_session->isNamespaceConnected(nsp);
        chip->setToolTip((last.isValid() ? tr("Last event at %1")
                                               .arg(QLocale().toString(last.toLocalTime().time(),
                                                                       QLocale::LongFormat))
                                         : tr("No event yet"))
                         + QLatin1Char('\n')
                         + (connected ? tr("Namespace %1 connected").arg(nsp)
                                      : tr("Namespace %1 NOT connected").arg(nsp)));
        const int style = connected ? 0 : 1;
        if (m_chipStyle.value(nsp, -1) != style) {
            m_chipStyle.insert(nsp, style);
            chip->setStyleSheet(
                connected ? QStringLiteral("border: 1px solid #9e9e9e; border-radius: 3px;")
                          : QStringLiteral("border: 1px solid #c62828; border-radius: 3px; "
                                           "color: #c62828;"));
        }
    }
}

void StatusStrip::refreshIdentity()
{
    const SessionIdentity id = m_session->identity();
    if (!id.isValid()) {
        m_identity->setText(tr("not signed in"));
        return;
    }
    PlainText::setText(m_identity,
                       tr("%1 · %2 · %3")
                           .arg(PlainText::display(id.name.isEmpty() ? id.userId : id.name),
                                PlainText::display(roleLabel(id.role)),
                                PlainText::display(id.cafeId)));
}

void StatusStrip::acknowledgeRefused()
{
    for (const OutboxEntry &e : m_session->outbox()->rows())
        if (e.state == OutboxEntry::State::Refused || e.state == OutboxEntry::State::Unknown)
            m_seenRefused.insert(e.requestId);
    refreshOutbox();
}

void StatusStrip::refreshOutbox()
{
    int waiting = 0;
    int refused = 0;
    int unknown = 0;
    for (const OutboxEntry &e : m_session->outbox()->rows()) {
        if (e.state == OutboxEntry::State::Pending || e.state == OutboxEntry::State::Sent)
            ++waiting;
        else if (e.state == OutboxEntry::State::Refused && !m_seenRefused.contains(e.requestId))
            ++refused;
        else if (e.state == OutboxEntry::State::Unknown && !m_seenRefused.contains(e.requestId))
            ++unknown;
    }
    QString text = tr("Outbox: %1 waiting").arg(waiting);
    if (refused > 0)
        text += tr(", %1 refused").arg(refused);
    if (unknown > 0)
        text += tr(", %1 unknown").arg(unknown);
    refused += unknown; // both want a look
    m_outbox->setText(text);
    const int style = refused > 0 ? 2 : waiting > 0 ? 1 : 0;
    if (style != m_outboxStyle) {
        m_outboxStyle = style;
        m_outbox->setStyleSheet(style == 2   ? QStringLiteral("color: #c62828; font-weight: bold;")
                                : style == 1 ? QStringLiteral("color: #ef8f00; font-weight: bold;")
                                             : QString());
    }
}

} // namespace TableTap
