// A line at the top of a view that only snapshots can fill completely (inventory, timesheets,
// payments, counters, dashboard, and the queue's orders from before the console connected).
// Against a server that offers live events only (ConsoleSession::liveEventsOnly) it says what
// the view can show and what it cannot, so the view does not just look empty; against our hub
// it is hidden.
#pragma once

#include <QLabel>

namespace TableTap {

class ConsoleSession;

class SnapshotNotice final : public QLabel
{
    Q_OBJECT
public:
    // text: the view's own words (translated by the view).
    SnapshotNotice(ConsoleSession *session, const QString &text, QWidget *parent = nullptr);

private:
    void refresh();

    ConsoleSession *m_session;
};

} // namespace TableTap
