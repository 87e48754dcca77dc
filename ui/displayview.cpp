// The counter display.
#include "displayview.h"

#include "consolesession.h"
#include "displaykeymapdialog.h"
#include "plaintext.h"
#include "soundplayer.h"
#include "ticketboard.h"
#include "ticketitemrow.h"
#include "touchtarget.h"
#include "uipalette.h"

#include <QApplication>
#include <QComboBox>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QPushButton>
#include <QScreen>
#include <QTimerEvent>
#include <QVBoxLayout>

#include <algorithm>

namespace TableTap {

namespace {
constexpr int BannerMs = 60 * 1000;
constexpr int MaxBumpHistory = 50;
} // namespace

DisplayView::DisplayView(ConsoleSession *session, DisplaySettings *settings, SoundPlayer *sounds,
                         QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_settings(settings)
    , m_sounds(sounds)
    , m_keys(settings->keyMap())
    , m_theme(DisplayTheme::of(settings->theme()))
    , m_board(new TicketBoard(this))
    , m_header(new QHBoxLayout)
    , m_title(PlainText::label(QString(), this))
    , m_counterBox(new QComboBox(this))
    , m_pageLabel(PlainText::label(QString(), this))
    , m_themeButton(new QPushButton(this))
    , m_keysButton(new QPushButton(tr("Keys…"), this))
    , m_banner(new QPushButton(this))
    , m_prevButton(new QPushButton(tr("◀ Previous page"), this))
    , m_recallButton(new QPushButton(tr("Recall"), this))
    , m_nextButton(new QPushButton(tr("Next page ▶"), this))
{
    setObjectName(QStringLiteral("displayView"));
    setAccessibleName(tr("Counter display"));
    setFocusPolicy(Qt::StrongFocus);
    setAutoFillBackground(true);

    m_counterBox->setObjectName(QStringLiteral("displayCounter"));
    m_counterBox->setAccessibleName(tr("Counter shown on this display"));
    m_counterBox->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_themeButton->setObjectName(QStringLiteral("displayTheme"));
    m_keysButton->setObjectName(QStringLiteral("displayKeys"));
    m_keysButton->setAccessibleName(tr("Change the display's keys"));
    m_banner->setObjectName(QStringLiteral("displayBanner"));
    m_banner->setFlat(true);
    m_banner->setAutoFillBackground(true);
    m_banner->hide();
    m_prevButton->setObjectName(QStringLiteral("displayPreviousPage"));
    m_prevButton->setAccessibleName(tr("Previous page of tickets"));
    m_recallButton->setObjectName(QStringLiteral("displayRecall"));
    m_nextButton->setObjectName(QStringLiteral("displayNextPage"));
    m_nextButton->setAccessibleName(tr("Next page of tickets"));
    m_pageLabel->setObjectName(QStringLiteral("displayPage"));
    m_title->setObjectName(QStringLiteral("displayTitle"));
    // Controls take focus from Tab only: a tap must never leave focus on a button that the bump
    // bar's next Space or Enter would then press.
    for (QWidget *w :
         std::initializer_list<QWidget *>{m_counterBox, m_themeButton, m_keysButton, m_banner,
                                          m_prevButton, m_recallButton, m_nextButton})
        w->setFocusPolicy(Qt::TabFocus);

    m_header->addWidget(m_title);
    m_header->addSpacing(12);
    auto *counterLabel = new QLabel(tr("C&ounter:"), this);
    counterLabel->setBuddy(m_counterBox);
    m_header->addWidget(counterLabel);
    m_hostWidgets.append(counterLabel);
    m_header->addWidget(m_counterBox);
    m_header->addSpacing(12);
    m_header->addWidget(m_pageLabel);
    m_header->addStretch(1);
    m_header->addWidget(m_themeButton);
    m_header->addWidget(m_keysButton);
    auto *footer = new QHBoxLayout;
    footer->addWidget(m_prevButton);
    footer->addStretch(1);
    footer->addWidget(m_recallButton);
    footer->addStretch(1);
    footer->addWidget(m_nextButton);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(m_header);
    layout->addWidget(m_banner);
    layout->addWidget(m_board, 1);
    layout->addLayout(footer);

    connect(m_counterBox, &QComboBox::activated, this, [this] {
        setCounter(m_counterBox->currentData().toString());
        setFocus();
    });
    connect(m_themeButton, &QPushButton::clicked, this, &DisplayView::toggleTheme);
    connect(m_keysButton, &QPushButton::clicked, this, &DisplayView::showKeyMapDialog);
    connect(m_banner, &QPushButton::clicked, m_banner, &QWidget::hide);
    connect(m_prevButton, &QPushButton::clicked, this, &DisplayView::previousPage);
    connect(m_nextButton, &QPushButton::clicked, this, &DisplayView::nextPage);
    connect(m_recallButton, &QPushButton::clicked, this, &DisplayView::recall);
    connect(m_board, &TicketBoard::pagesChanged, this, [this] {
        updatePositions();
        updatePageLine();
    });
    connect(settings, &DisplaySettings::themeChanged, this, [this](DisplaySettings::Theme t) {
        m_theme = DisplayTheme::of(t);
        applyTheme();
    });
    connect(settings, &DisplaySettings::keyMapChanged, this,
            [this] { m_keys = m_settings->keyMap(); });
    connect(session->orders(), &BatchedTableModel::flushed, this, &DisplayView::refresh);
    connect(session, &ConsoleSession::snapshotOfferChanged, this, &DisplayView::rebuild);
    connect(session, &ConsoleSession::commandFinished, this,
            [this](const QString &requestId, bool ok) {
                const auto tick = m_ticks.take(requestId);
                if (!ok && !tick.first.isEmpty())
                    if (TicketTile *t = m_tiles.value(tick.first))
                        t->clearPendingTick(tick.second);
            });
    connect(session, &ConsoleSession::commandUnconfirmed, this, [this](const QString &requestId) {
        const auto tick = m_ticks.take(requestId);
        if (TicketTile *t = m_tiles.value(tick.first))
            t->clearPendingTick(tick.second);
    });
    connect(session->counters(), &BatchedTableModel::flushed, this, [this] {
        noticeCounters();
        updateCounters();
    });

    noticeCounters();
    updateCounters();
    updateMetrics();
    applyTheme();
    refresh();
    m_tick.start(1000, Qt::CoarseTimer, this);
}

DisplayView::~DisplayView() = default;

QList<TicketTile *> DisplayView::tiles() const
{
    return m_board->tiles();
}

void DisplayView::addHeaderWidget(QWidget *widget)
{
    widget->setFocusPolicy(widget->focusPolicy() == Qt::NoFocus ? Qt::NoFocus : Qt::TabFocus);
    m_header->addWidget(widget);
    m_hostWidgets.append(widget);
    m_pointSize = 0; // the new control gets the display's sizes
    updateMetrics();
}

void DisplayView::setFlashTimes(int flashMs, int lingerMs)
{
    m_flashMs = qMax(0, flashMs);
    m_lingerMs = qMax(0, lingerMs);
}

void DisplayView::setCounter(const QString &counter)
{
    if (counter == m_counter)
        return;
    m_counter = counter;
    // Leaving tiles belonged to the old choice.
    for (auto it = m_leaving.cbegin(); it != m_leaving.cend(); ++it)
        if (TicketTile *t = m_tiles.value(it.key()))
            t->setLeaving(false);
    m_leaving.clear();
    updateCounters();
    rebuild();
    Q_EMIT counterChanged(counter);
}

bool DisplayView::shows(const Order &order) const
{
    return isOpenStatus(order.status) && (m_counter.isEmpty() || order.counter == m_counter);
}

QString DisplayView::itemsSignature(const Order &order)
{
    QStringList parts;
    for (const OrderItem &i : order.items)
        parts.append(QString::number(i.quantity) + u'\x1f' + i.productName + u'\x1f'
                     + i.customizations.join(u'\x1e'));
    return parts.join(u'\x1d');
}

void DisplayView::refresh()
{
    noticeChanges();
    // A bump to ready from "pending" goes one step at a time, each a recallable advance.
    for (auto it = m_toReady.begin(); it != m_toReady.end();) {
        const Order *o = m_session->orders()->order(*it);
        if (o && o->status == OrderStatus::Preparing) {
            bump(*it);
            it = m_toReady.erase(it);
        } else if (!o || o->status != OrderStatus::Pending) {
            it = m_toReady.erase(it);
        } else {
            ++it;
        }
    }
    rebuild();
}

void DisplayView::noticeChanges()
{
    QSet<QString> present;
    for (const Order &o : m_session->orders()->rows()) {
        present.insert(o.id);
        const Known now{o.status, o.counter, itemsSignature(o)};
        const auto it = m_known.constFind(o.id);
        if (m_primed && it != m_known.constEnd()) {
            const Known before = *it;
            const bool wasShown = m_tiles.contains(o.id) && !m_leaving.contains(o.id);
            if (wasShown && o.status == OrderStatus::Cancelled
                && before.status != OrderStatus::Cancelled) {
                flashTile(o, TicketTile::Flash::Cancelled, {}, true);
            } else if (before.counter != o.counter && isOpenStatus(o.status)) {
                if (!m_counter.isEmpty() && before.counter == m_counter && wasShown)
                    flashTile(o, TicketTile::Flash::MovedAway, o.counter, true);
                else if (!m_counter.isEmpty() && o.counter == m_counter)
                    flashTile(o, TicketTile::Flash::MovedHere, before.counter, false);
                else if (m_counter.isEmpty() && wasShown)
                    flashTile(o, TicketTile::Flash::MovedAway, o.counter, false);
            } else if (before.items != now.items && wasShown && isOpenStatus(o.status)) {
                flashTile(o, TicketTile::Flash::ItemsChanged, {}, false);
            }
        }
        m_known.insert(o.id, now);
    }
    for (auto it = m_known.begin(); it != m_known.end();)
        it = present.contains(it.key()) ? std::next(it) : m_known.erase(it);
    m_primed = true;
}

void DisplayView::noticeCounters()
{
    for (const CounterInfo &c : m_session->counters()->rows()) {
        const QString before = m_counterState.value(c.name);
        m_counterState.insert(c.name, c.status);
        if (!m_countersPrimed || before.isEmpty() || before == c.status || c.isActive())
            continue;
        QString text = c.name == m_counter
                           ? tr("This counter (%1) is closed").arg(PlainText::display(c.name))
                           : tr("%1 is closed").arg(PlainText::display(c.name));
        if (!c.reason.isEmpty())
            text += QStringLiteral(": ") + PlainText::display(c.reason);
        showBanner(text);
    }
    m_countersPrimed = true;
}

void DisplayView::showBanner(const QString &text)
{
    m_banner->setText(
        PlainText::mnemonicSafe(text + QStringLiteral("  ·  ") + tr("tap to dismiss")));
    m_banner->setAccessibleName(text);
    m_banner->show();
    m_bannerTimer.start(BannerMs, this);
    m_sounds->play(SoundPlayer::Sound::OrderChanged);
}

void DisplayView::flashTile(const Order &order, TicketTile::Flash kind, const QString &what,
                            bool leaving)
{
    TicketTile *t = tileFor(order);
    t->setOrder(order);
    t->flash(kind, what, m_flashMs);
    if (leaving) {
        m_leaving.insert(order.id, QDeadlineTimer(m_lingerMs));
        t->setLeaving(true);
    }
    m_sounds->play(SoundPlayer::Sound::OrderChanged);
}

TicketTile *DisplayView::tileFor(const Order &order)
{
    if (TicketTile *t = m_tiles.value(order.id))
        return t;
    auto *t = new TicketTile(m_board);
    t->setTheme(m_theme);
    t->setMetrics(m_pointSize, m_touch);
    t->setItemsCheckable(itemChecksAvailable());
    connect(t, &TicketTile::selectRequested, this, [this](const QString &id) {
        selectOrder(id);
        setFocus();
    });
    connect(t, &TicketTile::itemCheckRequested, this, &DisplayView::checkItem);
    connect(t, &TicketTile::bumpRequested, this, [this](const QString &id) {
        selectOrder(id);
        bump(id);
        setFocus();
    });
    m_tiles.insert(order.id, t);
    return t;
}

bool DisplayView::itemChecksAvailable() const
{
    // Item check-off is the Table Tap hub's own command: a server of the bare event contract
    // (live events only) would refuse every tick.
    return !m_session->liveEventsOnly();
}

void DisplayView::checkItem(const QString &orderId, const QString &itemId, bool made)
{
    const QString requestId = m_session->checkItem(orderId, itemId, made);
    if (requestId.isEmpty())
        return;
    // Every command ends in commandFinished or commandUnconfirmed; the bound is for a session
    // that is torn down with ticks in flight.
    if (m_ticks.size() >= 256)
        m_ticks.clear();
    m_ticks.insert(requestId, {orderId, itemId});
}

void DisplayView::rebuild()
{
    // Tiles whose moment after a change is over leave now.
    for (auto it = m_leaving.begin(); it != m_leaving.end();) {
        const Order *o = m_session->orders()->order(it.key());
        if (it->hasExpired() || (o && shows(*o)))
            it = m_leaving.erase(it);
        else
            ++it;
    }
    QList<Order> shown;
    for (const Order &o : m_session->orders()->rows())
        if (shows(o) || m_leaving.contains(o.id))
            shown.append(o);
    for (auto it = m_leaving.cbegin(); it != m_leaving.cend(); ++it)
        if (!m_session->orders()->order(it.key()) && m_tiles.contains(it.key()))
            shown.append(m_tiles.value(it.key())->order());
    // Oldest first: the order the counter works in.
    std::stable_sort(shown.begin(), shown.end(), [](const Order &a, const Order &b) {
        if (a.createdAt != b.createdAt)
            return a.createdAt < b.createdAt;
        return a.number < b.number;
    });

    QList<TicketTile *> list;
    QSet<QString> keep;
    const bool checks = itemChecksAvailable();
    for (const Order &o : std::as_const(shown)) {
        TicketTile *t = tileFor(o);
        t->setOrder(o);
        t->setLeaving(m_leaving.contains(o.id));
        t->setItemsCheckable(checks);
        list.append(t);
        keep.insert(o.id);
    }
    for (auto it = m_tiles.begin(); it != m_tiles.end();) {
        if (keep.contains(it.key())) {
            ++it;
            continue;
        }
        (*it)->hide();
        (*it)->deleteLater(); // it may be the sender of what got us here
        it = m_tiles.erase(it);
    }
    // Ages first: a longer age text can wrap the name onto a second line.
    updateAges();
    m_board->setTiles(list);

    if (!m_selectAfterRecall.isEmpty() && m_tiles.contains(m_selectAfterRecall)) {
        m_selected = m_selectAfterRecall;
        m_selectAfterRecall.clear();
    }
    if (!m_selected.isEmpty() && !m_tiles.contains(m_selected))
        m_selected.clear();
    if (m_selected.isEmpty() && !list.isEmpty())
        m_selected = list.at(qBound(0, m_selectedFallback, int(list.size()) - 1))->orderId();
    selectOrder(m_selected);
    updatePositions();
    updatePageLine();
    updateRecall();
}

void DisplayView::updateAges()
{
    const OrderQueueModel *model = m_session->orders();
    bool resized = false;
    for (TicketTile *t : std::as_const(m_tiles)) {
        const int row = model->rowOf(t->orderId());
        if (row < 0)
            continue;
        const QModelIndex i = model->index(row, OrderQueueModel::AgeColumn);
        const int before = t->isVisible() ? t->heightForWidth(t->width()) : 0;
        t->setAge(i.data(OrderQueueModel::AgeSecondsRole).toLongLong(),
                  i.data(OrderQueueModel::AgeLevelRole).toInt());
        resized = resized || (t->isVisible() && t->heightForWidth(t->width()) != before);
    }
    // "9:59" → "10:00" or the late sign can push a long name onto another line.
    if (resized)
        m_board->relayout();
}

void DisplayView::updatePositions()
{
    const QList<TicketTile *> visible = m_board->visibleTiles();
    for (TicketTile *t : m_board->tiles()) {
        const qsizetype i = visible.indexOf(t);
        t->setPosition(i >= 0 && i < 9 ? int(i) + 1 : 0);
    }
}

void DisplayView::updatePageLine()
{
    const int count = m_board->pageCount();
    const int tiles = int(m_board->tiles().size());
    m_pageLabel->setText(
        count > 1
            ? tr("Page %1 of %2 · %n ticket(s)", nullptr, tiles).arg(m_board->page() + 1).arg(count)
            : tr("%n ticket(s)", nullptr, tiles));
    m_prevButton->setEnabled(m_board->page() > 0);
    m_nextButton->setEnabled(m_board->page() + 1 < count);
}

void DisplayView::updateRecall()
{
    QString target;
    for (auto it = m_bumped.crbegin(); it != m_bumped.crend(); ++it)
        if (m_session->canRecall(*it)) {
            target = *it;
            break;
        }
    const Order *o = target.isEmpty() ? nullptr : m_session->orders()->order(target);
    m_recallButton->setEnabled(o != nullptr);
    m_recallButton->setText(o ? tr("Recall %1").arg(PlainText::mnemonicSafe(o->number))
                              : tr("Recall"));
    m_recallButton->setAccessibleName(o ? tr("Recall order %1").arg(PlainText::display(o->number))
                                        : tr("Recall the last bumped order"));
}

void DisplayView::updateCounters()
{
    m_counterBox->clear();
    m_counterBox->addItem(tr("All counters"), QString());
    QStringList names = m_session->counters()->names();
    if (!m_counter.isEmpty() && !names.contains(m_counter))
        names.append(m_counter);
    for (const QString &name : std::as_const(names))
        m_counterBox->addItem(PlainText::display(name), name);
    m_counterBox->setCurrentIndex(qMax(0, m_counterBox->findData(m_counter)));
    m_title->setText(m_counter.isEmpty() ? tr("All counters") : PlainText::display(m_counter));
}

int DisplayView::nineMillimetres() const
{
    return TouchTarget::nineMillimetres(this);
}

void DisplayView::updateMetrics()
{
    // The app's font is the system's (and follows its size setting); the display scales it up
    // with the window, so a 1080p screen reads from two metres and a small window stays usable.
    const qreal base
        = QApplication::font().pointSizeF() > 0 ? QApplication::font().pointSizeF() : 10.0;
    const qreal scale = qBound(1.0, qMin(width() / 1000.0, height() / 620.0), 4.0);
    const qreal point = base * 1.45 * scale;
    QFont body = QApplication::font();
    body.setPointSizeF(point);
    const QFontMetrics fm(body);
    const int touch = qMax(nineMillimetres(), fm.height() + fm.height() / 2);
    if (qFuzzyCompare(point, m_pointSize) && touch == m_touch)
        return;
    m_pointSize = point;
    m_touch = touch;
    QFont header = body;
    header.setPointSizeF(point * 0.8);
    QList<QWidget *> controls{m_counterBox, m_pageLabel,    m_themeButton, m_keysButton,
                              m_prevButton, m_recallButton, m_nextButton};
    controls += m_hostWidgets;
    for (QWidget *w : std::as_const(controls)) {
        w->setFont(header);
        w->setMinimumHeight(m_touch);
    }
    QFont title = body;
    title.setBold(true);
    m_title->setFont(title);
    m_banner->setFont(title);
    m_banner->setMinimumHeight(m_touch);
    for (TicketTile *t : std::as_const(m_tiles))
        t->setMetrics(point, touch);
    // A column holds a customized drink's line without breaking every word.
    m_board->setMinimumColumnWidth(fm.averageCharWidth() * 26);
}

void DisplayView::applyTheme()
{
    QPalette p = palette();
    p.setColor(QPalette::Window, m_theme.window);
    p.setColor(QPalette::WindowText, m_theme.windowText);
    p.setColor(QPalette::Button, m_theme.tile);
    p.setColor(QPalette::ButtonText, m_theme.tileText);
    p.setColor(QPalette::Base, m_theme.tile);
    p.setColor(QPalette::Text, m_theme.tileText);
    p.setColor(QPalette::Highlight, m_theme.selected);
    p.setColor(QPalette::HighlightedText, UiPalette::textOn(m_theme.selected));
    // A control that does nothing now (no earlier page, nothing to recall) must look it.
    for (QPalette::ColorRole role : {QPalette::ButtonText, QPalette::WindowText, QPalette::Text})
        p.setColor(QPalette::Disabled, role, m_theme.disabledText);
    p.setColor(QPalette::Disabled, QPalette::Button, m_theme.window);
    setPalette(p);
    QPalette bp = m_banner->palette();
    bp.setColor(QPalette::Button, m_theme.banner);
    bp.setColor(QPalette::Window, m_theme.banner);
    bp.setColor(QPalette::ButtonText, m_theme.bannerText);
    m_banner->setPalette(bp);
    const bool dark = m_settings->theme() == DisplaySettings::Theme::Dark;
    m_themeButton->setText(dark ? tr("High contrast") : tr("Dark theme"));
    m_themeButton->setAccessibleName(dark ? tr("Switch to the high-contrast theme")
                                          : tr("Switch to the dark theme"));
    for (TicketTile *t : std::as_const(m_tiles))
        t->setTheme(m_theme);
}

void DisplayView::toggleTheme()
{
    m_settings->setTheme(m_settings->theme() == DisplaySettings::Theme::Dark
                             ? DisplaySettings::Theme::HighContrast
                             : DisplaySettings::Theme::Dark);
}

void DisplayView::showKeyMapDialog()
{
    auto *dialog = new DisplayKeyMapDialog(m_settings->keyMap(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        m_settings->setKeyMap(dialog->keyMap());
        setFocus();
    });
    dialog->open();
}

int DisplayView::selectedIndex() const
{
    TicketTile *t = m_tiles.value(m_selected);
    return t ? int(m_board->tiles().indexOf(t)) : -1;
}

void DisplayView::selectOrder(const QString &orderId)
{
    TicketTile *chosen = m_tiles.value(orderId);
    m_selected = chosen ? orderId : QString();
    for (TicketTile *t : std::as_const(m_tiles))
        t->setSelected(t == chosen);
    if (chosen) {
        m_selectedFallback = int(m_board->tiles().indexOf(chosen));
        const int page = m_board->pageOf(chosen);
        if (page >= 0)
            m_board->setPage(page);
    }
}

void DisplayView::selectIndex(int index)
{
    const QList<TicketTile *> &all = m_board->tiles();
    if (all.isEmpty())
        return;
    selectOrder(all.at(qBound(0, index, int(all.size()) - 1))->orderId());
}

void DisplayView::bump(const QString &orderId)
{
    const TicketTile *t = m_tiles.value(orderId);
    const Order *o = m_session->orders()->order(orderId);
    if (!o || !isOpenStatus(o->status) || (t && t->isLeaving()))
        return;
    if (m_session->advanceOrder(orderId).isEmpty())
        return;
    m_bumped.removeAll(orderId);
    m_bumped.append(orderId);
    while (m_bumped.size() > MaxBumpHistory)
        m_bumped.removeFirst();
    updateRecall();
}

void DisplayView::bumpSelected()
{
    if (!m_selected.isEmpty())
        bump(m_selected);
}

void DisplayView::bumpSelectedToReady()
{
    const Order *o = m_selected.isEmpty() ? nullptr : m_session->orders()->order(m_selected);
    if (!o)
        return;
    if (o->status == OrderStatus::Pending) {
        m_toReady.insert(o->id);
        bump(o->id);
    } else if (o->status == OrderStatus::Preparing) {
        bump(o->id);
    }
}

void DisplayView::tickNextItem()
{
    // From the keyboard: the first item of the selected ticket not made yet.
    TicketTile *t = m_tiles.value(m_selected);
    if (!t || t->isLeaving() || !itemChecksAvailable())
        return;
    for (TicketItemRow *row : t->itemRows())
        if (!row->isChecked()) {
            row->click();
            return;
        }
}

void DisplayView::recall()
{
    // Each press goes one bump further back: the newest bump that can still be recalled.
    while (!m_bumped.isEmpty()) {
        const QString id = m_bumped.takeLast();
        if (!m_session->canRecall(id))
            continue;
        if (!m_session->recallOrder(id).isEmpty()) {
            m_selectAfterRecall = id;
            break;
        }
    }
    updateRecall();
}

void DisplayView::nextPage()
{
    if (m_board->page() + 1 >= m_board->pageCount())
        return;
    m_board->setPage(m_board->page() + 1);
    if (!m_board->visibleTiles().isEmpty())
        selectOrder(m_board->visibleTiles().first()->orderId());
}

void DisplayView::previousPage()
{
    if (m_board->page() <= 0)
        return;
    m_board->setPage(m_board->page() - 1);
    if (!m_board->visibleTiles().isEmpty())
        selectOrder(m_board->visibleTiles().first()->orderId());
}

void DisplayView::handle(DisplayKeyMap::Action action)
{
    const int tile = DisplayKeyMap::tileIndex(action);
    if (tile >= 0) {
        const QList<TicketTile *> visible = m_board->visibleTiles();
        if (tile < visible.size())
            selectOrder(visible.at(tile)->orderId());
        return;
    }
    switch (action) {
    case DisplayKeyMap::Action::Bump:
        bumpSelected();
        break;
    case DisplayKeyMap::Action::BumpReady:
        bumpSelectedToReady();
        break;
    case DisplayKeyMap::Action::Recall:
        recall();
        break;
    case DisplayKeyMap::Action::TickItem:
        tickNextItem();
        break;
    case DisplayKeyMap::Action::SelectPrevious:
        selectIndex(qMax(0, selectedIndex() - 1));
        break;
    case DisplayKeyMap::Action::SelectNext:
        selectIndex(selectedIndex() + 1);
        break;
    case DisplayKeyMap::Action::PagePrevious:
        previousPage();
        break;
    case DisplayKeyMap::Action::PageNext:
        nextPage();
        break;
    default:
        break;
    }
}

void DisplayView::keyPressEvent(QKeyEvent *event)
{
    if (const auto action = m_keys.actionFor(event)) {
        handle(*action);
        event->accept();
        return;
    }
    QWidget::keyPressEvent(event);
}

void DisplayView::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    updateMetrics();
}

void DisplayView::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    // The system's font size reaches the app font, and through it the display.
    if (event->type() == QEvent::ApplicationFontChange || event->type() == QEvent::FontChange
        || event->type() == QEvent::ScreenChangeInternal) {
        m_pointSize = 0;
        updateMetrics();
    }
}

void DisplayView::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    setFocus();
}

void DisplayView::timerEvent(QTimerEvent *event)
{
    if (event->timerId() == m_bannerTimer.timerId()) {
        m_bannerTimer.stop();
        m_banner->hide();
        return;
    }
    if (event->timerId() != m_tick.timerId()) {
        QWidget::timerEvent(event);
        return;
    }
    bool expired = false;
    for (const QDeadlineTimer &d : std::as_const(m_leaving))
        expired = expired || d.hasExpired();
    if (expired)
        rebuild();
    else
        updateAges();
    updateRecall();
}

} // namespace TableTap
