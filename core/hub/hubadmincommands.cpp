// The hub's admin command line.
#include "hubadmincommands.h"

#include "cafeservice.h"
#include "commanderror.h"
#include "contract.h"
#include "hubclock.h"
#include "hubregistry.h"
#include "hubsecret.h"
#include "jsonwebtoken.h"
#include "menudefinition.h"
#include "moneycents.h"
#include "pinhasher.h"
#include "privatefiles.h"
#include "sqliteconnection.h"
#include "sqlitestorage.h"
#include "staffadmin.h"
#include "staffdirectory.h"
#include "startermenu.h"
#include "storageerror.h"

#include <QCommandLineParser>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QTimeZone>
#include <QUuid>

#include <sys/stat.h>

namespace TableTap {

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

// The data folder and its registry; false with a message.
bool openRegistry(SqliteStorage &storage, HubRegistry &registry, QString *error)
{
    return storage.open(error) && registry.open(storage, error);
}
} // namespace

HubAdminCommands::HubAdminCommands(QTextStream &out, QTextStream &err, HubClock *clock)
    : m_out(out)
    , m_err(err)
    , m_clock(clock)
{}

qint64 HubAdminCommands::nowMs() const
{
    return m_clock ? m_clock->nowMs() : QDateTime::currentMSecsSinceEpoch();
}

QStringList HubAdminCommands::commands()
{
    return {QStringLiteral("cafe"), QStringLiteral("menu"), QStringLiteral("staff"),
            QStringLiteral("token"), QStringLiteral("backup")};
}

QString HubAdminCommands::usage()
{
    return QStringLiteral(
        "Admin commands (DIR is the hub's data folder):\n"
        "  cafe add --data DIR --id ID --name NAME [--menu FILE] [--counters \"Counter 1,Counter "
        "2\"]\n"
        "  cafe list --data DIR\n"
        "  menu import --data DIR --cafe ID FILE\n"
        "  staff add --data DIR --cafe ID --code CODE --name NAME --role employee|manager|admin\n"
        "            --pin PIN --hourly-rate 15.00 [--drink-allowance N]\n"
        "  staff list --data DIR --cafe ID\n"
        "  staff disable|enable|revoke --data DIR --cafe ID --code CODE\n"
        "  staff set-role --data DIR --cafe ID --code CODE --role employee|manager|admin\n"
        "  staff set-pin --data DIR --cafe ID --code CODE   (the PIN from standard input, or\n"
        "            asked for without echo on a terminal; never on the command line)\n"
        "  token --data DIR --cafe ID --user ID --name NAME --role ROLE [--ttl 12h|30m|7d]\n"
        "  backup --data DIR --out PATH [--cafe ID]\n"
        "Exit codes: 0 ok, 1 storage failure, 2 usage error, 3 not found, 4 already exists\n"
        "            (or already so), 5 invalid menu file.\n");
}

int HubAdminCommands::openCafe(const QString &dataDir, const QString &cafeId,
                               std::unique_ptr<StoreConnection> *db)
{
    SqliteStorage storage(dataDir);
    HubRegistry registry;
    QString error;
    if (!openRegistry(storage, registry, &error))
        return fail(StorageFailure, error);
    if (!registry.cafe(cafeId))
        return fail(NotFound, QStringLiteral("no cafe %1").arg(cafeId));
    *db = storage.cafe(cafeId, &error);
    if (!*db)
        return fail(StorageFailure, error);
    return Ok;
}

int HubAdminCommands::fail(int code, const QString &message)
{
    m_err << "tabletap-hub: " << message << Qt::endl;
    return code;
}

qint64 HubAdminCommands::parseDuration(const QString &text)
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

int HubAdminCommands::run(const QStringList &args)
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
        if (cmd == u"token")
            return token(args.mid(1));
        if (cmd == u"backup")
            return backup(args.mid(1));
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
        if (parser.value(name).isEmpty())
            return QStringLiteral("--%1 is required").arg(name);
    }
    return {};
}

