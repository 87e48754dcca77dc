// A counter display window.
#include "displaywindow.h"

#include "displaysettings.h"
#include "displayview.h"
#include "plaintext.h"

#include <QCloseEvent>
#include <QComboBox>
#include <QGuiApplication>
#include <QPushButton>
#include <QScreen>
#include <QVBoxLayout>
#include <QWindow>

namespace TableTap {

DisplayWindow::DisplayWindow(int slot, ConsoleSession *session, DisplaySettings *settings,
                             SoundPlayer *sounds, QWidget *parent)
    : QWidget(parent, Qt::Window)
    , m_slot(slot)
    , m_settings(settings)
    , m_view(new DisplayView(session, settings, sounds, this))
    , m_screenBox(new QComboBox(this))
    , m_fullButton(new QPushButton(this))
    , m_anotherButton(new QPushButton(tr("Another display"), this))
{
    setObjectName(QStringLiteral("displayWindow%1").arg(slot));
    setWindowIcon(QIcon(QStringLiteral(":/icons/tabletap.svg")));
    // The console quits with its main window; a display left open must not keep it running.
    setAttribute(Qt::WA_QuitOnClose, false);
    m_screenBox->setObjectName(QStringLiteral("displayScreen"));
    m_screenBox->setAccessibleName(tr("Screen for this display"));
    m_fullButton->setObjectName(QStringLiteral("displayFullScreen"));
    m_fullButton->setCheckable(true);
    m_anotherButton->setObjectName(QStringLiteral("displayAnother"));
    m_anotherButton->setAccessibleName(tr("Open another display window on the next screen"));
    m_view->addHeaderWidget(m_screenBox);
    m_view->addHeaderWidget(m_fullButton);
    m_view->addHeaderWidget(m_anotherButton);
    auto *closeButton = new QPushButton(tr("Close display"), this);
    closeButton->setObjectName(QStringLiteral("displayClose"));
    closeButton->setAccessibleName(tr("Close this display window"));
    m_view->addHeaderWidget(closeButton);
    // A full-screen display on a touch screen has no title bar to close it from.
    connect(closeButton, &QPushButton::clicked, this, [this] {
        DisplaySettings::Window w = m_settings->window(m_slot);
        w.open = false;
        m_settings->setWindow(m_slot, w);
        m_closedByUser = true;
        close();
    });
    m_fullButton->setText(tr("Full screen"));
    m_fullButton->setAccessibleName(m_fullButton->text());
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_view);

    const DisplaySettings::Window saved = settings->window(slot);
    m_view->setCounter(saved.counter);
    updateScreens();
    updateTitle();
    resize(1280, 800);

    connect(m_view, &DisplayView::counterChanged, this, [this] {
        updateTitle();
        save();
    });
    connect(m_screenBox, &QComboBox::activated, this, [this] {
        moveToScreen(m_screenBox->currentData().toString());
        m_view->setFocus();
    });
    connect(m_fullButton, &QPushButton::clicked, this, [this](bool on) {
        setFullScreenMode(on);
        m_view->setFocus();
    });
    connect(m_anotherButton, &QPushButton::clicked, this, &DisplayWindow::anotherWindowRequested);
    connect(qGuiApp, &QGuiApplication::screenAdded, this, &DisplayWindow::updateScreens);
    connect(qGuiApp, &QGuiApplication::screenRemoved, this, &DisplayWindow::updateScreens);
}

QString DisplayWindow::screenName() const
{
    return screen() ? screen()->name() : QString();
}

void DisplayWindow::updateScreens()
{
    m_screenBox->clear();
    const QList<QScreen *> screens = QGuiApplication::screens();
    for (int i = 0; i < screens.size(); ++i) {
        const QScreen *s = screens.at(i);
        const QSize size = s->size();
        m_screenBox->addItem(tr("Screen %1: %2 (%3×%4)")
                                 .arg(i + 1)
                                 .arg(s->name())
                                 .arg(size.width())
                                 .arg(size.height()),
                             s->name());
    }
    m_screenBox->setCurrentIndex(qMax(0, m_screenBox->findData(screenName())));
    // One screen leaves nothing to choose.
    m_screenBox->setVisible(screens.size() > 1);
}

void DisplayWindow::moveToScreen(const QString &screenName)
{
    QScreen *target = nullptr;
    for (QScreen *s : QGuiApplication::screens())
        if (s->name() == screenName)
            target = s;
    if (!target)
        return;
    const bool full = isFullScreen();
    if (full)
        showNormal();
    if (windowHandle())
        windowHandle()->setScreen(target);
    const QRect area = target->availableGeometry();
    setGeometry(area.adjusted(area.width() / 20, area.height() / 20, -area.width() / 20,
                              -area.height() / 20));
    if (full)
        showFullScreen();
    m_screenBox->setCurrentIndex(qMax(0, m_screenBox->findData(screenName)));
    save();
}

void DisplayWindow::setFullScreenMode(bool on)
{
    if (on) {
        // Without a window manager (a kiosk's bare X server) nothing else sizes the window.
        if (screen())
            setGeometry(screen()->geometry());
        showFullScreen();
    } else
        showNormal();
    m_fullButton->setChecked(on);
    save();
}

void DisplayWindow::showAsSaved()
{
    m_restoring = true;
    const DisplaySettings::Window saved = m_settings->window(m_slot);
    if (!saved.geometry.isEmpty())
        restoreGeometry(saved.geometry);
    show();
    if (!saved.screen.isEmpty() && saved.screen != screenName())
        moveToScreen(saved.screen);
    if (saved.fullScreen)
        showFullScreen();
    m_restoring = false;
    updateScreens();
    save();
}

void DisplayWindow::save()
{
    if (m_restoring)
        return;
    DisplaySettings::Window w;
    w.open = isVisible();
    w.screen = screenName();
    w.counter = m_view->counter();
    w.fullScreen = isFullScreen();
    w.geometry = saveGeometry();
    m_settings->setWindow(m_slot, w);
}

void DisplayWindow::updateTitle()
{
    const QString counter = m_view->counter();
    setWindowTitle(PlainText::windowTitle(
        counter.isEmpty() ? tr("Counter display — all counters")
                          : tr("Counter display — %1").arg(PlainText::display(counter))));
}

void DisplayWindow::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::WindowStateChange) {
        m_fullButton->setChecked(isFullScreen());
        m_fullButton->setText(isFullScreen() ? tr("Leave full screen") : tr("Full screen"));
        m_fullButton->setAccessibleName(m_fullButton->text());
        save();
    }
}

void DisplayWindow::closeEvent(QCloseEvent *event)
{
    // Closed by the user: it stays closed next time. Closed with the whole console (Quit,
    // closeAllWindows, which sends no spontaneous event): it comes back.
    if (!m_closedByUser)
        save();
    if (event->spontaneous() || m_closedByUser) {
        DisplaySettings::Window w = m_settings->window(m_slot);
        w.open = false;
        m_settings->setWindow(m_slot, w);
    }
    QWidget::closeEvent(event);
}

} // namespace TableTap
