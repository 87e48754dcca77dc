// The tabletap-hub program: command line and exit codes (no bench mode: tt-bench-server serves
// that), `serve` (the listening line, data folder and secret created on first start, the no-cafe
// hint, clean stop on SIGTERM/SIGINT), `serve --simulate` as a process, and durability: the
// process SIGKILLed right after acks at five points and restarted on the same folder loses
// nothing acknowledged, applies nothing twice and leaves nothing half-applied.
#include "hubprocess.h"
#include "hubtestfixture.h"
#include "hubwireclient.h"
#include "sqliteconnection.h"

#include <QFileInfo>
#include <QProcess>
#include <QRegularExpression>
#include <QSqlQuery>
#include <QTemporaryDir>

#include <csignal>

using namespace TableTap;
using namespace TableTap::Test;

namespace {

struct Run
{
    int exitCode = -1;
    QString out, err;
};

Run runHub(const QStringList &args, int timeoutMs = 30000)
{
    QProcess p;
    p.start(QStringLiteral(TT_HUB_BINARY), args);
    Run r;
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished(5000);
        r.err = QStringLiteral("timed out");
        return r;
    }
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = QString::fromUtf8(p.readAllStandardOutput());
    r.err = QString::fromUtf8(p.readAllStandardError());
    return r;
}

QUrl local(quint16 port)
{
    return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port));
}

} // namespace

class TestHubProcess : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void helpAndUsageErrors();
    void serveCreatesFolderAndStopsCleanly_data();
    void serveCreatesFolderAndStopsCleanly();
    void portInUseIsOneLine();
    void simulateAsAProcess();
    void acknowledgedCommandsSurviveSigkill();
};

void TestHubProcess::helpAndUsageErrors()
{
    const Run help = runHub({QStringLiteral("--help")});
    QCOMPARE(help.exitCode, 0);
    for (const char *needle : {"serve --data DIR", "--simulate", "--speed X", "--seed N",
                               "--tls-cert FILE", "--cors ORIGIN", "cafe add", "staff add",
                               "token --data", "backup --data", "QT_NO_GLIB=1", "Exit codes: 0 ok"})
        QVERIFY2(help.out.contains(QLatin1String(needle)), needle);

    struct Bad
    {
        QStringList args;
        int code;
        const char *message;
    };
    const QList<Bad> bad{
        {{}, 2, "missing command"},
        {{QStringLiteral("brew")}, 2, "unknown command"},
        {{QStringLiteral("serve")}, 2, "--data"},
        {{QStringLiteral("serve"), QStringLiteral("--data"), QStringLiteral("/tmp/x"),
          QStringLiteral("--port"), QStringLiteral("70000")},
         2,
         "--port"},
        {{QStringLiteral("serve"), QStringLiteral("--data"), QStringLiteral("/tmp/x"),
          QStringLiteral("--speed"), QStringLiteral("60")},
         2,
         "need --simulate"},
        {{QStringLiteral("serve"), QStringLiteral("--data"), QStringLiteral("/tmp/x"),
          QStringLiteral("--simulate"), QStringLiteral("--speed"), QStringLiteral("fast")},
         2,
         "--speed"},
        {{QStringLiteral("serve"), QStringLiteral("--data"), QStringLiteral("/tmp/x"),
          QStringLiteral("--cors"), QStringLiteral("console.example")},
         2,
         "--cors"},
        {{QStringLiteral("serve"), QStringLiteral("--data"), QStringLiteral("/tmp/x"),
          QStringLiteral("--tls-cert"), QStringLiteral("a.pem")},
         2,
         "go together"},
        {{QStringLiteral("serve"), QStringLiteral("--bench")}, 2, "Unknown option 'bench'"},
        {{QStringLiteral("cafe"), QStringLiteral("list")}, 2, "--data"},
    };
    for (const Bad &b : bad) {
        const Run r = runHub(b.args);
        QVERIFY2(r.exitCode == b.code,
                 qPrintable(b.args.join(u' ') + QStringLiteral(" -> %1").arg(r.exitCode)));
        // One clear line on stderr.
        QCOMPARE(r.err.count(u'\n'), 1);
        QVERIFY2(r.err.startsWith(QStringLiteral("tabletap-hub: ")), qPrintable(r.err));
        QVERIFY2(r.err.contains(QLatin1String(b.message)), qPrintable(r.err));
    }

    // The admin commands go through the same program with their own codes.
    QTemporaryDir dir;
    const QString data = dir.filePath(QStringLiteral("data"));
    QCOMPARE(runHub({QStringLiteral("cafe"), QStringLiteral("add"), QStringLiteral("--data"), data,
                     QStringLiteral("--id"), QStringLiteral("c1"), QStringLiteral("--name"),
                     QStringLiteral("Corner")})
                 .exitCode,
             0);
    QCOMPARE(runHub({QStringLiteral("cafe"), QStringLiteral("add"), QStringLiteral("--data"), data,
                     QStringLiteral("--id"), QStringLiteral("c1"), QStringLiteral("--name"),
                     QStringLiteral("Again")})
                 .exitCode,
             4);
    QCOMPARE(runHub({QStringLiteral("staff"), QStringLiteral("list"), QStringLiteral("--data"),
                     data, QStringLiteral("--cafe"), QStringLiteral("nope")})
                 .exitCode,
             3);
    const Run list
        = runHub({QStringLiteral("cafe"), QStringLiteral("list"), QStringLiteral("--data"), data});
    QCOMPARE(list.exitCode, 0);
    QVERIFY(list.out.startsWith(QStringLiteral("c1\tCorner\t")));
}

