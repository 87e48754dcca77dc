// The customer ready board as a console window, for a screen that faces the customers: big
// "Preparing" and "Ready for pickup" columns with each order's ticket number and the customer's
// first name, the newest ready order on top and highlighted, and an optional call-out when an
// order becomes ready (spoken through Qt TextToSpeech where the build and the machine have it,
// the console's "order ready" sound otherwise). It reads the console's OrderQueueModel, so it
// follows every console's and device's changes as the queue does; type scales with the window.
// The hub's /board page is the same board for a TV's browser (docs/hub.md).
#pragma once

#include "order.h"

#include <QHash>
#include <QSet>
#include <QTimer>
#include <QWidget>

class QCheckBox;
class QFrame;
class QLabel;
class QTextToSpeech;
class QVBoxLayout;

namespace TableTap {

class OrderQueueModel;
class SoundPlayer;

class ReadyBoardWindow final : public QWidget
{
    Q_OBJECT
public:
    // sounds: the console's player, for the call-out without speech (may be null).
    ReadyBoardWindow(OrderQueueModel *orders, SoundPlayer *sounds, QWidget *parent = nullptr);
    ~ReadyBoardWindow() override;

    // What each column shows, top to bottom, as "ticket name" (tests, screenshots).
    QStringList preparingTexts() const { return texts(m_preparingRows, m_preparingShown); }
    QStringList readyTexts() const { return texts(m_readyRows, m_readyShown); }
    // The highlighted order's "ticket name"; empty when nothing is ready.
    QString newestReady() const;

    bool isCallOutOn() const;
    void setCallOut(bool on);
    // Whether the call-out speaks (Qt TextToSpeech with a working engine) or rings.
    static bool canSpeak();

    // "42" of ORD20261207042 (the hub's numbers: ORD, the date, the day's sequence); any other
    // number as it is.
    static QString ticketOf(const QString &orderNumber);
    // "Anna" of "Anna Schmidt", as the hub's board shows it.
    static QString firstNameOf(const QString &customerName);

Q_SIGNALS:
    // Each call-out's words, spoken or rung (tests, the event log).
    void calledOut(const QString &text);

protected:
    void resizeEvent(QResizeEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    struct Row
    {
        QFrame *frame;
        QLabel *ticket;
        QLabel *name;
    };
    void scheduleRefresh();
    void refresh();
    void applySizes();
    void retranslate();
    void callOut(const Order &order);
    // Shows entries in rows (created as needed), as many as fit; returns how many are shown.
    int fill(QList<Row> &rows, QVBoxLayout *layout, QWidget *column, QLabel *more,
             const QList<const Order *> &entries, bool highlightFirst);
    static QStringList texts(const QList<Row> &rows, int shown);

    OrderQueueModel *m_orders;
    SoundPlayer *m_sounds;
    QLabel *m_preparingTitle;
    QLabel *m_readyTitle;
    QCheckBox *m_callOutBox;
    QWidget *m_preparingColumn;
    QWidget *m_readyColumn;
    QVBoxLayout *m_preparingLayout;
    QVBoxLayout *m_readyLayout;
    QLabel *m_preparingMore;
    QLabel *m_readyMore;
    QList<Row> m_preparingRows, m_readyRows;
    int m_preparingShown = 0, m_readyShown = 0;
    int m_entryPx = 24;
    QTimer m_refreshTimer;
    // When this window first saw each ready order ready: the hub's ready times have whole
    // seconds, so two orders ready within one second keep the order they became ready in.
    QHash<QString, quint64> m_readySeen;
    quint64 m_readyCount = 0;
    QSet<QString> m_readyIds; // ready at the last refresh
    bool m_primed = false;    // a first refresh happened: later new ready orders are called out
    QTextToSpeech *m_speech = nullptr;
};

} // namespace TableTap
