// One item line on a counter display ticket: "2× Latte" with its customizations under it, and a
// box to tick when it is made. A whole row is the touch target (at least the 9 mm the view
// asks for); the text wraps, never elides, because a missing "oat milk" is a wrong drink.
#pragma once

#include <QAbstractButton>

class QVBoxLayout;

namespace TableTap {

class TicketText;

class TicketItemRow final : public QAbstractButton
{
    Q_OBJECT
public:
    explicit TicketItemRow(QWidget *parent = nullptr);

    void setItem(const QString &itemId, const QString &title, const QStringList &customizations);
    QString itemId() const { return m_itemId; }
    void setColours(const QColor &text, const QColor &muted, const QColor &tick);
    // The smallest height a finger can hit (device pixels).
    void setMinimumTouchHeight(int pixels);

    bool hasHeightForWidth() const override { return true; }
    int heightForWidth(int width) const override;
    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    int boxSize() const;
    void updateAccessibility();
    void updateLook();

    QString m_itemId;
    QString m_title;
    QStringList m_customizations;
    QColor m_text = Qt::black;
    QColor m_muted = Qt::darkGray;
    QColor m_tick = Qt::darkGreen;
    int m_touch = 0;
    QVBoxLayout *m_layout;
    TicketText *m_titleText;
    TicketText *m_detailText;
};

} // namespace TableTap
