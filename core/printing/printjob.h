// One printout the spooler owns: what it is, for which order, at which printer, how far it got.
#pragma once

#include "printdocument.h"

#include <QDateTime>
#include <QJsonObject>
#include <QString>

namespace TableTap {

struct PrintJob
{
    enum class Kind { KitchenTicket, CupLabel, Receipt, TestPage };
    // Queued: waits its turn; Printing: with the printer; Done; Retrying: the last attempt failed,
    // the next one comes at nextAttemptAt; Held: its printer is not set up (any more), it waits
    // for "Retry now"; Cancelled: taken out of the queue by hand.
    enum class State { Queued, Printing, Done, Retrying, Held, Cancelled };

    QString id;
    Kind kind = Kind::KitchenTicket;
    QString orderId;
    QString orderNumber;
    QString counter;
    QString printer;
    QString title; // "Ticket ORD…", "Label 2/3 Latte"
    State state = State::Queued;
    int attempts = 0;
    QString lastError;
    QDateTime createdAt;
    QDateTime printedAt;
    QDateTime nextAttemptAt;
    PrintDocument document;

    bool isWaiting() const
    {
        return state == State::Queued || state == State::Retrying || state == State::Held
               || state == State::Printing;
    }
    QJsonObject toJson() const;
    static PrintJob fromJson(const QJsonObject &o, bool *ok);

    static QString kindName(Kind kind); // stable, for files
    static QString kindText(Kind kind); // translated
    static QString stateText(State state);
};

} // namespace TableTap
