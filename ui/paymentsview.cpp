// The payments view.
#include "paymentsview.h"

#include "snapshotnotice.h"

#include "consolesession.h"
#include "datawords.h"
#include "plaintextdelegate.h"
#include "qrcodepanel.h"
#include "tintproxymodel.h"
#include "uipalette.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

namespace TableTap {

PaymentsView::PaymentsView(ConsoleSession *session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_view(new QTableView(this))
    , m_qr(new QrCodePanel(session, this))
    , m_retry(new QPushButton(tr("&Retry payment"), this))
    , m_confirm(new QPushButton(tr("Con&firm cash / QR received"), this))
    , m_order(new QPushButton(tr("Show &order"), this))
    , m_receipt(new QPushButton(tr("Print receipt"), this))
{
    setObjectName(QStringLiteral("paymentsView"));
    auto *tint = new TintProxyModel(
        [](const QModelIndex &i) {
            return UiPalette::paymentBackground(i.data(PaymentModel::StatusRole).toString());
        },
        this);
    tint->setDisplay(PaymentModel::MethodColumn, &DataWords::paymentMethod);
    tint->setDisplay(PaymentModel::StatusColumn, &DataWords::paymentStatus);
    tint->setSourceModel(session->payments());
    auto *sorted = new QSortFilterProxyModel(this);
    sorted->setSourceModel(tint);
    sorted->setDynamicSortFilter(true);
    m_view->setModel(sorted);
    PlainTextDelegate::install(m_view);
    m_view->setObjectName(QStringLiteral("paymentsTable"));
    m_view->setAccessibleName(tr("Payments"));
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(PaymentModel::OrderColumn, Qt::DescendingOrder); // newest orders first
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setSectionResizeMode(PaymentModel::DetailColumn,
                                                     QHeaderView::Stretch);
    const QFontMetrics fm = m_view->fontMetrics();
    m_view->horizontalHeader()->resizeSection(
        PaymentModel::OrderColumn, fm.horizontalAdvance(QStringLiteral("ORD20261126999")) + 24);
    m_view->horizontalHeader()->resizeSection(
        PaymentModel::StatusColumn, fm.horizontalAdvance(QStringLiteral("processing")) + 24);
    m_view->verticalHeader()->setDefaultSectionSize(fm.height() + 8);
    m_retry->setObjectName(QStringLiteral("retryPayment"));
    m_confirm->setObjectName(QStringLiteral("confirmPayment"));
    m_retry->setToolTip(tr("Start the same payment again (only when the provider allows a retry)"));

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_retry);
    buttons->addWidget(m_confirm);
    buttons->addWidget(m_order);
    buttons->addWidget(m_receipt);
    buttons->addStretch(1);
    m_receipt->setObjectName(QStringLiteral("paymentReceipt"));
    m_receipt->setToolTip(tr("Print a receipt for the selected payment's order"));
    m_receipt->setVisible(false);
    auto *left = new QWidget(this);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addWidget(m_view, 1);
    leftLayout->addLayout(buttons);
    auto *split = new QSplitter(Qt::Horizontal, this);
    split->addWidget(left);
    split->addWidget(m_qr);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(
        new SnapshotNotice(session,
                           tr("Live events only: this server offers no payment history. Payments "
                              "appear here as they happen while this console is connected; taking "
                              "and confirming payments here needs the Table Tap hub."),
                           this));
    layout->addWidget(split);

    connect(m_retry, &QPushButton::clicked, this, &PaymentsView::retryCurrent);
    connect(m_confirm, &QPushButton::clicked, this, &PaymentsView::confirmCurrent);
    connect(m_order, &QPushButton::clicked, this, [this] {
        const QModelIndex i = m_view->currentIndex();
        if (i.isValid())
            Q_EMIT showOrder(i.data(PaymentModel::OrderIdRole).toString());
    });
    connect(m_receipt, &QPushButton::clicked, this, [this] {
        const QModelIndex i = m_view->currentIndex();
        if (i.isValid())
            Q_EMIT printReceiptRequested(i.data(PaymentModel::OrderIdRole).toString());
    });
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &PaymentsView::updateButtons);
    connect(session->payments(), &BatchedTableModel::flushed, this, &PaymentsView::updateButtons);
    connect(session, &ConsoleSession::namespaceFreshnessChanged, this, [this] {
        // QR expiry counts down in the detail column.
        if (isVisible())
            m_view->viewport()->update();
    });
    updateButtons();
}

void PaymentsView::updateButtons()
{
    const QModelIndex i = m_view->currentIndex();
    const QString status = i.isValid() ? i.data(PaymentModel::StatusRole).toString() : QString();
    const QString method = i.isValid()
                               ? i.sibling(i.row(), PaymentModel::MethodColumn).data().toString()
                               : QString();
    m_retry->setEnabled(status == QLatin1String("failed")
                        && i.data(PaymentModel::RetryAllowedRole).toBool());
    m_confirm->setEnabled(
        (status == QLatin1String("pending") || status == QLatin1String("processing"))
        && (method == QLatin1String("cash") || method == QLatin1String("qr")));
    m_order->setEnabled(i.isValid());
    m_receipt->setEnabled(status == QLatin1String("completed"));
}

void PaymentsView::setPrintingAvailable(bool available)
{
    m_receipt->setVisible(available);
}

void PaymentsView::retryCurrent()
{
    const QModelIndex i = m_view->currentIndex();
    if (!i.isValid() || !i.data(PaymentModel::RetryAllowedRole).toBool())
        return;
    const PaymentRecord *p
        = m_session->payments()->payment(i.data(PaymentModel::TransactionIdRole).toString());
    if (p)
        m_session->startPayment(p->orderId, p->method);
}

void PaymentsView::confirmCurrent()
{
    const QModelIndex i = m_view->currentIndex();
    if (!i.isValid())
        return;
    const QString tx = i.data(PaymentModel::TransactionIdRole).toString();
    const PaymentRecord *p = m_session->payments()->payment(tx);
    // A QR code row is keyed by its code id until the hub opens a transaction for it.
    m_session->confirmPayment(i.data(PaymentModel::OrderIdRole).toString(),
                              p && p->qrCodeId == tx ? QString() : tx);
}

} // namespace TableTap
