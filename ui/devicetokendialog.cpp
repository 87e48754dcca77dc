// The device token dialog.
#include "devicetokendialog.h"

#include "plaintext.h"
#include "qrimage.h"

#include <QApplication>
#include <QClipboard>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPixmap>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace TableTap {

DeviceTokenDialog::DeviceTokenDialog(const QString &who, QWidget *parent)
    : QDialog(parent)
    , m_ttl(new QSpinBox(this))
    , m_label(new QLineEdit(this))
    , m_mint(new QPushButton(tr("&Mint token"), this))
    , m_status(new QLabel(this))
    , m_picture(new QLabel(this))
    , m_token(new QLineEdit(this))
    , m_copy(new QPushButton(tr("&Copy"), this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Close, this))
{
    setObjectName(QStringLiteral("deviceTokenDialog"));
    setWindowTitle(PlainText::windowTitle(tr("Device token for %1").arg(who)));
    auto *note = PlainText::label(
        tr("A tablet signed in with this token acts as %1 with their role, until it expires or "
           "their sessions are revoked. Scan the code on the tablet (or paste the text into its "
           "“Use a token” sign-in). It is shown only now.")
            .arg(who),
        this);
    note->setWordWrap(true);
    m_ttl->setObjectName(QStringLiteral("tokenDays"));
    m_ttl->setRange(1, 365);
    m_ttl->setValue(30);
    m_ttl->setSuffix(tr(" days"));
    m_label->setObjectName(QStringLiteral("tokenLabel"));
    m_label->setMaxLength(64);
    m_label->setPlaceholderText(tr("e.g. Bar tablet"));
    m_mint->setObjectName(QStringLiteral("mintToken"));
    m_mint->setDefault(true);
    m_status->setObjectName(QStringLiteral("tokenStatus"));
    m_status->setWordWrap(true);
    PlainText::makePlain(m_status); // the hub's messages
    m_picture->setObjectName(QStringLiteral("tokenQr"));
    m_picture->setAlignment(Qt::AlignCenter);
    m_picture->setMinimumSize(240, 240);
    m_picture->setAccessibleName(tr("Token as a QR code"));
    m_picture->hide();
    m_token->setObjectName(QStringLiteral("tokenText"));
    m_token->setReadOnly(true);
    m_token->setAccessibleName(tr("Token"));
    m_copy->setObjectName(QStringLiteral("copyToken"));
    m_copy->setEnabled(false);

    auto *form = new QFormLayout;
    form->addRow(tr("&Valid for:"), m_ttl);
    form->addRow(tr("Device &label:"), m_label);
    auto *text = new QHBoxLayout;
    text->addWidget(m_token, 1);
    text->addWidget(m_copy);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(note);
    layout->addLayout(form);
    layout->addWidget(m_mint, 0, Qt::AlignRight);
    layout->addWidget(m_status);
    layout->addWidget(m_picture, 1);
    layout->addLayout(text);
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_mint, &QPushButton::clicked, this, [this] {
        m_mint->setEnabled(false);
        m_ttl->setEnabled(false);
        m_label->setEnabled(false);
        showWaiting();
        Q_EMIT mintRequested(ttlDays(), label());
    });
    connect(m_copy, &QPushButton::clicked, this, [this] {
        QApplication::clipboard()->setText(m_token->text());
        m_status->setText(m_status->text() + u' ' + tr("Copied."));
    });
}

int DeviceTokenDialog::ttlDays() const
{
    return m_ttl->value();
}

QString DeviceTokenDialog::label() const
{
    return m_label->text().trimmed();
}

QString DeviceTokenDialog::token() const
{
    return m_token->text();
}

QString DeviceTokenDialog::statusText() const
{
    return m_status->text();
}

void DeviceTokenDialog::showWaiting()
{
    m_status->setText(tr("Asking the hub for a token…"));
}

void DeviceTokenDialog::showProblem(const QString &message)
{
    PlainText::setText(m_status, tr("No token: %1").arg(PlainText::display(message)));
    // Another try with other settings.
    m_mint->setEnabled(true);
    m_ttl->setEnabled(true);
    m_label->setEnabled(true);
}

void DeviceTokenDialog::showToken(const QString &token, const QDateTime &expiresAt)
{
    m_image = QrImage::render(token, 4);
    m_picture->setPixmap(QPixmap::fromImage(m_image));
    m_picture->setVisible(!m_image.isNull());
    m_token->setText(token);
    m_token->setCursorPosition(0);
    m_copy->setEnabled(!token.isEmpty());
    m_status->setText(expiresAt.isValid() ? tr("Valid until %1.")
                                                .arg(QLocale().toString(expiresAt.toLocalTime(),
                                                                        QLocale::ShortFormat))
                                          : tr("Token minted."));
    m_copy->setFocus();
}

} // namespace TableTap