int HubAdminCommands::cafeAdd(const QStringList &args)
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
    const QString id = parser.value(QStringLiteral("id"));
    const QString name = parser.value(QStringLiteral("name")).trimmed();
    if (!HubRegistry::isValidCafeId(id))
        return fail(UsageError, QStringLiteral("--id must be 1 to 64 of A-Z a-z 0-9 _ -"));
    if (name.isEmpty() || name.size() > 120)
        return fail(UsageError, QStringLiteral("--name must be 1 to 120 characters"));
    QStringList counters{QStringLiteral("Counter 1"), QStringLiteral("Counter 2")};
    if (parser.isSet(QStringLiteral("counters"))) {
        counters.clear();
        for (const QString &c : parser.value(QStringLiteral("counters")).split(u',')) {
            const QString t = c.trimmed();
            if (t.isEmpty() || t.size() > 64 || counters.contains(t))
                return fail(
                    UsageError,
                    QStringLiteral("--counters must list distinct names of 1 to 64 characters"));
            counters.append(t);
        }
    }

    MenuDefinition menu;
    try {
        QJsonObject json = StarterMenu::json();
        if (parser.isSet(QStringLiteral("menu"))) {
            QFile f(parser.value(QStringLiteral("menu")));
            if (!f.open(QIODevice::ReadOnly))
                return fail(
                    StorageFailure,
                    QStringLiteral("cannot read %1: %2").arg(f.fileName(), f.errorString()));
            QJsonParseError perr;
            const QJsonDocument doc = QJsonDocument::fromJson(f.readAll(), &perr);
            if (perr.error != QJsonParseError::NoError || !doc.isObject())
                return fail(InvalidData, QStringLiteral("%1 is not a JSON object: %2")
                                             .arg(f.fileName(), perr.errorString()));
            json = doc.object();
        }
        menu = MenuDefinition::parse(json);
    } catch (const CommandError &e) {
        return fail(InvalidData, QStringLiteral("invalid menu: %1").arg(e.message()));
    }

    SqliteStorage storage(parser.value(QStringLiteral("data")));
    HubRegistry registry;
    QString error;
    if (!openRegistry(storage, registry, &error))
        return fail(StorageFailure, error);
    if (registry.cafe(id))
        return fail(Conflict, QStringLiteral("cafe %1 already exists").arg(id));
    // A store without a registry row is the leftover of an interrupted `cafe add`.
    storage.dropCafe(id);
    if (!CafeService::create(storage, id, name, menu, counters, nowMs(), &error))
        return fail(StorageFailure, error);
    registry.addCafe({id, name, nowMs()});
    m_out << "added cafe " << id << " (" << name << ") with " << menu.products.size()
          << " products, " << menu.ingredients.size() << " ingredients, " << counters.size()
          << " counters" << Qt::endl;
    return Ok;
}

int HubAdminCommands::cafeList(const QStringList &args)
{
    TT_PARSE((QList<QCommandLineOption>{opt(QStringLiteral("data"), {}, QStringLiteral("dir"))}))
    if (const QString m = missing(parser, {QStringLiteral("data")}); !m.isEmpty())
        return fail(UsageError, m);
    SqliteStorage storage(parser.value(QStringLiteral("data")));
    HubRegistry registry;
    QString error;
    if (!openRegistry(storage, registry, &error))
        return fail(StorageFailure, error);
    for (const HubRegistry::Cafe &c : registry.cafes()) {
        m_out << c.id << '\t' << c.name << '\t'
              << QDateTime::fromMSecsSinceEpoch(c.createdAt, QTimeZone::utc()).toString(Qt::ISODate)
              << Qt::endl;
    }
    return Ok;
}

