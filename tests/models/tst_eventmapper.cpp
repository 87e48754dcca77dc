// EventMapper: every seed example maps to the right typed values; bad input gives errors.
#include "eventmapper.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace TableTap;

namespace {
QJsonObject fixture(const QString &event)
{
    QFile f(QStringLiteral(TT_SEED_FIXTURES "/") + QString(event).replace(':', '_') + ".json");
    if (!f.open(QIODevice::ReadOnly))
        qFatal("missing fixture %s", qPrintable(event));
    return QJsonDocument::fromJson(f.readAll()).object();
}
} // namespace

class tst_EventMapper : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void everySeedEventMaps_data();
    void everySeedEventMaps();
    void orderCreated();
    void statusChanged();
    void cancelledAndPayments();
    void inventory();
    void employees();
    void system();
    void badEnvelopes_data();
    void badEnvelopes();
    void wrongTypesAreTolerated();
    void timesAsQtReadsThem_data();
    void timesAsQtReadsThem();
};

void tst_EventMapper::everySeedEventMaps_data()
{
    QTest::addColumn<QString>("event");
    for (const QString &e : EventMapper::knownEvents())
        QTest::newRow(qPrintable(e)) << e;
}

void tst_EventMapper::everySeedEventMaps()
{
    QFETCH(QString, event);
    const auto mapped = EventMapper::mapEvent("/x", event, fixture(event));
    QVERIFY2(mapped.ok(), qPrintable(mapped.error()));
    QCOMPARE(mapped->name, event);
    QCOMPARE(mapped->meta.cafeId, QStringLiteral("uuid"));
    QCOMPARE(mapped->meta.eventId, QStringLiteral("evt_uuid"));
    QVERIFY(mapped->meta.timestamp.isValid());
    QVERIFY(!mapped->summary.isEmpty());
}

void tst_EventMapper::orderCreated()
{
    const auto e = EventMapper::mapEvent("/orders", "order:created", fixture("order:created"));
    QVERIFY(e.ok());
    const Order &o = std::get<OrderCreated>(e->payload).order;
    QCOMPARE(o.number, QStringLiteral("ORD20240101001"));
    QCOMPARE(o.customerName, QStringLiteral("John Doe"));
    QCOMPARE(o.status, OrderStatus::Pending);
    QCOMPARE(o.counter, QStringLiteral("Counter 1"));
    QCOMPARE(o.items.size(), 1);
    QCOMPARE(o.items[0].quantity, 2);
    QCOMPARE(o.items[0].unitPrice, Cents(550));
    QCOMPARE(o.items[0].totalPrice, Cents(1100));
    QCOMPARE(o.items[0].customizations, QStringList({"Extra shot", "Oat milk"}));
    QCOMPARE(o.subtotal, Cents(1100));
    QCOMPARE(o.tax, Cents(110));
    QCOMPARE(o.tip, Cents(200));
    QCOMPARE(o.total, Cents(1410));
    QCOMPARE(o.createdAt, QDateTime(QDate(2024, 1, 1), QTime(0, 0), Qt::UTC));
    QCOMPARE(o.estimatedReadyAt, QDateTime(QDate(2024, 1, 1), QTime(0, 15), Qt::UTC));
    QCOMPARE(o.createdBy.name, QStringLiteral("Jane Employee"));
    QCOMPARE(o.createdBy.role, QStringLiteral("employee"));
    QVERIFY(o.isProxy);
    QCOMPARE(o.orderedFor.name, QStringLiteral("Bob Employee"));
    QCOMPARE(formatCents(o.total), QStringLiteral("14.10"));
}

void tst_EventMapper::statusChanged()
{
    const auto e
        = EventMapper::mapEvent("/orders", "order:status_changed", fixture("order:status_changed"));
    QVERIFY(e.ok());
    const auto &p = std::get<OrderStatusChanged>(e->payload);
    QCOMPARE(p.previousStatus, OrderStatus::Pending);
    QCOMPARE(p.newStatus, OrderStatus::Preparing);
    QCOMPARE(p.updatedBy.name, QStringLiteral("Chef Mike"));
    QCOMPARE(p.history.size(), 2);
    QCOMPARE(p.history[1].status, OrderStatus::Preparing);
    QCOMPARE(p.history[1].notes, QStringLiteral("Started preparation"));
    QVERIFY(e->summary.contains("pending → preparing"));
}

