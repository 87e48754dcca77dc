// The order details pane.
#include "orderdetailspane.h"

#include "consolesession.h"
#include "datawords.h"
#include "orderqueuedelegate.h"
#include "plaintext.h"
#include "plaintextdelegate.h"
#include "uipalette.h"

#include <QGridLayout>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QPushButton>
#include <QScopedValueRollback>
#include <QScrollBar>
#include <QTextBrowser>
#include <QTimerEvent>
#include <QVBoxLayout>

namespace TableTap {

namespace {
// Text from the hub inside the pane's markup.
QString esc(const QString &s)
{
    return PlainText::escaped(s);
}

QString timeText(const QDateTime &t)
{
    return t.isValid() ? QLocale().toString(t.toLocalTime().time(), QLocale::ShortFormat)
                       : QStringLiteral("—");
}

QString paymentLabel(const QString &status)
{
    if (status.isEmpty())
        return OrderDetailsPane::tr("not paid yet");
    if (status == QLatin1String("processing"))
        return OrderDetailsPane::tr("processing");
    if (status == QLatin1String("completed"))
        return OrderDetailsPane::tr("paid");
    if (status == QLatin1String("failed"))
        return OrderDetailsPane::tr("failed");
    if (status == QLatin1String("refunded"))
        return OrderDetailsPane::tr("refunded");
    if (status == QLatin1String("pending"))
        return OrderDetailsPane::tr("waiting for the customer");
    return status;
}
} // namespace

OrderDetailsPane::OrderDetailsPane(ConsoleSession *session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_title(new QLabel(this))
    , m_text(new QTextBrowser(this))
    , m_itemsLabel(new QLabel(tr("&Made:"), this))
    , m_items(new QListWidget(this))
    , m_card(new QPushButton(tr("Card"), this))
    , m_cash(new QPushButton(tr("Cash"), this))
    , m_qr(new QPushButton(tr("QR code"), this))
    , m_confirm(new QPushButton(tr("Confirm payment"), this))
    , m_reprint(new QPushButton(tr("Reprint ticket"), this))
    , m_receipt(new QPushButton(tr("Print receipt"), this))
{
    setObjectName(QStringLiteral("orderDetails"));
    PlainText::makePlain(m_title);
    QFont big = m_title->font();
    big.setBold(true);
    big.setPointSizeF(big.pointSizeF() * 1.3);
    m_title->setFont(big);
    m_text->setOpenLinks(false);
    // Reachable with Tab for a screen reader to read, and Tab moves on from it.
    m_text->setFocusPolicy(Qt::StrongFocus);
    m_text->setTabChangesFocus(true);
    m_text->setAccessibleName(tr("Order details"));

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_title);
    layout->addWidget(m_text, 1);
    m_items->setObjectName(QStringLiteral("orderItemsMade"));
    PlainTextDelegate::install(m_items); // product names and customizations come from the hub
    m_items->setAccessibleName(tr("Items made"));
    m_items->setToolTip(tr("Tick each item once it is made (Space); every screen of the counter "
                           "sees the ticks, and the last one makes the order ready"));
    m_items->setMaximumHeight(m_items->fontMetrics().height() * 8);
    m_itemsLabel->setBuddy(m_items);
    layout->addWidget(m_itemsLabel);
    layout->addWidget(m_items);
    connect(m_items, &QListWidget::itemChanged, this, &OrderDetailsPane::onItemChanged);
    auto *payLabel = new QLabel(tr("Take payment:"), this);
    auto *buttons = new QGridLayout;
    buttons->addWidget(payLabel, 0, 0, 1, 3);
    buttons->addWidget(m_card, 1, 0);
    buttons->addWidget(m_cash, 1, 1);
    buttons->addWidget(m_qr, 1, 2);
    buttons->addWidget(m_confirm, 2, 0, 1, 3);
    buttons->addWidget(m_reprint, 3, 0, 1, 2);
    buttons->addWidget(m_receipt, 3, 2);
    layout->addLayout(buttons);
    m_reprint->setObjectName(QStringLiteral("reprintTicket"));
    m_receipt->setObjectName(QStringLiteral("printReceipt"));
    m_reprint->setToolTip(tr("Print the order's kitchen ticket again at its counter's printer"));
    m_receipt->setToolTip(tr("Print a receipt for the order at this console's receipt printer"));
    m_reprint->setVisible(false);
    m_receipt->setVisible(false);
    connect(m_reprint, &QPushButton::clicked, this,
            [this] { Q_EMIT reprintTicketRequested(m_orderId); });
    connect(m_receipt, &QPushButton::clicked, this,
            [this] { Q_EMIT printReceiptRequested(m_orderId); });
    m_card->setObjectName(QStringLiteral("payCard"));
    m_cash->setObjectName(QStringLiteral("payCash"));
    m_qr->setObjectName(QStringLiteral("payQr"));
    m_confirm->setObjectName(QStringLiteral("payConfirm"));
    m_card->setToolTip(tr("Charge the order's total to a card through the payment provider"));
    m_cash->setToolTip(tr("Take cash; confirm once the money is in the till"));
    m_qr->setToolTip(tr("Show a QR code the customer scans to pay"));
    m_confirm->setToolTip(tr("Confirm the cash was taken or the QR payment arrived"));

    connect(m_card, &QPushButton::clicked, this,
            [this] { m_session->startPayment(m_orderId, QStringLiteral("card")); });
    connect(m_cash, &QPushButton::clicked, this,
            [this] { m_session->startPayment(m_orderId, QStringLiteral("cash")); });
    connect(m_qr, &QPushButton::clicked, this,
            [this] { m_session->startPayment(m_orderId, QStringLiteral("qr")); });
    connect(m_confirm, &QPushButton::clicked, this, [this] {
        QString transaction;
        if (paymentToConfirm(&transaction))
            m_session->confirmPayment(m_orderId, transaction);
    });
    showOrder({});
}

void OrderDetailsPane::showOrder(const QString &orderId)
{
    m_orderId = orderId;
    refresh();
}

bool OrderDetailsPane::paymentToConfirm(QString *transactionId) const
{
    // The newest cash or QR payment of this order that still waits for confirmation.
    const PaymentRecord *best = nullptr;
    for (const PaymentRecord &p : m_session->payments()->rows()) {
        if (p.orderId != m_orderId)
            continue;
        if (p.method != QLatin1String("cash") && p.method != QLatin1String("qr"))
            continue;
        if (p.status != QLatin1String("pending") && p.status != QLatin1String("processing"))
            continue;
        if (!best || p.updatedAt > best->updatedAt)
            best = &p;
    }
    if (!best)
        return false;
    // A QR code is listed under its code id until a transaction shows up: let the session find
    // the transaction then.
    if (transactionId)
        *transactionId = best->transactionId == best->qrCodeId ? QString() : best->transactionId;
    return true;
}

void OrderDetailsPane::refreshSoon()
{
    if (m_refreshTimer.isActive())
        return;
    const qint64 since = m_lastRefresh.isValid() ? m_lastRefresh.elapsed() : RefreshIntervalMs;
    if (since >= RefreshIntervalMs)
        refresh();
    else
        m_refreshTimer.start(int(RefreshIntervalMs - since), this);
}

void OrderDetailsPane::timerEvent(QTimerEvent *event)
{
    if (event->timerId() != m_refreshTimer.timerId()) {
        QWidget::timerEvent(event);
        return;
    }
    refresh();
}

void OrderDetailsPane::refresh()
{
    m_refreshTimer.stop();
    m_lastRefresh.start();
    const Order *o = m_orderId.isEmpty() ? nullptr : m_session->orders()->order(m_orderId);
    if (!o) {
        m_title->setText(tr("No order selected"));
        const QString hint = tr("<p>Select an order in the queue to see its items, totals, "
                                "payment and history.</p>");
        if (hint != m_shownHtml) {
            m_shownHtml = hint;
            m_text->setHtml(hint);
        }
        for (QPushButton *b : {m_card, m_cash, m_qr, m_confirm, m_reprint, m_receipt})
            b->setEnabled(false);
        refreshItems(nullptr);
        return;
    }
    refreshItems(o);
    m_title->setText(tr("%1 — %2").arg(PlainText::display(o->number),
                                       OrderQueueDelegate::statusText(o->status)));

    QString h;
    h += QStringLiteral("<p><b>%1</b> %2").arg(tr("Customer:"), esc(o->customerName));
    if (!o->customerPhone.isEmpty())
        h += QStringLiteral(" (%1)").arg(esc(o->customerPhone));
    h += QStringLiteral("<br><b>%1</b> %2").arg(tr("Counter:"), esc(o->counter));
    h += QStringLiteral("<br><b>%1</b> %2").arg(tr("Ordered at:"), timeText(o->createdAt));
    if (o->estimatedReadyAt.isValid())
        h += QStringLiteral("<br><b>%1</b> %2")
                 .arg(tr("Estimated ready:"), timeText(o->estimatedReadyAt));
    if (!o->createdBy.name.isEmpty())
        h += QStringLiteral("<br><b>%1</b> %2").arg(tr("Taken by:"), esc(o->createdBy.name));
    h += QStringLiteral("</p>");
    if (o->isProxy)
        h += QStringLiteral("<p style='color:%1'><b>%2</b></p>")
                 .arg(UiPalette::pendingText().name(),
                      tr("Proxy order: placed by %1 for %2")
                          .arg(o->createdBy.name.isEmpty() ? tr("staff") : esc(o->createdBy.name),
                               esc(o->orderedFor.name)));

    const QString pending = m_session->orders()
                                ->index(m_session->orders()->rowOf(o->id), 0)
                                .data(OrderQueueModel::PendingActionRole)
                                .toString();
    if (!pending.isEmpty())
        h += QStringLiteral("<p style='color:%1'>⏳ %2</p>")
                 .arg(UiPalette::pendingText().name(),
                      tr("Waiting for the hub to confirm: %1").arg(esc(pending)));
    const QString warning = m_session->orders()
                                ->index(m_session->orders()->rowOf(o->id), 0)
                                .data(OrderQueueModel::StockWarningRole)
                                .toString();
    if (!warning.isEmpty())
        h += QStringLiteral("<p style='color:%1'>⚠ %2</p>")
                 .arg(UiPalette::warningText().name(), esc(warning));
    if (!o->cancelReason.isEmpty())
        h += QStringLiteral("<p><b>%1</b> %2</p>").arg(tr("Cancelled:"), esc(o->cancelReason));

    h += QStringLiteral("<table width='100%' cellspacing='0' cellpadding='2'>");
    h += QStringLiteral("<tr><th align='left'>%1</th><th align='left'>%2</th><th "
                        "align='right'>%3</th></tr>")
             .arg(tr("Qty"), tr("Item"), tr("Price"));
    for (const OrderItem &i : o->items) {
        QString name = esc(i.productName);
        if (!i.customizations.isEmpty())
            name += QStringLiteral("<br><i>%1</i>")
                        .arg(esc(i.customizations.join(QStringLiteral(", "))));
        h += QStringLiteral("<tr><td valign='top'>%1×</td><td>%2</td><td align='right' "
                            "valign='top'>%3</td></tr>")
                 .arg(i.quantity)
                 .arg(name, formatCents(i.totalPrice));
    }
    auto totalRow = [&h](const QString &label, Cents value, bool bold = false) {
        const QString v = formatCents(value);
        h += bold ? QStringLiteral("<tr><td></td><td><b>%1</b></td><td "
                                   "align='right'><b>%2</b></td></tr>")
                        .arg(label, v)
                  : QStringLiteral("<tr><td></td><td>%1</td><td align='right'>%2</td></tr>")
                        .arg(label, v);
    };
    totalRow(tr("Subtotal"), o->subtotal);
    totalRow(tr("Tax"), o->tax);
    if (o->tip)
        totalRow(tr("Tip"), o->tip);
    totalRow(tr("Total"), o->total, true);
    h += QStringLiteral("</table>");
    h += QStringLiteral("<p><b>%1</b> %2</p>")
             .arg(tr("Payment:"), esc(paymentLabel(o->paymentStatus)));
    for (const PaymentRecord &p : m_session->payments()->rows()) {
        if (p.orderId != o->id)
            continue;
        h += QStringLiteral("<div>· %1 %2 — %3%4</div>")
                 .arg(esc(DataWords::paymentMethod(p.method)), formatCents(p.amount),
                      esc(paymentLabel(p.status)),
                      p.errorMessage.isEmpty() ? QString()
                                               : QStringLiteral(": ") + esc(p.errorMessage));
    }

    if (!o->history.isEmpty()) {
        h += QStringLiteral("<p><b>%1</b></p><ul style='margin-left:-20px'>").arg(tr("History"));
        for (const StatusChange &c : o->history) {
            h += QStringLiteral("<li>%1 %2%3</li>")
                     .arg(timeText(c.at), esc(OrderQueueDelegate::statusText(c.status)),
                          c.notes.isEmpty() ? QString() : QStringLiteral(" — ") + esc(c.notes));
        }
        h += QStringLiteral("</ul>");
    }
    if (h != m_shownHtml) {
        // Only when something changed, so the pane does not jump while the user reads it.
        m_shownHtml = h;
        const int scroll = m_text->verticalScrollBar()->value();
        m_text->setHtml(h);
        m_text->verticalScrollBar()->setValue(scroll);
    }

    const bool payable = o->status != OrderStatus::Cancelled
                         && o->paymentStatus != QLatin1String("completed")
                         && o->paymentStatus != QLatin1String("refunded");
    const bool processing = o->paymentStatus == QLatin1String("processing");
    m_card->setEnabled(payable && !processing);
    m_cash->setEnabled(payable && !processing);
    m_qr->setEnabled(payable && !processing);
    m_confirm->setEnabled(payable && paymentToConfirm(nullptr));
    m_reprint->setEnabled(true);
    m_receipt->setEnabled(true);
}

void OrderDetailsPane::setPrintingAvailable(bool available)
{
    m_reprint->setVisible(available);
    m_receipt->setVisible(available);
}

void OrderDetailsPane::refreshItems(const Order *o)
{
    // Rebuilt only when the order or its items change, so focus and selection stay while the
    // hub's ticks come in; a tick sent and not yet confirmed keeps the user's state.
    const QScopedValueRollback<bool> filling(m_fillingItems, true);
    const bool rebuild = !o || m_items->count() != o->items.size()
                         || m_items->property("orderId").toString() != o->id;
    if (rebuild) {
        m_items->clear();
        m_items->setProperty("orderId", o ? o->id : QString());
    }
    if (!o) {
        m_items->setEnabled(false);
        return;
    }
    const bool waiting = !m_session->orders()
                              ->index(m_session->orders()->rowOf(o->id), 0)
                              .data(OrderQueueModel::PendingActionRole)
                              .toString()
                              .isEmpty();
    for (int r = 0; r < o->items.size(); ++r) {
        const OrderItem &i = o->items.at(r);
        QString text = tr("%1× %2").arg(i.quantity).arg(PlainText::display(i.productName));
        if (!i.customizations.isEmpty())
            text += QStringLiteral(" (%1)").arg(
                PlainText::display(i.customizations.join(QStringLiteral(", "))));
        QListWidgetItem *item = rebuild ? new QListWidgetItem(m_items) : m_items->item(r);
        if (item->data(Qt::UserRole).toString() != i.id || item->text() != text) {
            item->setText(text);
            item->setData(Qt::UserRole, i.id);
            item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsUserCheckable);
        }
        const Qt::CheckState state = i.made ? Qt::Checked : Qt::Unchecked;
        // A new row always gets its state (without one no check box is drawn at all).
        if (rebuild || (item->checkState() != state && !waiting))
            item->setCheckState(state);
    }
    m_items->setEnabled(isOpenStatus(o->status));
}

void OrderDetailsPane::onItemChanged(QListWidgetItem *item)
{
    if (m_fillingItems || m_orderId.isEmpty())
        return;
    m_session->checkItem(m_orderId, item->data(Qt::UserRole).toString(),
                         item->checkState() == Qt::Checked);
}

} // namespace TableTap
