// PrintLayouts: the four printouts.
#include "printlayouts.h"

#include <QCoreApplication>
#include <QLocale>

namespace TableTap {

namespace {

QString timeText(const QDateTime &at)
{
    return at.isValid() ? at.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm")) : QString();
}

QString money(Cents c, const QString &currency)
{
    return currency.isEmpty() ? formatCents(c) : currency + QLatin1Char(' ') + formatCents(c);
}

QString methodText(const QString &m)
{
    if (m == QLatin1String("cash"))
        return QCoreApplication::translate("TableTap::PrintLayouts", "Cash");
    if (m == QLatin1String("card"))
        return QCoreApplication::translate("TableTap::PrintLayouts", "Card");
    if (m == QLatin1String("qr"))
        return QCoreApplication::translate("TableTap::PrintLayouts", "QR payment");
    return m;
}

} // namespace

PrintDocument PrintLayouts::kitchenTicket(const Order &o, const QString &counter,
                                          const QDateTime &at, const QString &note)
{
    PrintDocument d;
    const auto C = PrintBlock::Align::Center;
    d.text(o.number, true, 2, C);
    d.text(counter, true, 1, C);
    d.text(timeText(at), false, 1, C);
    if (!note.isEmpty())
        d.text(note, true, 1, C);
    d.rule();
    if (!o.customerName.isEmpty())
        d.text(o.customerName, true, 2);
    if (o.isProxy && !o.orderedFor.name.isEmpty())
        d.text(
            QCoreApplication::translate("TableTap::PrintLayouts", "for %1").arg(o.orderedFor.name));
    d.rule();
    for (const OrderItem &i : o.items) {
        d.text(QStringLiteral("%1 x %2").arg(i.quantity).arg(i.productName), true, 1);
        for (const QString &c : i.customizations)
            d.text(QStringLiteral("   + ") + c);
    }
    d.rule();
    QStringList notes;
    for (const StatusChange &s : o.history)
        if (!s.notes.isEmpty())
            notes.append(s.notes);
    for (const QString &n : notes)
        d.text(QCoreApplication::translate("TableTap::PrintLayouts", "Note: %1").arg(n));
    d.text(QCoreApplication::translate("TableTap::PrintLayouts", "%n item(s)", nullptr,
                                       o.itemCount()));
    d.qr(o.number.isEmpty() ? o.id : o.number);
    return d;
}

PrintDocument PrintLayouts::cupLabel(const Order &o, const OrderItem &item, int index, int of)
{
    PrintDocument d;
    d.pair(o.customerName, QStringLiteral("%1/%2").arg(index).arg(of), true);
    d.text(item.productName, true, 2);
    for (const QString &c : item.customizations)
        d.text(QStringLiteral("+ ") + c);
    d.text(o.number);
    return d;
}

PrintDocument PrintLayouts::receipt(const Order &o, const QString &header,
                                    const std::optional<Payment> &payment, const QString &currency)
{
    PrintDocument d;
    const auto C = PrintBlock::Align::Center;
    if (!header.isEmpty())
        d.text(header, true, 2, C);
    d.text(QCoreApplication::translate("TableTap::PrintLayouts", "Order %1").arg(o.number), true, 1,
           C);
    d.text(timeText(payment && payment->at.isValid() ? payment->at : o.createdAt), false, 1, C);
    if (!o.customerName.isEmpty())
        d.text(o.customerName, false, 1, C);
    d.rule();
    for (const OrderItem &i : o.items) {
        d.pair(QStringLiteral("%1 x %2").arg(i.quantity).arg(i.productName),
               formatCents(i.totalPrice));
        for (const QString &c : i.customizations)
            d.text(QStringLiteral("   + ") + c);
    }
    d.rule();
    d.pair(QCoreApplication::translate("TableTap::PrintLayouts", "Subtotal"),
           formatCents(o.subtotal));
    d.pair(QCoreApplication::translate("TableTap::PrintLayouts", "Tax"), formatCents(o.tax));
    if (o.tip != 0)
        d.pair(QCoreApplication::translate("TableTap::PrintLayouts", "Tip"), formatCents(o.tip));
    d.pair(QCoreApplication::translate("TableTap::PrintLayouts", "Total"), money(o.total, currency),
           true);
    if (payment) {
        d.rule();
        d.pair(QCoreApplication::translate("TableTap::PrintLayouts", "Paid by %1")
                   .arg(methodText(payment->method)),
               formatCents(payment->amount));
        if (payment->cashReceived) {
            d.pair(QCoreApplication::translate("TableTap::PrintLayouts", "Cash received"),
                   formatCents(*payment->cashReceived));
            d.pair(QCoreApplication::translate("TableTap::PrintLayouts", "Change"),
                   formatCents(*payment->cashReceived - payment->amount), true);
        }
    }
    d.feed(1);
    d.text(QCoreApplication::translate("TableTap::PrintLayouts", "Thank you!"), false, 1, C);
    return d;
}

PrintDocument PrintLayouts::testPage(const QString &printer, const QString &address,
                                     const QDateTime &at)
{
    PrintDocument d;
    const auto C = PrintBlock::Align::Center;
    d.text(QCoreApplication::translate("TableTap::PrintLayouts", "Table Tap test page"), true, 2,
           C);
    d.text(printer, true, 1, C);
    d.text(address, false, 1, C);
    d.text(timeText(at), false, 1, C);
    d.rule();
    d.text(QCoreApplication::translate("TableTap::PrintLayouts", "Normal text"));
    d.text(QCoreApplication::translate("TableTap::PrintLayouts", "Bold text"), true);
    d.text(QCoreApplication::translate("TableTap::PrintLayouts", "Double size"), false, 2);
    d.text(QStringLiteral("äöü ÄÖÜ ß é € £"));
    d.pair(QCoreApplication::translate("TableTap::PrintLayouts", "Left"),
           QCoreApplication::translate("TableTap::PrintLayouts", "Right"));
    d.qr(QStringLiteral("TABLETAP-TEST"));
    return d;
}

} // namespace TableTap
