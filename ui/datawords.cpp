// The hub's data words, translated.
#include "datawords.h"

namespace TableTap {

QString DataWords::paymentMethod(const QString &method)
{
    if (method == QLatin1String("card"))
        return tr("card");
    if (method == QLatin1String("cash"))
        return tr("cash");
    if (method == QLatin1String("qr"))
        return tr("QR code");
    return method;
}

QString DataWords::paymentStatus(const QString &status)
{
    if (status == QLatin1String("pending"))
        return tr("waiting");
    if (status == QLatin1String("processing"))
        return tr("processing");
    if (status == QLatin1String("completed"))
        return tr("paid");
    if (status == QLatin1String("failed"))
        return tr("failed");
    if (status == QLatin1String("refunded"))
        return tr("refunded");
    if (status == QLatin1String("expired"))
        return tr("expired");
    return status;
}

QString DataWords::counterStatus(const QString &status)
{
    // The counter model shows "inactive (reason)": translate the word, keep the reason.
    const QString word = status.section(QLatin1Char(' '), 0, 0);
    const QString rest = status.mid(word.size());
    if (word == QLatin1String("active"))
        return tr("active") + rest;
    if (word == QLatin1String("inactive"))
        return tr("out of service") + rest;
    return status;
}

QString DataWords::priority(const QString &priority)
{
    if (priority == QLatin1String("low"))
        return tr("low");
    if (priority == QLatin1String("medium"))
        return tr("medium");
    if (priority == QLatin1String("high"))
        return tr("high");
    if (priority == QLatin1String("critical"))
        return tr("critical");
    return priority;
}

} // namespace TableTap
