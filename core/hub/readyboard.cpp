// ReadyBoard: the board's rows, selected column by column so nothing else can slip in.
#include "readyboard.h"

#include "storeconnection.h"

#include <QDateTime>
#include <QSqlQuery>

namespace TableTap {

namespace {

// The only columns a board row is made of.
constexpr auto kColumns = "order_number, daily_seq, customer_name, status, created_at, updated_at";

// With milliseconds (the contract's times have whole seconds): a board orders two orders made
// ready within one second by these.
QString isoWithMs(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODateWithMs);
}

} // namespace

QString ReadyBoard::firstName(const QString &customerName)
{
    const QString trimmed = customerName.simplified();
    const qsizetype space = trimmed.indexOf(u' ');
    return space < 0 ? trimmed : trimmed.left(space);
}

QJsonObject ReadyBoard::row(const QSqlQuery &q)
{
    return QJsonObject{{QStringLiteral("order_number"), q.value(0).toString()},
                       {QStringLiteral("ticket"), q.value(1).toLongLong()},
                       {QStringLiteral("name"), firstName(q.value(2).toString())},
                       {QStringLiteral("status"), q.value(3).toString()},
                       {QStringLiteral("created_at"), isoWithMs(q.value(4).toLongLong())},
                       {QStringLiteral("updated_at"), isoWithMs(q.value(5).toLongLong())}};
}

QJsonArray ReadyBoard::openOrders(StoreConnection &db)
{
    QSqlQuery q = db.exec(QStringLiteral("SELECT %1 FROM orders WHERE status IN "
                                         "('pending','preparing','ready') ORDER BY created_at, "
                                         "daily_seq LIMIT ?")
                              .arg(QLatin1String(kColumns)),
                          {kMaxOrders});
    QJsonArray rows;
    while (q.next())
        rows.append(row(q));
    return rows;
}

std::optional<QJsonObject> ReadyBoard::order(StoreConnection &db, const QString &orderId)
{
    QSqlQuery q
        = db.exec(QStringLiteral("SELECT %1 FROM orders WHERE id = ?").arg(QLatin1String(kColumns)),
                  {orderId});
    if (!q.next())
        return std::nullopt;
    return row(q);
}

} // namespace TableTap
