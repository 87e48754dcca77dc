// TcpListener: accept, set socket options, optionally run the TLS handshake.
#include "tcplistener.h"

#include "serverlogging.h"

#include <QFile>
#include <QSslCertificate>
#include <QSslKey>
#include <QSslSocket>
#include <QTimer>

#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>

namespace TableTap {

TcpListener::TcpListener(QObject *parent)
    : QTcpServer(parent)
{
    setListenBacklogSize(1024);
}

bool TcpListener::setTlsFiles(const QString &certificateFile, const QString &keyFile,
                              QString *error)
{
    QFile certFile(certificateFile);
    if (!certFile.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot read certificate %1: %2")
                     .arg(certificateFile, certFile.errorString());
        return false;
    }
    const QList<QSslCertificate> chain = QSslCertificate::fromData(certFile.readAll(), QSsl::Pem);
    if (chain.isEmpty() || chain.first().isNull()) {
        *error = QStringLiteral("no PEM certificate in %1").arg(certificateFile);
        return false;
    }
    QFile key(keyFile);
    if (!key.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot read key %1: %2").arg(keyFile, key.errorString());
        return false;
    }
    const QByteArray keyPem = key.readAll();
    QSslKey privateKey(keyPem, QSsl::Rsa, QSsl::Pem);
    if (privateKey.isNull())
        privateKey = QSslKey(keyPem, QSsl::Ec, QSsl::Pem);
    if (privateKey.isNull()) {
        *error = QStringLiteral("no usable PEM private key (RSA or EC) in %1").arg(keyFile);
        return false;
    }
    m_tls = QSslConfiguration::defaultConfiguration();
    m_tls.setLocalCertificate(chain.first());
    m_tls.setLocalCertificateChain(chain);
    m_tls.setPrivateKey(privateKey);
    m_tls.setPeerVerifyMode(QSslSocket::VerifyNone);
    m_secure = true;
    return true;
}

void TcpListener::incomingConnection(qintptr handle)
{
    if (!m_secure && m_descriptors) {
        const int fd = int(handle);
        fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK);
        const int one = 1;
        setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
        Q_EMIT descriptorReady(handle);
        return;
    }
    if (!m_secure) {
        auto *socket = new QTcpSocket(this);
        if (!socket->setSocketDescriptor(handle)) {
            delete socket;
            return;
        }
        socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
        Q_EMIT socketReady(socket);
        return;
    }
    auto *socket = new QSslSocket(this);
    if (!socket->setSocketDescriptor(handle)) {
        delete socket;
        return;
    }
    socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    socket->setSslConfiguration(m_tls);
    auto *timer = new QTimer(socket);
    timer->setSingleShot(true);
    connect(timer, &QTimer::timeout, socket, [socket] {
        qCDebug(lcServer) << "TLS handshake timed out from" << socket->peerAddress();
        socket->abort();
        socket->deleteLater();
    });
    connect(socket, &QSslSocket::encrypted, this, [this, socket, timer] {
        delete timer;
        // From here on the socket belongs to whoever takes it.
        disconnect(socket, nullptr, this, nullptr);
        Q_EMIT socketReady(socket);
    });
    connect(socket, &QAbstractSocket::disconnected, this, [socket] { socket->deleteLater(); });
    connect(socket, &QSslSocket::sslErrors, this, [socket](const QList<QSslError> &errors) {
        qCDebug(lcServer) << "TLS errors from" << socket->peerAddress() << errors;
    });
    timer->start(m_tlsHandshakeTimeout);
    socket->startServerEncryption();
}

} // namespace TableTap
