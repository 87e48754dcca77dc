// An event received on a namespace: its name, its arguments (binary attachments appear as
// SioCodec::placeholder(i) and are carried in attachments), and the ack id the server asked
// for, if any (answer it with SioSocket::sendAck).
#pragma once

#include <QByteArray>
#include <QJsonArray>
#include <QList>
#include <QMetaType>
#include <QString>

namespace TableTap {

struct SioEvent
{
    QString nsp;
    QString name;
    QJsonArray args;
    QList<QByteArray> attachments;
    qint64 ackId = -1;

    bool wantsAck() const { return ackId >= 0; }
};

} // namespace TableTap

Q_DECLARE_METATYPE(TableTap::SioEvent)
