// BoardPage: four files from the resources, with types, validators and a strict policy.
#include "boardpage.h"

#include "contract.h"
#include "httpexchange.h"

#include <QCryptographicHash>
#include <QFile>

namespace TableTap {

namespace {

struct Asset
{
    const char *path;     // as requested
    const char *resource; // in the hub's Qt resources
    const char *type;
    bool keep; // may be kept a day without asking: a pinned third-party build
};

constexpr Asset kAssets[] = {
    {"/board", ":/board/board.html", "text/html; charset=utf-8", false},
    {"/board/", ":/board/board.html", "text/html; charset=utf-8", false},
    {"/board/board.js", ":/board/board.js", "text/javascript; charset=utf-8", false},
    {"/board/board.css", ":/board/board.css", "text/css; charset=utf-8", false},
    {"/board/socket.io.min.js", ":/board/socket.io.min.js", "text/javascript; charset=utf-8", true},
};

const Asset *assetFor(const QByteArray &path)
{
    for (const Asset &a : kAssets) {
        if (path == a.path)
            return &a;
    }
    return nullptr;
}

HttpResponse plain(int status, const QByteArray &text)
{
    HttpResponse r = HttpResponse::make(status, text + '\n', "text/plain; charset=utf-8");
    r.setHeader("Cache-Control", "no-store");
    return r;
}

} // namespace

QByteArray BoardPage::content(const QByteArray &path)
{
    const Asset *asset = assetFor(path);
    if (!asset)
        return {};
    QFile file(QString::fromLatin1(asset->resource));
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

void BoardPage::handle(HttpExchange *exchange)
{
    const HttpRequest &request = exchange->request();
    const Asset *asset = assetFor(request.path);
    if (!asset) {
        exchange->respond(plain(404, "not found"));
        return;
    }
    if (request.method != "GET" && request.method != "HEAD") {
        HttpResponse r = plain(405, "use GET");
        r.setHeader("Allow", "GET, HEAD");
        exchange->respond(std::move(r));
        return;
    }
    const QByteArray body = content(request.path);
    if (body.isEmpty()) {
        exchange->respond(plain(500, "the board is missing from this build"));
        return;
    }
    // A strong validator: a TV reloading the page asks and gets 304 until the hub is upgraded.
    const QByteArray etag
        = '"' + QCryptographicHash::hash(body, QCryptographicHash::Sha256).toHex().left(32) + '"';
    HttpResponse r = request.header("if-none-match") == etag
                         ? HttpResponse::make(304)
                         : HttpResponse::make(200, body, asset->type);
    r.setHeader("ETag", etag);
    r.setHeader("Cache-Control", asset->keep ? "public, max-age=86400" : "no-cache");
    r.setHeader("X-Content-Type-Options", "nosniff");
    r.setHeader("Referrer-Policy", "no-referrer");
    if (asset->resource == kAssets[0].resource) {
        // Only our own files, no inline script or style, no framing, no forms.
        r.setHeader("Content-Security-Policy",
                    "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; "
                    "img-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'");
        r.setHeader("X-Frame-Options", "DENY");
    }
    exchange->respond(std::move(r));
}

} // namespace TableTap
