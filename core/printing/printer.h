// A printer the spooler sends documents to: one job at a time, asynchronous, never blocking the
// thread it lives on for longer than a system print call. NetworkPrinter (ESC/POS over TCP) and
// SystemPrinter (Qt Print Support, or PDF files) are the kinds.
#pragma once

#include "printdocument.h"

#include <QObject>
#include <QString>

namespace TableTap {

class Printer : public QObject
{
    Q_OBJECT
public:
    enum class State { Unknown, Ready, Offline, OutOfPaper, Error };
    Q_ENUM(State)

    explicit Printer(const QString &name, QObject *parent = nullptr)
        : QObject(parent)
        , m_name(name)
    {}

    QString name() const { return m_name; }
    State state() const { return m_state; }
    // Why the last print failed (translated), empty after a success.
    QString lastError() const { return m_lastError; }
    bool isBusy() const { return m_busy; }
    // Where it prints ("192.168.1.50:9100", a system printer's name, a folder).
    virtual QString address() const = 0;

    // Prints doc; finished() follows exactly once (possibly before this returns for a printer
    // that prints synchronously). jobName names the job (a PDF file's name).
    void print(const PrintDocument &doc, const QString &jobName);

    static QString stateText(State state);

Q_SIGNALS:
    void finished(bool ok, const QString &error);
    void stateChanged(TableTap::Printer::State state);

protected:
    virtual void start(const PrintDocument &doc, const QString &jobName) = 0;
    // The kinds call this once per print.
    void finish(bool ok, const QString &error, State state);
    void setState(State state);

private:
    QString m_name;
    State m_state = State::Unknown;
    QString m_lastError;
    bool m_busy = false;
};

} // namespace TableTap
