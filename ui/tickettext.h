// A piece of plain text on a counter display ticket: wraps at word boundaries, and anywhere in
// a word too long for the line (a customer name of 500 letters must not make the tile 5000
// pixels wide, as a QLabel's word wrap would). Never markup; what reaches it is shown as typed.
#pragma once

#include <QWidget>

namespace TableTap {

class TicketText final : public QWidget
{
    Q_OBJECT
public:
    explicit TicketText(QWidget *parent = nullptr);

    void setText(const QString &text);
    QString text() const { return m_text; }
    void setAlignment(Qt::Alignment alignment);
    // Filled behind the text when valid (the flash line, badges).
    void setColours(const QColor &text, const QColor &background = {});
    // Inner space left and right of the text (px).
    void setPadding(int pixels);

    bool hasHeightForWidth() const override { return true; }
    int heightForWidth(int width) const override;
    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    QString m_text;
    Qt::Alignment m_alignment = Qt::AlignLeft;
    QColor m_colour = Qt::black;
    QColor m_background;
    int m_padding = 0;
};

} // namespace TableTap
