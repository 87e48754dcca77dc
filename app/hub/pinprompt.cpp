// The PIN from a terminal without echo, or from standard input.
#include "pinprompt.h"

#include <QScopeGuard>

#include <csignal>
#include <cstdio>
#include <string>
#include <termios.h>
#include <unistd.h>

namespace TableTap {

namespace {

termios savedTerminal;

// Ctrl-C at the prompt must not leave the terminal without echo.
void restoreAndExit(int)
{
    ::tcsetattr(STDIN_FILENO, TCSANOW, &savedTerminal);
    ::_exit(130);
}

std::optional<QString> readLine()
{
    std::string line;
    for (int c; (c = std::fgetc(stdin)) != EOF;) {
        if (c == '\n')
            return QString::fromLocal8Bit(line.c_str()).trimmed();
        if (line.size() < 256) // a PIN is 12 digits; the rest is never kept
            line.push_back(char(c));
    }
    if (line.empty())
        return std::nullopt;
    return QString::fromLocal8Bit(line.c_str()).trimmed();
}

std::optional<QString> askWithoutEcho(const QString &prompt)
{
    std::fputs(qPrintable(prompt), stderr);
    std::fflush(stderr);
    termios quiet = savedTerminal;
    quiet.c_lflag &= ~tcflag_t(ECHO);
    ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet);
    const auto restore = qScopeGuard([] {
        ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &savedTerminal);
        std::fputc('\n', stderr);
    });
    return readLine();
}

} // namespace

std::optional<QString> PinPrompt::read(const QString &prompt, QString *error)
{
    if (!::isatty(STDIN_FILENO) || ::tcgetattr(STDIN_FILENO, &savedTerminal) != 0) {
        const std::optional<QString> pin = readLine();
        if (!pin)
            *error = QStringLiteral("no PIN on standard input (give it as one line, e.g. from a "
                                    "file or a pipe, or run this on a terminal to be asked)");
        return pin;
    }
    struct sigaction onInterrupt = {}, previous = {};
    onInterrupt.sa_handler = restoreAndExit;
    sigemptyset(&onInterrupt.sa_mask);
    ::sigaction(SIGINT, &onInterrupt, &previous);
    const auto restoreHandler
        = qScopeGuard([&previous] { ::sigaction(SIGINT, &previous, nullptr); });
    const std::optional<QString> first = askWithoutEcho(prompt);
    if (!first) {
        *error = QStringLiteral("no PIN entered");
        return std::nullopt;
    }
    const std::optional<QString> second = askWithoutEcho(QStringLiteral("Repeat the PIN: "));
    if (second != first) {
        *error = QStringLiteral("the two PINs differ; nothing changed");
        return std::nullopt;
    }
    return first;
}

} // namespace TableTap
