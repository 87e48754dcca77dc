// An event received on a namespace: its name, its arguments (binary attachments appear as
// SioCodec::placeholder(i) and are carried in attachments), and the ack id the server asked
// for, if any (answer it with SioSocket::sendAck).
//
// With SioClientOptions::liteEvents, an EVENT frame without attachments is read with LiteJson
// instead of Qt's tree: lite then holds the whole payload [name, args...] (its nodes point into
// the frame's bytes, which it keeps alive) and args stays empty; liteArg() reads an argument
// from the nodes and jsonArgs() gives the arguments as Qt's tree either way.
#pragma once

#include "litejson.h"

#include <QByteArray>
#include <QJsonArray>
#include <QList>
#include <QMetaType>
#include <QString>

#include <algorithm>
#include <memory>

namespace TableTap {

struct SioEvent
{
    QString nsp;
    QString name;
    QJsonArray args;
    QList<QByteArray> attachments;
    qint64 ackId = -1;
    std::shared_ptr<const LiteJson> lite;

    bool wantsAck() const { return ackId >= 0; }
    qsizetype argCount() const
    {
        return lite ? std::max<qsizetype>(0, lite->root().toArray().size() - 1) : args.size();
    }
    // Argument i read from the LiteJson nodes (undefined when the event has none, or no lite).
    LiteJsonValue liteArg(qsizetype i) const
    {
        return lite && i >= 0 ? lite->root().toArray().at(i + 1) : LiteJsonValue();
    }
    // The arguments as Qt's tree: args, or the LiteJson payload converted.
    QJsonArray jsonArgs() const
    {
        if (!lite)
            return args;
        QJsonArray out;
        const qsizetype n = argCount();
        for (qsizetype i = 0; i < n; ++i)
            out.append(liteArg(i).toJsonValue());
        return out;
    }
};

} // namespace TableTap

Q_DECLARE_METATYPE(TableTap::SioEvent)
