// The simulated card/QR provider "payconic". Fees: card 2.9 % + 0.30, QR 1.0 %, both rounded
// half-up to the cent. Declines are reproducible: an amount whose cents are .13 is declined for
// insufficient funds (retry allowed), .66 is declined as do-not-honor (no retry), and on top a
// configurable decline rate draws from a seeded generator (same seed, same sequence).
#pragma once

#include <QRandomGenerator>
#include <QString>

namespace TableTap {

class PayconicProvider final
{
public:
    struct Outcome
    {
        bool approved = true;
        QString errorCode;
        QString errorMessage;
        bool retryAllowed = false;
        QString providerTransactionId;
    };

    explicit PayconicProvider(quint32 seed = 1, double declineRate = 0.0);

    static QString name() { return QStringLiteral("payconic"); }
    static qint64 cardFeeCents(qint64 amountCents);
    static qint64 qrFeeCents(qint64 amountCents);
    Outcome charge(qint64 amountCents);
    void setDeclineRate(double rate) { m_declineRate = rate; }

private:
    QRandomGenerator m_random;
    double m_declineRate = 0.0;
};

} // namespace TableTap
