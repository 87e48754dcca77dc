// libFuzzer target: the HTTP/1.1 request parser and what long-polling does with a request
// (query values, the Engine.IO payload in a POST body). The first byte picks small limits or the
// hub's and a split point; the rest is fed whole to one parser and in two pieces (then byte by
// byte) to others: every way of feeding gives the same requests and the same error status.
#include "enginecodec.h"
#include "httprequestparser.h"

#include <cstdlib>

using namespace TableTap;

namespace {

struct Outcome
{
    QList<HttpRequest> requests;
    int errorStatus = 0;
};

bool sameRequest(const HttpRequest &a, const HttpRequest &b)
{
    return a.method == b.method && a.target == b.target && a.path == b.path && a.query == b.query
           && a.minorVersion == b.minorVersion && a.headers == b.headers && a.body == b.body;
}

void drain(HttpRequestParser &parser, Outcome &out)
{
    for (int guard = 0; guard < 10000; ++guard) {
        switch (parser.next()) {
        case HttpRequestParser::Status::NeedMore:
            return;
        case HttpRequestParser::Status::Error:
            out.errorStatus = parser.errorStatus();
            if (out.errorStatus < 400 || out.errorStatus > 599)
                std::abort();
            return;
        case HttpRequestParser::Status::Complete: {
            HttpRequest r = parser.takeRequest();
            // What the Engine.IO endpoint reads from a polling request.
            (void)r.queryValue("sid");
            (void)r.queryValue("EIO");
            (void)r.keepAlive();
            (void)r.isWebSocketUpgrade();
            (void)r.headerHasToken("connection", "upgrade");
            if (r.method == "POST")
                (void)EngineCodec::decodePayload(r.body);
            out.requests.append(std::move(r));
            break;
        }
        }
    }
    std::abort(); // a parser that never stops producing requests from finite input
}

Outcome parse(const HttpRequestParser::Limits &limits, QByteArrayView bytes,
              const QList<qsizetype> &cuts)
{
    HttpRequestParser parser(limits);
    Outcome out;
    qsizetype from = 0;
    for (qsizetype cut : cuts) {
        parser.feed(bytes.sliced(from, cut - from));
        drain(parser, out);
        from = cut;
        if (out.errorStatus)
            return out;
    }
    parser.feed(bytes.sliced(from));
    drain(parser, out);
    return out;
}

bool same(const Outcome &a, const Outcome &b)
{
    if (a.errorStatus != b.errorStatus || a.requests.size() != b.requests.size())
        return false;
    for (qsizetype i = 0; i < a.requests.size(); ++i) {
        if (!sameRequest(a.requests.at(i), b.requests.at(i)))
            return false;
    }
    return true;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    const quint8 control = data[0];
    const QByteArrayView bytes(reinterpret_cast<const char *>(data) + 1, qsizetype(size - 1));
    HttpRequestParser::Limits limits;
    if (control & 1) {
        // Small limits, so the fuzzer reaches 413 and 431 with short inputs.
        limits.maxHeadBytes = 64 + (control >> 2);
        limits.maxHeaderCount = 1 + (control >> 5);
        limits.maxBodyBytes = control >> 1;
    }
    const Outcome whole = parse(limits, bytes, {});
    const qsizetype cut = bytes.isEmpty() ? 0 : qsizetype(control) * 7919 % (bytes.size() + 1);
    if (!same(whole, parse(limits, bytes, {cut})))
        std::abort();
    if (bytes.size() <= 512) {
        QList<qsizetype> everyByte;
        for (qsizetype i = 1; i < bytes.size(); ++i)
            everyByte.append(i);
        if (!same(whole, parse(limits, bytes, everyByte)))
            std::abort();
    }
    return 0;
}
