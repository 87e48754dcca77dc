// Non-modal notifications in a row of their own, between the views and the status strip. The row
// is part of the window's layout and always there, so a toast takes no room from a view when it
// appears and covers nothing: no queue row, chart axis or button is ever behind one, and nothing
// moves under the pointer. Toasts sit side by side, newest first, one line each (the whole text
// in the tooltip): at most N at once (fewer when the window is too narrow; the oldest gives way),
// each dismissed by a click or after a while. A toast of a group already on screen takes its
// place instead of adding another (the notifier folds repeats into it: "3 orders ready").
// Never takes focus, never blocks the queue.
#pragma once

#include <QFrame>
#include <QList>
#include <QPointer>

class QHBoxLayout;

namespace TableTap {

class ToastStack final : public QFrame
{
    Q_OBJECT
public:
    enum class Kind { Info, Success, Warning, Error };
    Q_ENUM(Kind)

    explicit ToastStack(QWidget *parent = nullptr);

    void setMaxVisible(int count);
    int maxVisible() const { return m_max; }
    // How many fit side by side at the row's current width (at least one).
    int fitting() const;
    // Default display time (ms); post() may override it per toast.
    void setTimeout(int ms) { m_timeout = ms; }

    // Shows a toast. With a group, it replaces the group's toast if one is on screen (in its
    // place, with a fresh timer); without one, the same title and text again replace their toast.
    void post(Kind kind, const QString &title, const QString &text, int timeoutMs = -1,
              const QString &group = {});
    bool isShowing(const QString &group) const;
    void dismissAll();
    int count() const;
    // Titles and texts of the visible toasts ("title: text"), newest first.
    QStringList texts() const;
    // The toasts on screen, newest first (tests check where they are).
    QList<QWidget *> toastWidgets() const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    void dismiss(QFrame *toast);
    void trim();

    QHBoxLayout *m_row;
    QList<QPointer<QFrame>> m_toasts; // newest first
    int m_max = 3;
    int m_timeout = 8000;
};

} // namespace TableTap
