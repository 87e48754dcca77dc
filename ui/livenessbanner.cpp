// The liveness banner.
#include "livenessbanner.h"

#include "plaintext.h"
#include "uilogging.h"
#include "uipalette.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QVBoxLayout>

namespace TableTap {

namespace {
QString durationText(qint64 secs)
{
    if (secs < 60)
        return LivenessBanner::tr("%1 s").arg(secs);
    if (secs < 3600)
        return LivenessBanner::tr("%1 min %2 s").arg(secs / 60).arg(secs % 60);
    return LivenessBanner::tr("%1 h %2 min").arg(secs / 3600).arg((secs % 3600) / 60);
}
} // namespace

LivenessBanner::LivenessBanner(ConsoleSession *session, QWidget *parent)
    : QFrame(parent)
    , m_session(session)
    , m_icon(new QLabel(this))
    , m_title(new QLabel(this))
    , m_detail(new QLabel(this))
    , m_connect(new QPushButton(this))
{
    setObjectName(QStringLiteral("livenessBanner"));
    setAttribute(Qt::WA_StyledBackground, true);
    setFocusPolicy(Qt::NoFocus);
    auto *row = new QHBoxLayout(this);
    row->setContentsMargins(14, 8, 14, 8);
    QFont big = m_icon->font();
    big.setPointSizeF(big.pointSizeF() * 1.8);
    m_icon->setFont(big);
    m_icon->setText(QStringLiteral("⚠"));
    row->addWidget(m_icon);
    auto *texts = new QVBoxLayout;
    texts->setSpacing(2);
    QFont bold = m_title->font();
    bold.setBold(true);
    bold.setPointSizeF(bold.pointSizeF() * 1.15);
    m_title->setFont(bold);
    m_title->setObjectName(QStringLiteral("bannerTitle"));
    m_detail->setObjectName(QStringLiteral("bannerDetail"));
    // The hub's address and its refusal come from outside.
    PlainText::makePlain(m_title);
    PlainText::makePlain(m_detail);
    m_detail->setWordWrap(true);
    texts->addWidget(m_title);
    texts->addWidget(m_detail);
    row->addLayout(texts, 1);
    m_connect->setFocusPolicy(Qt::TabFocus);
    row->addWidget(m_connect);
    connect(m_connect, &QPushButton::clicked, this, &LivenessBanner::connectRequested);

    connect(session, &ConsoleSession::livenessChanged, this, &LivenessBanner::refresh);
    connect(session, &ConsoleSession::namespaceFreshnessChanged, this, &LivenessBanner::refresh);
    connect(session, &ConsoleSession::stateChanged, this, &LivenessBanner::refresh);
    connect(session->outbox(), &OutboxModel::flushed, this, &LivenessBanner::refresh);
    refresh();
}

QString LivenessBanner::title() const
{
    return m_title->text();
}

QString LivenessBanner::detail() const
{
    return m_detail->text();
}

void LivenessBanner::refresh()
{
    using L = ConsoleSession::Liveness;
    const L liveness = m_session->liveness();
    if (liveness == L::Live) {
        if (m_shown != L::Live)
            qCInfo(lcUi) << "live again: banner cleared";
        m_shown = L::Live;
        m_styled = L::Live;
        m_since = {};
        setVisible(false);
        return;
    }
    const QDateTime now = m_session->clock()->now();
    if (m_shown != liveness) {
        // Connecting and reconnecting are one outage; keep its start.
        const bool sameOutage = m_shown != L::Live && m_since.isValid();
        if (!sameOutage)
            m_since = now;
        m_shown = liveness;
    }
    const QString since = QLocale().toString(m_since.toLocalTime().time(), QLocale::ShortFormat);
    const QString forHow = durationText(m_since.secsTo(now));
    const int waiting = m_session->outbox()->pendingCount();
    const QString queued
        = waiting > 0 ? tr("%n action(s) wait in the outbox and go out when the hub is back.",
                           nullptr, waiting)
                      : tr("Actions you take wait in the outbox and go out when the hub is back.");
    const QString hub = PlainText::display(m_session->hubUrl().toDisplayString());
    QString title;
    QString detail;
    bool offerConnect = false;
    switch (liveness) {
    case L::Connecting:
        title = tr("Connecting to the hub… — the screen is not live yet");
        detail = tr("Waiting for %1 since %2 (%3). %4").arg(hub, since, forHow, queued);
        break;
    case L::Reconnecting:
        title = tr("Connection to the hub lost — NOT UPDATING");
        detail = tr("Reconnecting to %1. Nothing has arrived since %2 (%3). %4")
                     .arg(hub, since, forHow, queued);
        break;
    case L::Silent:
        title = tr("The hub has gone silent — data may be stale");
        detail = tr("No heartbeat from %1 beyond its interval (since %2, %3). %4")
                     .arg(hub, since, forHow, queued);
        break;
    case L::Offline:
        title = tr("Offline — not connected to a hub");
        detail = tr("Nothing on screen is updating (since %1, %2). %3").arg(since, forHow, queued);
        offerConnect = true;
        break;
    case L::Refused:
        title = tr("The hub refused this console");
        detail = tr("%1. Sign in again to continue.")
                     .arg(PlainText::display(m_session->livenessText()));
        offerConnect = true;
        break;
    case L::Live:
        break;
    }
    PlainText::setText(m_title, title);
    PlainText::setText(m_detail, detail);
    m_connect->setText(liveness == L::Refused ? tr("Sign in again…") : tr("Connect…"));
    m_connect->setVisible(offerConnect);
    if (m_styled != liveness) {
        qCInfo(lcUi).noquote() << "banner:" << title;
        // Restyled only on a change: the text refreshes every second, the style need not.
        m_styled = liveness;
        const QColor bg = UiPalette::livenessColour(liveness);
        const QColor fg = UiPalette::textOn(bg);
        setStyleSheet(QStringLiteral("#livenessBanner { background: %1; } #livenessBanner QLabel "
                                     "{ color: %2; }")
                          .arg(bg.name(), fg.name()));
    }
    setVisible(true);
}

} // namespace TableTap
