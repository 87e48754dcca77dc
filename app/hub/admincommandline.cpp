// The hub's admin command line: options in, the admin API's results out.
#include "admincommandline.h"

#include "chainoffice.h"
#include "contract.h"
#include "hubadminservice.h"
#include "menufile.h"
#include "reportbuilder.h"
#include "reportdocument.h"
#include "reportfile.h"
#include "storageerror.h"
#include "storagefactory.h"

#include <QCommandLineParser>
#include <QDateTime>
#include <QFile>
#include <QGuiApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSaveFile>
#include <QTimeZone>

namespace TableTap {

// The admin API's statuses are the exit codes.
static_assert(int(AdminResult::Status::StorageFailure) == AdminCommandLine::StorageFailure
              && int(AdminResult::Status::UsageError) == AdminCommandLine::UsageError
              && int(AdminResult::Status::NotFound) == AdminCommandLine::NotFound
              && int(AdminResult::Status::Conflict) == AdminCommandLine::Conflict
              && int(AdminResult::Status::InvalidData) == AdminCommandLine::InvalidData);

namespace {
QCommandLineOption opt(const QString &name, const QString &description, const QString &value = {})
{
    return value.isEmpty() ? QCommandLineOption(name, description)
                           : QCommandLineOption(name, description, value);
}

// Parses args (the words after the subcommand) against the given options.
bool parse(QCommandLineParser &parser, const QStringList &args,
           const QList<QCommandLineOption> &options, QString *error)
{
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    parser.addOptions(options);
    // Every command that takes --data takes a PostgreSQL database instead (FolderAdmin).
    parser.addOption(QCommandLineOption(QStringLiteral("database"), {}, QStringLiteral("url")));
    if (!parser.parse(QStringList{QStringLiteral("tabletap-hub")} + args)) {
        *error = parser.errorText();
        return false;
    }
    return true;
}

bool parseMoneyText(const QString &text, qint64 *cents)
{
    static const QRegularExpression re(QStringLiteral("^(\\d{1,6})(?:\\.(\\d{1,2}))?$"));
    const auto m = re.match(text);
    if (!m.hasMatch())
        return false;
    QString frac = m.captured(2);
    while (frac.size() < 2)
        frac.append(u'0');
    *cents = m.captured(1).toLongLong() * 100 + frac.toLongLong();
    return true;
}

// The store --database names (postgresql://…), else --data's folder.
std::unique_ptr<StorageBackend> storageOf(const QCommandLineParser &parser)
{
    HubOptions options;
    options.dataDir = parser.value(QStringLiteral("data"));
    options.databaseUrl = parser.value(QStringLiteral("database"));
    return makeStorage(options);
}

// The admin API on one store: a data folder, or a PostgreSQL database (the secret is read, or
// made, only for a token).
struct FolderAdmin
{
    FolderAdmin(const QCommandLineParser &parser, HubClock *clock)
        : storage(storageOf(parser))
        , api(
              *storage, [this](QString *error) { return storage->tokenSecret(error); }, clock)
    {}
    std::unique_ptr<StorageBackend> storage;
    HubAdminService api;
};

std::optional<Contract::Role> roleOption(const QCommandLineParser &parser)
{
    return Contract::roleFromName(parser.value(QStringLiteral("role")));
}

// A JSON object read from file: Ok, or the exit code's status and message.
AdminResult readJsonObject(const QString &file, QJsonObject *out)
{
    QFile f(file);
    if (!f.open(QIODevice::ReadOnly))
        return AdminResult::failure(
            AdminResult::Status::StorageFailure,
            QStringLiteral("cannot read %1: %2").arg(file, f.errorString()));
    QJsonParseError perr;
    const QJsonDocument doc = QJsonDocument::fromJson(f.readAll(), &perr);
    if (perr.error != QJsonParseError::NoError || !doc.isObject())
        return AdminResult::failure(
            AdminResult::Status::InvalidData,
            QStringLiteral("%1 is not a JSON object: %2").arg(file, perr.errorString()));
    *out = doc.object();
    return {};
}
} // namespace

AdminCommandLine::AdminCommandLine(QTextStream &out, QTextStream &err, HubClock *clock)
    : m_out(out)
    , m_err(err)
    , m_clock(clock)
{}

QStringList AdminCommandLine::commands()
{
    return {QStringLiteral("cafe"),   QStringLiteral("menu"),  QStringLiteral("staff"),
            QStringLiteral("chain"),  QStringLiteral("token"), QStringLiteral("board-token"),
            QStringLiteral("backup"), QStringLiteral("report")};
}

QString AdminCommandLine::usage()
{
    return QStringLiteral(
        "Admin commands (DIR is the hub's data folder):\n"
        "  cafe add --data DIR --id ID --name NAME [--menu FILE] [--counters \"Counter 1,Counter "
        "2\"]\n"
        "  cafe list --data DIR\n"
        "  menu import --data DIR --cafe ID FILE   (a whole menu: ingredients and products)\n"
        "  menu import --data DIR --cafe ID --format csv|json [--replace] FILE   (products only,\n"
        "            as menu export writes them; merged by name, --replace retires the rest)\n"
        "  menu export --data DIR --cafe ID --format csv|json FILE\n"
        "  staff add --data DIR --cafe ID --code CODE --name NAME --role employee|manager|admin\n"
        "            --pin PIN --hourly-rate 15.00 [--drink-allowance N]\n"
        "  staff list --data DIR --cafe ID\n"
        "  staff disable|enable|revoke --data DIR --cafe ID --code CODE\n"
        "  staff set-role --data DIR --cafe ID --code CODE --role employee|manager|admin\n"
        "  staff set-pin --data DIR --cafe ID --code CODE   (the PIN from standard input, or\n"
        "            asked for without echo on a terminal; never on the command line)\n"
        "  chain grant|revoke --data DIR --cafe ID --code CODE   (an admin of that cafe sees\n"
        "            every cafe of the hub: the overview, each cafe's console, reports for all)\n"
        "  chain list --data DIR\n"
        "  token --data DIR --cafe ID --user ID --name NAME --role ROLE [--ttl 12h|30m|7d]\n"
        "  board-token --data DIR --cafe ID [--name LABEL] [--ttl 90d]   (read-only, for the\n"
        "            ready board page: http://HUB:PORT/board#token=TOKEN)\n"
        "  backup --data DIR --out PATH [--cafe ID]\n"
        "  report day|service|staff --data DIR --cafe ID --date YYYY-MM-DD [--to YYYY-MM-DD]\n"
        "            --format csv|json|pdf --out FILE   (the day (Z), speed-of-service or staff\n"
        "            report of a business date or a range of at most 92 days, as get_report\n"
        "            answers it; docs/reports.md; --cafe all or a,b,c: the cafes in one report,\n"
        "            each section with a leading cafe column and totals over them)\n"
        "Every command taking --data DIR takes --database postgresql://USER[:PASSWORD]@HOST\n"
        "            [:PORT]/DBNAME instead, for a hub whose cafes live in PostgreSQL (backup\n"
        "            then refuses: use pg_dump).\n"
        "Exit codes: 0 ok, 1 storage failure, 2 usage error, 3 not found, 4 already exists\n"
        "            (or already so), 5 invalid menu file.\n");
}

int AdminCommandLine::fail(int code, const QString &message)
{
    m_err << "tabletap-hub: " << message << Qt::endl;
    return code;
}

int AdminCommandLine::fail(const AdminResult &result)
{
    QString message = result.message;
    if (result.status == AdminResult::Status::UsageError && !result.field.isEmpty())
        message = QStringLiteral("--") + QString(result.field).replace(u'_', u'-') + u' ' + message;
    return fail(int(result.status), message);
}

qint64 AdminCommandLine::parseDuration(const QString &text)
{
    static const QRegularExpression re(QStringLiteral("^(\\d{1,9})([smhd]?)$"));
    const auto m = re.match(text.trimmed());
    if (!m.hasMatch())
        return -1;
    const qint64 n = m.captured(1).toLongLong();
    const QString unit = m.captured(2);
    const qint64 factor = unit == u"m" ? 60 : unit == u"h" ? 3600 : unit == u"d" ? 86400 : 1;
    const qint64 seconds = n * factor;
    return seconds > 0 && seconds <= 10LL * 365 * 86400 ? seconds : -1;
}

int AdminCommandLine::run(const QStringList &args)
{
    if (args.isEmpty())
        return fail(UsageError,
                    QStringLiteral("missing command; one of: %1").arg(commands().join(u", ")));
    const QString cmd = args.at(0);
    const QString sub = args.value(1);
    try {
        if (cmd == u"cafe" && sub == u"add")
            return cafeAdd(args.mid(2));
        if (cmd == u"cafe" && sub == u"list")
            return cafeList(args.mid(2));
        if (cmd == u"menu" && sub == u"import")
            return menuImport(args.mid(2));
        if (cmd == u"menu" && sub == u"export")
            return menuExport(args.mid(2));
        if (cmd == u"staff" && sub == u"add")
            return staffAdd(args.mid(2));
        if (cmd == u"staff" && sub == u"list")
            return staffList(args.mid(2));
        if (cmd == u"staff"
            && QStringList{QStringLiteral("disable"), QStringLiteral("enable"),
                           QStringLiteral("set-role"), QStringLiteral("set-pin"),
                           QStringLiteral("revoke")}
                   .contains(sub))
            return staffChange(sub, args.mid(2));
        if (cmd == u"chain"
            && QStringList{QStringLiteral("grant"), QStringLiteral("revoke"),
                           QStringLiteral("list")}
                   .contains(sub))
            return chain(sub, args.mid(2));
        if (cmd == u"token")
            return token(args.mid(1));
        if (cmd == u"board-token")
            return boardToken(args.mid(1));
        if (cmd == u"backup")
            return backup(args.mid(1));
        if (cmd == u"report")
            return report(args.mid(1));
    } catch (const StorageError &e) {
        return fail(StorageFailure, e.message());
    }
    return fail(
        UsageError,
        QStringLiteral("unknown command \"%1\"; see --help").arg(args.mid(0, 2).join(u' ')));
}

#define TT_PARSE(options) \
    QCommandLineParser parser; \
    QString parseError; \
    if (!parse(parser, args, options, &parseError)) \
        return fail(UsageError, parseError);

static QString missing(const QCommandLineParser &parser, const QStringList &required)
{
    for (const QString &name : required) {
        if (name == u"data" && parser.isSet(QStringLiteral("database"))) {
            // --database URL stands for --data DIR (sqlite: the folder after all).
            const QString url = parser.value(QStringLiteral("database"));
            if (const QString problem = checkDatabaseUrl(url); !problem.isEmpty())
                return QStringLiteral("--database needs sqlite or postgresql://USER[:PASSWORD]@"
                                      "HOST[:PORT]/DBNAME: ")
                       + problem;
            if (!isSqliteDatabase(url))
                continue;
        }
        if (parser.value(name).isEmpty())
            return QStringLiteral("--%1 is required").arg(name);
    }
    return {};
}

int AdminCommandLine::cafeAdd(const QStringList &args)
{
    TT_PARSE(
        (QList<QCommandLineOption>{opt(QStringLiteral("data"), {}, QStringLiteral("dir")),
                                   opt(QStringLiteral("id"), {}, QStringLiteral("id")),
                                   opt(QStringLiteral("name"), {}, QStringLiteral("name")),
                                   opt(QStringLiteral("menu"), {}, QStringLiteral("file")),
                                   opt(QStringLiteral("counters"), {}, QStringLiteral("list"))}))
    if (const QString m
        = missing(parser, {QStringLiteral("data"), QStringLiteral("id"), QStringLiteral("name")});
        !m.isEmpty())
        return fail(UsageError, m);
    NewCafe cafe;
    cafe.id = parser.value(QStringLiteral("id"));
    cafe.name = parser.value(QStringLiteral("name"));
    if (parser.isSet(QStringLiteral("counters")))
        cafe.counters = parser.value(QStringLiteral("counters")).split(u',');
    if (parser.isSet(QStringLiteral("menu"))) {
        QJsonObject json;
        if (const AdminResult r = readJsonObject(parser.value(QStringLiteral("menu")), &json);
            !r.ok())
            return fail(r);
        cafe.menu = json;
    }
    FolderAdmin admin(parser, m_clock);
    MenuCounts added;
    const AdminResult r = admin.api.addCafe(cafe, &added);
    if (r.status == AdminResult::Status::InvalidData)
        return fail(InvalidData, QStringLiteral("invalid menu: %1").arg(r.message));
    if (!r.ok())
        return fail(r);
    m_out << "added cafe " << cafe.id << " (" << cafe.name.trimmed() << ") with " << added.products
          << " products, " << added.ingredients << " ingredients, " << added.counters << " counters"
          << Qt::endl;
    return Ok;
}

int AdminCommandLine::cafeList(const QStringList &args)
{
    TT_PARSE((QList<QCommandLineOption>{opt(QStringLiteral("data"), {}, QStringLiteral("dir"))}))
    if (const QString m = missing(parser, {QStringLiteral("data")}); !m.isEmpty())
        return fail(UsageError, m);
    FolderAdmin admin(parser, m_clock);
    QList<CafeInfo> cafes;
    if (const AdminResult r = admin.api.cafes(&cafes); !r.ok())
        return fail(r);
    for (const CafeInfo &c : std::as_const(cafes)) {
        m_out << c.id << '\t' << c.name << '\t'
              << QDateTime::fromMSecsSinceEpoch(c.createdAt, QTimeZone::utc()).toString(Qt::ISODate)
              << Qt::endl;
    }
    return Ok;
}

int AdminCommandLine::menuImport(const QStringList &args)
{
    TT_PARSE(
        (QList<QCommandLineOption>{opt(QStringLiteral("data"), {}, QStringLiteral("dir")),
                                   opt(QStringLiteral("cafe"), {}, QStringLiteral("id")),
                                   opt(QStringLiteral("format"), {}, QStringLiteral("csv|json")),
                                   opt(QStringLiteral("replace"), {}, {})}))
    if (const QString m = missing(parser, {QStringLiteral("data"), QStringLiteral("cafe")});
        !m.isEmpty())
        return fail(UsageError, m);
    if (parser.positionalArguments().size() != 1)
        return fail(UsageError, QStringLiteral("menu import takes exactly one FILE"));
    const QString file = parser.positionalArguments().constFirst();
    const QString cafeId = parser.value(QStringLiteral("cafe"));
    FolderAdmin admin(parser, m_clock);
    if (parser.isSet(QStringLiteral("format"))) {
        // Products only, through the same codec and hub command as the console's import.
        const auto format = MenuFile::formatFromName(parser.value(QStringLiteral("format")));
        if (!format)
            return fail(UsageError, QStringLiteral("--format must be csv or json"));
        QFile f(file);
        if (!f.open(QIODevice::ReadOnly))
            return fail(StorageFailure,
                        QStringLiteral("cannot read %1: %2").arg(file, f.errorString()));
        const MenuFile::Parsed parsed
            = MenuFile::decode(f.read(MenuFile::kMaxFileBytes + 1), *format);
        if (!parsed.ok())
            return fail(InvalidData,
                        QStringLiteral("invalid menu %1: %2").arg(file, parsed.message));
        QJsonObject answer;
        const AdminResult r
            = admin.api.importProducts(cafeId, MenuFile::toJson(parsed.products),
                                       parser.isSet(QStringLiteral("replace")), &answer);
        if (r.status == AdminResult::Status::InvalidData
            || r.status == AdminResult::Status::NotFound)
            return fail(int(r.status), QStringLiteral("invalid menu %1: %2").arg(file, r.message));
        if (!r.ok())
            return fail(r);
        m_out << "imported " << parsed.products.size() << " products into cafe " << cafeId << " ("
              << answer.value(QStringLiteral("created")).toInt() << " new, "
              << answer.value(QStringLiteral("updated")).toInt() << " updated, "
              << answer.value(QStringLiteral("removed")).toArray().size() << " retired)"
              << Qt::endl;
        return Ok;
    }
    if (parser.isSet(QStringLiteral("replace")))
        return fail(UsageError, QStringLiteral("--replace goes with --format"));
    QJsonObject json;
    if (const AdminResult r = readJsonObject(file, &json); !r.ok())
        return fail(r);
    MenuCounts imported;
    const AdminResult r = admin.api.importMenu(cafeId, json, &imported);
    if (r.status == AdminResult::Status::InvalidData)
        return fail(InvalidData, QStringLiteral("invalid menu %1: %2").arg(file, r.message));
    if (!r.ok())
        return fail(r);
    m_out << "imported " << imported.products << " products and " << imported.ingredients
          << " ingredients into cafe " << cafeId << Qt::endl;
    return Ok;
}

int AdminCommandLine::menuExport(const QStringList &args)
{
    TT_PARSE(
        (QList<QCommandLineOption>{opt(QStringLiteral("data"), {}, QStringLiteral("dir")),
                                   opt(QStringLiteral("cafe"), {}, QStringLiteral("id")),
                                   opt(QStringLiteral("format"), {}, QStringLiteral("csv|json"))}))
    if (const QString m = missing(
            parser, {QStringLiteral("data"), QStringLiteral("cafe"), QStringLiteral("format")});
        !m.isEmpty())
        return fail(UsageError, m);
    const auto format = MenuFile::formatFromName(parser.value(QStringLiteral("format")));
    if (!format)
        return fail(UsageError, QStringLiteral("--format must be csv or json"));
    if (parser.positionalArguments().size() != 1)
        return fail(UsageError, QStringLiteral("menu export takes exactly one FILE"));
    const QString file = parser.positionalArguments().constFirst();
    const QString cafeId = parser.value(QStringLiteral("cafe"));
    FolderAdmin admin(parser, m_clock);
    QJsonArray products;
    if (const AdminResult r = admin.api.menuProducts(cafeId, &products); !r.ok())
        return fail(r);
    const MenuFile::Parsed parsed = MenuFile::productsFromJson(products);
    if (!parsed.ok())
        return fail(
            InvalidData,
            QStringLiteral("the menu of %1 cannot be written: %2").arg(cafeId, parsed.message));
    QSaveFile f(file);
    if (!f.open(QIODevice::WriteOnly) || f.write(MenuFile::encode(parsed.products, *format)) < 0
        || !f.commit())
        return fail(StorageFailure,
                    QStringLiteral("cannot write %1: %2").arg(file, f.errorString()));
    m_out << "exported " << parsed.products.size() << " products of cafe " << cafeId << " to "
          << file << Qt::endl;
    return Ok;
}

bool AdminCommandLine::needsGui(const QStringList &args)
{
    if (args.value(0) != u"report")
        return false;
    for (qsizetype i = 1; i < args.size(); ++i) {
        const QString &a = args.at(i);
        if ((a == u"--format" || a == u"-format") && i + 1 < args.size())
            return args.at(i + 1).compare(u"pdf", Qt::CaseInsensitive) == 0;
        if (a.startsWith(u"--format=") || a.startsWith(u"-format="))
            return a.section(u'=', 1).compare(u"pdf", Qt::CaseInsensitive) == 0;
    }
    return false;
}

int AdminCommandLine::report(const QStringList &args)
{
    TT_PARSE((QList<QCommandLineOption>{opt(QStringLiteral("data"), {}, QStringLiteral("dir")),
                                        opt(QStringLiteral("cafe"), {}, QStringLiteral("id")),
                                        opt(QStringLiteral("date"), {}, QStringLiteral("date")),
                                        opt(QStringLiteral("to"), {}, QStringLiteral("date")),
                                        opt(QStringLiteral("format"), {}, QStringLiteral("format")),
                                        opt(QStringLiteral("out"), {}, QStringLiteral("file"))}))
    const QStringList words = parser.positionalArguments();
    if (words.size() != 1)
        return fail(UsageError, QStringLiteral("report takes one of: %1")
                                    .arg(ReportBuilder::kindNames().join(QStringLiteral(", "))));
    if (const QString m
        = missing(parser, {QStringLiteral("data"), QStringLiteral("cafe"), QStringLiteral("date"),
                           QStringLiteral("format"), QStringLiteral("out")});
        !m.isEmpty())
        return fail(UsageError, m);
    const auto format = ReportFile::formatFromName(parser.value(QStringLiteral("format")));
    if (!format)
        return fail(UsageError, QStringLiteral("--format must be csv, json or pdf"));
    if (*format == ReportFile::Format::Pdf
        && !qobject_cast<QGuiApplication *>(QCoreApplication::instance()))
        return fail(UsageError, QStringLiteral("--format pdf needs a QGuiApplication, which "
                                               "tabletap-hub starts for it (needsGui())"));
    if (parser.isSet(QStringLiteral("to")) && parser.value(QStringLiteral("to")).isEmpty())
        return fail(UsageError, QStringLiteral("--to must be a business date like 2026-12-06"));
    QString field, problem;
    if (!ReportBuilder::checkRequest(words.constFirst(), parser.value(QStringLiteral("date")),
                                     parser.value(QStringLiteral("to")), &field, &problem))
        return fail(UsageError,
                    field == u"report" ? problem : QStringLiteral("--%1: %2").arg(field, problem));
    QJsonObject payload{{QStringLiteral("report"), words.constFirst()},
                        {QStringLiteral("date"), parser.value(QStringLiteral("date"))}};
    if (parser.isSet(QStringLiteral("to")))
        payload.insert(QStringLiteral("to"), parser.value(QStringLiteral("to")));
    const QString cafeId = parser.value(QStringLiteral("cafe"));
    const QString file = parser.value(QStringLiteral("out"));
    FolderAdmin admin(parser, m_clock);
    // --cafe all (or a,b,c): each cafe's report, combined as get_report does for a chain owner.
    QStringList cafeIds = cafeId.split(u',', Qt::SkipEmptyParts);
    if (cafeId == u"all") {
        QList<CafeInfo> cafes;
        if (const AdminResult r = admin.api.cafes(&cafes); !r.ok())
            return fail(r);
        cafeIds.clear();
        for (const CafeInfo &c : std::as_const(cafes))
            cafeIds.append(c.id);
        if (cafeIds.isEmpty())
            return fail(NotFound, QStringLiteral("this data folder has no cafe"));
    }
    QList<QJsonObject> reports;
    for (const QString &id : std::as_const(cafeIds)) {
        QJsonObject one;
        if (const AdminResult r = admin.api.report(id, payload, &one); !r.ok())
            return fail(r);
        reports.append(one);
    }
    const QJsonObject report = ChainOffice::combineReports(reports);
    if (*format == ReportFile::Format::Pdf) {
        QString error;
        if (!ReportDocument::writePdf(report, file, &error))
            return fail(StorageFailure, error);
    } else {
        QSaveFile f(file);
        const QByteArray bytes = *format == ReportFile::Format::Csv ? ReportFile::csv(report)
                                                                    : ReportFile::json(report);
        if (!f.open(QIODevice::WriteOnly) || f.write(bytes) < 0 || !f.commit())
            return fail(StorageFailure,
                        QStringLiteral("cannot write %1: %2").arg(file, f.errorString()));
    }
    m_out << "wrote the " << words.constFirst() << " report of cafe " << cafeId << " for "
          << report.value(QStringLiteral("from")).toString();
    if (report.value(QStringLiteral("to")) != report.value(QStringLiteral("from")))
        m_out << " to " << report.value(QStringLiteral("to")).toString();
    m_out << " to " << file << Qt::endl;
    return Ok;
}

int AdminCommandLine::staffAdd(const QStringList &args)
{
    TT_PARSE((
        QList<QCommandLineOption>{opt(QStringLiteral("data"), {}, QStringLiteral("dir")),
                                  opt(QStringLiteral("cafe"), {}, QStringLiteral("id")),
                                  opt(QStringLiteral("code"), {}, QStringLiteral("code")),
                                  opt(QStringLiteral("name"), {}, QStringLiteral("name")),
                                  opt(QStringLiteral("role"), {}, QStringLiteral("role")),
                                  opt(QStringLiteral("pin"), {}, QStringLiteral("pin")),
                                  opt(QStringLiteral("hourly-rate"), {}, QStringLiteral("amount")),
                                  opt(QStringLiteral("drink-allowance"), {}, QStringLiteral("n"))}))
    if (const QString m
        = missing(parser, {QStringLiteral("data"), QStringLiteral("cafe"), QStringLiteral("code"),
                           QStringLiteral("name"), QStringLiteral("role"), QStringLiteral("pin"),
                           QStringLiteral("hourly-rate")});
        !m.isEmpty())
        return fail(UsageError, m);
    NewStaff staff;
    staff.code = parser.value(QStringLiteral("code"));
    staff.name = parser.value(QStringLiteral("name"));
    const auto role = roleOption(parser);
    if (!role)
        return fail(UsageError, QStringLiteral("--role must be employee, manager or admin"));
    staff.role = *role;
    staff.pin = parser.value(QStringLiteral("pin"));
    // Malformed amounts and numbers go in out of bounds, so the admin API names them.
    if (!parseMoneyText(parser.value(QStringLiteral("hourly-rate")), &staff.hourlyRateCents))
        staff.hourlyRateCents = -1;
    if (parser.isSet(QStringLiteral("drink-allowance"))) {
        bool ok = false;
        const int n = parser.value(QStringLiteral("drink-allowance")).toInt(&ok);
        staff.drinkAllowance = ok ? n : -1;
    }
    FolderAdmin admin(parser, m_clock);
    StaffInfo added;
    if (const AdminResult r
        = admin.api.addStaff(parser.value(QStringLiteral("cafe")), staff, &added);
        !r.ok())
        return fail(r);
    m_out << "added " << Contract::name(added.role) << ' ' << added.code << " (" << added.name
          << ") id " << added.id << Qt::endl;
    return Ok;
}

int AdminCommandLine::staffList(const QStringList &args)
{
    TT_PARSE((QList<QCommandLineOption>{opt(QStringLiteral("data"), {}, QStringLiteral("dir")),
                                        opt(QStringLiteral("cafe"), {}, QStringLiteral("id"))}))
    if (const QString m = missing(parser, {QStringLiteral("data"), QStringLiteral("cafe")});
        !m.isEmpty())
        return fail(UsageError, m);
    FolderAdmin admin(parser, m_clock);
    QList<StaffInfo> staff;
    if (const AdminResult r = admin.api.staff(parser.value(QStringLiteral("cafe")), &staff);
        !r.ok())
        return fail(r);
    for (const StaffInfo &s : std::as_const(staff)) {
        m_out << s.code << '\t' << s.name << '\t' << Contract::name(s.role) << '\t'
              << QString::number(double(s.hourlyRateCents) / 100.0, 'f', 2) << '\t'
              << (s.drinkAllowance ? QString::number(*s.drinkAllowance) : QStringLiteral("default"))
              << '\t' << s.id << '\t'
              << (s.active ? QStringLiteral("active") : QStringLiteral("disabled")) << Qt::endl;
    }
    return Ok;
}

int AdminCommandLine::staffChange(const QString &sub, const QStringList &args)
{
    TT_PARSE((QList<QCommandLineOption>{opt(QStringLiteral("data"), {}, QStringLiteral("dir")),
                                        opt(QStringLiteral("cafe"), {}, QStringLiteral("id")),
                                        opt(QStringLiteral("code"), {}, QStringLiteral("code")),
                                        opt(QStringLiteral("role"), {}, QStringLiteral("role")),
                                        opt(QStringLiteral("pin"), {}, QStringLiteral("pin"))}))
    if (parser.isSet(QStringLiteral("pin")))
        return fail(UsageError,
                    QStringLiteral("staff %1 takes no --pin: %2")
                        .arg(sub, sub == u"set-pin"
                                      ? QStringLiteral("the PIN is read from standard input (or "
                                                       "asked for on a terminal), never from the "
                                                       "command line, where others can see it")
                                      : QStringLiteral("only set-pin changes a PIN")));
    QStringList required{QStringLiteral("data"), QStringLiteral("cafe"), QStringLiteral("code")};
    if (sub == u"set-role")
        required.append(QStringLiteral("role"));
    else if (parser.isSet(QStringLiteral("role")))
        return fail(UsageError, QStringLiteral("staff %1 takes no --role").arg(sub));
    if (const QString m = missing(parser, required); !m.isEmpty())
        return fail(UsageError, m);
    StaffEdit edit;
    if (sub == u"disable") {
        edit.action = StaffEdit::Action::Disable;
    } else if (sub == u"enable") {
        edit.action = StaffEdit::Action::Enable;
    } else if (sub == u"revoke") {
        edit.action = StaffEdit::Action::Revoke;
    } else if (sub == u"set-role") {
        edit.action = StaffEdit::Action::SetRole;
        const auto role = roleOption(parser);
        if (!role)
            return fail(UsageError, QStringLiteral("--role must be employee, manager or admin"));
        edit.role = *role;
    } else {
        edit.action = StaffEdit::Action::SetPin;
    }

    const QString cafeId = parser.value(QStringLiteral("cafe"));
    const QString code = parser.value(QStringLiteral("code"));
    FolderAdmin admin(parser, m_clock);
    StaffInfo before;
    if (const AdminResult r = admin.api.staffMember(cafeId, code, &before); !r.ok())
        return fail(r);
    if (edit.action == StaffEdit::Action::SetPin) {
        if (!m_readSecret)
            return fail(UsageError, QStringLiteral("no way to read a PIN here"));
        QString readError;
        const std::optional<QString> pin = m_readSecret(
            QStringLiteral("New PIN for %1 (%2): ").arg(before.code, before.name), &readError);
        if (!pin)
            return fail(UsageError, readError);
        edit.pin = *pin;
    }
    StaffInfo changed;
    if (const AdminResult r = admin.api.changeStaff(cafeId, code, edit, &changed); !r.ok())
        return fail(r);
    const QString who = changed.code + QStringLiteral(" (") + changed.name + u')';
    switch (edit.action) {
    case StaffEdit::Action::Disable:
        m_out << "disabled " << who << ": sign-in refused and every token revoked";
        break;
    case StaffEdit::Action::Enable:
        m_out << "enabled " << who << ": they can sign in again (tokens from before stay revoked)";
        break;
    case StaffEdit::Action::SetRole:
        m_out << who << " is now " << Contract::name(changed.role) << " (was "
              << Contract::name(before.role) << ')';
        break;
    case StaffEdit::Action::SetPin:
        m_out << "set a new PIN for " << who << " and revoked every token they had";
        break;
    case StaffEdit::Action::Revoke:
        m_out << "revoked every token of " << who;
        break;
    }
    m_out << "; a hub serving " << cafeId << " applies it within a second" << Qt::endl;
    return Ok;
}

int AdminCommandLine::chain(const QString &sub, const QStringList &args)
{
    TT_PARSE((QList<QCommandLineOption>{opt(QStringLiteral("data"), {}, QStringLiteral("dir")),
                                        opt(QStringLiteral("cafe"), {}, QStringLiteral("id")),
                                        opt(QStringLiteral("code"), {}, QStringLiteral("code"))}))
    if (sub == u"list") {
        if (const QString m = missing(parser, {QStringLiteral("data")}); !m.isEmpty())
            return fail(UsageError, m);
        if (parser.isSet(QStringLiteral("cafe")) || parser.isSet(QStringLiteral("code")))
            return fail(UsageError, QStringLiteral("chain list takes only --data or --database"));
        FolderAdmin admin(parser, m_clock);
        QList<HubRegistry::ChainOwner> owners;
        if (const AdminResult r = admin.api.chainOwners(&owners); !r.ok())
            return fail(r);
        for (const HubRegistry::ChainOwner &o : std::as_const(owners))
            m_out << o.cafeId << '\t' << o.code << '\t' << o.name << '\t'
                  << QDateTime::fromMSecsSinceEpoch(o.grantedAt, QTimeZone::utc())
                         .toString(Qt::ISODate)
                  << Qt::endl;
        return Ok;
    }
    if (const QString m
        = missing(parser, {QStringLiteral("data"), QStringLiteral("cafe"), QStringLiteral("code")});
        !m.isEmpty())
        return fail(UsageError, m);
    const QString cafeId = parser.value(QStringLiteral("cafe"));
    const QString code = parser.value(QStringLiteral("code"));
    FolderAdmin admin(parser, m_clock);
    HubRegistry::ChainOwner owner;
    if (sub == u"grant") {
        if (const AdminResult r = admin.api.grantChainOwner(cafeId, code, &owner); !r.ok())
            return fail(r);
        m_out << owner.code << " (" << owner.name << ") of cafe " << cafeId
              << " owns the chain: every cafe of this hub, from their next chain command on"
              << Qt::endl;
        return Ok;
    }
    if (const AdminResult r = admin.api.revokeChainOwner(cafeId, code, &owner); !r.ok())
        return fail(r);
    m_out << owner.code << " (" << owner.name << ") of cafe " << cafeId
          << " no longer owns the chain: refused from their next chain command on, and the "
             "consoles they opened from their next command or reconnect"
          << Qt::endl;
    return Ok;
}

int AdminCommandLine::token(const QStringList &args)
{
    TT_PARSE(
        (QList<QCommandLineOption>{opt(QStringLiteral("data"), {}, QStringLiteral("dir")),
                                   opt(QStringLiteral("cafe"), {}, QStringLiteral("id")),
                                   opt(QStringLiteral("user"), {}, QStringLiteral("id")),
                                   opt(QStringLiteral("name"), {}, QStringLiteral("name")),
                                   opt(QStringLiteral("role"), {}, QStringLiteral("role")),
                                   opt(QStringLiteral("ttl"), {}, QStringLiteral("duration"))}))
    if (const QString m
        = missing(parser, {QStringLiteral("data"), QStringLiteral("cafe"), QStringLiteral("user"),
                           QStringLiteral("name"), QStringLiteral("role")});
        !m.isEmpty())
        return fail(UsageError, m);
    const auto role = roleOption(parser);
    if (!role)
        return fail(UsageError, QStringLiteral("--role must be employee, manager or admin"));
    TokenRequest request;
    request.cafeId = parser.value(QStringLiteral("cafe"));
    request.userId = parser.value(QStringLiteral("user"));
    request.name = parser.value(QStringLiteral("name"));
    request.role = *role;
    // Without --ttl the admin API's default (12 h).
    return mintAndPrint(parser, request);
}

int AdminCommandLine::boardToken(const QStringList &args)
{
    TT_PARSE(
        (QList<QCommandLineOption>{opt(QStringLiteral("data"), {}, QStringLiteral("dir")),
                                   opt(QStringLiteral("cafe"), {}, QStringLiteral("id")),
                                   opt(QStringLiteral("name"), {}, QStringLiteral("label")),
                                   opt(QStringLiteral("ttl"), {}, QStringLiteral("duration"))}))
    if (const QString m = missing(parser, {QStringLiteral("data"), QStringLiteral("cafe")});
        !m.isEmpty())
        return fail(UsageError, m);
    TokenRequest request;
    request.board = true;
    request.cafeId = parser.value(QStringLiteral("cafe"));
    request.name = parser.value(QStringLiteral("name"));
    // Without --ttl the admin API's board default (90 days).
    return mintAndPrint(parser, request);
}

int AdminCommandLine::mintAndPrint(const QCommandLineParser &parser, TokenRequest request)
{
    // A malformed --ttl goes in out of bounds, for the admin API to refuse.
    if (parser.isSet(QStringLiteral("ttl")))
        request.ttlSeconds = parseDuration(parser.value(QStringLiteral("ttl")));
    FolderAdmin admin(parser, m_clock);
    QString token;
    if (const AdminResult r = admin.api.mintToken(request, &token); !r.ok())
        return fail(r);
    m_out << token << Qt::endl;
    return Ok;
}

int AdminCommandLine::backup(const QStringList &args)
{
    TT_PARSE((QList<QCommandLineOption>{opt(QStringLiteral("data"), {}, QStringLiteral("dir")),
                                        opt(QStringLiteral("out"), {}, QStringLiteral("path")),
                                        opt(QStringLiteral("cafe"), {}, QStringLiteral("id"))}))
    if (const QString m = missing(parser, {QStringLiteral("data"), QStringLiteral("out")});
        !m.isEmpty())
        return fail(UsageError, m);
    const QString out = parser.value(QStringLiteral("out"));
    const QString cafeId = parser.value(QStringLiteral("cafe"));
    FolderAdmin admin(parser, m_clock);
    int cafes = 0;
    if (const AdminResult r = admin.api.backup(out, cafeId, &cafes); !r.ok())
        return fail(r);
    if (parser.isSet(QStringLiteral("cafe")))
        m_out << "backed up cafe " << cafeId << " to " << out << Qt::endl;
    else
        m_out << "backed up " << cafes << " cafes to " << out << Qt::endl;
    return Ok;
}

} // namespace TableTap
