// The view's notice for a server without snapshots.
#include "snapshotnotice.h"

#include "consolesession.h"

namespace TableTap {

SnapshotNotice::SnapshotNotice(ConsoleSession *session, const QString &text, QWidget *parent)
    : QLabel(text, parent)
    , m_session(session)
{
    setObjectName(QStringLiteral("snapshotNotice"));
    setTextFormat(Qt::PlainText); // our own words, but never markup
    setWordWrap(true);
    setMargin(4);
    setStyleSheet(QStringLiteral("background: #fff8e1; border: 1px solid #ef8f00; "
                                 "border-radius: 3px; color: #5d4037;"));
    connect(session, &ConsoleSession::snapshotOfferChanged, this, &SnapshotNotice::refresh);
    refresh();
}

void SnapshotNotice::refresh()
{
    setVisible(m_session->liveEventsOnly());
}

} // namespace TableTap
