// A counter display ticket.
#include "tickettile.h"

#include "plaintext.h"
#include "ticketitemrow.h"
#include "tickettext.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QMouseEvent>
#include <QPainter>
#include <QPushButton>
#include <QTimerEvent>

namespace TableTap {

namespace {
constexpr int FlashPeriodMs = 400;

// The hub's own notes on each step say nothing a barista needs; a person's note does.
bool isRoutineNote(const QString &note)
{
    static const QStringList routine{
        QStringLiteral("Order created"), QStringLiteral("Started preparation"),
        QStringLiteral("Ready for pickup"), QStringLiteral("Picked up")};
    return note.isEmpty() || routine.contains(note);
}

QLabel *plainLabel(QWidget *parent)
{
    auto *l = PlainText::label(QString(), parent);
    l->setWordWrap(true);
    // Mouse presses go through to the tile (tap to select, swipe to bump).
    l->setAttribute(Qt::WA_TransparentForMouseEvents);
    return l;
}
} // namespace

TicketTile::TicketTile(QWidget *parent)
    : QFrame(parent)
    , m_layout(new QVBoxLayout(this))
    , m_positionLabel(plainLabel(this))
    , m_number(new TicketText(this))
    , m_age(plainLabel(this))
    , m_customer(new TicketText(this))
    , m_status(plainLabel(this))
    , m_counter(new TicketText(this))
    , m_flashLabel(new TicketText(this))
    , m_items(new QVBoxLayout)
    , m_notes(new TicketText(this))
    , m_bump(new QPushButton(this))
{
    setObjectName(QStringLiteral("ticketTile"));
    setFocusPolicy(Qt::NoFocus);
    setAttribute(Qt::WA_OpaquePaintEvent, false);
    m_positionLabel->setAlignment(Qt::AlignCenter);
    m_positionLabel->setWordWrap(false);
    m_age->setAlignment(Qt::AlignCenter);
    m_age->setWordWrap(false);
    m_age->setAutoFillBackground(true);
    m_flashLabel->setAlignment(Qt::AlignCenter);
    m_flashLabel->hide();
    m_status->setWordWrap(false);
    m_bump->setObjectName(QStringLiteral("bumpButton"));
    m_bump->setFocusPolicy(Qt::NoFocus);
    m_bump->setAutoDefault(false);
    connect(m_bump, &QPushButton::clicked, this, [this] {
        if (!m_leaving)
            Q_EMIT bumpRequested(m_order.id);
    });

    // The name the barista calls out first, then the number and where it goes: a full order
    // number ("ORD20261207042") is too long for the big type.
    auto *header = new QHBoxLayout;
    header->setSpacing(8);
    header->addWidget(m_positionLabel);
    header->addWidget(m_customer, 1);
    header->addWidget(m_age, 0, Qt::AlignTop);
    auto *where = new QHBoxLayout;
    where->addWidget(m_counter, 1);
    where->addWidget(m_status);
    m_layout->addLayout(header);
    m_layout->addWidget(m_flashLabel);
    m_layout->addWidget(m_number);
    m_layout->addLayout(where);
    m_items->setSpacing(2);
    m_layout->addLayout(m_items);
    m_layout->addWidget(m_notes);
    m_layout->addWidget(m_bump);
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);
    applyColours();
}

void TicketTile::setOrder(const Order &order)
{
    const bool itemsChanged = [&] {
        if (order.items.size() != m_order.items.size())
            return true;
        for (qsizetype i = 0; i < order.items.size(); ++i) {
            const OrderItem &a = order.items.at(i);
            const OrderItem &b = m_order.items.at(i);
            if (a.id != b.id || a.productName != b.productName || a.quantity != b.quantity
                || a.customizations != b.customizations)
                return true;
        }
        return false;
    }();
    m_order = order;
    if (itemsChanged) {
        while (m_rows.size() > order.items.size())
            delete m_rows.takeLast();
        while (m_rows.size() < order.items.size()) {
            auto *row = new TicketItemRow(this);
            row->installEventFilter(this);
            connect(row, &QAbstractButton::clicked, this, [this, row](bool checked) {
                if (!m_checkable || m_leaving) {
                    row->setChecked(!checked);
                    return;
                }
                // Shown ticked at once; the hub's order:item_checked confirms it (or a refusal
                // takes it back through clearPendingTick).
                m_pendingTicks.insert(row->itemId(), checked);
                Q_EMIT itemCheckRequested(m_order.id, row->itemId(), checked);
            });
            m_items->addWidget(row);
            m_rows.append(row);
        }
        for (qsizetype i = 0; i < order.items.size(); ++i) {
            const OrderItem &item = order.items.at(i);
            m_rows.at(i)->setItem(item.id, tr("%1× %2").arg(item.quantity).arg(item.productName),
                                  item.customizations);
        }
        if (m_pointSize > 0)
            setMetrics(m_pointSize, m_touchPixels);
    }
    for (qsizetype i = 0; i < order.items.size(); ++i) {
        const OrderItem &item = order.items.at(i);
        const auto pending = m_pendingTicks.constFind(item.id);
        if (pending != m_pendingTicks.constEnd() && *pending == item.made)
            m_pendingTicks.erase(pending);
        m_rows.at(i)->setChecked(m_pendingTicks.value(item.id, item.made));
    }
    updateTexts();
    applyColours();
}