void tst_EventMapper::cancelledAndPayments()
{
    const auto c = EventMapper::mapEvent("/orders", "order:cancelled", fixture("order:cancelled"));
    QVERIFY(c.ok());
    const auto &cancel = std::get<OrderCancelled>(c->payload);
    QCOMPARE(cancel.refundAmount, Cents(1410));
    QVERIFY(cancel.refundProcessed);
    QCOMPARE(cancel.refundMethod, QStringLiteral("original_payment"));

    const auto done
        = EventMapper::mapEvent("/payments", "payment:completed", fixture("payment:completed"));
    const auto &pc = std::get<PaymentCompleted>(done->payload);
    QCOMPARE(pc.fee, Cents(45));
    QCOMPARE(pc.net, Cents(1365));
    QCOMPARE(pc.providerTransactionId, QStringLiteral("prov_txn_123"));

    const auto failed
        = EventMapper::mapEvent("/payments", "payment:failed", fixture("payment:failed"));
    const auto &pf = std::get<PaymentFailed>(failed->payload);
    QCOMPARE(pf.errorCode, QStringLiteral("insufficient_funds"));
    QVERIFY(pf.retryAllowed);

    const auto qr = EventMapper::mapEvent("/payments", "qr:generated", fixture("qr:generated"));
    const auto &q = std::get<QrGenerated>(qr->payload);
    QCOMPARE(q.qrCodeData, QStringLiteral("payment://tabletap.com/pay?id=uuid&amount=14.10"));
    QCOMPARE(q.expiresAt, QDateTime(QDate(2024, 1, 1), QTime(0, 5), Qt::UTC));
}

void tst_EventMapper::inventory()
{
    const auto s = EventMapper::mapEvent("/inventory", "inventory:stock_updated",
                                         fixture("inventory:stock_updated"));
    const auto &su = std::get<StockUpdated>(s->payload);
    QCOMPARE(su.previousStock, 25.0);
    QCOMPARE(su.newStock, 20.0);
    QCOMPARE(su.changeAmount, -5.0);
    QCOMPARE(su.changeType, QStringLiteral("sale"));
    QCOMPARE(su.updatedBy.role, QStringLiteral("automatic"));
    QCOMPARE(su.referenceType, QStringLiteral("order"));

    const auto l = EventMapper::mapEvent("/inventory", "inventory:low_stock",
                                         fixture("inventory:low_stock"));
    const auto &low = std::get<LowStock>(l->payload);
    QCOMPARE(low.priority, QStringLiteral("medium"));
    QCOMPARE(low.suggestedOrderQuantity, 50.0);

    const auto o = EventMapper::mapEvent("/inventory", "inventory:out_of_stock",
                                         fixture("inventory:out_of_stock"));
    const auto &out = std::get<OutOfStock>(o->payload);
    QCOMPARE(out.affects.size(), 1);
    QCOMPARE(out.affects[0].productName, QStringLiteral("Oat Milk Latte"));
    QVERIFY(out.affects[0].disabled);
}

void tst_EventMapper::employees()
{
    const auto in = EventMapper::mapEvent("/employees", "employee:clocked_in",
                                          fixture("employee:clocked_in"));
    QCOMPARE(std::get<ClockedIn>(in->payload).shiftDate, QDate(2024, 1, 1));
    const auto out = EventMapper::mapEvent("/employees", "employee:clocked_out",
                                           fixture("employee:clocked_out"));
    const auto &co = std::get<ClockedOut>(out->payload);
    QCOMPARE(co.totalHours, 8.5);
    QCOMPARE(co.hourlyRate, Cents(1500));
    QCOMPARE(co.totalPay, Cents(12750));
    QCOMPARE(co.breakMinutes, 30);
    const auto drink = EventMapper::mapEvent("/employees", "employee:drink_consumed",
                                             fixture("employee:drink_consumed"));
    const auto &d = std::get<DrinkConsumed>(drink->payload);
    QCOMPARE(d.monthlyCount, 8);
    QCOMPARE(d.remainingAllowance, 12);
}

void tst_EventMapper::system()
{
    const auto c = EventMapper::mapEvent("/system", "counter:status_changed",
                                         fixture("counter:status_changed"));
    const auto &cs = std::get<CounterStatusChanged>(c->payload);
    QCOMPARE(cs.newStatus, QStringLiteral("inactive"));
    QCOMPARE(cs.activeOrdersCount, 3);
    QCOMPARE(cs.ordersReassignedTo, QStringLiteral("Counter 2"));
    const auto s = EventMapper::mapEvent("/system", "cafe:settings_updated",
                                         fixture("cafe:settings_updated"));
    const auto &su = std::get<SettingsUpdated>(s->payload);
    QCOMPARE(su.changes.size(), 2);
    bool sawPrep = false;
    for (const SettingChange &ch : su.changes) {
        if (ch.key == "prep_time_minutes") {
            sawPrep = true;
            QCOMPARE(ch.previous.toInt(), 15);
            QCOMPARE(ch.next.toInt(), 12);
        }
    }
    QVERIFY(sawPrep);
}

