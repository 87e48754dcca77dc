// The full-width bar across the top of the window whenever the data on screen is not live
// (connecting, reconnecting, silent beyond the heartbeat, offline, refused). It says what is
// wrong and since when, never opens a dialog, and hides itself once the session is live again.
#pragma once

#include "consolesession.h"

#include <QDateTime>
#include <QFrame>

class QLabel;
class QPushButton;

namespace TableTap {

class LivenessBanner final : public QFrame
{
    Q_OBJECT
public:
    explicit LivenessBanner(ConsoleSession *session, QWidget *parent = nullptr);

    QString title() const;
    QString detail() const;

Q_SIGNALS:
    // "Connect…" / "Sign in again…" was pressed.
    void connectRequested();

private:
    void refresh();

    ConsoleSession *m_session;
    QLabel *m_icon;
    QLabel *m_title;
    QLabel *m_detail;
    QPushButton *m_connect;
    ConsoleSession::Liveness m_shown = ConsoleSession::Liveness::Live;
    ConsoleSession::Liveness m_styled = ConsoleSession::Liveness::Live;
    QDateTime m_since;
};

} // namespace TableTap
