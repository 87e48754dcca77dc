// A device token for a tablet (mint_device_token): how long it is valid and a label for the
// device, then the token the hub minted as a QR code for the tablet to scan and as text to copy.
// Shown once: the console keeps it nowhere.
#pragma once

#include <QDateTime>
#include <QDialog>
#include <QImage>

class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;

namespace TableTap {

class DeviceTokenDialog final : public QDialog
{
    Q_OBJECT
public:
    // who: the person's name and code, already for display.
    explicit DeviceTokenDialog(const QString &who, QWidget *parent = nullptr);

    int ttlDays() const;
    QString label() const;
    QSpinBox *ttlBox() const { return m_ttl; }
    QLineEdit *labelEdit() const { return m_label; }
    QPushButton *mintButton() const { return m_mint; }

    // The hub's answer: the token and when it expires.
    void showToken(const QString &token, const QDateTime &expiresAt);
    // The hub refused, or the command is still waiting for the hub.
    void showProblem(const QString &message);
    void showWaiting();

    QString token() const;
    QImage qrImage() const { return m_image; }
    QString statusText() const;

Q_SIGNALS:
    void mintRequested(int ttlDays, const QString &label);

private:
    QSpinBox *m_ttl;
    QLineEdit *m_label;
    QPushButton *m_mint;
    QLabel *m_status;
    QLabel *m_picture;
    QLineEdit *m_token;
    QPushButton *m_copy;
    QDialogButtonBox *m_buttons;
    QImage m_image;
};

} // namespace TableTap
