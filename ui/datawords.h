// The hub's data words (payment methods and statuses, counter states, alert priorities) in the
// console's language. The models keep the wire's words, which filters and tests rely on; views
// show these.
#pragma once

#include <QCoreApplication>
#include <QString>

namespace TableTap {

class DataWords
{
    Q_DECLARE_TR_FUNCTIONS(TableTap::DataWords)
public:
    // card, cash, qr
    static QString paymentMethod(const QString &method);
    // pending, processing, completed, failed, refunded, expired
    static QString paymentStatus(const QString &status);
    // active, inactive (and "inactive (reason)")
    static QString counterStatus(const QString &status);
    // low, medium, high, critical (and OUT)
    static QString priority(const QString &priority);
};

} // namespace TableTap
