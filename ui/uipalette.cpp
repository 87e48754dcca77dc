// The console's colours. Light tints, so text stays readable on every row; the accents are
// strong enough to tell apart from across a counter.
#include "uipalette.h"

#include "outboxmodel.h"

namespace TableTap {

QColor UiPalette::ageBackground(int level)
{
    switch (level) {
    case 1:
        return QColor(0xff, 0xf1, 0xb8);
    case 2:
        return QColor(0xff, 0xcd, 0xd2);
    default:
        return QColor(0xe8, 0xf5, 0xe9);
    }
}

QColor UiPalette::ageAccent(int level)
{
    switch (level) {
    case 1:
        return QColor(0xf5, 0x9e, 0x0b);
    case 2:
        return QColor(0xd3, 0x2f, 0x2f);
    default:
        return QColor(0x2e, 0x7d, 0x32);
    }
}

QColor UiPalette::stockBackground(int state)
{
    switch (state) {
    case 1:
        return QColor(0xff, 0xf1, 0xb8);
    case 2:
        return QColor(0xff, 0xcd, 0xd2);
    default:
        return {};
    }
}

QColor UiPalette::alertBackground(int rank)
{
    if (rank >= 3)
        return QColor(0xff, 0xcd, 0xd2);
    if (rank == 2)
        return QColor(0xff, 0xe0, 0xb2);
    if (rank == 1)
        return QColor(0xff, 0xf1, 0xb8);
    return {};
}

QColor UiPalette::livenessColour(ConsoleSession::Liveness liveness)
{
    switch (liveness) {
    case ConsoleSession::Liveness::Live:
        return QColor(0x2e, 0x7d, 0x32);
    case ConsoleSession::Liveness::Connecting:
    case ConsoleSession::Liveness::Reconnecting:
        return QColor(0xef, 0x8f, 0x00);
    case ConsoleSession::Liveness::Silent:
    case ConsoleSession::Liveness::Offline:
    case ConsoleSession::Liveness::Refused:
        return QColor(0xc6, 0x28, 0x28);
    }
    return Qt::gray;
}

QColor UiPalette::outboxBackground(int state)
{
    switch (OutboxEntry::State(state)) {
    case OutboxEntry::State::Pending:
    case OutboxEntry::State::Sent:
        return QColor(0xff, 0xf1, 0xb8);
    case OutboxEntry::State::Refused:
        return QColor(0xff, 0xcd, 0xd2);
    case OutboxEntry::State::Unknown:
        return QColor(0xff, 0xe0, 0xb2);
    case OutboxEntry::State::Done:
        return {};
    }
    return {};
}

QColor UiPalette::paymentBackground(const QString &status)
{
    if (status == QLatin1String("failed"))
        return QColor(0xff, 0xcd, 0xd2);
    if (status == QLatin1String("pending") || status == QLatin1String("processing"))
        return QColor(0xff, 0xf1, 0xb8);
    if (status == QLatin1String("refunded"))
        return QColor(0xe3, 0xf2, 0xfd);
    return {};
}

QColor UiPalette::warningText()
{
    return QColor(0xb7, 0x1c, 0x1c);
}

QColor UiPalette::pendingText()
{
    return QColor(0x15, 0x65, 0xc0);
}

QColor UiPalette::mutedText()
{
    return QColor(0x61, 0x61, 0x61);
}

QColor UiPalette::textOn(const QColor &background)
{
    return background.lightnessF() > 0.55 ? QColor(Qt::black) : QColor(Qt::white);
}

} // namespace TableTap
