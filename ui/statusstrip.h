// The strip along the bottom of the window that is always there: liveness, transport, one chip
// per namespace with the age of its last event ("orders 3 s"), who is signed in, and the outbox
// badge (actions pending or refused) that opens the outbox panel.
#pragma once

#include <QHash>
#include <QSet>
#include <QWidget>

class QLabel;
class QToolButton;

namespace TableTap {

class ConsoleSession;

class StatusStrip final : public QWidget
{
    Q_OBJECT
public:
    explicit StatusStrip(ConsoleSession *session, QWidget *parent = nullptr);

    // "3 s", "1 min", "2 h"; "—" when nothing arrived yet.
    static QString ageText(qint64 seconds);
    QString chipText(const QString &nsp) const;
    QString livenessLabel() const;
    // "Demo time 12:03 (×60)" while the console shows a demo hub's simulated time, else empty.
    QString clockText() const;
    QString outboxText() const;
    // "Live events only — this server offers no snapshots" against such a server, else empty.
    QString offerText() const;
    // Refused actions counted so far have been seen (the outbox panel was opened).
    void acknowledgeRefused();

Q_SIGNALS:
    void outboxClicked();

private:
    void refreshLiveness();
    void refreshChips();
    void refreshIdentity();
    void refreshOutbox();
    void refreshClock();
    void refreshOffer();

    ConsoleSession *m_session;
    QLabel *m_liveness;
    QLabel *m_transport;
    QLabel *m_clock;
    QLabel *m_offer;
    QLabel *m_identity;
    QToolButton *m_outbox;
    QHash<QString, QLabel *> m_chips;
    QHash<QString, int> m_chipStyle; // nsp → 0 connected, 1 not: restyled on change only
    int m_outboxStyle = -1;
    QSet<QString> m_seenRefused;
};

} // namespace TableTap
