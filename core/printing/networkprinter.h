// A receipt printer on the network speaking ESC/POS on a raw TCP port (9100 by convention): one
// connection per job, with connect, status and write timeouts, so a printer that is off, asleep
// or out of paper makes a job fail (and the spooler retry it), never hangs the console.
#pragma once

#include "escpos.h"
#include "printer.h"

#include <QByteArray>
#include <QTimer>

class QTcpSocket;

namespace TableTap {

class NetworkPrinter final : public Printer
{
    Q_OBJECT
public:
    struct Options
    {
        QString host;
        quint16 port = 9100;
        EscPos::CodePage codePage = EscPos::CodePage::Pc858;
        int columns = 42; // 80 mm paper at font A; 58 mm paper: 32
        // Ask DLE EOT 4 before printing: out of paper is then a state, not a lost ticket.
        bool checkPaper = true;
        int connectTimeoutMs = 4000;
        int statusTimeoutMs = 2000;
        int writeTimeoutMs = 10000;
    };

    NetworkPrinter(const QString &name, const Options &options, QObject *parent = nullptr);
    ~NetworkPrinter() override;
    QString address() const override;
    const Options &options() const { return m_options; }

protected:
    void start(const PrintDocument &doc, const QString &jobName) override;

private:
    enum class Step { Idle, Connecting, Status, Writing, Closing };
    void onConnected();
    void onReadyRead();
    void onBytesWritten();
    void onTimeout();
    void onSocketError();
    void fail(const QString &error, State state);
    void write();

    Options m_options;
    QTcpSocket *m_socket = nullptr;
    QTimer m_timer;
    Step m_step = Step::Idle;
    QByteArray m_payload;
};

} // namespace TableTap