int HubAdminCommands::menuImport(const QStringList &args)
{
    TT_PARSE((QList<QCommandLineOption>{opt(QStringLiteral("data"), {}, QStringLiteral("dir")),
                                        opt(QStringLiteral("cafe"), {}, QStringLiteral("id"))}))
    if (const QString m = missing(parser, {QStringLiteral("data"), QStringLiteral("cafe")});
        !m.isEmpty())
        return fail(UsageError, m);
    if (parser.positionalArguments().size() != 1)
        return fail(UsageError, QStringLiteral("menu import takes exactly one FILE"));
    const QString file = parser.positionalArguments().constFirst();
    QFile f(file);
    if (!f.open(QIODevice::ReadOnly))
        return fail(StorageFailure,
                    QStringLiteral("cannot read %1: %2").arg(file, f.errorString()));
    QJsonParseError perr;
    const QJsonDocument doc = QJsonDocument::fromJson(f.readAll(), &perr);
    if (perr.error != QJsonParseError::NoError || !doc.isObject())
        return fail(InvalidData,
                    QStringLiteral("%1 is not a JSON object: %2").arg(file, perr.errorString()));
    MenuDefinition menu;
    try {
        menu = MenuDefinition::parse(doc.object());
    } catch (const CommandError &e) {
        return fail(InvalidData, QStringLiteral("invalid menu %1: %2").arg(file, e.message()));
    }
    const QString cafeId = parser.value(QStringLiteral("cafe"));
    std::unique_ptr<StoreConnection> store;
    if (const int rc = openCafe(parser.value(QStringLiteral("data")), cafeId, &store); rc != Ok)
        return rc;
    StoreConnection &db = *store;
    db.begin();
    try {
        menu.apply(db, nowMs());
        db.commit();
    } catch (...) {
        db.rollback();
        throw;
    }
    m_out << "imported " << menu.products.size() << " products and " << menu.ingredients.size()
          << " ingredients into cafe " << cafeId << Qt::endl;
    return Ok;
}

int HubAdminCommands::staffAdd(const QStringList &args)
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
    StaffRecord r;
    r.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    r.code = parser.value(QStringLiteral("code"));
    r.name = parser.value(QStringLiteral("name")).trimmed();
    r.createdAt = nowMs();
    if (!StaffDirectory::isValidCode(r.code))
        return fail(UsageError, QStringLiteral("--code must be 1 to 32 of A-Z a-z 0-9 _ -"));
    if (r.name.isEmpty() || r.name.size() > 100)
        return fail(UsageError, QStringLiteral("--name must be 1 to 100 characters"));
    const auto role = HubActor::parseRole(parser.value(QStringLiteral("role")));
    if (!role)
        return fail(UsageError, QStringLiteral("--role must be employee, manager or admin"));
    r.role = *role;
    const QString pin = parser.value(QStringLiteral("pin"));
    if (!PinHasher::isValidPin(pin))
        return fail(UsageError, QStringLiteral("--pin must be 4 to 12 digits"));
    if (!parseMoneyText(parser.value(QStringLiteral("hourly-rate")), &r.hourlyRateCents)
        || r.hourlyRateCents > 100000)
        return fail(UsageError,
                    QStringLiteral("--hourly-rate must be an amount like 15.50 (at most 1000.00)"));
    if (parser.isSet(QStringLiteral("drink-allowance"))) {
        bool ok = false;
        const int n = parser.value(QStringLiteral("drink-allowance")).toInt(&ok);
        if (!ok || n < 0 || n > 1000)
            return fail(UsageError,
                        QStringLiteral("--drink-allowance must be a number from 0 to 1000"));
        r.drinkAllowance = n;
    }
    SqliteStorage storage(parser.value(QStringLiteral("data")));
    HubRegistry registry;
    QString error;
    if (!openRegistry(storage, registry, &error))
        return fail(StorageFailure, error);
    const QString cafeId = parser.value(QStringLiteral("cafe"));
    if (!registry.cafe(cafeId))
        return fail(NotFound, QStringLiteral("no cafe %1").arg(cafeId));
    const std::unique_ptr<StoreConnection> db = storage.cafe(cafeId, &error);
    if (!db)
        return fail(StorageFailure, error);
    r.pinHash = PinHasher::hash(pin);
    if (!StaffDirectory(*db).add(r))
        return fail(
            Conflict,
            QStringLiteral("employee code %1 already exists in cafe %2").arg(r.code, cafeId));
    registry.claimUser(r.id, cafeId);
    m_out << "added " << HubActor::roleName(r.role) << ' ' << r.code << " (" << r.name << ") id "
          << r.id << Qt::endl;
    return Ok;
}

