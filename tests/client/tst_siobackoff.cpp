// SioBackoff: socket.io-client's reconnection delays as values (no clocks involved).
#include "siobackoff.h"

#include <QTest>

using namespace TableTap;

class tst_SioBackoff : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void formula_data();
    void formula();
    void defaultsWithoutJitter();
    void jitterBounds();
    void resetStartsOver();
    void invalidJitterIgnored();
};

void tst_SioBackoff::formula_data()
{
    QTest::addColumn<int>("attempt");
    QTest::addColumn<double>("random");
    QTest::addColumn<int>("expected");
    // 1000 * 2^n; floor(r*10) even subtracts floor(r*0.5*ms), odd adds it; capped at 5000.
    QTest::newRow("first, no deviation") << 0 << 0.0 << 1000;
    QTest::newRow("first, minus") << 0 << 0.25 << 875;
    QTest::newRow("first, plus") << 0 << 0.35 << 1175;
    QTest::newRow("second, minus") << 1 << 0.49 << 1510;
    QTest::newRow("second, plus") << 1 << 0.99 << 2990;
    QTest::newRow("third, plus") << 2 << 0.15 << 4300;
    QTest::newRow("fourth, capped") << 3 << 0.15 << 5000;
    QTest::newRow("fourth, minus stays under") << 3 << 0.8 << 4800;
    QTest::newRow("huge attempt capped") << 1000 << 0.5 << 5000;
}

void tst_SioBackoff::formula()
{
    QFETCH(int, attempt);
    QFETCH(double, random);
    QFETCH(int, expected);
    QCOMPARE(SioBackoff::compute(1000, 5000, 2, 0.5, attempt, random), expected);
}

void tst_SioBackoff::defaultsWithoutJitter()
{
    SioBackoff b(1000, 5000, 0);
    QList<int> delays;
    for (int i = 0; i < 6; ++i)
        delays.append(b.duration());
    QCOMPARE(delays, QList<int>({1000, 2000, 4000, 5000, 5000, 5000}));
    QCOMPARE(b.attempts(), 6);
}

void tst_SioBackoff::jitterBounds()
{
    // The full range of the random source, evenly spread: every delay stays within
    // base * (1 +- factor) and under the maximum, and both directions occur.
    for (int attempt = 0; attempt < 5; ++attempt) {
        const double base = 1000.0 * (1 << attempt);
        bool below = false;
        bool above = false;
        for (int i = 0; i < 1000; ++i) {
            const double r = i / 1000.0;
            const int d = SioBackoff::compute(1000, 5000, 2, 0.5, attempt, r);
            QVERIFY2(
                d >= std::min(base * 0.5, 5000.0) && d <= std::min(base * 1.5, 5000.0),
                qPrintable(QStringLiteral("attempt %1 r %2 -> %3").arg(attempt).arg(r).arg(d)));
            below |= d < base;
            above |= d > base && base * 1.5 <= 5000;
        }
        QVERIFY(below);
        if (base * 1.5 <= 5000)
            QVERIFY(above);
    }
}

void tst_SioBackoff::resetStartsOver()
{
    SioBackoff b(10, 40, 0.5);
    b.setRandomSource([] { return 0.25; });
    QCOMPARE(b.duration(), 9);
    QCOMPARE(b.duration(), 18);
    QCOMPARE(b.duration(), 35);
    b.reset();
    QCOMPARE(b.attempts(), 0);
    QCOMPARE(b.duration(), 9);
}

void tst_SioBackoff::invalidJitterIgnored()
{
    SioBackoff b(100, 1000, 1.5); // out of (0, 1]: no jitter, as backo2
    b.setRandomSource([] { return 0.99; });
    QCOMPARE(b.duration(), 100);
    QCOMPARE(b.jitter(), 0.0);
}

QTEST_GUILESS_MAIN(tst_SioBackoff)
#include "tst_siobackoff.moc"
