// Collects the binary attachments that follow a BINARY_EVENT / BINARY_ACK header.
#pragma once

#include "decoded.h"
#include "enginepacket.h"
#include "siocodec.h"
#include "siopacket.h"

#include <optional>

namespace TableTap {

class SioBinaryAssembler
{
public:
    explicit SioBinaryAssembler(SioCodec::ValidationOptions options = {})
        : m_options(options)
    {}

    // Feeds one Engine.IO message. Returns a complete packet when one is ready, nothing while
    // attachments are still expected, or an error (the connection should then be closed).
    Decoded<std::optional<SioPacket>> feed(const EnginePacket &message);
    bool isAssembling() const { return m_pending.has_value(); }
    // The namespace of the packet whose attachments are awaited (empty when none is).
    QString pendingNamespace() const { return m_pending ? m_pending->nsp : QString(); }
    void reset() { m_pending.reset(); }

private:
    SioCodec::ValidationOptions m_options;
    std::optional<SioPacket> m_pending;
};

} // namespace TableTap
