// The ready board's web page on the hub's port, for a TV's browser: GET /board (the page),
// /board/board.js and /board/board.css (ours, resources/board), /board/socket.io.min.js (the
// stock socket.io-client browser build, from packaging/board's pinned npm package at build
// time). All are compiled into the hub as Qt resources; nothing is read from disk per request.
// The page carries no secret: the board token stays in the address's fragment, which browsers
// never send (docs/hub.md).
#pragma once

#include <QByteArray>

namespace TableTap {

class HttpExchange;

class BoardPage final
{
public:
    // Answers any request under Contract::Http::Board.
    static void handle(HttpExchange *exchange);
    // The bytes served for a path, empty when there is none (tests, checks).
    static QByteArray content(const QByteArray &path);
};

} // namespace TableTap