void TicketTile::clearPendingTick(const QString &itemId)
{
    m_pendingTicks.remove(itemId);
    for (qsizetype i = 0; i < m_order.items.size(); ++i)
        if (m_order.items.at(i).id == itemId)
            m_rows.at(i)->setChecked(m_order.items.at(i).made);
}

void TicketTile::setAge(qint64 seconds, int level)
{
    if (seconds == m_ageSeconds && level == m_ageLevel)
        return;
    const bool levelChanged = level != m_ageLevel;
    m_ageSeconds = seconds;
    m_ageLevel = level;
    const qint64 s = qMax<qint64>(0, seconds);
    QString text = s >= 3600 ? tr("%1 h %2 min").arg(s / 3600).arg((s % 3600) / 60)
                             : QStringLiteral("%1:%2").arg(s / 60).arg(s % 60, 2, 10, QChar(u'0'));
    // Late shows as a sign as well as a colour: colour alone fails the colour-blind (the
    // accessible description says "late" in words).
    if (level >= 2)
        text = QStringLiteral("⚠ ") + text;
    m_age->setText(text);
    if (levelChanged)
        applyColours();
    updateAccessibility();
}

void TicketTile::setPosition(int position)
{
    if (m_position == position)
        return;
    m_position = position;
    m_positionLabel->setText(position > 0 ? QString::number(position) : QString());
    m_positionLabel->setVisible(position > 0);
    updateAccessibility();
}

void TicketTile::setSelected(bool selected)
{
    if (m_selected == selected)
        return;
    m_selected = selected;
    updateAccessibility();
    update();
}

void TicketTile::setItemsCheckable(bool checkable)
{
    m_checkable = checkable;
    for (TicketItemRow *row : std::as_const(m_rows))
        row->setEnabled(checkable || row->isChecked());
    updateTexts();
}

void TicketTile::setLeaving(bool leaving)
{
    m_leaving = leaving;
    m_bump->setVisible(!leaving);
    updateTexts();
}

void TicketTile::setTheme(const DisplayTheme &theme)
{
    m_theme = theme;
    applyColours();
}

void TicketTile::setMetrics(qreal pointSize, int touchPixels)
{
    m_pointSize = pointSize;
    m_touchPixels = touchPixels;
    QFont body = font();
    body.setPointSizeF(pointSize);
    setFont(body);
    QFont big = body;
    big.setPointSizeF(pointSize * 1.25);
    big.setBold(true);
    m_customer->setFont(big);
    m_positionLabel->setFont(big);
    m_positionLabel->setMinimumWidth(QFontMetrics(big).height());
    QFont bold = body;
    bold.setBold(true);
    m_number->setFont(bold);
    m_age->setFont(bold);
    m_status->setFont(bold);
    m_flashLabel->setFont(bold);
    QFont small = body;
    small.setPointSizeF(pointSize * 0.85);
    m_counter->setFont(small);
    QFont notes = small;
    notes.setItalic(true);
    m_notes->setFont(notes);
    for (TicketItemRow *row : std::as_const(m_rows)) {
        row->setFont(body);
        row->setMinimumTouchHeight(touchPixels);
    }
    m_bump->setFont(bold);
    m_bump->setMinimumHeight(touchPixels);
    const int margin = qMax(6, QFontMetrics(body).height() / 3);
    // Room on the left for the age strip paintEvent draws.
    m_layout->setContentsMargins(margin + stripWidth(), margin, margin, margin);
    m_layout->setSpacing(margin / 2);
    m_age->setContentsMargins(margin / 2, 0, margin / 2, 0);
    updateGeometry();
}

int TicketTile::stripWidth() const
{
    return qMax(6, m_touchPixels / 6);
}

int TicketTile::heightForWidth(int width) const
{
    return m_layout->totalHeightForWidth(width);
}

