// ClientAddress: the key per-address limits and sign-in throttling count a client under (an IPv4
// address as itself, an IPv6 one by its /64), and what counts as the loopback.
#include "clientaddress.h"

#include <QTest>

using namespace TableTap;

class tst_ClientAddress : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void keys_data();
    void keys();
    void sameSlash64IsOneClient();
    void loopback_data();
    void loopback();
};

void tst_ClientAddress::keys_data()
{
    QTest::addColumn<QString>("address");
    QTest::addColumn<QString>("key");
    QTest::newRow("ipv4") << "192.0.2.7"
                          << "192.0.2.7";
    QTest::newRow("ipv4 loopback") << "127.0.0.9"
                                   << "127.0.0.9";
    QTest::newRow("ipv4-mapped") << "::ffff:192.0.2.7"
                                 << "192.0.2.7";
    QTest::newRow("ipv6") << "2001:db8:1:2:aaaa:bbbb:cccc:dddd"
                          << "2001:db8:1:2::/64";
    QTest::newRow("ipv6 loopback") << "::1"
                                   << "::/64";
    QTest::newRow("link-local") << "fe80::1234:5678"
                                << "fe80::/64";
    QTest::newRow("null") << QString() << QString();
}

void tst_ClientAddress::keys()
{
    QFETCH(QString, address);
    QFETCH(QString, key);
    QCOMPARE(ClientAddress::key(address.isEmpty() ? QHostAddress() : QHostAddress(address)), key);
}

void tst_ClientAddress::sameSlash64IsOneClient()
{
    // A host picks any address of its /64 at will (privacy addresses): all of them are one client.
    const QString a = ClientAddress::key(QHostAddress(QStringLiteral("2001:db8:0:1::1")));
    QCOMPARE(ClientAddress::key(QHostAddress(QStringLiteral("2001:db8:0:1:ffff:ffff:ffff:ffff"))),
             a);
    QCOMPARE(ClientAddress::key(QHostAddress(QStringLiteral("2001:db8:0:1:1234::99"))), a);
    QVERIFY(ClientAddress::key(QHostAddress(QStringLiteral("2001:db8:0:2::1"))) != a);
    // IPv4 addresses stay apart, however close.
    QVERIFY(ClientAddress::key(QHostAddress(QStringLiteral("10.0.0.1")))
            != ClientAddress::key(QHostAddress(QStringLiteral("10.0.0.2"))));
}

void tst_ClientAddress::loopback_data()
{
    QTest::addColumn<QString>("address");
    QTest::addColumn<bool>("loopback");
    QTest::newRow("127.0.0.1") << "127.0.0.1" << true;
    QTest::newRow("127.1.2.3") << "127.1.2.3" << true;
    QTest::newRow("::1") << "::1" << true;
    QTest::newRow("mapped 127.0.0.5") << "::ffff:127.0.0.5" << true;
    QTest::newRow("lan") << "192.168.1.20" << false;
    QTest::newRow("mapped lan") << "::ffff:192.168.1.20" << false;
    QTest::newRow("ipv6") << "2001:db8::1" << false;
}

void tst_ClientAddress::loopback()
{
    QFETCH(QString, address);
    QFETCH(bool, loopback);
    QCOMPARE(ClientAddress::isLoopback(QHostAddress(address)), loopback);
}

QTEST_GUILESS_MAIN(tst_ClientAddress)
#include "tst_clientaddress.moc"