void tst_EventMapper::badEnvelopes_data()
{
    QTest::addColumn<QString>("event");
    QTest::addColumn<QJsonValue>("envelope");
    QTest::newRow("not an object") << "order:created" << QJsonValue("x");
    QTest::newRow("array") << "order:created" << QJsonValue(QJsonArray{1, 2});
    QTest::newRow("no data") << "order:ready" << QJsonValue(QJsonObject{{"event", "order:ready"}});
    QTest::newRow("data not object")
        << "order:ready" << QJsonValue(QJsonObject{{"event", "order:ready"}, {"data", 3}});
    QTest::newRow("name mismatch")
        << "order:ready"
        << QJsonValue(QJsonObject{{"event", "order:created"}, {"data", QJsonObject{}}});
    QTest::newRow("created without order")
        << "order:created" << QJsonValue(QJsonObject{{"data", QJsonObject{{"order", 1}}}});
    QTest::newRow("status without id")
        << "order:status_changed"
        << QJsonValue(QJsonObject{{"data", QJsonObject{{"new_status", "ready"}}}});
    QTest::newRow("unknown event")
        << "order:teleported" << QJsonValue(QJsonObject{{"data", QJsonObject{}}});
}

void tst_EventMapper::badEnvelopes()
{
    QFETCH(QString, event);
    QFETCH(QJsonValue, envelope);
    const auto e = EventMapper::mapEvent("/orders", event, envelope);
    QVERIFY(!e.ok());
    QVERIFY(!e.error().isEmpty());
}

void tst_EventMapper::wrongTypesAreTolerated()
{
    // Fields of the wrong type read as empty values: the event still maps, nothing crashes.
    QJsonObject env = fixture("order:created");
    QJsonObject data = env["data"].toObject();
    QJsonObject order = data["order"].toObject();
    order["items"] = "not a list";
    order["totals"] = QJsonArray{1};
    order["created_at"] = 12;
    order["customer_name"] = QJsonObject{};
    data["order"] = order;
    env["data"] = data;
    const auto e = EventMapper::mapEvent("/orders", "order:created", env);
    QVERIFY(e.ok());
    const Order &o = std::get<OrderCreated>(e->payload).order;
    QVERIFY(o.items.isEmpty());
    QCOMPARE(o.total, Cents(0));
    QVERIFY(!o.createdAt.isValid());
    QVERIFY(o.customerName.isEmpty());
    // Non-finite and huge numbers never turn into garbage cents.
    QCOMPARE(centsFromNumber(qInf()), Cents(0));
    QCOMPARE(centsFromNumber(1e300), Cents(0));
    QCOMPARE(formatCents(-5), QStringLiteral("-0.05"));
}

void tst_EventMapper::timesAsQtReadsThem_data()
{
    QTest::addColumn<QString>("text");
    // The shapes read by hand, and the ones left to Qt: the result is Qt's either way.
    for (const char *t :
         {"2024-01-01T00:00:00Z", "2024-12-31T23:59:59Z", "2024-02-29T12:30:45Z",
          "2026-11-26T07:14:44.123Z", "2026-11-26T07:14:44.000Z", "2024-01-01T10:00:00+02:00",
          "2024-01-01T00:00:00.5Z", "2024-01-01T00:00:00", "2023-02-29T00:00:00Z",
          "2024-13-01T00:00:00Z", "2024-01-01T24:00:00Z", "2024-01-01T00:60:00Z",
          "2024-01-01 00:00:00Z", "20x4-01-01T00:00:00Z", "", "yesterday"})
        QTest::newRow(t) << QString::fromLatin1(t);
}

void tst_EventMapper::timesAsQtReadsThem()
{
    QFETCH(QString, text);
    QDateTime qt = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (qt.isValid())
        qt = qt.toUTC();
    const QDateTime mapped = EventMapper::mapTime(text);
    QCOMPARE(mapped.isValid(), qt.isValid());
    if (qt.isValid()) {
        QCOMPARE(mapped.toMSecsSinceEpoch(), qt.toMSecsSinceEpoch());
        QCOMPARE(mapped.timeSpec(), qt.timeSpec());
        QCOMPARE(mapped.toString(Qt::ISODateWithMs), qt.toString(Qt::ISODateWithMs));
    }
}

QTEST_APPLESS_MAIN(tst_EventMapper)
#include "tst_eventmapper.moc"
