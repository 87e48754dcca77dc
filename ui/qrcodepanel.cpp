// The QR code panel.
#include "qrcodepanel.h"

#include "consolesession.h"
#include "plaintext.h"
#include "qrimage.h"

#include <QLabel>
#include <QPixmap>
#include <QTimerEvent>
#include <QVBoxLayout>

namespace TableTap {

QrCodePanel::QrCodePanel(ConsoleSession *session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_title(new QLabel(this))
    , m_picture(new QLabel(this))
    , m_countdown(new QLabel(this))
{
    setObjectName(QStringLiteral("qrPanel"));
    QFont bold = m_title->font();
    bold.setBold(true);
    bold.setPointSizeF(bold.pointSizeF() * 1.2);
    m_title->setFont(bold);
    m_title->setAlignment(Qt::AlignCenter);
    m_title->setWordWrap(true);
    m_picture->setAlignment(Qt::AlignCenter);
    m_picture->setMinimumSize(220, 220);
    m_picture->setObjectName(QStringLiteral("qrPicture"));
    m_countdown->setAlignment(Qt::AlignCenter);
    m_countdown->setFont(bold);
    m_countdown->setObjectName(QStringLiteral("qrCountdown"));
    for (QLabel *l : {m_title, m_picture, m_countdown})
        PlainText::makePlain(l);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_title);
    layout->addWidget(m_picture, 1);
    layout->addWidget(m_countdown);
    connect(session->payments(), &BatchedTableModel::flushed, this, &QrCodePanel::refresh);
    connect(session, &ConsoleSession::qrGenerated, this, [this] {
        // The event lands in the model with the next batch; show it then.
        m_session->payments()->flush();
        refresh();
    });
    refresh();
}

void QrCodePanel::refresh()
{
    const PaymentRecord *qr = m_session->payments()->latestOpenQr();
    if (!qr) {
        m_shownId.clear();
        m_image = {};
        m_expiresAt = {};
        m_tick.stop();
        m_title->setText(tr("No QR payment waiting"));
        m_picture->setPixmap({});
        m_picture->setText(tr("Start a QR payment from an order's details;\nits code appears "
                              "here for the customer to scan."));
        m_countdown->clear();
        return;
    }
    if (qr->transactionId != m_shownId || qr->qrCodeData != m_image.text(QStringLiteral("data"))) {
        m_shownId = qr->transactionId;
        m_image = QrImage::render(qr->qrCodeData, 6);
        m_image.setText(QStringLiteral("data"), qr->qrCodeData);
        m_picture->setPixmap(QPixmap::fromImage(m_image));
    }
    PlainText::setText(
        m_title,
        tr("Scan to pay %1 — order %2")
            .arg(formatCents(qr->amount),
                 PlainText::display(qr->orderNumber.isEmpty() ? qr->orderId : qr->orderNumber)));
    m_expiresAt = qr->expiresAt;
    if (m_expiresAt.isValid())
        m_tick.start(1000, this);
    updateCountdown();
}

QString QrCodePanel::countdownText() const
{
    return m_countdown->text();
}

void QrCodePanel::updateCountdown()
{
    if (!m_expiresAt.isValid()) {
        m_countdown->setText(tr("No expiry"));
        return;
    }
    const qint64 leftMs = m_session->clock()->now().msecsTo(m_expiresAt);
    if (leftMs <= 0) {
        // An expired code must not be scanned any more: take it off the screen.
        m_tick.stop();
        m_image = {};
        m_picture->setPixmap({});
        m_picture->setText(tr("This QR code has expired.\nStart a new QR payment from the "
                              "order's details."));
        m_countdown->setText(tr("Expired"));
        return;
    }
    const qint64 left = (leftMs + 999) / 1000;
    m_countdown->setText(
        tr("Expires in %1:%2").arg(left / 60).arg(left % 60, 2, 10, QLatin1Char('0')));
    m_countdown->setStyleSheet(left < 30 ? QStringLiteral("color: #c62828;") : QString());
}

void QrCodePanel::timerEvent(QTimerEvent *event)
{
    if (event->timerId() == m_tick.timerId())
        updateCountdown();
    else
        QWidget::timerEvent(event);
}

} // namespace TableTap
