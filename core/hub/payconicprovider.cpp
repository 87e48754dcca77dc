// The simulated card/QR provider "payconic".
#include "payconicprovider.h"

#include "moneycents.h"

#include <QUuid>

namespace TableTap {

PayconicProvider::PayconicProvider(quint32 seed, double declineRate)
    : m_random(seed)
    , m_declineRate(declineRate)
{}

qint64 PayconicProvider::cardFeeCents(qint64 amountCents)
{
    return MoneyCents::mulDivRound(amountCents, 29, 1000) + 30;
}

qint64 PayconicProvider::qrFeeCents(qint64 amountCents)
{
    return MoneyCents::mulDivRound(amountCents, 1, 100);
}

PayconicProvider::Outcome PayconicProvider::charge(qint64 amountCents)
{
    Outcome o;
    o.providerTransactionId
        = QStringLiteral("prov_txn_") + QUuid::createUuid().toString(QUuid::Id128).left(16);
    // Draw every time so the sequence of random decisions does not depend on the amounts.
    const double draw = m_random.generateDouble();
    if (amountCents % 100 == 13) {
        o.approved = false;
        o.errorCode = QStringLiteral("insufficient_funds");
        o.errorMessage = QStringLiteral("Card declined due to insufficient funds");
        o.retryAllowed = true;
    } else if (amountCents % 100 == 66) {
        o.approved = false;
        o.errorCode = QStringLiteral("do_not_honor");
        o.errorMessage = QStringLiteral("Card declined by the issuer");
        o.retryAllowed = false;
    } else if (draw < m_declineRate) {
        o.approved = false;
        o.errorCode = QStringLiteral("card_declined");
        o.errorMessage = QStringLiteral("Card declined");
        o.retryAllowed = true;
    }
    return o;
}

} // namespace TableTap