int HubAdminCommands::staffList(const QStringList &args)
{
    TT_PARSE((QList<QCommandLineOption>{opt(QStringLiteral("data"), {}, QStringLiteral("dir")),
                                        opt(QStringLiteral("cafe"), {}, QStringLiteral("id"))}))
    if (const QString m = missing(parser, {QStringLiteral("data"), QStringLiteral("cafe")});
        !m.isEmpty())
        return fail(UsageError, m);
    const QString cafeId = parser.value(QStringLiteral("cafe"));
    std::unique_ptr<StoreConnection> store;
    if (const int rc = openCafe(parser.value(QStringLiteral("data")), cafeId, &store); rc != Ok)
        return rc;
    StoreConnection &db = *store;
    for (const StaffRecord &s : StaffDirectory(db).list()) {
        m_out << s.code << '\t' << s.name << '\t' << HubActor::roleName(s.role) << '\t'
              << QString::number(double(s.hourlyRateCents) / 100.0, 'f', 2) << '\t'
              << (s.drinkAllowance ? QString::number(*s.drinkAllowance) : QStringLiteral("default"))
              << '\t' << s.id << '\t'
              << (s.active ? QStringLiteral("active") : QStringLiteral("disabled")) << Qt::endl;
    }
    return Ok;
}

int HubAdminCommands::staffChange(const QString &sub, const QStringList &args)
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
    StaffAdmin::Edit edit;
    if (sub == u"disable") {
        edit.action = StaffAdmin::Action::Disable;
    } else if (sub == u"enable") {
        edit.action = StaffAdmin::Action::Enable;
    } else if (sub == u"revoke") {
        edit.action = StaffAdmin::Action::Revoke;
    } else if (sub == u"set-role") {
        edit.action = StaffAdmin::Action::SetRole;
        const auto role = HubActor::parseRole(parser.value(QStringLiteral("role")));
        if (!role)
            return fail(UsageError, QStringLiteral("--role must be employee, manager or admin"));
        edit.role = *role;
    } else {
        edit.action = StaffAdmin::Action::SetPin;
    }

    const QString cafeId = parser.value(QStringLiteral("cafe"));
    std::unique_ptr<StoreConnection> store;
    if (const int rc = openCafe(parser.value(QStringLiteral("data")), cafeId, &store); rc != Ok)
        return rc;
    StoreConnection &db = *store;
    const QString code = parser.value(QStringLiteral("code"));
    const std::optional<StaffRecord> staff = StaffDirectory(db).byCode(code);
    if (!staff)
        return fail(NotFound, QStringLiteral("no staff member %1 in cafe %2").arg(code, cafeId));

    if (edit.action == StaffAdmin::Action::SetPin) {
        if (!m_readSecret)
            return fail(UsageError, QStringLiteral("no way to read a PIN here"));
        QString readError;
        const std::optional<QString> pin = m_readSecret(
            QStringLiteral("New PIN for %1 (%2): ").arg(staff->code, staff->name), &readError);
        if (!pin)
            return fail(UsageError, readError);
        if (!PinHasher::isValidPin(*pin))
            return fail(UsageError, QStringLiteral("the PIN must be 4 to 12 digits"));
        edit.pinHash = PinHasher::hash(*pin);
    }

    StaffRecord changed;
    db.begin();
    try {
        changed = StaffAdmin::apply(db, *staff, edit, std::nullopt, nowMs());
        db.commit();
    } catch (const CommandError &e) {
        db.rollback();
        return fail(e.type() == CommandError::Type::NotFound   ? NotFound
                    : e.type() == CommandError::Type::Conflict ? Conflict
                                                               : UsageError,
                    e.message());
    } catch (...) {
        db.rollback();
        throw;
    }
    const QString who = changed.code + QStringLiteral(" (") + changed.name + u')';
    switch (edit.action) {
    case StaffAdmin::Action::Disable:
        m_out << "disabled " << who << ": sign-in refused and every token revoked";
        break;
    case StaffAdmin::Action::Enable:
        m_out << "enabled " << who << ": they can sign in again (tokens from before stay revoked)";
        break;
    case StaffAdmin::Action::SetRole:
        m_out << who << " is now " << HubActor::roleName(changed.role) << " (was "
              << HubActor::roleName(staff->role) << ')';
        break;
    case StaffAdmin::Action::SetPin:
        m_out << "set a new PIN for " << who << " and revoked every token they had";
        break;
    case StaffAdmin::Action::Revoke:
        m_out << "revoked every token of " << who;
        break;
    }
    m_out << "; a hub serving " << cafeId << " applies it within a second" << Qt::endl;
    return Ok;
}

