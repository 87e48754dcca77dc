// The console's languages: the German catalogue is compiled in and loads; every message of both
// catalogues is finished, keeps its placeholders and its keyboard mnemonic; the catalogues are
// up to date with the sources (a fresh lupdate scan finds nothing they lack); and a window
// built in German speaks German, with no two menus or tabs on the same Alt key.
#include "uitesthelpers.h"

#include "consolesettings.h"
#include "eventlogmodel.h"
#include "eventmapper.h"
#include "languagemanager.h"
#include "mainwindow.h"

#include <QAbstractButton>
#include <QDomDocument>
#include <QFile>
#include <QLabel>
#include <QMenuBar>
#include <QProcess>
#include <QRegularExpression>
#include <QTabWidget>

using namespace TableTap;

namespace {
struct Message
{
    QString context;
    QString source;
    QStringList translations; // one, or the numerus forms
    QString type;
};

QList<Message> readTs(const QString &path, QString *error)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        *error = f.errorString();
        return {};
    }
    QDomDocument doc;
    if (!doc.setContent(&f, error))
        return {};
    QList<Message> out;
    const QDomNodeList contexts = doc.elementsByTagName("context");
    for (int i = 0; i < contexts.size(); ++i) {
        const QDomElement ctx = contexts.at(i).toElement();
        const QString name = ctx.firstChildElement("name").text();
        for (QDomElement m = ctx.firstChildElement("message"); !m.isNull();
             m = m.nextSiblingElement("message")) {
            Message msg;
            msg.context = name;
            msg.source = m.firstChildElement("source").text();
            const QDomElement tr = m.firstChildElement("translation");
            msg.type = tr.attribute("type");
            if (m.attribute("numerus") == "yes") {
                for (QDomElement n = tr.firstChildElement("numerusform"); !n.isNull();
                     n = n.nextSiblingElement("numerusform"))
                    msg.translations << n.text();
            } else {
                msg.translations << tr.text();
            }
            out << msg;
        }
    }
    return out;
}

QStringList placeholders(const QString &s)
{
    static const QRegularExpression re(QStringLiteral("%(\\d|n)"));
    QStringList out;
    for (auto it = re.globalMatch(s); it.hasNext();)
        out << it.next().captured(0);
    out.sort();
    out.removeDuplicates();
    return out;
}

int mnemonics(const QString &s)
{
    int n = 0;
    for (qsizetype i = 0; i + 1 < s.size(); ++i) {
        if (s.at(i) != QLatin1Char('&'))
            continue;
        if (s.at(i + 1) == QLatin1Char('&')) {
            ++i;
            continue;
        }
        if (s.at(i + 1).isLetterOrNumber())
            ++n;
    }
    return n;
}

QChar mnemonicOf(const QString &s)
{
    for (qsizetype i = 0; i + 1 < s.size(); ++i)
        if (s.at(i) == QLatin1Char('&') && s.at(i + 1) != QLatin1Char('&'))
            return s.at(i + 1).toLower();
    return {};
}
} // namespace

class tst_Translations : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void germanCatalogueLoads();
    void cataloguesAreComplete_data();
    void cataloguesAreComplete();
    void cataloguesAreUpToDate();
    void windowSpeaksGermanWithoutKeyClashes_data();
    void windowSpeaksGermanWithoutKeyClashes();
    void resolveLanguage();
    void eventLogSpeaksGerman();
};

void tst_Translations::germanCatalogueLoads()
{
    LanguageManager languages;
    QVERIFY(languages.install("de"));
    QCOMPARE(languages.current(), QString("de"));
    QCOMPARE(
        QCoreApplication::translate("TableTap::LivenessBanner", "Offline — not connected to a hub"),
        QString("Offline — mit keinem Hub verbunden"));
    // core/models' strings are in the same catalogue.
    QCOMPARE(QCoreApplication::translate("TableTap::ConsoleSession", "Reconnecting…"),
             QString("Verbinde neu…"));
    // Plural forms.
    const QString one = QCoreApplication::translate(
        "TableTap::LivenessBanner",
        "%n action(s) wait in the outbox and go out when the hub is back.", nullptr, 1);
    const QString three = QCoreApplication::translate(
        "TableTap::LivenessBanner",
        "%n action(s) wait in the outbox and go out when the hub is back.", nullptr, 3);
    QVERIFY2(one.startsWith("1 Aktion wartet"), qPrintable(one));
    QVERIFY2(three.startsWith("3 Aktionen warten"), qPrintable(three));
    QVERIFY(!languages.install("xx"));
    QCOMPARE(languages.current(), QString("de")); // a failed switch keeps the language
    QVERIFY(languages.install("en"));
    QCOMPARE(
        QCoreApplication::translate("TableTap::LivenessBanner", "Offline — not connected to a hub"),
        QString("Offline — not connected to a hub"));
}

