// What each printout says: the kitchen ticket, the cup labels, the receipt and the test page, as
// PrintDocuments built from the console's order (texts from the network go in as text only).
#pragma once

#include "order.h"
#include "printdocument.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace TableTap {

class PrintLayouts final
{
public:
    // The order number large, the counter, the time, customer, items with quantities and
    // customizations, notes, a QR code of the order number. at: when it prints, local time.
    static PrintDocument kitchenTicket(const Order &order, const QString &counter,
                                       const QDateTime &at, const QString &note = {});
    // One label per cup: for each item whose product is a drink, quantity labels "1/3"... The
    // index runs over all the order's cups. isDrink: by product id.
    template<typename IsDrink>
    static QList<PrintDocument> cupLabels(const Order &order, IsDrink isDrink)
    {
        QList<const OrderItem *> drinks;
        int cups = 0;
        for (const OrderItem &i : order.items)
            if (isDrink(i.productId)) {
                drinks.append(&i);
                cups += qBound(0, i.quantity, MaxCupsPerOrder);
            }
        cups = qMin(cups, MaxCupsPerOrder);
        QList<PrintDocument> out;
        for (const OrderItem *i : drinks)
            for (int n = 0; n < i->quantity && out.size() < cups; ++n)
                out.append(cupLabel(order, *i, int(out.size()) + 1, cups));
        return out;
    }
    static PrintDocument cupLabel(const Order &order, const OrderItem &item, int index, int of);
    struct Payment
    {
        QString method; // card, cash, qr
        Cents amount = 0;
        std::optional<Cents> cashReceived;
        QDateTime at;
    };
    // Cafe name, order, items with prices, subtotal, tax, tip, total, payment and change.
    static PrintDocument receipt(const Order &order, const QString &header,
                                 const std::optional<Payment> &payment, const QString &currency);
    static PrintDocument testPage(const QString &printer, const QString &address,
                                  const QDateTime &at);

    // A label run is capped (an order of 500 lattes must not empty the roll).
    static constexpr int MaxCupsPerOrder = 50;
};

} // namespace TableTap
