// Connecting the console: sign in to a hub with the cafe id, employee code and PIN, or paste a
// token from another Table Tap server, or start the hub built into the console. An https hub
// with a certificate from the shop's own certificate authority needs that CA's PEM file. The
// address, cafe, employee code and CA file are remembered; the PIN and tokens never are. The
// dialog stays open with the hub's answer when sign-in fails.
#pragma once

#include <QDialog>

class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QTabWidget;

namespace TableTap {

class ConsoleSession;
class ConsoleSettings;

class ConnectDialog final : public QDialog
{
    Q_OBJECT
public:
    enum class Mode { SignIn, Token, EmbeddedHub };
    Q_ENUM(Mode)

    ConnectDialog(ConsoleSession *session, ConsoleSettings *settings, bool embeddedHubAvailable,
                  QWidget *parent = nullptr);

    Mode mode() const { return m_mode; }
    QString errorText() const;
    // Parses what a user types ("cafe-pc:3000", "https://hub.example") into a hub URL.
    static QUrl hubUrlFromInput(const QString &text);

Q_SIGNALS:
    void embeddedHubRequested();

public Q_SLOTS:
    void connectNow();

private:
    void showError(const QString &message);
    void setBusy(bool busy);
    // Hands the CA file to the session (and remembers it); false with the error shown when the
    // file holds no certificate.
    bool applyCaFile();

    ConsoleSession *m_session;
    ConsoleSettings *m_settings;
    Mode m_mode = Mode::SignIn;
    QTabWidget *m_tabs;
    QLineEdit *m_hub;
    QLineEdit *m_cafe;
    QLineEdit *m_code;
    QLineEdit *m_pin;
    QLineEdit *m_tokenHub;
    QPlainTextEdit *m_token;
    QLineEdit *m_caFile;
    QLabel *m_status;
    QPushButton *m_connect;
    QPushButton *m_embedded = nullptr;
    bool m_waiting = false;
};

} // namespace TableTap