void TestHubProcess::serveCreatesFolderAndStopsCleanly_data()
{
    QTest::addColumn<int>("sig");
    QTest::newRow("SIGTERM") << int(SIGTERM);
    QTest::newRow("SIGINT") << int(SIGINT);
}

void TestHubProcess::serveCreatesFolderAndStopsCleanly()
{
    QFETCH(int, sig);
    QTemporaryDir dir;
    const QString data = dir.filePath(QStringLiteral("new/data"));
    HubProcess hub({QStringLiteral("serve"), QStringLiteral("--data"), data,
                    QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--bind"),
                    QStringLiteral("127.0.0.1")});
    const quint16 port = hub.waitListening();
    QVERIFY2(port > 0, qPrintable(hub.out() + hub.err()));
    QVERIFY(hub.out().startsWith(QStringLiteral("listening on http://127.0.0.1:%1 ").arg(port)));
    // First start: the folder and its secret (owner-only) exist; no cafe yet, and it says how.
    QVERIFY(QFileInfo::exists(data + QStringLiteral("/hub.db")));
    const QFileInfo secret(data + QStringLiteral("/hub.secret"));
    QVERIFY(secret.exists());
    QCOMPARE(secret.permissions()
                 & (QFile::ReadGroup | QFile::ReadOther | QFile::WriteGroup | QFile::WriteOther),
             QFileDevice::Permissions());
    (void)QTest::qWaitFor([&hub] { return hub.process().bytesAvailable() >= 0; }, 200);
    hub.signal(sig);
    QCOMPARE(hub.waitExit(), 0);
    const QString err = hub.err();
    QVERIFY2(err.contains(QStringLiteral("tabletap-hub: this hub serves no cafe yet; add one with: "
                                         "tabletap-hub cafe add --data ")),
             qPrintable(err));
}

void TestHubProcess::portInUseIsOneLine()
{
    QTemporaryDir dir;
    HubProcess first({QStringLiteral("serve"), QStringLiteral("--data"), dir.filePath("a"),
                      QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--bind"),
                      QStringLiteral("127.0.0.1")});
    const quint16 port = first.waitListening();
    QVERIFY(port > 0);
    const Run second = runHub({QStringLiteral("serve"), QStringLiteral("--data"), dir.filePath("b"),
                               QStringLiteral("--port"), QString::number(port),
                               QStringLiteral("--bind"), QStringLiteral("127.0.0.1")});
    QCOMPARE(second.exitCode, 1);
    const QStringList ours = second.err.split(u'\n', Qt::SkipEmptyParts)
                                 .filter(QRegularExpression(QStringLiteral("^tabletap-hub: ")));
    QCOMPARE(ours.size(), 1);
    QVERIFY2(ours.first().contains(QString::number(port)), qPrintable(second.err));
    first.signal(SIGTERM);
    QCOMPARE(first.waitExit(), 0);
}

