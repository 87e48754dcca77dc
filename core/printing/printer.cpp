// Printer: the busy flag, state and the one finished() per print.
#include "printer.h"

#include <QCoreApplication>

namespace TableTap {

void Printer::print(const PrintDocument &doc, const QString &jobName)
{
    Q_ASSERT(!m_busy);
    m_busy = true;
    start(doc, jobName);
}

void Printer::finish(bool ok, const QString &error, State state)
{
    m_busy = false;
    m_lastError = ok ? QString() : error;
    setState(state);
    Q_EMIT finished(ok, error);
}

void Printer::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    Q_EMIT stateChanged(state);
}

QString Printer::stateText(State state)
{
    switch (state) {
    case State::Ready:
        return QCoreApplication::translate("TableTap::Printer", "ready");
    case State::Offline:
        return QCoreApplication::translate("TableTap::Printer", "offline");
    case State::OutOfPaper:
        return QCoreApplication::translate("TableTap::Printer", "out of paper");
    case State::Error:
        return QCoreApplication::translate("TableTap::Printer", "error");
    case State::Unknown:
        break;
    }
    return QCoreApplication::translate("TableTap::Printer", "not used yet");
}

} // namespace TableTap
