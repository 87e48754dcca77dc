// The console's UI tests against a real hub: HubServer from core/hubserver on 127.0.0.1 (port 0)
// over a fresh data folder made with the admin API, and a console window signed in to it.
#pragma once

#include "uitesthelpers.h"

#include "consolesettings.h"
#include "hubactor.h"
#include "hubadminservice.h"
#include "hubconnection.h"
#include "hubdomain.h"
#include "hubsecret.h"
#include "hubserver.h"
#include "hubsession.h"
#include "mainwindow.h"
#include "sqlitestorage.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QTextStream>

namespace TableTap::TestUi {

constexpr int Wait = 20000;

// The admin API on a data folder (what `tabletap-hub cafe add`, `staff add` do); the test stops
// when a call fails.
class FolderAdmin
{
public:
    explicit FolderAdmin(const QString &dataDir)
        : m_storage(dataDir)
        , m_admin(m_storage,
                  [dataDir](QString *error) { return HubSecret::loadOrCreate(dataDir, error); })
    {}
    void addCafe(const NewCafe &cafe) { check(m_admin.addCafe(cafe), "cafe add"); }
    void addStaff(const QString &cafeId, const QString &code, const QString &name, HubRole role,
                  const QString &pin, qint64 rateCents)
    {
        check(m_admin.addStaff(cafeId, {code, name, role, pin, rateCents, std::nullopt}),
              "staff add");
    }

private:
    static void check(const AdminResult &r, const char *what)
    {
        if (!r.ok())
            qFatal("%s failed: %s", what, qPrintable(r.message));
    }
    SqliteStorage m_storage;
    HubAdminService m_admin;
};

class LiveHub
{
public:
    // Without a cafe the caller adds its own cafe and staff with FolderAdmin.
    explicit LiveHub(bool withCafe = true)
    {
        if (!withCafe)
            return;
        FolderAdmin admin(dir.path());
        admin.addCafe({"c1", "Test Cafe", {}, {}});
        admin.addStaff("c1", "M1", "Mia Manager", HubRole::Manager, "4321", 2000);
        admin.addStaff("c1", "E1", "Eve Employee", HubRole::Employee, "1234", 1500);
    }
    ~LiveHub()
    {
        if (server)
            server->stop();
    }
    // Starts the hub; after the first start on port 0, again on the same port.
    bool start(HubServer::Options o = {})
    {
        server.reset();
        o.bindAddress = QHostAddress::LocalHost;
        o.port = port;
        server = std::make_unique<HubServer>(dir.path(), o);
        port = server->start();
        return port != 0;
    }
    void stop() { server->stop(); }
    QUrl url() const { return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port)); }
    // The hub's own view of an order (list_orders as a manager).
    QJsonObject order(const QString &id)
    {
        const HubActor actor{"test", "Test", HubRole::Manager, "c1"};
        const CommandResult r = server->service()->execute(actor, "/orders", "list_orders", {});
        const QJsonObject data = r.ack.value("data").toObject();
        for (const char *key : {"open_orders", "recent_orders"})
            for (const QJsonValue &v : data.value(QLatin1String(key)).toArray())
                if (v.toObject().value("id").toString() == id)
                    return v.toObject();
        return {};
    }

    QTemporaryDir dir;
    std::unique_ptr<HubServer> server;
    quint16 port = 0;
};

// Marks a folder the test filled as demo data, so the console's own hub (EmbeddedHub) serves it.
inline void markAsDemo(const QString &dataDir, const QString &markerName)
{
    QFile marker(QDir(dataDir).filePath(markerName));
    if (!marker.open(QIODevice::WriteOnly) || marker.write("test data\n") < 0)
        qFatal("cannot mark %s as demo data", qPrintable(dataDir));
}

inline void fastReconnect(HubSession &session)
{
    SioClientOptions options;
    options.reconnectionDelay = 100;
    options.reconnectionDelayMax = 500;
    session.connection()->setClientOptions(options);
}

// Places an order through the session and waits for the hub's event; returns its id.
inline QString createOrder(ConsoleSession &session, const QString &customer,
                           const QJsonObject &extra = {}, int product = 0)
{
    const QString productId = session.menu().value(product).id;
    const int before = session.orders()->rowCount();
    QJsonObject payload{
        {"customer_name", customer},
        {"items", QJsonArray{QJsonObject{{"product_id", productId}, {"quantity", 1}}}}};
    for (auto it = extra.begin(); it != extra.end(); ++it)
        payload.insert(it.key(), it.value());
    session.sendCommand("/orders", "create_order", payload, "create order");
    if (!QTest::qWaitFor([&] { return session.orders()->rowCount() > before; }, Wait))
        return {};
    for (const Order &o : session.orders()->rows())
        if (o.customerName == customer)
            return o.id;
    return {};
}

// A console window with its session, signed in to the hub and live with the menu loaded.
struct Console
{
    HubSession session;
    ConsoleSettings settings;
    MainWindow window{&session, &settings};

    Console()
    {
        fastReconnect(session);
        window.show();
    }
    bool signIn(const LiveHub &hub, const QString &code, const QString &pin)
    {
        if (!QTest::qWaitForWindowActive(&window))
            return false;
        session.signIn(hub.url(), "c1", code, pin);
        return QTest::qWaitFor(
            [this] {
                return session.liveness() == ConsoleSession::Liveness::Live
                       && !session.menu().isEmpty();
            },
            Wait);
    }
};

inline const OutboxEntry *lastEntry(ConsoleSession &session, const QString &command)
{
    const OutboxEntry *found = nullptr;
    for (const OutboxEntry &e : session.outbox()->rows())
        if (e.command == command)
            found = &e;
    return found;
}

} // namespace TableTap::TestUi
