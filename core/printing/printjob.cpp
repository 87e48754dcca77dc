// PrintJob: names and its JSON form on disk.
#include "printjob.h"

#include <QCoreApplication>

namespace TableTap {

namespace {

QString stateName(PrintJob::State s)
{
    switch (s) {
    case PrintJob::State::Queued:
        return QStringLiteral("queued");
    case PrintJob::State::Printing:
        return QStringLiteral("printing");
    case PrintJob::State::Done:
        return QStringLiteral("done");
    case PrintJob::State::Retrying:
        return QStringLiteral("retrying");
    case PrintJob::State::Held:
        return QStringLiteral("held");
    case PrintJob::State::Cancelled:
        break;
    }
    return QStringLiteral("cancelled");
}

} // namespace

QString PrintJob::kindName(Kind kind)
{
    switch (kind) {
    case Kind::KitchenTicket:
        return QStringLiteral("ticket");
    case Kind::CupLabel:
        return QStringLiteral("label");
    case Kind::Receipt:
        return QStringLiteral("receipt");
    case Kind::TestPage:
        break;
    }
    return QStringLiteral("test");
}

QString PrintJob::kindText(Kind kind)
{
    switch (kind) {
    case Kind::KitchenTicket:
        return QCoreApplication::translate("TableTap::PrintJob", "Kitchen ticket");
    case Kind::CupLabel:
        return QCoreApplication::translate("TableTap::PrintJob", "Cup label");
    case Kind::Receipt:
        return QCoreApplication::translate("TableTap::PrintJob", "Receipt");
    case Kind::TestPage:
        break;
    }
    return QCoreApplication::translate("TableTap::PrintJob", "Test page");
}

QString PrintJob::stateText(State state)
{
    switch (state) {
    case State::Queued:
        return QCoreApplication::translate("TableTap::PrintJob", "queued");
    case State::Printing:
        return QCoreApplication::translate("TableTap::PrintJob", "printing");
    case State::Done:
        return QCoreApplication::translate("TableTap::PrintJob", "done");
    case State::Retrying:
        return QCoreApplication::translate("TableTap::PrintJob", "failed, will retry");
    case State::Held:
        return QCoreApplication::translate("TableTap::PrintJob", "held");
    case State::Cancelled:
        break;
    }
    return QCoreApplication::translate("TableTap::PrintJob", "cancelled");
}

QJsonObject PrintJob::toJson() const
{
    QJsonObject o{{QStringLiteral("id"), id},
                  {QStringLiteral("kind"), kindName(kind)},
                  {QStringLiteral("order_id"), orderId},
                  {QStringLiteral("order_number"), orderNumber},
                  {QStringLiteral("counter"), counter},
                  {QStringLiteral("printer"), printer},
                  {QStringLiteral("title"), title},
                  {QStringLiteral("state"), stateName(state)},
                  {QStringLiteral("attempts"), attempts},
                  {QStringLiteral("last_error"), lastError},
                  {QStringLiteral("created_at"), createdAt.toString(Qt::ISODateWithMs)},
                  {QStringLiteral("document"), document.toJson()}};
    if (printedAt.isValid())
        o.insert(QStringLiteral("printed_at"), printedAt.toString(Qt::ISODateWithMs));
    return o;
}

PrintJob PrintJob::fromJson(const QJsonObject &o, bool *ok)
{
    PrintJob j;
    auto str = [&](const char *key) {
        return o.value(QLatin1String(key)).toString().left(PrintDocument::MaxTextChars);
    };
    j.id = str("id");
    const QString kind = str("kind");
    bool known = false;
    for (Kind k : {Kind::KitchenTicket, Kind::CupLabel, Kind::Receipt, Kind::TestPage})
        if (kindName(k) == kind) {
            j.kind = k;
            known = true;
        }
    j.orderId = str("order_id");
    j.orderNumber = str("order_number");
    j.counter = str("counter");
    j.printer = str("printer");
    j.title = str("title");
    const QString state = str("state");
    j.state = State::Queued;
    for (State s : {State::Queued, State::Printing, State::Done, State::Retrying, State::Held,
                    State::Cancelled})
        if (stateName(s) == state)
            j.state = s;
    // A job that was with the printer when the console stopped is printed again: a ticket
    // twice is better than none.
    if (j.state == State::Printing)
        j.state = State::Queued;
    j.attempts = qBound(0, o.value(QStringLiteral("attempts")).toInt(), 1000000);
    j.lastError = str("last_error");
    j.createdAt = QDateTime::fromString(str("created_at"), Qt::ISODateWithMs);
    j.printedAt = QDateTime::fromString(str("printed_at"), Qt::ISODateWithMs);
    j.document = PrintDocument::fromJson(o.value(QStringLiteral("document")).toObject());
    *ok = known && !j.id.isEmpty();
    return j;
}

} // namespace TableTap
