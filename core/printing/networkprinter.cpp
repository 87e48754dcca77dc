// NetworkPrinter: connect, ask the paper status, write, close; every step under a timer.
#include "networkprinter.h"

#include <QTcpSocket>

namespace TableTap {

NetworkPrinter::NetworkPrinter(const QString &name, const Options &options, QObject *parent)
    : Printer(name, parent)
    , m_options(options)
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &NetworkPrinter::onTimeout);
}

NetworkPrinter::~NetworkPrinter()
{
    if (m_socket)
        m_socket->abort();
}

QString NetworkPrinter::address() const
{
    return QStringLiteral("%1:%2").arg(m_options.host).arg(m_options.port);
}

void NetworkPrinter::start(const PrintDocument &doc, const QString &)
{
    m_payload = EscPos::render(doc, m_options.codePage, m_options.columns);
    if (m_socket) {
        m_socket->abort();
        m_socket->deleteLater();
    }
    m_socket = new QTcpSocket(this);
    connect(m_socket, &QTcpSocket::connected, this, &NetworkPrinter::onConnected);
    connect(m_socket, &QTcpSocket::readyRead, this, &NetworkPrinter::onReadyRead);
    connect(m_socket, &QTcpSocket::bytesWritten, this, &NetworkPrinter::onBytesWritten);
    connect(m_socket, &QTcpSocket::errorOccurred, this, &NetworkPrinter::onSocketError);
    connect(m_socket, &QTcpSocket::disconnected, this, [this] {
        if (m_step == Step::Closing) {
            m_timer.stop();
            m_step = Step::Idle;
            finish(true, {}, State::Ready);
        }
    });
    m_step = Step::Connecting;
    m_timer.start(m_options.connectTimeoutMs);
    m_socket->connectToHost(m_options.host, m_options.port);
}

void NetworkPrinter::onConnected()
{
    if (m_options.checkPaper) {
        m_step = Step::Status;
        m_timer.start(m_options.statusTimeoutMs);
        m_socket->write(EscPos::paperStatusRequest());
        return;
    }
    write();
}

void NetworkPrinter::write()
{
    m_step = Step::Writing;
    m_timer.start(m_options.writeTimeoutMs);
    m_socket->write(m_payload);
}

void NetworkPrinter::onReadyRead()
{
    // Only the status answer is expected; anything more (a printer's own chatter) is dropped.
    const QByteArray got = m_socket->read(64);
    if (m_step != Step::Status || got.isEmpty())
        return;
    switch (EscPos::paperFromStatus(got.back())) {
    case EscPos::Paper::End:
        fail(tr("out of paper"), State::OutOfPaper);
        return;
    case EscPos::Paper::Invalid:
        fail(tr("the printer answered the paper status with something else"), State::Error);
        return;
    case EscPos::Paper::Present:
    case EscPos::Paper::NearEnd:
        break;
    }
    write();
}

void NetworkPrinter::onBytesWritten()
{
    if (m_step != Step::Writing || m_socket->bytesToWrite() > 0)
        return;
    // Every byte is with the printer's TCP stack; closing lets the printer print.
    m_step = Step::Closing;
    m_timer.start(m_options.writeTimeoutMs);
    m_socket->disconnectFromHost();
}

void NetworkPrinter::onTimeout()
{
    switch (m_step) {
    case Step::Connecting:
        fail(tr("no connection to %1 within %2 s")
                 .arg(address())
                 .arg(m_options.connectTimeoutMs / 1000.0),
             State::Offline);
        break;
    case Step::Status:
        fail(tr("the printer did not answer the paper status"), State::Error);
        break;
    case Step::Writing:
        fail(tr("the printer did not take the ticket"), State::Error);
        break;
    case Step::Closing:
        // Written completely; the printer just keeps the connection open.
        m_socket->abort();
        m_step = Step::Idle;
        finish(true, {}, State::Ready);
        break;
    case Step::Idle:
        break;
    }
}

void NetworkPrinter::onSocketError()
{
    if (m_step == Step::Idle)
        return;
    if (m_step == Step::Closing && m_socket->bytesToWrite() == 0) {
        // The printer closed first (RemoteHostClosed): what was written is printed.
        m_timer.stop();
        m_step = Step::Idle;
        finish(true, {}, State::Ready);
        return;
    }
    const bool unreachable = m_step == Step::Connecting;
    fail(unreachable ? tr("%1: %2").arg(address(), m_socket->errorString())
                     : tr("connection lost: %1").arg(m_socket->errorString()),
         unreachable ? State::Offline : State::Error);
}

void NetworkPrinter::fail(const QString &error, State state)
{
    m_timer.stop();
    m_step = Step::Idle;
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->abort();
        m_socket->deleteLater();
        m_socket = nullptr;
    }
    finish(false, error, state);
}

} // namespace TableTap
