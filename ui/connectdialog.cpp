// The connect dialog.
#include "connectdialog.h"

#include "consolesession.h"
#include "consolesettings.h"
#include "plaintext.h"

#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTabWidget>
#include <QVBoxLayout>

namespace TableTap {

ConnectDialog::ConnectDialog(ConsoleSession *session, ConsoleSettings *settings,
                             bool embeddedHubAvailable, QWidget *parent)
    : QDialog(parent)
    , m_session(session)
    , m_settings(settings)
    , m_tabs(new QTabWidget(this))
    , m_hub(new QLineEdit(settings->hubUrl(), this))
    , m_cafe(new QLineEdit(settings->cafeId(), this))
    , m_code(new QLineEdit(settings->employeeCode(), this))
    , m_pin(new QLineEdit(this))
    , m_tokenHub(new QLineEdit(settings->hubUrl(), this))
    , m_token(new QPlainTextEdit(this))
    , m_caFile(new QLineEdit(session->caFile(), this))
    , m_status(new QLabel(this))
{
    setObjectName(QStringLiteral("connectDialog"));
    setWindowTitle(tr("Connect to a Table Tap hub"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/tabletap.svg")));
    m_hub->setObjectName(QStringLiteral("hub"));
    m_cafe->setObjectName(QStringLiteral("cafe"));
    m_code->setObjectName(QStringLiteral("code"));
    m_pin->setObjectName(QStringLiteral("pin"));
    m_token->setObjectName(QStringLiteral("token"));
    m_tokenHub->setObjectName(QStringLiteral("tokenHub"));
    m_caFile->setObjectName(QStringLiteral("caFile"));
    m_caFile->setPlaceholderText(tr("only for an https hub with the shop's own CA"));
    m_caFile->setToolTip(tr("A PEM file with the certificate authority that signed the hub's "
                            "certificate; trusted on top of the system's"));
    m_pin->setEchoMode(QLineEdit::Password);
    m_pin->setInputMethodHints(Qt::ImhDigitsOnly | Qt::ImhSensitiveData);
    m_hub->setPlaceholderText(QStringLiteral("http://cafe-pc:3000"));
    m_cafe->setPlaceholderText(tr("optional when the hub serves one cafe"));
    m_token->setPlaceholderText(tr("Paste the access token (a JWT) here"));
    m_token->setTabChangesFocus(true);

    auto *signIn = new QWidget(m_tabs);
    auto *signInForm = new QFormLayout(signIn);
    signInForm->addRow(tr("&Hub address:"), m_hub);
    signInForm->addRow(tr("C&afe:"), m_cafe);
    signInForm->addRow(tr("&Employee code:"), m_code);
    signInForm->addRow(tr("&PIN:"), m_pin);
    m_tabs->addTab(signIn, tr("&Sign in"));

    auto *token = new QWidget(m_tabs);
    auto *tokenForm = new QFormLayout(token);
    tokenForm->addRow(tr("Hub a&ddress:"), m_tokenHub);
    tokenForm->addRow(tr("&Token:"), m_token);
    m_tabs->addTab(token, tr("Use a t&oken"));
    m_tabs->setCurrentIndex(qBound(0, settings->connectTab(), 1));

    // Both tabs reach the hub over the same TLS.
    auto *browse = new QPushButton(tr("&Browse…"), this);
    browse->setObjectName(QStringLiteral("browseCaFile"));
    connect(browse, &QPushButton::clicked, this, [this] {
        const QString file = QFileDialog::getOpenFileName(
            this, tr("Certificate authority of the hub"), m_caFile->text(),
            tr("PEM certificates (*.pem *.crt);;All files (*)"));
        if (!file.isEmpty())
            m_caFile->setText(file);
    });
    auto *caRow = new QHBoxLayout;
    caRow->addWidget(m_caFile, 1);
    caRow->addWidget(browse);
    auto *caForm = new QFormLayout;
    // A label of its own with the field as buddy: a layout row gets none, and then neither
    // Alt+I nor a screen reader finds the field.
    auto *caLabel = new QLabel(tr("CA cert&ificate (PEM):"), this);
    caLabel->setBuddy(m_caFile);
    caForm->addRow(caLabel, caRow);

    m_status->setWordWrap(true);
    PlainText::makePlain(m_status); // the hub's refusal, word for word
    m_status->setObjectName(QStringLiteral("status"));
    auto *buttons = new QDialogButtonBox(this);
    m_connect = buttons->addButton(tr("&Connect"), QDialogButtonBox::AcceptRole);
    m_connect->setObjectName(QStringLiteral("connectButton"));
    m_connect->setDefault(true);
    buttons->addButton(QDialogButtonBox::Cancel);
    connect(buttons, &QDialogButtonBox::accepted, this, &ConnectDialog::connectNow);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_tabs);
    layout->addLayout(caForm);
    if (embeddedHubAvailable) {
        m_embedded = new QPushButton(tr("Start a hub on this computer (demo cafe)"), this);
        m_embedded->setObjectName(QStringLiteral("embeddedButton"));
        m_embedded->setToolTip(tr("Runs the in-store hub inside the console with the simulator "
                                  "and signs in to it as a manager"));
        connect(m_embedded, &QPushButton::clicked, this, [this] {
            m_mode = Mode::EmbeddedHub;
            Q_EMIT embeddedHubRequested();
            accept();
        });
        layout->addWidget(m_embedded);
    }
    layout->addWidget(m_status);
    layout->addWidget(buttons);

    connect(session, &ConsoleSession::signInFailed, this, [this](const QString &message) {
        if (!m_waiting)
            return;
        setBusy(false);
        showError(message);
        m_pin->clear();
        m_pin->setFocus();
    });
    connect(session, &ConsoleSession::identityChanged, this, [this](const SessionIdentity &id) {
        if (!m_waiting)
            return;
        setBusy(false);
        if (id.isValid())
            accept();
        else
            showError(tr("The hub's token does not name a user and a cafe."));
    });
    if (m_tabs->currentIndex() == 0)
        (m_code->text().isEmpty() ? m_code : m_pin)->setFocus();
    resize(480, sizeHint().height());
}

QUrl ConnectDialog::hubUrlFromInput(const QString &text)
{
    QString t = text.trimmed();
    if (t.isEmpty())
        return {};
    if (!t.contains(QStringLiteral("://")))
        t.prepend(QStringLiteral("http://"));
    QUrl url(t, QUrl::StrictMode);
    if (url.scheme() == QLatin1String("ws"))
        url.setScheme(QStringLiteral("http"));
    else if (url.scheme() == QLatin1String("wss"))
        url.setScheme(QStringLiteral("https"));
    if (!url.isValid() || url.host().isEmpty()
        || (url.scheme() != QLatin1String("http") && url.scheme() != QLatin1String("https")))
        return {};
    return url;
}

QString ConnectDialog::errorText() const
{
    return m_status->text();
}

void ConnectDialog::showError(const QString &message)
{
    m_status->setStyleSheet(QStringLiteral("color: #c62828;"));
    PlainText::setText(m_status, message);
}

void ConnectDialog::setBusy(bool busy)
{
    m_waiting = busy;
    m_connect->setEnabled(!busy);
    m_tabs->setEnabled(!busy);
    if (m_embedded)
        m_embedded->setEnabled(!busy);
    if (busy) {
        m_status->setStyleSheet(QString());
        m_status->setText(tr("Signing in…"));
    }
}

bool ConnectDialog::applyCaFile()
{
    const QString file = m_caFile->text().trimmed();
    // The session's link reads the file (TLS is its business, not the views').
    const QString problem = m_session->caFileProblem(file);
    if (!problem.isEmpty()) {
        showError(problem);
        return false;
    }
    m_session->setCaFile(file);
    m_settings->setCaFile(file);
    return true;
}

void ConnectDialog::connectNow()
{
    const bool signIn = m_tabs->currentIndex() == 0;
    const QUrl hub = hubUrlFromInput(signIn ? m_hub->text() : m_tokenHub->text());
    if (!hub.isValid()) {
        showError(tr("Enter the hub's address, like http://cafe-pc:3000."));
        return;
    }
    if (!applyCaFile())
        return;
    if (signIn) {
        if (m_code->text().trimmed().isEmpty() || m_pin->text().isEmpty()) {
            showError(tr("Enter your employee code and PIN."));
            return;
        }
        m_mode = Mode::SignIn;
        m_settings->rememberSignIn(hub.toString(), m_cafe->text().trimmed(),
                                   m_code->text().trimmed(), 0);
        setBusy(true);
        m_session->signIn(hub, m_cafe->text().trimmed(), m_code->text().trimmed(), m_pin->text());
        return;
    }
    const QString token = m_token->toPlainText().trimmed();
    if (!SessionIdentity::fromToken(token).isValid()) {
        showError(tr("That is not a Table Tap access token (it must name a user and a cafe)."));
        return;
    }
    m_mode = Mode::Token;
    m_settings->rememberSignIn(hub.toString(), m_settings->cafeId(), m_settings->employeeCode(), 1);
    setBusy(true);
    m_session->connectWithToken(hub, token);
}

} // namespace TableTap
