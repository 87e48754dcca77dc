// A payment attempt (one transaction) and where it stands.
#pragma once

#include "money.h"

#include <QDateTime>
#include <QString>

namespace TableTap {

struct PaymentRecord
{
    QString transactionId;
    QString orderId;
    QString orderNumber;
    QString method; // card, cash, qr
    QString status; // pending, processing, completed, failed, refunded, expired
    QString provider;
    Cents amount = 0;
    Cents fee = 0;
    Cents net = 0;
    QString providerTransactionId;
    QString errorCode;
    QString errorMessage;
    bool retryAllowed = false;
    QString qrCodeId;
    QString qrCodeData;
    QDateTime expiresAt;
    QDateTime updatedAt;
};

} // namespace TableTap
