// The toast row.
#include "toaststack.h"

#include "plaintext.h"
#include "uilogging.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QMouseEvent>
#include <QTimer>
#include <QToolButton>

#include <functional>

namespace TableTap {

namespace {
constexpr int MinCardWidth = 280; // below this a toast says too little to be worth showing
constexpr int Spacing = 6;
constexpr int Margin = 3;

QString accentFor(ToastStack::Kind kind)
{
    switch (kind) {
    case ToastStack::Kind::Success:
        return QStringLiteral("#2e7d32");
    case ToastStack::Kind::Warning:
        return QStringLiteral("#ef8f00");
    case ToastStack::Kind::Error:
        return QStringLiteral("#c62828");
    case ToastStack::Kind::Info:
        break;
    }
    return QStringLiteral("#1565c0");
}

// One toast on one line: the title in bold, then the text, each cut short with "…" when the
// card is narrow (the tooltip has both in full). Closes on any click, not only on its button.
class ToastCard final : public QFrame
{
public:
    ToastCard(const QString &title, const QString &text, QWidget *parent)
        : QFrame(parent)
        , m_title(new QLabel(this))
        , m_text(new QLabel(this))
        , m_fullTitle(PlainText::neutralised(title))
        , m_fullText(PlainText::neutralised(text))
    {
        // Names and messages come from the network: shown as text, never as markup, and
        // without bidi controls that could reorder the words around them.
        for (QLabel *l : {m_title, m_text}) {
            PlainText::makePlain(l);
            l->setWordWrap(false);
        }
        // fit() gives the title its width; the text takes the rest, whatever its length.
        m_title->setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Preferred);
        m_text->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
        QFont bold = m_title->font();
        bold.setBold(true);
        m_title->setFont(bold);
        m_title->setObjectName(QStringLiteral("toastTitle"));
        m_text->setObjectName(QStringLiteral("toastText"));
        setToolTip(PlainText::toolTip(text.isEmpty() ? title : title + QLatin1Char('\n') + text));
    }
    std::function<void()> onClick;

    QLabel *titleLabel() const { return m_title; }
    QLabel *textLabel() const { return m_text; }
    QString fullText() const
    {
        return m_fullText.isEmpty() ? m_fullTitle : m_fullTitle + QStringLiteral(": ") + m_fullText;
    }

    // Fits title and text into width w (the space beside the close button).
    void fit(int w)
    {
        const QFontMetrics titleMetrics(m_title->font());
        const QFontMetrics textMetrics(m_text->font());
        const int titleWidth = titleMetrics.horizontalAdvance(m_fullTitle) + 2;
        int forTitle = std::min(titleWidth, w);
        // The text gets what the title leaves, unless that is too little to read.
        const int forText = w - forTitle - Spacing;
        const bool showText = !m_fullText.isEmpty() && forText >= 48;
        if (!showText)
            forTitle = w;
        m_title->setText(titleMetrics.elidedText(m_fullTitle, Qt::ElideRight, forTitle));
        m_title->setFixedWidth(std::max(0, forTitle));
        m_text->setVisible(showText);
        if (showText)
            m_text->setText(textMetrics.elidedText(m_fullText, Qt::ElideRight, forText));
    }

protected:
    void mouseReleaseEvent(QMouseEvent *event) override
    {
        if (event->button() == Qt::LeftButton && onClick)
            onClick();
    }

private:
    QLabel *m_title;
    QLabel *m_text;
    QString m_fullTitle;
    QString m_fullText;
};

int cardHeight(const QWidget *w)
{
    QFont bold = w->font();
    bold.setBold(true);
    return QFontMetrics(bold).height() + 12;
}
} // namespace

ToastStack::ToastStack(QWidget *parent)
    : QFrame(parent)
    , m_row(new QHBoxLayout(this))
{
    setObjectName(QStringLiteral("toastStack"));
    setFocusPolicy(Qt::NoFocus);
    m_row->setContentsMargins(Margin, Margin, Margin, Margin);
    m_row->setSpacing(Spacing);
    m_row->addStretch(1);
    // Always the same height, empty or not: the views above never change size for a toast.
    setFixedHeight(cardHeight(this) + 2 * Margin);
    setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Fixed);
}

QSize ToastStack::sizeHint() const
{
    return {MinCardWidth + 2 * Margin, cardHeight(this) + 2 * Margin};
}

QSize ToastStack::minimumSizeHint() const
{
    return {0, cardHeight(this) + 2 * Margin};
}

int ToastStack::fitting() const
{
    const int room = width() - 2 * Margin;
    return std::max(1, (room + Spacing) / (MinCardWidth + Spacing));
}

