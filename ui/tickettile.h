// One order on the counter display: its place on the page (the digit key that selects it),
// order number, age in the cafe's colours, customer, counter, items with customizations (each a
// tick box), notes and one big bump button. Tap selects, the button or a sideways swipe bumps;
// nothing depends on hover. A change a barista must not miss (cancelled, moved, items changed)
// makes the tile flash with a line saying what happened.
#pragma once

#include "displaytheme.h"
#include "order.h"

#include <QBasicTimer>
#include <QFrame>
#include <QHash>
#include <QPointer>

class QLabel;
class QPushButton;
class QVBoxLayout;

namespace TableTap {

class TicketItemRow;
class TicketText;

class TicketTile final : public QFrame
{
    Q_OBJECT
public:
    enum class Flash { None, Cancelled, MovedHere, MovedAway, ItemsChanged };
    Q_ENUM(Flash)

    explicit TicketTile(QWidget *parent = nullptr);

    QString orderId() const { return m_order.id; }
    const Order &order() const { return m_order; }
    void setOrder(const Order &order);
    // Seconds since the order was placed and its age level (OrderQueueModel::AgeLevelRole).
    void setAge(qint64 seconds, int level);
    qint64 ageSeconds() const { return m_ageSeconds; }
    int ageLevel() const { return m_ageLevel; }
    // 1..9 when a digit key selects this tile; 0 for none.
    void setPosition(int position);
    int position() const { return m_position; }
    void setSelected(bool selected);
    bool isSelected() const { return m_selected; }
    // Whether item ticks can be sent (the server takes check_order_item).
    void setItemsCheckable(bool checkable);
    // A tick the hub refused: the item shows what the hub has again.
    void clearPendingTick(const QString &itemId);
    // A tile that is only still shown because of a change (cancelled, moved away): no actions.
    void setLeaving(bool leaving);
    bool isLeaving() const { return m_leaving; }

    void setTheme(const DisplayTheme &theme);
    // Body text size in points (the view scales it with the window) and the touch size (px).
    void setMetrics(qreal pointSize, int touchPixels);

    void flash(Flash kind, const QString &what, int durationMs);
    Flash flashKind() const { return m_flash; }
    bool isFlashing() const { return m_flashTimer.isActive(); }
    QString flashText() const;

    QPushButton *bumpButton() const { return m_bump; }
    QList<TicketItemRow *> itemRows() const { return m_rows; }

    bool hasHeightForWidth() const override { return true; }
    int heightForWidth(int width) const override;

Q_SIGNALS:
    void selectRequested(const QString &orderId);
    void bumpRequested(const QString &orderId);
    void itemCheckRequested(const QString &orderId, const QString &itemId, bool made);

protected:
    void paintEvent(QPaintEvent *event) override;
    void timerEvent(QTimerEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    bool handlePointer(QEvent *event, const QPointF &globalPos);
    void applyColours();
    void updateTexts();
    void updateAccessibility();
    QString statusText() const;
    int stripWidth() const;

    Order m_order;
    DisplayTheme m_theme = DisplayTheme::of(DisplaySettings::Theme::Dark);
    qint64 m_ageSeconds = 0;
    int m_ageLevel = 0;
    int m_position = 0;
    bool m_selected = false;
    bool m_checkable = false;
    bool m_leaving = false;
    Flash m_flash = Flash::None;
    QString m_flashWhat;
    bool m_flashOn = false;
    int m_flashTicks = 0;
    QBasicTimer m_flashTimer;
    QPointF m_pressAt;
    bool m_pressed = false;
    QHash<QString, bool> m_pendingTicks; // item id → the state sent, until the hub's answer
    qreal m_pointSize = 0;
    int m_touchPixels = 0;

    QVBoxLayout *m_layout;
    QLabel *m_positionLabel;
    TicketText *m_number;
    QLabel *m_age;
    TicketText *m_customer;
    QLabel *m_status;
    TicketText *m_counter;
    TicketText *m_flashLabel;
    QVBoxLayout *m_items;
    QList<TicketItemRow *> m_rows;
    TicketText *m_notes;
    QPushButton *m_bump;
};

} // namespace TableTap
