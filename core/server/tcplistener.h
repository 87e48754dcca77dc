// The listening socket: a QTcpServer with a large accept backlog (Qt's default of 50 makes a
// connect storm wait for SYN retransmits) and optional TLS. It hands out connected sockets
// (encrypted ones once the TLS handshake is done) instead of queueing them, or, for plain TCP
// when asked to, bare descriptors (no QTcpSocket is made for a connection that will not need
// one).
#pragma once

#include <QSslConfiguration>
#include <QTcpServer>

namespace TableTap {

class TcpListener final : public QTcpServer
{
    Q_OBJECT
public:
    explicit TcpListener(QObject *parent = nullptr);

    // Loads a PEM certificate (chain) and private key; from then on every connection is TLS.
    bool setTlsFiles(const QString &certificateFile, const QString &keyFile, QString *error);
    bool isSecure() const { return m_secure; }
    void setTlsHandshakeTimeout(int ms) { m_tlsHandshakeTimeout = ms; }
    // Plain TCP connections come out as descriptorReady() (non-blocking, TCP_NODELAY set).
    void setHandsOutDescriptors(bool on) { m_descriptors = on; }

Q_SIGNALS:
    void socketReady(QTcpSocket *socket);
    void descriptorReady(qintptr descriptor);

protected:
    void incomingConnection(qintptr handle) override;

private:
    QSslConfiguration m_tls;
    bool m_secure = false;
    bool m_descriptors = false;
    int m_tlsHandshakeTimeout = 10000;
};

} // namespace TableTap