void ToastStack::setMaxVisible(int count)
{
    m_max = qMax(1, count);
    trim();
}

bool ToastStack::isShowing(const QString &group) const
{
    for (const auto &t : m_toasts)
        if (t && t->property("group").toString() == group)
            return true;
    return false;
}

void ToastStack::post(Kind kind, const QString &title, const QString &text, int timeoutMs,
                      const QString &group)
{
    const QString key = text.isEmpty() ? title : title + QStringLiteral(": ") + text;
    // The same news again (an order recalled and made ready twice), or a group's newer summary,
    // replaces the old toast instead of stacking a copy; it comes first, as the newest.
    QFrame *previous = nullptr;
    for (const auto &t : std::as_const(m_toasts))
        if (t && !previous
            && (group.isEmpty() ? t->property("key").toString() == key
                                : t->property("group").toString() == group))
            previous = t;
    dismiss(previous);

    qCDebug(lcUi).noquote() << "toast:" << key;
    auto *toast = new ToastCard(title, text, this);
    toast->setObjectName(QStringLiteral("toast"));
    toast->setProperty("key", key);
    toast->setProperty("group", group);
    toast->setFocusPolicy(Qt::NoFocus);
    toast->setFixedHeight(cardHeight(this));
    toast->setAttribute(Qt::WA_StyledBackground, true);
    toast->setStyleSheet(QStringLiteral("#toast { background: palette(base); border: 1px solid "
                                        "#bdbdbd; border-left: 5px solid %1; border-radius: 3px; }")
                             .arg(accentFor(kind)));
    auto *line = new QHBoxLayout(toast);
    line->setContentsMargins(8, 0, 2, 0);
    line->setSpacing(Spacing);
    line->addWidget(toast->titleLabel());
    line->addWidget(toast->textLabel(), 1);
    auto *close = new QToolButton(toast);
    close->setText(QStringLiteral("×"));
    close->setAutoRaise(true);
    close->setFocusPolicy(Qt::NoFocus);
    close->setToolTip(tr("Dismiss"));
    line->addWidget(close);

    QPointer<QFrame> guard(toast);
    toast->onClick = [this, guard] {
        dismiss(guard);
    };
    connect(close, &QToolButton::clicked, this, [this, guard] { dismiss(guard); });
    QTimer::singleShot(timeoutMs > 0 ? timeoutMs : m_timeout, this,
                       [this, guard] { dismiss(guard); });

    m_row->insertWidget(0, toast);
    m_toasts.prepend(guard);
    toast->show(); // a child added to a shown row stays hidden otherwise
    trim();
}

void ToastStack::trim()
{
    // Before the row has its width (not shown yet) only the setting counts.
    const int slots = isVisible() ? std::min(m_max, fitting()) : m_max;
    while (m_toasts.size() > slots)
        dismiss(m_toasts.last());
    // Fixed slots, left to right: a toast does not grow or jump when another comes or goes.
    const int room = width() - 2 * Margin;
    const int cardWidth = std::max(MinCardWidth / 2, (room - (slots - 1) * Spacing) / slots);
    for (const auto &t : std::as_const(m_toasts)) {
        if (!t)
            continue;
        t->setFixedWidth(cardWidth);
        auto *card = static_cast<ToastCard *>(t.data());
        const int closeWidth = card->findChild<QToolButton *>()->sizeHint().width();
        card->fit(cardWidth - 8 - 2 - 5 - 2 * Spacing - closeWidth);
    }
}

void ToastStack::dismiss(QFrame *toast)
{
    if (!toast)
        return;
    m_toasts.removeAll(QPointer<QFrame>(toast));
    m_row->removeWidget(toast);
    toast->hide();
    toast->deleteLater();
}

void ToastStack::dismissAll()
{
    const auto all = m_toasts;
    for (const auto &t : all)
        dismiss(t);
}

int ToastStack::count() const
{
    int n = 0;
    for (const auto &t : m_toasts)
        n += t ? 1 : 0;
    return n;
}

QStringList ToastStack::texts() const
{
    QStringList out;
    for (const auto &t : m_toasts)
        if (t)
            out << static_cast<const ToastCard *>(t.data())->fullText();
    return out;
}

QList<QWidget *> ToastStack::toastWidgets() const
{
    QList<QWidget *> out;
    for (const auto &t : m_toasts)
        if (t)
            out << t.data();
    return out;
}

void ToastStack::resizeEvent(QResizeEvent *event)
{
    QFrame::resizeEvent(event);
    trim();
}

} // namespace TableTap