QString TicketTile::statusText() const
{
    switch (m_order.status) {
    case OrderStatus::Pending:
        return tr("New");
    case OrderStatus::Preparing:
        return tr("Making");
    case OrderStatus::Ready:
        return tr("Ready");
    case OrderStatus::Completed:
        return tr("Picked up");
    case OrderStatus::Cancelled:
        return tr("Cancelled");
    case OrderStatus::Unknown:
        break;
    }
    return {};
}

void TicketTile::updateTexts()
{
    m_number->setText(PlainText::display(m_order.number));
    QString who = PlainText::display(m_order.customerName);
    if (m_order.isProxy && !m_order.orderedFor.name.isEmpty())
        who = tr("%1 for %2").arg(who, PlainText::display(m_order.orderedFor.name));
    m_customer->setText(who);
    m_status->setText(statusText());
    m_counter->setText(m_order.counter.isEmpty() ? tr("No counter")
                                                 : PlainText::display(m_order.counter));
    QStringList notes;
    if (!m_order.cancelReason.isEmpty())
        notes.append(tr("Cancelled: %1").arg(PlainText::display(m_order.cancelReason)));
    for (auto it = m_order.history.crbegin(); it != m_order.history.crend(); ++it)
        if (!isRoutineNote(it->notes) && it->notes != m_order.cancelReason) {
            notes.append(PlainText::display(it->notes));
            break;
        }
    m_notes->setText(notes.join(u'\n'));
    switch (m_order.status) {
    case OrderStatus::Pending:
        m_bump->setText(tr("Start"));
        break;
    case OrderStatus::Preparing:
        m_bump->setText(tr("Ready"));
        break;
    case OrderStatus::Ready:
        m_bump->setText(tr("Picked up"));
        break;
    default:
        m_bump->setText(tr("Bump"));
        break;
    }
    m_bump->setAccessibleName(
        tr("Bump order %1: %2").arg(PlainText::display(m_order.number), m_bump->text()));
    m_bump->setEnabled(!m_leaving && isOpenStatus(m_order.status));
    updateAccessibility();
}

void TicketTile::updateAccessibility()
{
    QString name
        = tr("Order %1 for %2")
              .arg(PlainText::display(m_order.number), PlainText::display(m_order.customerName));
    if (m_position > 0)
        name = tr("Ticket %1: %2").arg(m_position).arg(name);
    setAccessibleName(name);
    QStringList items;
    for (const OrderItem &i : m_order.items) {
        QString line = tr("%1× %2").arg(i.quantity).arg(PlainText::display(i.productName));
        if (i.made)
            line = tr("%1, made").arg(line);
        if (!i.customizations.isEmpty()) {
            QStringList c;
            for (const QString &s : i.customizations)
                c.append(PlainText::display(s));
            line += QStringLiteral(" (") + c.join(QStringLiteral(", ")) + u')';
        }
        items.append(line);
    }
    QStringList parts{statusText(), items.join(QStringLiteral("; ")),
                      tr("waiting %n minute(s)", nullptr, int(m_ageSeconds / 60))};
    if (!m_order.counter.isEmpty())
        parts.append(tr("at %1").arg(PlainText::display(m_order.counter)));
    if (m_ageLevel >= 2)
        parts.append(tr("late"));
    if (isFlashing() || m_leaving)
        parts.prepend(flashText());
    if (m_selected)
        parts.append(tr("selected"));
    parts.removeAll(QString());
    setAccessibleDescription(parts.join(QStringLiteral(", ")));
}

QString TicketTile::flashText() const
{
    switch (m_flash) {
    case Flash::Cancelled:
        return tr("CANCELLED");
    case Flash::MovedHere:
        return m_flashWhat.isEmpty() ? tr("MOVED HERE") : tr("MOVED HERE from %1").arg(m_flashWhat);
    case Flash::MovedAway:
        return tr("MOVED to %1").arg(m_flashWhat);
    case Flash::ItemsChanged:
        return tr("ITEMS CHANGED");
    case Flash::None:
        break;
    }
    return {};
}

void TicketTile::flash(Flash kind, const QString &what, int durationMs)
{
    m_flash = kind;
    m_flashWhat = PlainText::display(what);
    m_flashLabel->setText(flashText());
    m_flashOn = true;
    m_flashTicks = qMax(1, durationMs / FlashPeriodMs);
    m_flashTimer.start(FlashPeriodMs, this);
    applyColours();
    updateAccessibility();
}

void TicketTile::timerEvent(QTimerEvent *event)
{
    if (event->timerId() != m_flashTimer.timerId()) {
        QFrame::timerEvent(event);
        return;
    }
    if (--m_flashTicks <= 0) {
        m_flashTimer.stop();
        // The line stays (steady) while a leaving tile is still shown; a tile that stays on
        // the display keeps the note of what changed until the next change.
        m_flashOn = false;
    } else {
        m_flashOn = !m_flashOn;
    }
    applyColours();
}

