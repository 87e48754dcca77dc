// Storage faults under a running hub: its data folder on a small tmpfs that fills up, or on an
// ext4 image that the kernel turns read-only after a (simulated) disk error. Commands are refused
// with a clear error (CONFLICT, nothing applied), reads keep working, clients stay connected, and
// once space (or write access) returns the same commands go through, each applied once. Needs root
// to mount; skips with the reason if mounting is impossible. (SIGKILL under load is tst_hubprocess;
// clock jumps are tst_hubclock.)
#include "hubdomain.h"
#include "hubserver.h"
#include "hubtestfixture.h"
#include "hubwireclient.h"

#include <QDir>
#include <QProcess>

using namespace TableTap;
using namespace TableTap::Test;
using namespace Qt::StringLiterals;

namespace {

int run(const QString &program, const QStringList &args, QString *output = nullptr)
{
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(program, args);
    if (!p.waitForFinished(20000)) {
        p.kill();
        p.waitForFinished(2000);
        return -1;
    }
    if (output)
        *output = QString::fromLocal8Bit(p.readAll()).trimmed();
    return p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
}

// A size-limited tmpfs at a fresh folder, unmounted (lazily, so open files do not stop it)
// whatever happens to the test.
class TmpfsMount
{
public:
    explicit TmpfsMount(const QString &path, const QString &size)
        : m_path(path)
    {
        QDir().mkpath(path);
        m_mounted
            = run(u"mount"_s, {u"-t"_s, u"tmpfs"_s, u"-o"_s, u"size="_s + size, u"tmpfs"_s, path},
                  &m_error)
              == 0;
    }
    ~TmpfsMount()
    {
        if (m_mounted)
            run(u"umount"_s, {u"-l"_s, m_path});
    }
    bool isMounted() const { return m_mounted; }
    QString error() const { return m_error; }

private:
    QString m_path;
    QString m_error;
    bool m_mounted = false;
};

// A small ext4 image mounted over a loop device with errors=remount-ro: the kernel's answer to
// a failing disk, which turns the filesystem read-only under the hub's open files (a plain
// "mount -o remount,ro" is refused while files are open for writing).
class Ext4LoopMount
{
public:
    Ext4LoopMount(const QString &image, const QString &path)
        : m_image(image)
        , m_path(path)
    {
        QDir().mkpath(path);
        QFile f(image);
        m_mounted = f.open(QIODevice::WriteOnly) && f.resize(16 * 1024 * 1024);
        f.close();
        m_mounted
            = m_mounted && run(u"mkfs.ext4"_s, {u"-q"_s, u"-F"_s, image}, &m_error) == 0 && mount();
    }
    ~Ext4LoopMount()
    {
        if (m_mounted)
            run(u"umount"_s, {u"-l"_s, m_path});
    }
    bool isMounted() const { return m_mounted; }
    QString error() const { return m_error; }
    // What the kernel does on an I/O error: the filesystem goes read-only, open files and all.
    bool failToReadOnly()
    {
        QString device;
        run(u"findmnt"_s, {u"-n"_s, u"-o"_s, u"SOURCE"_s, m_path}, &device);
        QFile trigger(u"/sys/fs/ext4/"_s + QFileInfo(device).fileName() + u"/trigger_fs_error"_s);
        if (!trigger.open(QIODevice::WriteOnly)) {
            m_error = trigger.errorString();
            return false;
        }
        trigger.write("tst_hubfaults: simulated disk error\n");
        trigger.close();
        QString options;
        run(u"findmnt"_s, {u"-n"_s, u"-o"_s, u"OPTIONS"_s, m_path}, &options);
        m_error = options;
        return options.startsWith(u"ro") || options.contains(u"emergency_ro");
    }
    // The operator's repair: unmount, check, mount again (nothing may hold files open).
    bool repair()
    {
        m_mounted = run(u"umount"_s, {m_path}, &m_error) != 0;
        if (m_mounted)
            return false;
        QString fsck;
        run(u"e2fsck"_s, {u"-f"_s, u"-y"_s, m_image}, &fsck); // exit 1: errors corrected
        return mount();
    }

private:
    bool mount()
    {
        m_mounted
            = run(u"mount"_s, {u"-o"_s, u"loop,errors=remount-ro"_s, m_image, m_path}, &m_error)
              == 0;
        return m_mounted;
    }
    QString m_image;
    QString m_path;
    QString m_error;
    bool m_mounted = false;
};

} // namespace

class TestHubFaults : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void fullDisk();
    void readOnlyDataFolder();