int HubAdminCommands::token(const QStringList &args)
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
    const auto role = HubActor::parseRole(parser.value(QStringLiteral("role")));
    if (!role)
        return fail(UsageError, QStringLiteral("--role must be employee, manager or admin"));
    const QString user = parser.value(QStringLiteral("user"));
    if (!HubRegistry::isValidCafeId(user)) // same alphabet: user ids end up in room names
        return fail(UsageError, QStringLiteral("--user must be 1 to 64 of A-Z a-z 0-9 _ -"));
    const qint64 ttl = parser.isSet(QStringLiteral("ttl"))
                           ? parseDuration(parser.value(QStringLiteral("ttl")))
                           : 12 * 3600;
    if (ttl <= 0)
        return fail(UsageError,
                    QStringLiteral("--ttl must be a duration like 45s, 30m, 12h or 7d"));
    const QString dataDir = parser.value(QStringLiteral("data"));
    SqliteStorage storage(dataDir);
    HubRegistry registry;
    QString error;
    if (!openRegistry(storage, registry, &error))
        return fail(StorageFailure, error);
    const QString cafeId = parser.value(QStringLiteral("cafe"));
    if (!registry.cafe(cafeId))
        return fail(NotFound, QStringLiteral("no cafe %1").arg(cafeId));
    if (!registry.claimUser(user, cafeId))
        return fail(Conflict, QStringLiteral("user id %1 belongs to another cafe").arg(user));
    // A staff member's token must match their row, or the hub refuses it at once.
    std::optional<StaffRecord> staff;
    {
        const std::unique_ptr<StoreConnection> db = storage.cafe(cafeId, &error);
        if (!db)
            return fail(StorageFailure, error);
        staff = StaffDirectory(*db).byId(user);
    }
    if (staff && !staff->active)
        return fail(Conflict, QStringLiteral("staff member %1 is disabled").arg(staff->code));
    if (staff && staff->role != *role)
        return fail(UsageError, QStringLiteral("--role must be %1, the role of staff member %2")
                                    .arg(HubActor::roleName(staff->role), staff->code));
    const QByteArray secret = HubSecret::loadOrCreate(dataDir, &error);
    if (secret.isEmpty())
        return fail(StorageFailure, error);
    TokenClaims c;
    c.generation = staff ? staff->tokenGeneration : 0;
    c.userId = user;
    c.name = parser.value(QStringLiteral("name"));
    c.role = *role;
    c.cafeId = cafeId;
    c.tokenType = Contract::TokenType::Access;
    c.issuedAt = nowMs() / 1000;
    c.expiresAt = c.issuedAt + ttl;
    c.tokenId = QString::number(QRandomGenerator::system()->generate64(), 36);
    m_out << JsonWebToken::sign(c, secret) << Qt::endl;
    return Ok;
}