void TestHubProcess::simulateAsAProcess()
{
    QTemporaryDir dir;
    const QString data = dir.filePath(QStringLiteral("data"));
    HubProcess hub({QStringLiteral("serve"), QStringLiteral("--data"), data,
                    QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--bind"),
                    QStringLiteral("127.0.0.1"), QStringLiteral("--simulate"),
                    QStringLiteral("--speed"), QStringLiteral("600"), QStringLiteral("--seed"),
                    QStringLiteral("7"), QStringLiteral("--sim-start"), QStringLiteral("08:00")});
    QVERIFY(hub.waitListening() > 0);
    // Six real seconds are an hour of the morning rush.
    const QString db = data + QStringLiteral("/cafes/demo.db");
    qint64 orders = 0;
    (void)QTest::qWaitFor(
        [&] {
            if (!QFileInfo::exists(db))
                return false;
            SqliteConnection c;
            QString error;
            if (!c.open(db, &error))
                return false;
            orders = c.scalar(QStringLiteral("SELECT COUNT(*) FROM orders WHERE status = "
                                             "'completed'"))
                         .toLongLong();
            return orders >= 20;
        },
        30000);
    hub.signal(SIGTERM);
    QCOMPARE(hub.waitExit(), 0);
    const QString err = hub.err();
    QVERIFY2(orders >= 20, qPrintable(err));
    QVERIFY2(!err.contains(QStringLiteral("refused:"))
                 && !err.contains(QStringLiteral("no answer")),
             qPrintable(err));
    QVERIFY(err.contains(QStringLiteral("created the demo cafe")));
    // The demo cafe got its simulated staff, who clocked in.
    SqliteConnection c;
    QString error;
    QVERIFY(c.open(db, &error));
    QCOMPARE(c.scalar(QStringLiteral("SELECT COUNT(*) FROM staff")).toInt(), 5);
    QVERIFY(c.scalar(QStringLiteral("SELECT COUNT(*) FROM timesheets")).toInt() >= 3);
    qInfo() << "simulate as a process: completed orders after the first hour:" << orders;
}

