// The QR code the customer scans to pay (qr:generated): drawn as a scannable image with the
// amount, the order and its expiry counting down; it clears itself once paid or expired.
#pragma once

#include <QBasicTimer>
#include <QDateTime>
#include <QImage>
#include <QWidget>

class QLabel;

namespace TableTap {

class ConsoleSession;

class QrCodePanel final : public QWidget
{
    Q_OBJECT
public:
    explicit QrCodePanel(ConsoleSession *session, QWidget *parent = nullptr);

    QImage image() const { return m_image; }
    QString shownCode() const { return m_shownId; }
    QString countdownText() const;
    // Picks the newest open QR payment from the model (done on every payments flush).
    void refresh();

protected:
    void timerEvent(QTimerEvent *event) override;

private:
    void updateCountdown();

    ConsoleSession *m_session;
    QLabel *m_title;
    QLabel *m_picture;
    QLabel *m_countdown;
    QImage m_image;
    QString m_shownId;
    QDateTime m_expiresAt;
    QBasicTimer m_tick;
};

} // namespace TableTap