private:
    // Mounts the tmpfs, copies the fixture's data folder onto it and starts a hub there, with a
    // manager client for commands and an employee listening for events.
    bool startOnTmpfs();
    // Copies the fixture's data folder to dataDir and starts a hub there with the two clients.
    bool startHub(const QString &dataDir, bool copy = true);
    QJsonObject order(const QString &requestId);
    qint64 ordersStored();
    void expectStoredAgain(const QStringList &refusedIds);

    std::unique_ptr<HubFixture> m_fixture;
    std::unique_ptr<TmpfsMount> m_mount;
    std::unique_ptr<Ext4LoopMount> m_ext4;
    std::unique_ptr<HubServer> m_server;
    std::unique_ptr<HubWireClient> m_manager;
    std::unique_ptr<HubWireClient> m_listener;
    QString m_data;
    QString m_product;
    int m_disconnects = 0;
};

void TestHubFaults::init()
{
    m_fixture = std::make_unique<HubFixture>();
    m_product = m_fixture->productId(u"Latte"_s);
    m_disconnects = 0;
}

void TestHubFaults::cleanup()
{
    m_listener.reset();
    m_manager.reset();
    m_server.reset();
    m_mount.reset();
    m_ext4.reset();
    m_fixture.reset();
}

bool TestHubFaults::startOnTmpfs()
{
    const QString mountPoint = m_fixture->dir.path() + u"/mnt"_s;
    m_mount = std::make_unique<TmpfsMount>(mountPoint, u"4m"_s);
    return m_mount->isMounted() && startHub(mountPoint + u"/data"_s);
}

bool TestHubFaults::startHub(const QString &dataDir, bool copy)
{
    m_data = dataDir;
    if (copy) {
        // The fixture's own service lets go of the files before they are copied.
        m_fixture->hub.reset();
        if (run(u"cp"_s, {u"-a"_s, m_fixture->dataDir, m_data}) != 0)
            qWarning() << "copy failed";
        // cp does not fsync; a disk that fails later must not lose the copy itself.
        run(u"sync"_s, {});
    }
    m_disconnects = 0;
    HubServer::Options options;
    options.bindAddress = QHostAddress::LocalHost;
    options.port = 0;
    m_server = std::make_unique<HubServer>(m_data, options);
    if (!m_server->start())
        qWarning() << "start failed:" << m_server->errorString();
    const auto token = [this](const HubActor &a) {
        return QString::fromLatin1(m_server->service()->mintToken(a, u"access"_s, 3600));
    };
    m_manager = std::make_unique<HubWireClient>(m_server->url(), token(m_fixture->manager()),
                                                QString(), QString(), QStringList{u"/orders"_s});
    m_listener = std::make_unique<HubWireClient>(m_server->url(), token(m_fixture->employee()),
                                                 QString(), QString(), QStringList{u"/orders"_s});
    connect(m_listener->socket(u"/orders"_s), &SioSocket::disconnected, this,
            [this] { ++m_disconnects; });
    return m_manager->waitConnected() && m_listener->waitConnected();
}

QJsonObject TestHubFaults::order(const QString &requestId)
{
    return m_manager->call(
        u"/orders"_s, u"create_order"_s,
        {{u"customer_name"_s, requestId},
         {u"request_id"_s, requestId},
         {u"items"_s, QJsonArray{QJsonObject{{u"product_id"_s, m_product}, {u"quantity"_s, 1}}}}});
}

qint64 TestHubFaults::ordersStored()
{
    const QJsonObject list
        = m_manager->call(u"/orders"_s, u"list_orders"_s, {{u"recent_limit"_s, 500}});
    return list.value(u"data").toObject().value(u"open_orders").toArray().size();
}

// Once the fault is gone: every refused command goes through on retry (same request ids), its
// event reaches the listener, and the database holds each order once and is intact.
void TestHubFaults::expectStoredAgain(const QStringList &refusedIds)
{
    for (const QString &id : refusedIds) {
        const QJsonObject answer = order(id);
        QVERIFY2(answer.value(u"ok").toBool(), qPrintable(dump(answer)));
        QVERIFY(m_listener->waitFor(u"order:created"_s, 1));
        QVERIFY(QTest::qWaitFor(
            [&] {
                for (const auto &e : m_listener->of(u"order:created"_s)) {
                    if (e.envelope.value(u"data").toObject().value(u"order").toObject().value(
                            u"customer_name")
                        == id)
                        return true;
                }
                return false;
            },
            5000));
    }
    SqliteConnection db;
    QString error;
    QVERIFY(db.open(m_data + u"/cafes/cafe1.db"_s, &error));
    QCOMPARE(db.scalar(u"PRAGMA integrity_check"_s).toString(), u"ok"_s);
    QCOMPARE(db.scalar(u"SELECT COUNT(*) FROM orders"_s).toLongLong(),
             db.scalar(u"SELECT COUNT(DISTINCT customer_name) FROM orders"_s).toLongLong());
    QCOMPARE(m_disconnects, 0);
}

