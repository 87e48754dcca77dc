// The counter display (kitchen display): open orders of one counter (or all) as ticket tiles,
// oldest first, flowing in columns and pages, readable from two metres (the text grows with
// the window from the app's own font, so it also follows the system font size). Driven by a
// bump bar or keyboard through DisplayKeyMap (digits select, bump, bump to ready, multi-level
// recall, paging) and by touch (tap, swipe, 9 mm targets). Changes a barista must not miss
// flash on the tile with a sound: an order cancelled or moved away (the tile stays a moment,
// then leaves), moved here, its items changed; a closed counter shows a banner.
#pragma once

#include "displaysettings.h"
#include "displaytheme.h"
#include "tickettile.h"

#include <QBasicTimer>
#include <QDeadlineTimer>
#include <QHash>
#include <QSet>
#include <QWidget>

class QComboBox;
class QHBoxLayout;
class QLabel;
class QPushButton;

namespace TableTap {

class ConsoleSession;
class SoundPlayer;
class TicketBoard;

class DisplayView final : public QWidget
{
    Q_OBJECT
public:
    DisplayView(ConsoleSession *session, DisplaySettings *settings, SoundPlayer *sounds,
                QWidget *parent = nullptr);
    ~DisplayView() override;

    // Empty: every counter. Per view: two windows can show two counters.
    void setCounter(const QString &counter);
    QString counter() const { return m_counter; }

    TicketBoard *board() const { return m_board; }
    // The tiles in flow order (those leaving after a change included).
    QList<TicketTile *> tiles() const;
    TicketTile *tile(const QString &orderId) const { return m_tiles.value(orderId); }
    QString selectedOrderId() const { return m_selected; }
    void selectOrder(const QString &orderId);
    // The orders this view bumped, newest last (what Recall walks back through).
    QStringList bumpHistory() const { return m_bumped; }

    QComboBox *counterBox() const { return m_counterBox; }
    QPushButton *themeButton() const { return m_themeButton; }
    QPushButton *keysButton() const { return m_keysButton; }
    QPushButton *recallButton() const { return m_recallButton; }
    QPushButton *previousPageButton() const { return m_prevButton; }
    QPushButton *nextPageButton() const { return m_nextButton; }
    QPushButton *banner() const { return m_banner; }
    QLabel *pageLabel() const { return m_pageLabel; }
    // Host controls (the window's screen choice) go at the end of the header.
    void addHeaderWidget(QWidget *widget);

    // How long a changed tile flashes, and how long a cancelled or moved-away one stays (ms).
    void setFlashTimes(int flashMs, int lingerMs);
    // Body text size (points) and the touch target (px) now in use.
    qreal bodyPointSize() const { return m_pointSize; }
    int touchPixels() const { return m_touch; }
    // 9 mm on this widget's screen, in device-independent pixels.
    int nineMillimetres() const;

public Q_SLOTS:
    void bumpSelected();
    void bumpSelectedToReady();
    void recall();
    void tickNextItem();
    void nextPage();
    void previousPage();
    void showKeyMapDialog();
    void toggleTheme();

Q_SIGNALS:
    void counterChanged(const QString &counter);

protected:
    void keyPressEvent(QKeyEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void timerEvent(QTimerEvent *event) override;
    void changeEvent(QEvent *event) override;
    void showEvent(QShowEvent *event) override;

private:
    struct Known
    {
        OrderStatus status = OrderStatus::Unknown;
        QString counter;
        QString items; // what the tile shows of the items, to notice a change
    };
    static QString itemsSignature(const Order &order);
    bool shows(const Order &order) const;
    void refresh();
    void noticeChanges();
    void noticeCounters();
    void flashTile(const Order &order, TicketTile::Flash kind, const QString &what, bool leaving);
    TicketTile *tileFor(const Order &order);
    void rebuild();
    void updateAges();
    void updateMetrics();
    void updateCounters();
    void updatePageLine();
    void updateRecall();
    void applyTheme();
    void selectIndex(int index);
    int selectedIndex() const;
    void bump(const QString &orderId);
    void updatePositions();
    void showBanner(const QString &text);
    void handle(DisplayKeyMap::Action action);
    bool itemChecksAvailable() const;
    void checkItem(const QString &orderId, const QString &itemId, bool made);

    ConsoleSession *m_session;
    DisplaySettings *m_settings;
    SoundPlayer *m_sounds;
    DisplayKeyMap m_keys;
    DisplayTheme m_theme;
    QString m_counter;
    TicketBoard *m_board;
    QHash<QString, TicketTile *> m_tiles;
    QHash<QString, Known> m_known;
    bool m_primed = false; // the first look at the queue only learns, it does not flash
    QHash<QString, QDeadlineTimer> m_leaving;
    QHash<QString, QString> m_counterState; // counter → status, to notice a closing
    QString m_selected;
    int m_selectedFallback = 0;
    QStringList m_bumped;
    QSet<QString> m_toReady;
    QHash<QString, std::pair<QString, QString>> m_ticks; // request id → order id, item id
    QString m_selectAfterRecall;
    bool m_countersPrimed = false;
    int m_flashMs = 6000;
    int m_lingerMs = 8000;
    qreal m_pointSize = 0;
    int m_touch = 0;
    QBasicTimer m_tick;
    QBasicTimer m_bannerTimer;

    QHBoxLayout *m_header;
    QList<QWidget *> m_hostWidgets;
    QLabel *m_title;
    QComboBox *m_counterBox;
    QLabel *m_pageLabel;
    QPushButton *m_themeButton;
    QPushButton *m_keysButton;
    QPushButton *m_banner;
    QPushButton *m_prevButton;
    QPushButton *m_recallButton;
    QPushButton *m_nextButton;
};

} // namespace TableTap
