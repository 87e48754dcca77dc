// The Engine.IO open packet's payload: session id, upgrades and heartbeat settings.
#pragma once

#include "decoded.h"

#include <QByteArray>
#include <QStringList>

namespace TableTap {

struct EngineHandshake
{
    QString sid;
    QStringList upgrades;
    int pingInterval = 25000;
    int pingTimeout = 20000;
    qint64 maxPayload = 1000000;

    QByteArray toJson() const;
    static Decoded<EngineHandshake> fromJson(QByteArrayView json);
};

} // namespace TableTap