void tst_Translations::cataloguesAreComplete_data()
{
    QTest::addColumn<QString>("file");
    QTest::newRow("de") << QStringLiteral(TT_TRANSLATIONS_DIR "/tabletap_de.ts");
    QTest::newRow("en") << QStringLiteral(TT_TRANSLATIONS_DIR "/tabletap_en.ts");
}

void tst_Translations::cataloguesAreComplete()
{
    QFETCH(QString, file);
    QString error;
    const QList<Message> messages = readTs(file, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QVERIFY(messages.size() > 300);
    for (const Message &m : messages) {
        const QString where = m.context + QLatin1String(": ") + m.source;
        QVERIFY2(m.type.isEmpty(), qPrintable(m.type + QLatin1String(" — ") + where));
        QVERIFY2(!m.translations.isEmpty(), qPrintable(where));
        for (const QString &t : m.translations) {
            QVERIFY2(!t.isEmpty(), qPrintable(QLatin1String("empty — ") + where));
            QCOMPARE(placeholders(t), placeholders(m.source));
            QVERIFY2(mnemonics(t) == mnemonics(m.source),
                     qPrintable(QLatin1String("mnemonic — ") + where + QLatin1String(" → ") + t));
        }
    }
}

void tst_Translations::cataloguesAreUpToDate()
{
    // Scan the sources like the build does, into a scratch catalogue, and compare.
    QTemporaryDir dir;
    const QString scratch = dir.filePath("scan_de.ts");
    QProcess lupdate;
    lupdate.setWorkingDirectory(QStringLiteral(TT_SOURCE_DIR));
    lupdate.start(QStringLiteral(TT_LUPDATE),
                  {"-no-obsolete", "-locations", "none", "-extensions", "cpp,h", "ui",
                   "app/console", "core/models", "core/session", "-ts", scratch});
    QVERIFY(lupdate.waitForFinished(60000));
    QCOMPARE(lupdate.exitCode(), 0);
    QString error;
    const QList<Message> scanned = readTs(scratch, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QVERIFY(scanned.size() > 300);
    const QList<Message> german
        = readTs(QStringLiteral(TT_TRANSLATIONS_DIR "/tabletap_de.ts"), &error);
    QSet<QString> known;
    for (const Message &m : german)
        known.insert(m.context + QChar(0) + m.source);
    QStringList missing;
    for (const Message &m : scanned)
        if (!known.contains(m.context + QChar(0) + m.source))
            missing << m.context + QLatin1String(": ") + m.source;
    QVERIFY2(missing.isEmpty(),
             qPrintable(QLatin1String("not in tabletap_de.ts (run the tabletap_ui_lupdate target "
                                      "and translate): ")
                        + missing.join(QLatin1String(" | "))));
}

void tst_Translations::windowSpeaksGermanWithoutKeyClashes_data()
{
    QTest::addColumn<QString>("language");
    QTest::newRow("de") << QStringLiteral("de");
    QTest::newRow("en") << QStringLiteral("en");
}

void tst_Translations::windowSpeaksGermanWithoutKeyClashes()
{
    QFETCH(QString, language);
    LanguageManager languages;
    QVERIFY(languages.install(language));
    ConsoleSession session;
    ConsoleSettings settings;
    MainWindow window(&session, &settings, language);
    TestUi::signInOffline(session, "manager");
    auto *tabs = window.findChild<QTabWidget *>("views");
    if (language == QLatin1String("de")) {
        QCOMPARE(tabs->tabText(0), QString("&Warteschlange"));
        QCOMPARE(window.menuBar()->actions().first()->text(), QString("&Konsole"));
    } else {
        QCOMPARE(tabs->tabText(0), QString("&Queue"));
    }
    // Alt+letter: menus and tabs share the window, each letter once. A tab without a letter
    // (Staff management, Reports, Chain: none was free) takes none.
    QList<QChar> keys;
    for (QAction *a : window.menuBar()->actions())
        keys << mnemonicOf(a->text());
    for (int i = 0; i < tabs->count(); ++i)
        if (const QChar key = mnemonicOf(tabs->tabText(i)); !key.isNull())
            keys << key;
    // ... and the labelled controls of each view, together with them.
    for (int i = 0; i < tabs->count(); ++i) {
        QList<QChar> view = keys;
        for (QAbstractButton *b : tabs->widget(i)->findChildren<QAbstractButton *>())
            if (!b->isHidden() && mnemonics(b->text()) == 1)
                view << mnemonicOf(b->text());
        for (QLabel *l : tabs->widget(i)->findChildren<QLabel *>())
            if (l->buddy() && mnemonics(l->text()) == 1)
                view << mnemonicOf(l->text());
        QList<QChar> sorted = view;
        std::sort(sorted.begin(), sorted.end());
        const auto dup = std::adjacent_find(sorted.begin(), sorted.end());
        QVERIFY2(dup == sorted.end(), qPrintable(QStringLiteral("Alt+%1 twice with view %2")
                                                     .arg(dup == sorted.end() ? QChar() : *dup)
                                                     .arg(tabs->tabText(i))));
    }
}

void tst_Translations::resolveLanguage()
{
    QCOMPARE(LanguageManager::resolve("de"), QString("de"));
    QCOMPARE(LanguageManager::resolve("de_AT"), QString("de"));
    QCOMPARE(LanguageManager::resolve("de-CH"), QString("de"));
    QCOMPARE(LanguageManager::resolve("en"), QString("en"));
    QVERIFY(LanguageManager::available().contains(LanguageManager::resolve("xx")));
    QCOMPARE(LanguageManager::nativeName("de"), QString("Deutsch"));
}

void tst_Translations::eventLogSpeaksGerman()
{
    // The event log's lines come from the models (EventMapper), not from a view: a German
    // console writes them in German too, with the wire's data words as the views say them.
    const auto line = [](const QString &nsp, const QString &event) {
        QFile f(QStringLiteral(TT_SOURCE_DIR "/tests/fixtures/events/")
                + QString(event).replace(':', '_') + ".json");
        if (!f.open(QIODevice::ReadOnly))
            return QStringLiteral("<no fixture for %1>").arg(event);
        const auto mapped
            = EventMapper::mapEvent(nsp, event, QJsonDocument::fromJson(f.readAll()).object());
        if (!mapped)
            return mapped.error();
        // What the log model shows for it.
        EventLogModel log;
        log.append(*mapped, QDateTime::currentDateTimeUtc());
        log.flush();
        for (int c = 0; c < log.columnCount(); ++c) {
            const QString text = log.index(0, c).data().toString();
            if (text == mapped->summary)
                return text;
        }
        return QStringLiteral("<not in the log: %1>").arg(mapped->summary);
    };
    LanguageManager languages;
    QVERIFY(languages.install("de"));
    QCOMPARE(line("/orders", "order:created"),
             QString("ORD20240101001 für John Doe, 2 Artikel, 14.10 an Counter 1"));
    QCOMPARE(line("/orders", "order:status_changed"),
             QString("ORD20240101001 offen → in Zubereitung von Chef Mike"));
    QCOMPARE(line("/inventory", "inventory:low_stock"),
             QString("Espresso Beans knapp: noch 8 (nachbestellen bei 10), mittel"));
    QCOMPARE(line("/payments", "payment:completed"), QString("Karte 14.10 bezahlt (Gebühr 0.45)"));
    QCOMPARE(line("/system", "counter:status_changed"),
             QString("Counter 1 in Betrieb → außer Betrieb: Equipment maintenance"));
    QVERIFY(languages.install("en"));
    QCOMPARE(line("/orders", "order:created"),
             QString("ORD20240101001 for John Doe, 2 items, 14.10 at Counter 1"));
    QCOMPARE(line("/orders", "order:status_changed"),
             QString("ORD20240101001 pending → preparing by Chef Mike"));
}

TT_UI_TEST_MAIN(tst_Translations)
#include "tst_translations.moc"
