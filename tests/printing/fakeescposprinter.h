// A network receipt printer for tests: a QTcpServer on 127.0.0.1 that records every byte a
// console sends, answers DLE EOT 4 like a real printer (paper present or roll end), and can be
// off (its port closed, the same port when it comes back), slow (it reads nothing for a while)
// or mute (it never answers the status request). Each connection is one job.
#pragma once

#include "escpos.h"

#include <QByteArray>
#include <QList>
#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

namespace TableTap::TestPrinting {

class FakeEscPosPrinter : public QObject
{
public:
    explicit FakeEscPosPrinter(QObject *parent = nullptr)
        : QObject(parent)
    {
        QObject::connect(&m_server, &QTcpServer::newConnection, this, [this] { accept(); });
    }

    // Listens on port (0: any free port); false when it cannot.
    bool turnOn(quint16 port = 0)
    {
        if (m_server.isListening())
            return true;
        if (!m_server.listen(QHostAddress::LocalHost, port ? port : m_port))
            return false;
        m_port = m_server.serverPort();
        return true;
    }
    // Closes the port and drops open connections: "the printer is off".
    void turnOff()
    {
        m_server.close();
        for (const QPointer<QTcpSocket> &s : std::as_const(m_open))
            if (s)
                s->abort();
        m_open.clear();
    }
    quint16 port() const { return m_port; }

    void setOutOfPaper(bool out) { m_outOfPaper = out; }
    void setAnswersStatus(bool answers) { m_answersStatus = answers; }
    // Holds each connection's bytes unread for ms before reading them.
    void setSlowMs(int ms) { m_slowMs = ms; }

    // Each finished connection's bytes (the status request left out), in order.
    const QList<QByteArray> &jobs() const { return m_jobs; }
    int statusRequests() const { return m_statusRequests; }
    int connections() const { return m_connections; }
    QString decodedJob(int i) const { return EscPos::decode(m_jobs.value(i)); }
    QString allDecoded() const
    {
        QString out;
        for (const QByteArray &j : m_jobs)
            out += EscPos::decode(j) + QStringLiteral("\n=====\n");
        return out;
    }

private:
    void accept()
    {
        while (QTcpSocket *s = m_server.nextPendingConnection()) {
            ++m_connections;
            m_open.append(s);
            s->setParent(this);
            auto buffer = std::make_shared<QByteArray>();
            auto read = [this, s, buffer] {
                buffer->append(s->readAll());
                // The status request comes first, alone, before the ticket.
                while (buffer->startsWith(EscPos::paperStatusRequest())) {
                    buffer->remove(0, EscPos::paperStatusRequest().size());
                    ++m_statusRequests;
                    if (m_answersStatus)
                        s->write(QByteArray(1, char(m_outOfPaper ? 0x72 : 0x12)));
                }
            };
            auto start = [s, read] {
                QObject::connect(s, &QTcpSocket::readyRead, s, read);
                read();
            };
            QObject::connect(s, &QTcpSocket::disconnected, this, [this, s, buffer, read] {
                read();
                if (!buffer->isEmpty())
                    m_jobs.append(*buffer);
                s->deleteLater();
            });
            if (m_slowMs > 0)
                QTimer::singleShot(m_slowMs, s, start);
            else
                start();
        }
    }

    QTcpServer m_server;
    quint16 m_port = 0;
    bool m_outOfPaper = false;
    bool m_answersStatus = true;
    int m_slowMs = 0;
    QList<QByteArray> m_jobs;
    QList<QPointer<QTcpSocket>> m_open;
    int m_statusRequests = 0;
    int m_connections = 0;
};

} // namespace TableTap::TestPrinting