void TestHubFaults::fullDisk()
{
    if (!startOnTmpfs())
        QSKIP(qPrintable(u"cannot mount a size-limited tmpfs here: "_s
                         + (m_mount ? m_mount->error() : QString())));
    QVERIFY(order(u"before-1"_s).value(u"ok").toBool());
    QVERIFY(m_listener->waitFor(u"order:created"_s));

    // Fill the filesystem to the last byte.
    QFile filler(m_data + u"/../filler"_s);
    QVERIFY(filler.open(QIODevice::WriteOnly));
    const QByteArray chunk(64 * 1024, 'x');
    for (int i = 0; i < 1000 && filler.write(chunk) == chunk.size() && filler.flush(); ++i) {
    }
    for (int i = 0; i < 64 * 1024 && filler.write("x", 1) == 1 && filler.flush(); ++i) {
    }
    filler.close();

    // Commands until the database cannot grow (the WAL may still have room for a few): each is
    // either stored or refused with CONFLICT, and once refused they stay refused.
    QStringList refused;
    int stored = 0;
    for (int i = 0; i < 300 && refused.size() < 3; ++i) {
        const QString id = u"full-%1"_s.arg(i);
        const QJsonObject answer = order(id);
        QVERIFY2(!answer.isEmpty(), "no answer on a full disk");
        if (answer.value(u"ok").toBool()) {
            QVERIFY2(refused.isEmpty(), "stored after a refusal while the disk is still full");
            ++stored;
            continue;
        }
        const QJsonObject error = answer.value(u"error").toObject();
        QCOMPARE(error.value(u"type").toString(), u"CONFLICT"_s);
        QVERIFY2(error.value(u"message").toString().contains(u"could not store"),
                 qPrintable(dump(answer)));
        refused.append(id);
    }
    qInfo() << "full disk:" << stored << "orders still fitted, then refused";
    QVERIFY2(!refused.isEmpty(), "a full disk never refused a command");

    // Reads keep working and nobody was disconnected.
    const qint64 before = ordersStored();
    QCOMPARE(before, qint64(1 + stored));
    QVERIFY(m_manager->call(u"/orders"_s, u"list_menu"_s).value(u"ok").toBool());
    QCOMPARE(m_disconnects, 0);

    // Space comes back: the same commands go through, once.
    QVERIFY(QFile::remove(m_data + u"/../filler"_s));
    expectStoredAgain(refused);
    QCOMPARE(ordersStored(), before + refused.size());
}

void TestHubFaults::readOnlyDataFolder()
{
    const QString mountPoint = m_fixture->dir.path() + u"/ext4"_s;
    m_ext4 = std::make_unique<Ext4LoopMount>(m_fixture->dir.path() + u"/disk.img"_s, mountPoint);
    if (!m_ext4->isMounted())
        QSKIP(qPrintable(u"cannot mount an ext4 image over a loop device here: "_s
                         + m_ext4->error()));
    QVERIFY(startHub(mountPoint + u"/data"_s));
    QVERIFY(order(u"before-1"_s).value(u"ok").toBool());
    if (!m_ext4->failToReadOnly())
        QSKIP(qPrintable(u"cannot make the filesystem fail read-only: "_s + m_ext4->error()));
    QStringList refused;
    for (int i = 0; i < 3; ++i) {
        const QString id = u"ro-%1"_s.arg(i);
        const QJsonObject answer = order(id);
        QCOMPARE(answer.value(u"error").toObject().value(u"type").toString(), u"CONFLICT"_s);
        QVERIFY2(answer.value(u"error")
                     .toObject()
                     .value(u"message")
                     .toString()
                     .contains(u"could not store"),
                 qPrintable(dump(answer)));
        refused.append(id);
    }
    // Reads keep working and nobody was disconnected.
    QCOMPARE(ordersStored(), qint64(1));
    QVERIFY(m_manager->call(u"/orders"_s, u"list_menu"_s).value(u"ok").toBool());
    QCOMPARE(m_disconnects, 0);

    // The operator stops the hub, repairs the filesystem and starts it again: every command
    // acknowledged before is there, and the refused ones go through on retry.
    m_listener.reset();
    m_manager.reset();
    m_server.reset();
    QVERIFY2(m_ext4->repair(), qPrintable(m_ext4->error()));
    QVERIFY(startHub(mountPoint + u"/data"_s, false));
    QCOMPARE(ordersStored(), qint64(1));
    expectStoredAgain(refused);
    QCOMPARE(ordersStored(), qint64(1 + refused.size()));
}

QTEST_GUILESS_MAIN(TestHubFaults)
#include "tst_hubfaults.moc"
