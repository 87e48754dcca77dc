// The toast stack.
#include "toaststack.h"

#include "uilogging.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QMouseEvent>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

namespace TableTap {

namespace {
constexpr int Width = 360;
constexpr int Margin = 12;

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

// A toast closes on any click, not only on its close button.
class ToastFrame final : public QFrame
{
public:
    using QFrame::QFrame;
    std::function<void()> onClick;

protected:
    void mouseReleaseEvent(QMouseEvent *event) override
    {
        if (event->button() == Qt::LeftButton && onClick)
            onClick();
    }
};
} // namespace

ToastStack::ToastStack(QWidget *host)
    : QWidget(host)
    , m_host(host)
    , m_layout(new QVBoxLayout(this))
{
    setObjectName(QStringLiteral("toastStack"));
    setFocusPolicy(Qt::NoFocus);
    setAttribute(Qt::WA_StyledBackground, false);
    m_layout->setContentsMargins(0, 0, 0, 0);
    m_layout->setSpacing(8);
    host->installEventFilter(this);
    hide();
}

void ToastStack::setMaxVisible(int count)
{
    m_max = qMax(1, count);
    while (m_toasts.size() > m_max)
        dismiss(m_toasts.last());
}

void ToastStack::post(Kind kind, const QString &title, const QString &text, int timeoutMs)
{
    // The same news again (an order recalled and made ready twice) replaces the old toast
    // instead of stacking a copy: it moves to the top with a fresh timer.
    const QString key = text.isEmpty() ? title : title + QStringLiteral(": ") + text;
    for (const auto &t : std::as_const(m_toasts))
        if (t && t->property("key").toString() == key) {
            dismiss(t);
            break;
        }

    qCDebug(lcUi).noquote() << "toast:" << key;
    auto *toast = new ToastFrame(this);
    toast->setObjectName(QStringLiteral("toast"));
    toast->setProperty("key", key);
    toast->setFocusPolicy(Qt::NoFocus);
    toast->setFixedWidth(Width);
    toast->setAttribute(Qt::WA_StyledBackground, true);
    toast->setStyleSheet(QStringLiteral("#toast { background: palette(base); border: 1px solid "
                                        "#bdbdbd; border-left: 6px solid %1; border-radius: 4px; }")
                             .arg(accentFor(kind)));
    auto *row = new QHBoxLayout(toast);
    row->setContentsMargins(10, 8, 6, 8);
    auto *texts = new QVBoxLayout;
    auto *titleLabel = new QLabel(title, toast);
    QFont bold = titleLabel->font();
    bold.setBold(true);
    titleLabel->setFont(bold);
    titleLabel->setObjectName(QStringLiteral("toastTitle"));
    texts->addWidget(titleLabel);
    if (!text.isEmpty()) {
        auto *body = new QLabel(text, toast);
        body->setObjectName(QStringLiteral("toastText"));
        body->setWordWrap(true);
        texts->addWidget(body);
    }
    row->addLayout(texts, 1);
    auto *close = new QToolButton(toast);
    close->setText(QStringLiteral("×"));
    close->setAutoRaise(true);
    close->setFocusPolicy(Qt::NoFocus);
    close->setToolTip(tr("Dismiss"));
    row->addWidget(close, 0, Qt::AlignTop);

    QPointer<QFrame> guard(toast);
    toast->onClick = [this, guard] {
        dismiss(guard);
    };
    connect(close, &QToolButton::clicked, this, [this, guard] { dismiss(guard); });
    QTimer::singleShot(timeoutMs > 0 ? timeoutMs : m_timeout, this,
                       [this, guard] { dismiss(guard); });

    m_layout->insertWidget(0, toast);
    toast->show(); // a child added to a shown stack stays hidden otherwise
    m_toasts.prepend(guard);
    while (m_toasts.size() > m_max)
        dismiss(m_toasts.last());
    show();
    raise();
    reposition();
}

void ToastStack::dismiss(QFrame *toast)
{
    if (!toast)
        return;
    m_toasts.removeAll(QPointer<QFrame>(toast));
    m_layout->removeWidget(toast);
    toast->hide();
    toast->deleteLater();
    if (m_toasts.isEmpty())
        hide();
    else
        reposition();
}

void ToastStack::dismissAll()
{
    const auto all = m_toasts;
    for (const auto &t : all)
        dismiss(t);
}

int ToastStack::count() const
{
    return int(m_toasts.size());
}

QStringList ToastStack::texts() const
{
    QStringList out;
    for (const auto &t : m_toasts) {
        if (!t)
            continue;
        QStringList parts;
        for (const QLabel *l : t->findChildren<QLabel *>())
            parts << l->text();
        out << parts.join(QStringLiteral(": "));
    }
    return out;
}

void ToastStack::reposition()
{
    m_layout->activate();
    const QSize size = sizeHint();
    resize(size);
    move(m_host->width() - size.width() - Margin, m_host->height() - size.height() - Margin);
}

bool ToastStack::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_host && event->type() == QEvent::Resize && isVisible())
        reposition();
    return QWidget::eventFilter(watched, event);
}

} // namespace TableTap
