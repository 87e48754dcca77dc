// ThrottledLog: the first lines of a window are written, the rest counted and summed up in one
// line when the window ends (also when nothing else comes), then a new window starts.
#include "serverlogging.h"
#include "throttledlog.h"

#include <QTest>

using namespace TableTap;

namespace {

QStringList g_lines;

void capture(QtMsgType, const QMessageLogContext &context, const QString &message)
{
    if (QByteArray(context.category) == lcServer().categoryName())
        g_lines.append(message);
}

} // namespace

class tst_ThrottledLog : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void floodBecomesOneSummary();
    void quietLogWritesEveryLine();
    void summaryOnDestruction();

private:
    QtMessageHandler m_previous = nullptr;
};

void tst_ThrottledLog::init()
{
    g_lines.clear();
    QLoggingCategory::setFilterRules(QStringLiteral("tabletap.hub.server.info=true"));
    m_previous = qInstallMessageHandler(capture);
}

void tst_ThrottledLog::cleanup()
{
    qInstallMessageHandler(m_previous);
    QLoggingCategory::setFilterRules(QString());
}

void tst_ThrottledLog::floodBecomesOneSummary()
{
    ThrottledLog log(lcServer, QStringLiteral("refusals"), {3, 300});
    for (int i = 0; i < 1000; ++i)
        log.info(QStringLiteral("refused %1").arg(i));
    QCOMPARE(g_lines, (QStringList{"refused 0", "refused 1", "refused 2"}));
    QCOMPARE(log.suppressedTotal(), quint64(997));
    // The window ends with nothing more coming: the summary is written by itself.
    QTRY_COMPARE_WITH_TIMEOUT(g_lines.size(), 4, 3000);
    QVERIFY2(g_lines.last().startsWith(QStringLiteral("997 more refusals in 0.3 s")),
             qPrintable(g_lines.last()));
    QVERIFY(g_lines.last().contains(QStringLiteral("refused 999")));
    // A new window writes again.
    log.warning(QStringLiteral("refused again"));
    QCOMPARE(g_lines.last(), QStringLiteral("refused again"));
}

void tst_ThrottledLog::quietLogWritesEveryLine()
{
    ThrottledLog log(lcServer, QStringLiteral("refusals"), {3, 100});
    for (int i = 0; i < 6; ++i) {
        log.info(QStringLiteral("line %1").arg(i));
        QTest::qWait(120); // one per window
    }
    QCOMPARE(g_lines.size(), 6);
    QCOMPARE(log.suppressedTotal(), quint64(0));
}

void tst_ThrottledLog::summaryOnDestruction()
{
    {
        ThrottledLog log(lcServer, QStringLiteral("refusals"), {1, 60000});
        log.info(QStringLiteral("first"));
        log.info(QStringLiteral("second"));
        log.info(QStringLiteral("third"));
        QCOMPARE(g_lines.size(), 1);
    }
    QCOMPARE(g_lines.size(), 2);
    QVERIFY(g_lines.last().startsWith(QStringLiteral("2 more refusals")));
}

QTEST_GUILESS_MAIN(tst_ThrottledLog)
#include "tst_throttledlog.moc"
