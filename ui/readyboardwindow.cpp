// ReadyBoardWindow: two columns of plain labels over the order queue, refreshed once per burst
// of model changes.
#include "readyboardwindow.h"

#include "orderqueuemodel.h"
#include "plaintext.h"
#include "soundplayer.h"

#include <QCheckBox>
#include <QEvent>
#include <QFrame>
#include <QHBoxLayout>
#include <QLabel>
#include <QRegularExpression>
#include <QVBoxLayout>

#ifdef TT_HAVE_TEXTTOSPEECH
#include <QTextToSpeech>
#endif

#include <algorithm>

namespace TableTap {

namespace {

// The board's own colours: a dark screen that reads across a room, as the hub's page.
const QColor kBackground(0x10, 0x14, 0x18);
const QColor kPanel(0x1b, 0x21, 0x28);
const QColor kText(0xf2, 0xf4, 0xf6);
const QColor kMuted(0x9a, 0xa5, 0xb1);
const QColor kPreparing(0xf0, 0xb4, 0x29);
const QColor kReady(0x3e, 0xbd, 0x93);
const QColor kOnReady(0x06, 0x28, 0x1c);

void colour(QWidget *w, QPalette::ColorRole role, const QColor &c)
{
    QPalette p = w->palette();
    p.setColor(role, c);
    w->setPalette(p);
}

void setPixelSize(QWidget *w, int px, bool bold)
{
    QFont f = w->font();
    f.setPixelSize(std::max(8, px));
    f.setBold(bold);
    w->setFont(f);
}

} // namespace

ReadyBoardWindow::ReadyBoardWindow(OrderQueueModel *orders, SoundPlayer *sounds, QWidget *parent)
    : QWidget(parent, Qt::Window)
    , m_orders(orders)
    , m_sounds(sounds)
{
    setObjectName(QStringLiteral("readyBoardWindow"));
    setAutoFillBackground(true);
    colour(this, QPalette::Window, kBackground);
    colour(this, QPalette::WindowText, kText);
    colour(this, QPalette::Text, kText);
    colour(this, QPalette::Base, kPanel);
    colour(this, QPalette::Button, kPanel);
    colour(this, QPalette::ButtonText, kText);

    auto *layout = new QVBoxLayout(this);
    auto *top = new QHBoxLayout;
    top->addStretch(1);
    m_callOutBox = new QCheckBox(this);
    m_callOutBox->setObjectName(QStringLiteral("callOut"));
    // A light box with a dark tick, visible on the dark board.
    colour(m_callOutBox, QPalette::Base, kText);
    colour(m_callOutBox, QPalette::Text, kBackground);
    top->addWidget(m_callOutBox);
    layout->addLayout(top);

    auto *columns = new QHBoxLayout;
    const auto column = [this](QWidget **columnOut, QVBoxLayout **layoutOut, QLabel **title,
                               QLabel **more, const QColor &accent, const QString &name) {
        auto *frame = new QFrame(this);
        frame->setObjectName(name);
        frame->setAutoFillBackground(true);
        colour(frame, QPalette::Window, kPanel);
        auto *l = new QVBoxLayout(frame);
        *title = new QLabel(frame);
        PlainText::makePlain(*title);
        colour(*title, QPalette::WindowText, accent);
        l->addWidget(*title);
        auto *rule = new QFrame(frame);
        rule->setFixedHeight(4);
        rule->setAutoFillBackground(true);
        colour(rule, QPalette::Window, accent);
        l->addWidget(rule);
        *more = new QLabel(frame);
        PlainText::makePlain(*more);
        colour(*more, QPalette::WindowText, kMuted);
        (*more)->hide();
        l->addWidget(*more);
        l->addStretch(1);
        *columnOut = frame;
        *layoutOut = l;
        return frame;
    };
    columns->addWidget(column(&m_preparingColumn, &m_preparingLayout, &m_preparingTitle,
                              &m_preparingMore, kPreparing, QStringLiteral("preparingColumn")),
                       1);
    columns->addWidget(column(&m_readyColumn, &m_readyLayout, &m_readyTitle, &m_readyMore, kReady,
                              QStringLiteral("readyColumn")),
                       1);
    layout->addLayout(columns, 1);

    m_refreshTimer.setSingleShot(true);
    m_refreshTimer.setInterval(0);
    connect(&m_refreshTimer, &QTimer::timeout, this, &ReadyBoardWindow::refresh);
    connect(m_orders, &QAbstractItemModel::modelReset, this, &ReadyBoardWindow::scheduleRefresh);
    connect(m_orders, &QAbstractItemModel::layoutChanged, this, &ReadyBoardWindow::scheduleRefresh);
    connect(m_orders, &QAbstractItemModel::rowsInserted, this, &ReadyBoardWindow::scheduleRefresh);
    connect(m_orders, &QAbstractItemModel::rowsRemoved, this, &ReadyBoardWindow::scheduleRefresh);
    connect(m_orders, &QAbstractItemModel::dataChanged, this, &ReadyBoardWindow::scheduleRefresh);
    connect(m_callOutBox, &QCheckBox::toggled, this, &ReadyBoardWindow::setCallOut);

    retranslate();
    resize(1280, 720);
    applySizes();
    refresh();
}

ReadyBoardWindow::~ReadyBoardWindow() = default;

QString ReadyBoardWindow::ticketOf(const QString &orderNumber)
{
    static const QRegularExpression hubNumber(QStringLiteral("^ORD\\d{8}0*(\\d+)$"));
    const QRegularExpressionMatch m = hubNumber.match(orderNumber);
    return m.hasMatch() ? m.captured(1) : orderNumber;
}

QString ReadyBoardWindow::firstNameOf(const QString &customerName)
{
    const QString trimmed = customerName.simplified();
    return trimmed.section(u' ', 0, 0);
}

bool ReadyBoardWindow::canSpeak()
{
#ifdef TT_HAVE_TEXTTOSPEECH
    return !QTextToSpeech::availableEngines().isEmpty();
#else
    return false;
#endif
}

bool ReadyBoardWindow::isCallOutOn() const
{
    return m_callOutBox->isChecked();
}

void ReadyBoardWindow::setCallOut(bool on)
{
    if (m_callOutBox->isChecked() != on) {
        m_callOutBox->setChecked(on); // comes back here through toggled
        return;
    }
#ifdef TT_HAVE_TEXTTOSPEECH
    // The engine starts only when someone wants it; one that cannot speak leaves the sound.
    if (on && !m_speech && canSpeak()) {
        m_speech = new QTextToSpeech(this);
        if (m_speech->state() == QTextToSpeech::Error) {
            delete m_speech;
            m_speech = nullptr;
        } else {
            m_speech->setLocale(QLocale());
        }
    }
    if (!on && m_speech)
        m_speech->stop();
#endif
}

void ReadyBoardWindow::callOut(const Order &order)
{
    const QString name = firstNameOf(order.customerName);
    const QString ticket = ticketOf(order.number);
    const QString text = name.isEmpty() ? tr("Order %1 is ready.").arg(ticket)
                                        : tr("%1, order %2 is ready.").arg(name, ticket);
#ifdef TT_HAVE_TEXTTOSPEECH
    if (m_speech) {
        m_speech->say(PlainText::neutralised(text));
        Q_EMIT calledOut(text);
        return;
    }
#endif
    if (m_sounds)
        m_sounds->play(SoundPlayer::Sound::OrderReady);
    Q_EMIT calledOut(text);
}

void ReadyBoardWindow::scheduleRefresh()
{
    if (!m_refreshTimer.isActive())
        m_refreshTimer.start();
}

void ReadyBoardWindow::refresh()
{
    QList<const Order *> preparing, ready;
    for (const Order &o : m_orders->rows()) {
        if (o.status == OrderStatus::Pending || o.status == OrderStatus::Preparing)
            preparing.append(&o);
        else if (o.status == OrderStatus::Ready)
            ready.append(&o);
    }
    std::stable_sort(preparing.begin(), preparing.end(),
                     [](const Order *a, const Order *b) { return a->createdAt < b->createdAt; });
    // Newest ready first: the order just called is on top.
    const auto readySince = [](const Order *o) {
        return o->readyAt.isValid() ? o->readyAt : o->createdAt;
    };
    QSet<QString> readyIds;
    QHash<QString, quint64> seen;
    for (const Order *o : std::as_const(ready)) {
        readyIds.insert(o->id);
        seen.insert(o->id, m_readySeen.value(o->id, ++m_readyCount));
    }
    m_readySeen = seen;
    std::stable_sort(ready.begin(), ready.end(), [&](const Order *a, const Order *b) {
        const QDateTime ra = readySince(a), rb = readySince(b);
        return ra != rb ? ra > rb : seen.value(a->id) > seen.value(b->id);
    });
    if (m_primed && isCallOutOn()) {
        // Oldest first, so a burst is called out in the order it happened.
        for (auto it = ready.crbegin(); it != ready.crend(); ++it)
            if (!m_readyIds.contains((*it)->id))
                callOut(**it);
    }
    m_readyIds = readyIds;
    m_primed = true;

    m_preparingShown = fill(m_preparingRows, m_preparingLayout, m_preparingColumn, m_preparingMore,
                            preparing, false);
    m_readyShown = fill(m_readyRows, m_readyLayout, m_readyColumn, m_readyMore, ready, true);
}

int ReadyBoardWindow::fill(QList<Row> &rows, QVBoxLayout *layout, QWidget *column, QLabel *more,
                           const QList<const Order *> &entries, bool highlightFirst)
{
    // As many rows as the column has room for at the current type size (the first ready one is
    // larger); the rest are counted under the last.
    const int titleHeight = m_preparingTitle->sizeHint().height() + 12;
    const int room = std::max(0, column->height() - titleHeight - m_entryPx * 2);
    int capacity = std::max(1, int(room / (m_entryPx * 1.45)));
    if (highlightFirst && capacity > 1)
        capacity -= 1;
    const int shown = int(std::min<qsizetype>(entries.size(), capacity));
    while (rows.size() < shown) {
        Row r;
        r.frame = new QFrame(column);
        auto *l = new QHBoxLayout(r.frame);
        l->setContentsMargins(m_entryPx / 3, 0, m_entryPx / 3, 0);
        l->setSpacing(m_entryPx / 2);
        r.ticket = new QLabel(r.frame);
        r.ticket->setObjectName(QStringLiteral("ticket"));
        r.ticket->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
        PlainText::makePlain(r.ticket);
        r.name = new QLabel(r.frame);
        r.name->setObjectName(QStringLiteral("name"));
        PlainText::makePlain(r.name);
        l->addWidget(r.ticket);
        l->addWidget(r.name, 1);
        // Before the "more" label and the stretch.
        layout->insertWidget(2 + int(rows.size()), r.frame);
        rows.append(r);
    }
    const QColor accent = highlightFirst ? kReady : kPreparing;
    for (int i = 0; i < rows.size(); ++i) {
        const Row &r = rows.at(i);
        if (i >= shown) {
            r.frame->hide();
            continue;
        }
        const Order *o = entries.at(i);
        const bool newest = highlightFirst && i == 0;
        r.frame->setProperty("newest", newest);
        r.frame->setAutoFillBackground(newest);
        colour(r.frame, QPalette::Window, newest ? kReady : kPanel);
        colour(r.ticket, QPalette::WindowText, newest ? kOnReady : accent);
        colour(r.name, QPalette::WindowText, newest ? kOnReady : (highlightFirst ? kText : kMuted));
        const int px = newest ? m_entryPx * 13 / 10 : m_entryPx;
        setPixelSize(r.ticket, px, true);
        setPixelSize(r.name, px, false);
        r.ticket->setMinimumWidth(px * 2);
        PlainText::setText(r.ticket, ticketOf(o->number));
        PlainText::setText(r.name, firstNameOf(o->customerName));
        r.frame->show();
    }
    const int hidden = int(entries.size()) - shown;
    more->setVisible(hidden > 0);
    if (hidden > 0)
        more->setText(tr("+ %n more", nullptr, hidden));
    return shown;
}

QStringList ReadyBoardWindow::texts(const QList<Row> &rows, int shown)
{
    QStringList out;
    for (int i = 0; i < shown && i < rows.size(); ++i)
        out.append(rows.at(i).ticket->text() + u' ' + rows.at(i).name->text());
    return out;
}

QString ReadyBoardWindow::newestReady() const
{
    for (const Row &r : m_readyRows)
        if (r.frame->isVisibleTo(this) && r.frame->property("newest").toBool())
            return r.ticket->text() + u' ' + r.name->text();
    return {};
}

void ReadyBoardWindow::applySizes()
{
    // Type follows the window: a 1080-line screen gets 60 px titles and 54 px entries.
    const int h = std::max(200, height());
    m_entryPx = std::clamp(h / 20, 14, 160);
    setPixelSize(m_preparingTitle, h / 18, true);
    setPixelSize(m_readyTitle, h / 18, true);
    setPixelSize(m_preparingMore, m_entryPx * 7 / 10, false);
    setPixelSize(m_readyMore, m_entryPx * 7 / 10, false);
    setPixelSize(m_callOutBox, std::clamp(h / 45, 12, 40), false);
}

void ReadyBoardWindow::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    applySizes();
    // After the layout has given the columns their new height.
    scheduleRefresh();
}

void ReadyBoardWindow::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void ReadyBoardWindow::retranslate()
{
    setWindowTitle(tr("Ready board"));
    m_preparingTitle->setText(tr("Preparing"));
    m_readyTitle->setText(tr("Ready for pickup"));
    m_callOutBox->setText(canSpeak() ? tr("Call out names") : tr("Ring when ready"));
    m_callOutBox->setToolTip(canSpeak()
                                 ? tr("Speak each customer's first name and order number when "
                                      "the order is ready")
                                 : tr("This machine cannot speak (no Qt text-to-speech engine): "
                                      "play the order-ready sound instead"));
    m_preparingColumn->setAccessibleName(tr("Preparing"));
    m_readyColumn->setAccessibleName(tr("Ready for pickup"));
}

} // namespace TableTap
