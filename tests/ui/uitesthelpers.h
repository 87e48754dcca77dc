// Shared pieces of the console's UI tests: a private settings folder per run, unsigned tokens
// with the claims the console reads, and typed events to feed ConsoleSession's models.
#pragma once

#include "cafeevent.h"
#include "consolesession.h"

#include <QApplication>
#include <QDialog>
#include <QDialogButtonBox>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPushButton>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

namespace TableTap::TestUi {

// The console reads a token's claims only (the hub checks signatures), so tests can make one.
inline QString token(const QString &role, const QString &userId = QStringLiteral("u-1"),
                     const QString &name = QStringLiteral("Test User"),
                     const QString &cafe = QStringLiteral("cafe-1"))
{
    const auto b64 = [](const QByteArray &b) {
        return b.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
    };
    const QJsonObject claims{{"sub", userId},
                             {"name", name},
                             {"role", role},
                             {"cafe_id", cafe},
                             {"exp", double(QDateTime::currentSecsSinceEpoch() + 3600)}};
    return QString::fromLatin1(b64(R"({"alg":"HS256","typ":"JWT"})") + '.'
                               + b64(QJsonDocument(claims).toJson(QJsonDocument::Compact))
                               + ".c2ln");
}

// Signs an offline session (no source) in as role: the identity is set, nothing is sent (so the
// session is not live and actions stay pending).
inline void signInOffline(ConsoleSession &session, const QString &role,
                          const QString &userId = QStringLiteral("u-1"))
{
    session.setCommandTimeout(2000);
    session.connectWithToken(QUrl(QStringLiteral("http://127.0.0.1:9")), token(role, userId));
}

template<typename P>
CafeEvent cafeEvent(const char *name, const char *nsp, P payload,
                    const QDateTime &at = QDateTime::currentDateTimeUtc())
{
    return CafeEvent{
        QString::fromLatin1(name),
        QString::fromLatin1(nsp),
        {at, QStringLiteral("cafe-1"),
         QStringLiteral("e-") + QString::number(QRandomGenerator::global()->generate())},
        payload,
        QStringLiteral("test")};
}

inline Order order(const QString &id, OrderStatus status = OrderStatus::Pending,
                   const QString &counter = QStringLiteral("Counter 1"), int ageSeconds = 60)
{
    Order o;
    o.id = id;
    o.number = QStringLiteral("ORD-") + id;
    o.cafeId = QStringLiteral("cafe-1");
    o.customerName = QStringLiteral("Customer ") + id;
    o.status = status;
    o.counter = counter;
    o.createdAt = QDateTime::currentDateTimeUtc().addSecs(-ageSeconds);
    OrderItem item;
    item.id = id + QStringLiteral("-i1");
    item.productId = QStringLiteral("p-latte");
    item.productName = QStringLiteral("Oat Milk Latte");
    item.quantity = 2;
    item.unitPrice = 450;
    item.totalPrice = 900;
    item.customizations = {QStringLiteral("Extra Shot")};
    o.items = {item};
    o.subtotal = 900;
    o.tax = 72;
    o.total = 972;
    return o;
}

// A critical alert: the item has run out (everybody hears about it).
inline StockAlert outOfStock(const QString &productId, const QString &name)
{
    StockAlert alert;
    alert.productId = productId;
    alert.productName = name;
    alert.outOfStock = true;
    alert.priority = QStringLiteral("critical");
    return alert;
}

inline void addOrders(ConsoleSession &session, const QList<Order> &orders)
{
    for (const Order &o : orders)
        session.orders()->apply(cafeEvent("order:created", "/orders", OrderCreated{o}));
    session.orders()->flush();
}

inline void statusChanged(ConsoleSession &session, const QString &orderId, OrderStatus from,
                          OrderStatus to)
{
    OrderStatusChanged p;
    p.orderId = orderId;
    p.previousStatus = from;
    p.newStatus = to;
    session.orders()->apply(cafeEvent("order:status_changed", "/orders", p));
    session.orders()->flush();
}

// What the console queued for the hub with this command, oldest first.
inline QList<OutboxEntry> outboxEntries(ConsoleSession &session, const QString &command)
{
    QList<OutboxEntry> out;
    for (const OutboxEntry &e : session.outbox()->rows())
        if (e.command == command)
            out << e;
    return out;
}

// Confirms a dialog the way a user does: a click on its OK button.
inline void clickOk(QDialog *dialog)
{
    QTest::mouseClick(dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok),
                      Qt::LeftButton);
}

} // namespace TableTap::TestUi

// A test main with a private settings folder, so runs never share or keep QSettings.
#define TT_UI_TEST_MAIN(TestClass) \
    int main(int argc, char *argv[]) \
    { \
        QTemporaryDir config; \
        qputenv("XDG_CONFIG_HOME", config.path().toLocal8Bit()); \
        QApplication app(argc, argv); \
        QCoreApplication::setOrganizationName(QStringLiteral("TableTapTest")); \
        QCoreApplication::setApplicationName(QStringLiteral(#TestClass)); \
        TestClass tc; \
        QTEST_SET_MAIN_SOURCE_PATH \
        return QTest::qExec(&tc, argc, argv); \
    }