int HubAdminCommands::backup(const QStringList &args)
{
    TT_PARSE((QList<QCommandLineOption>{opt(QStringLiteral("data"), {}, QStringLiteral("dir")),
                                        opt(QStringLiteral("out"), {}, QStringLiteral("path")),
                                        opt(QStringLiteral("cafe"), {}, QStringLiteral("id"))}))
    if (const QString m = missing(parser, {QStringLiteral("data"), QStringLiteral("out")});
        !m.isEmpty())
        return fail(UsageError, m);
    const QString dataDir = parser.value(QStringLiteral("data"));
    const QString out = parser.value(QStringLiteral("out"));
    SqliteStorage storage(dataDir);
    HubRegistry registry;
    QString error;
    if (!openRegistry(storage, registry, &error))
        return fail(StorageFailure, error);
    // A backup holds every order, PIN hash and the token secret: nothing of it is ever readable
    // by others, not even for the moment between creating a file and fixing its mode.
    const mode_t previousMask = ::umask(077);
    const auto restoreMask = qScopeGuard([previousMask] { ::umask(previousMask); });
    // VACUUM INTO reads one consistent snapshot, so a running hub can keep writing meanwhile.
    // The copy is flushed to disk (the file, then the folder naming it) before it is reported.
    auto copyDb = [&](const QString &from, const QString &to) {
        SqliteConnection db;
        QString e;
        if (!db.open(from, &e))
            throw StorageError(e);
        db.exec(QStringLiteral("VACUUM INTO ?"), {to});
        if (!PrivateFiles::sealFile(to, &e))
            throw StorageError(e);
    };
    auto syncFolder = [](const QString &path) {
        QString e;
        if (!PrivateFiles::syncFolder(path, &e))
            throw StorageError(e);
    };
    const QFileInfo outInfo(out);
    if (parser.isSet(QStringLiteral("cafe"))) {
        const QString cafeId = parser.value(QStringLiteral("cafe"));
        if (!registry.cafe(cafeId))
            return fail(NotFound, QStringLiteral("no cafe %1").arg(cafeId));
        if (outInfo.exists() || outInfo.isSymLink())
            return fail(Conflict, QStringLiteral("%1 already exists").arg(out));
        copyDb(storage.cafeDatabasePath(cafeId), out);
        syncFolder(outInfo.absolutePath());
        m_out << "backed up cafe " << cafeId << " to " << out << Qt::endl;
        return Ok;
    }
    QDir target(out);
    if (target.exists() && !target.isEmpty())
        return fail(Conflict, QStringLiteral("%1 exists and is not empty").arg(out));
    if (outInfo.isSymLink() && !target.exists())
        return fail(Conflict, QStringLiteral("%1 is a dangling symbolic link").arg(out));
    if (!PrivateFiles::makeFolder(out, &error)
        || !PrivateFiles::makeFolder(target.filePath(QStringLiteral("cafes")), &error))
        return fail(StorageFailure, error);
    copyDb(storage.registryPath(), target.filePath(QStringLiteral("hub.db")));
    const QList<HubRegistry::Cafe> cafes = registry.cafes();
    for (const HubRegistry::Cafe &c : cafes)
        copyDb(storage.cafeDatabasePath(c.id),
               target.filePath(QStringLiteral("cafes/") + c.id + QStringLiteral(".db")));
    const QString secretPath = HubSecret::filePath(dataDir);
    if (QFile::exists(secretPath)) {
        if (!PrivateFiles::copyFile(secretPath, HubSecret::filePath(out), &error))
            return fail(StorageFailure, QStringLiteral("cannot copy the hub secret: ") + error);
    }
    syncFolder(target.filePath(QStringLiteral("cafes")));
    syncFolder(out);
    syncFolder(QFileInfo(target.absolutePath()).absolutePath());
    m_out << "backed up " << cafes.size() << " cafes to " << out << Qt::endl;
    return Ok;
}

} // namespace TableTap