void TestHubProcess::acknowledgedCommandsSurviveSigkill()
{
    QTemporaryDir dir;
    const QString data = dir.filePath(QStringLiteral("data"));
    QCOMPARE(runHub({QStringLiteral("cafe"), QStringLiteral("add"), QStringLiteral("--data"), data,
                     QStringLiteral("--id"), QStringLiteral("cafe1"), QStringLiteral("--name"),
                     QStringLiteral("Durable")})
                 .exitCode,
             0);
    const Run tokenRun
        = runHub({QStringLiteral("token"), QStringLiteral("--data"), data, QStringLiteral("--cafe"),
                  QStringLiteral("cafe1"), QStringLiteral("--user"), QStringLiteral("till-1"),
                  QStringLiteral("--name"), QStringLiteral("Till"), QStringLiteral("--role"),
                  QStringLiteral("employee")});
    QCOMPARE(tokenRun.exitCode, 0);
    const QString token = tokenRun.out.trimmed();
    const QStringList serve{
        QStringLiteral("serve"),    QStringLiteral("--data"), data,
        QStringLiteral("--port"),   QStringLiteral("0"),      QStringLiteral("--bind"),
        QStringLiteral("127.0.0.1")};
    const auto connectTill = [&token](quint16 port) {
        return std::make_unique<HubWireClient>(local(port), token, QStringLiteral("cafe1"),
                                               QStringLiteral("employee"),
                                               QStringList{QStringLiteral("/orders")});
    };
    QString espresso;
    {
        HubProcess hub(serve);
        const quint16 port = hub.waitListening();
        QVERIFY(port > 0);
        auto till = connectTill(port);
        QVERIFY(till->waitConnected());
        for (const QJsonValue &p :
             till->call(QStringLiteral("/orders"), QStringLiteral("list_menu"))
                 .value(u"data")
                 .toObject()
                 .value(u"products")
                 .toArray())
            if (p.toObject().value(u"name").toString() == u"Espresso")
                espresso = p.toObject().value(u"id").toString();
        hub.signal(SIGTERM);
        QCOMPARE(hub.waitExit(), 0);
    }
    QVERIFY(!espresso.isEmpty());
    const auto payload = [&espresso](int run, int i) {
        return QJsonObject{
            {"customer_name", QStringLiteral("Durable r%1 #%2").arg(run).arg(i)},
            {"request_id", QStringLiteral("r%1-%2").arg(run).arg(i)},
            {"items", QJsonArray{QJsonObject{{"product_id", espresso}, {"quantity", 1}}}}};
    };

    const QList<int> killPoints{3, 8, 15, 25, 40};
    constexpr int window = 6; // commands in flight at any time
    int totalOrders = 0;
    for (int run = 0; run < killPoints.size(); ++run) {
        QHash<int, QString> acked; // index -> order id
        int sent = 0;
        int inFlightAtKill = 0;
        {
            HubProcess hub(serve);
            const quint16 port = hub.waitListening();
            QVERIFY(port > 0);
            auto till = connectTill(port);
            QVERIFY(till->waitConnected());
            bool killed = false;
            QObject ctx;
            std::function<void()> sendNext = [&] {
                const int i = sent++;
                till->socket(QStringLiteral("/orders"))
                    ->emitWithAck(
                        QStringLiteral("create_order"), {payload(run, i)}, &ctx,
                        [&, i](const SioAckResult &r) {
                            if (killed || !r.ok())
                                return;
                            const QJsonObject a = r.args.at(0).toObject();
                            if (!a.value(u"ok").toBool())
                                return;
                            acked.insert(i, a.value(u"data")
                                                .toObject()
                                                .value(u"order")
                                                .toObject()
                                                .value(u"id")
                                                .toString());
                            if (acked.size() >= killPoints.at(run)) {
                                // Right after the ack: no chance to close or flush anything.
                                hub.signal(SIGKILL);
                                killed = true;
                                inFlightAtKill = sent - int(acked.size());
                                return;
                            }
                            sendNext();
                        },
                        20000);
            };
            for (int w = 0; w < window; ++w)
                sendNext();
            QVERIFY(QTest::qWaitFor([&killed] { return killed; }, 30000));
            QCOMPARE(hub.waitExit(), -1); // killed, not exited
        }
        // Restarted on the same folder.
        HubProcess hub(serve);
        const quint16 port = hub.waitListening();
        QVERIFY(port > 0);
        auto till = connectTill(port);
        QVERIFY(till->waitConnected());
        const auto ordersOfRun = [&] {
            QHash<QString, QString> byName; // customer name -> order id
            for (const QJsonValue &v :
                 till->call(QStringLiteral("/orders"), QStringLiteral("list_orders"))
                     .value(u"data")
                     .toObject()
                     .value(u"open_orders")
                     .toArray()) {
                const QJsonObject o = v.toObject();
                const QString name = o.value(u"customer_name").toString();
                if (name.startsWith(QStringLiteral("Durable r%1 #").arg(run))) {
                    if (byName.contains(name))
                        byName.insert(QStringLiteral("DUPLICATE ") + name, {});
                    byName.insert(name, o.value(u"id").toString());
                }
            }
            return byName;
        };
        const QHash<QString, QString> afterRestart = ordersOfRun();
        // Every acknowledged order is there, with the id its ack named.
        for (auto it = acked.constBegin(); it != acked.constEnd(); ++it)
            QCOMPARE(afterRestart.value(QStringLiteral("Durable r%1 #%2").arg(run).arg(it.key())),
                     it.value());
        const int appliedUnacked = int(afterRestart.size() - acked.size());
        QVERIFY(appliedUnacked >= 0 && appliedUnacked <= inFlightAtKill);
        // Every command is sent again with its request id: acked ones answer with the stored
        // result, the others are applied now or answered from the store; none twice.
        for (int i = 0; i < sent; ++i) {
            const QJsonObject a = till->call(QStringLiteral("/orders"),
                                             QStringLiteral("create_order"), payload(run, i));
            QVERIFY2(a.value(u"ok").toBool(), qPrintable(dump(a)));
            const QString id
                = a.value(u"data").toObject().value(u"order").toObject().value(u"id").toString();
            if (acked.contains(i))
                QCOMPARE(id, acked.value(i));
            const QString before
                = afterRestart.value(QStringLiteral("Durable r%1 #%2").arg(run).arg(i));
            if (!before.isEmpty())
                QCOMPARE(id, before);
        }
        const QHash<QString, QString> final = ordersOfRun();
        QCOMPARE(final.size(), sent);
        totalOrders += sent;
        qInfo().noquote() << QStringLiteral("durability run %1: SIGKILL after %2 acks with %3 "
                                            "in flight; after restart %4 acked + %5 unacked "
                                            "found; %6 sent again, %7 orders, none twice")
                                 .arg(run + 1)
                                 .arg(acked.size())
                                 .arg(inFlightAtKill)
                                 .arg(acked.size())
                                 .arg(appliedUnacked)
                                 .arg(sent)
                                 .arg(final.size());
        hub.signal(SIGTERM);
        QCOMPARE(hub.waitExit(), 0);
    }

    // Nothing half-applied: every order whole, every stock movement chained, every request
    // stored with its order, the file intact.
    SqliteConnection db;
    QString error;
    QVERIFY(db.open(data + QStringLiteral("/cafes/cafe1.db"), &error));
    QCOMPARE(db.scalar(QStringLiteral("PRAGMA integrity_check")).toString(), QStringLiteral("ok"));
    QCOMPARE(db.scalar(QStringLiteral("SELECT COUNT(*) FROM orders")).toInt(), totalOrders);
    QCOMPARE(db.scalar(QStringLiteral("SELECT COUNT(*) FROM processed_requests")).toInt(),
             totalOrders);
    QCOMPARE(db.scalar(QStringLiteral("SELECT COUNT(*) FROM orders o WHERE (SELECT COUNT(*) FROM "
                                      "order_items i WHERE i.order_id = o.id) != 1 OR (SELECT "
                                      "COUNT(*) FROM order_status_history h WHERE h.order_id = "
                                      "o.id) != 1"))
                 .toInt(),
             0);
    // Espresso takes beans and a cup: two sale movements per order, no more, no less.
    QCOMPARE(db.scalar(QStringLiteral("SELECT COUNT(*) FROM stock_movements WHERE change_type = "
                                      "'sale'"))
                 .toInt(),
             2 * totalOrders);
    QSqlQuery chain = db.exec(QStringLiteral(
        "SELECT item_id, previous_stock, new_stock, change_amount FROM stock_movements ORDER BY "
        "item_id, id"));
    QHash<QString, qint64> last;
    while (chain.next()) {
        const QString item = chain.value(0).toString();
        QCOMPARE(chain.value(2).toLongLong() - chain.value(1).toLongLong(),
                 chain.value(3).toLongLong());
        if (last.contains(item))
            QCOMPARE(chain.value(1).toLongLong(), last.value(item));
        last.insert(item, chain.value(2).toLongLong());
    }
    for (auto it = last.constBegin(); it != last.constEnd(); ++it)
        QCOMPARE(
            db.scalar(QStringLiteral("SELECT stock FROM inventory_items WHERE id = ?"), {it.key()})
                .toLongLong(),
            it.value());
    qInfo() << "durability: 5 SIGKILLs," << totalOrders
            << "orders in the end, stock chains and requests consistent";
}

QTEST_GUILESS_MAIN(TestHubProcess)
#include "tst_hubprocess.moc"
