// Non-modal notifications in a corner of the window: at most N at once (the oldest gives way),
// each dismissed by a click or after a while. Never takes focus, never blocks the queue.
#pragma once

#include <QFrame>
#include <QList>
#include <QPointer>

class QVBoxLayout;

namespace TableTap {

class ToastStack final : public QWidget
{
    Q_OBJECT
public:
    enum class Kind { Info, Success, Warning, Error };
    Q_ENUM(Kind)

    // Floats over host's bottom-right corner and follows its size.
    explicit ToastStack(QWidget *host);

    void setMaxVisible(int count);
    int maxVisible() const { return m_max; }
    // Default display time (ms); post() may override it per toast.
    void setTimeout(int ms) { m_timeout = ms; }

    void post(Kind kind, const QString &title, const QString &text, int timeoutMs = -1);
    void dismissAll();
    int count() const;
    // Titles and texts of the visible toasts, newest first.
    QStringList texts() const;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void dismiss(QFrame *toast);
    void reposition();

    QWidget *m_host;
    QVBoxLayout *m_layout;
    QList<QPointer<QFrame>> m_toasts; // newest first
    int m_max = 4;
    int m_timeout = 8000;
};

} // namespace TableTap