void TicketTile::applyColours()
{
    QPalette p = palette();
    p.setColor(QPalette::WindowText, m_theme.tileText);
    p.setColor(QPalette::Text, m_theme.tileText);
    setPalette(p);
    const auto paint = [](QLabel *l, const QColor &bg, const QColor &fg) {
        QPalette lp = l->palette();
        lp.setColor(QPalette::Window, bg);
        lp.setColor(QPalette::WindowText, fg);
        l->setPalette(lp);
    };
    paint(m_age, m_theme.age(m_ageLevel), m_theme.ageText(m_ageLevel));
    m_number->setColours(m_theme.tileText);
    paint(m_positionLabel, m_theme.tile, m_theme.selected);
    m_customer->setColours(m_theme.tileText);
    paint(m_status, m_theme.tile,
          m_order.status == OrderStatus::Ready ? m_theme.ready : m_theme.mutedText);
    m_counter->setColours(m_theme.mutedText);
    m_notes->setColours(m_theme.tileText);
    const bool bright = m_flashOn && m_flash != Flash::None;
    m_flashLabel->setColours(bright ? m_theme.flashText : m_theme.tile,
                             bright ? m_theme.flash : m_theme.tileText);
    for (TicketItemRow *row : std::as_const(m_rows))
        row->setColours(m_theme.tileText, m_theme.mutedText, m_theme.ready);
    QPalette bp = m_bump->palette();
    bp.setColor(QPalette::Button, m_theme.tile);
    bp.setColor(QPalette::ButtonText, m_theme.tileText);
    bp.setColor(QPalette::Disabled, QPalette::ButtonText, m_theme.disabledText);
    m_bump->setPalette(bp);
    update();
}

void TicketTile::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    const bool bright = m_flashOn && m_flash != Flash::None;
    int width = m_theme.borderWidth;
    QColor border = m_theme.border;
    if (m_selected) {
        border = m_theme.selected;
        width *= 3;
    }
    if (bright) {
        border = m_theme.flash;
        width = qMax(width, m_theme.borderWidth * 3);
    }
    const qreal half = width / 2.0;
    const QRectF r = QRectF(rect()).adjusted(half, half, -half, -half);
    p.setPen(QPen(border, width));
    p.setBrush(m_leaving ? m_theme.tile.darker(m_theme.tile.lightness() > 128 ? 110 : 130)
                         : m_theme.tile);
    p.drawRoundedRect(r, 8, 8);
    // The age colour as a strip down the left edge, seen before any text is read.
    const QRectF strip(r.left() + half + 2, r.top() + 8, stripWidth(), r.height() - 16);
    p.fillRect(strip, m_theme.age(m_ageLevel));
}

bool TicketTile::handlePointer(QEvent *event, const QPointF &globalPos)
{
    if (event->type() == QEvent::MouseButtonPress) {
        m_pressAt = globalPos;
        m_pressed = true;
        return false;
    }
    if (event->type() != QEvent::MouseButtonRelease || !m_pressed)
        return false;
    m_pressed = false;
    const QPointF d = globalPos - m_pressAt;
    // A swipe is a sideways drag over a third of the tile: far longer than a finger's wobble.
    const qreal swipe = qMax<qreal>(width() / 3.0, m_bump->minimumHeight());
    if (std::abs(d.x()) >= swipe && std::abs(d.x()) > 2 * std::abs(d.y())) {
        if (!m_leaving && isOpenStatus(m_order.status))
            Q_EMIT bumpRequested(m_order.id);
        return true;
    }
    Q_EMIT selectRequested(m_order.id);
    return false;
}

void TicketTile::mousePressEvent(QMouseEvent *event)
{
    handlePointer(event, event->globalPosition());
    event->accept();
}

void TicketTile::mouseReleaseEvent(QMouseEvent *event)
{
    handlePointer(event, event->globalPosition());
    event->accept();
}

bool TicketTile::eventFilter(QObject *watched, QEvent *event)
{
    // Item rows are buttons: a swipe that starts on one bumps the order instead of ticking it.
    if (event->type() == QEvent::MouseButtonPress || event->type() == QEvent::MouseButtonRelease) {
        auto *me = static_cast<QMouseEvent *>(event);
        if (handlePointer(event, me->globalPosition())) {
            if (auto *row = qobject_cast<TicketItemRow *>(watched))
                row->setDown(false);
            return true;
        }
    }
    return QFrame::eventFilter(watched, event);
}

} // namespace TableTap
