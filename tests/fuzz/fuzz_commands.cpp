// libFuzzer target: command payload validation. Every command of every namespace runs through
// HubDomain::execute on real SQLite databases (two cafes, staff of each role, on /dev/shm) with
// a payload built from the fuzz bytes: known field names with values of every JSON type, ids
// that exist, huge strings, negative, fractional, NaN and infinite numbers, nesting; or the bytes
// as raw JSON. Whatever comes in, the ack is a well-formed {"ok":true,"data":{...}} or
// {"ok":false,"error":{"type":<one of five>,"message":...}}, and no event leaves the actor's cafe.
#include "hubtestfixture.h"

#include <fuzzer/FuzzedDataProvider.h>

#include <QCoreApplication>
#include <QDir>

#include <cmath>
#include <cstdlib>
#include <limits>

using namespace TableTap;
using namespace TableTap::Test;

namespace {

const QStringList kFields = {QStringLiteral("customer_name"),
                             QStringLiteral("customer_phone"),
                             QStringLiteral("items"),
                             QStringLiteral("product_id"),
                             QStringLiteral("quantity"),
                             QStringLiteral("customizations"),
                             QStringLiteral("tip_amount"),
                             QStringLiteral("tip_rate"),
                             QStringLiteral("ordered_for"),
                             QStringLiteral("notes"),
                             QStringLiteral("order_id"),
                             QStringLiteral("status"),
                             QStringLiteral("reason"),
                             QStringLiteral("counter"),
                             QStringLiteral("recent_limit"),
                             QStringLiteral("transaction_id"),
                             QStringLiteral("amount"),
                             QStringLiteral("amount_received"),
                             QStringLiteral("payment_method"),
                             QStringLiteral("method"),
                             QStringLiteral("change_type"),
                             QStringLiteral("sku"),
                             QStringLiteral("new_stock"),
                             QStringLiteral("change_amount"),
                             QStringLiteral("reorder_level"),
                             QStringLiteral("max_stock"),
                             QStringLiteral("unit_price"),
                             QStringLiteral("user_id"),
                             QStringLiteral("employee_id"),
                             QStringLiteral("break_minutes"),
                             QStringLiteral("break_duration_minutes"),
                             QStringLiteral("drink"),
                             QStringLiteral("from"),
                             QStringLiteral("to"),
                             QStringLiteral("settings"),
                             QStringLiteral("tax_rate"),
                             QStringLiteral("active"),
                             QStringLiteral("disabled"),
                             QStringLiteral("available"),
                             QStringLiteral("name"),
                             QStringLiteral("price"),
                             QStringLiteral("id"),
                             QStringLiteral("request_id"),
                             QStringLiteral("refund"),
                             QStringLiteral("reference"),
                             QStringLiteral("recall_window_seconds"),
                             QStringLiteral("qr_expiry_minutes"),
                             QStringLiteral("tip_suggestions"),
                             QStringLiteral("date"),
                             QStringLiteral("business_date"),
                             QStringLiteral("limit"),
                             QStringLiteral("counter_name"),
                             QStringLiteral("product_name"),
                             QStringLiteral("pin"),
                             QStringLiteral("role")};

const QStringList kWords = {QStringLiteral("pending"),
                            QStringLiteral("preparing"),
                            QStringLiteral("ready"),
                            QStringLiteral("completed"),
                            QStringLiteral("cancelled"),
                            QStringLiteral("card"),
                            QStringLiteral("cash"),
                            QStringLiteral("qr"),
                            QStringLiteral("purchase"),
                            QStringLiteral("waste"),
                            QStringLiteral("adjustment"),
                            QStringLiteral("Counter 1"),
                            QStringLiteral("Counter 2"),
                            QStringLiteral("Extra shot"),
                            QStringLiteral("2024-01-01"),
                            QStringLiteral("+1 555 0100"),
                            QStringLiteral("r1"),
                            QStringLiteral("r2"),
                            QStringLiteral("employee"),
                            QStringLiteral("manager"),
                            QStringLiteral("admin"),
                            QStringLiteral("EMP001"),
                            QStringLiteral("mgr001"),
                            QStringLiteral("1234"),
                            QStringLiteral("")};

const QSet<QString> kErrorTypes
    = {QStringLiteral("PERMISSION_DENIED"), QStringLiteral("INVALID_DATA"),
       QStringLiteral("NOT_FOUND"), QStringLiteral("CONFLICT"), QStringLiteral("RATE_LIMITED")};

struct World
{
    std::unique_ptr<HubFixture> fixture;
    QList<HubActor> actors;
    QStringList commands; // "nsp command"
    QStringList ids;      // ids seen in answers, plus the menu's and the staff's
};

void learnIds(const QJsonValue &v, QStringList &ids, int depth = 0)
{
    if (depth > 6)
        return;
    if (v.isObject()) {
        const QJsonObject o = v.toObject();
        for (auto it = o.begin(); it != o.end(); ++it) {
            if (it.value().isString() && (it.key() == u"id" || it.key().endsWith(u"_id"))
                && ids.size() < 4000 && !ids.contains(it.value().toString()))
                ids.append(it.value().toString());
            learnIds(it.value(), ids, depth + 1);
        }
    } else if (v.isArray()) {
        const QJsonArray a = v.toArray();
        for (const QJsonValue &e : a)
            learnIds(e, ids, depth + 1);
    }
}

World &world()
{
    static World *w = [] {
        // The databases live in memory-backed files: a fuzzer fsyncs thousands of times a second.
        if (QDir(QStringLiteral("/dev/shm")).exists())
            qputenv("TMPDIR", "/dev/shm");
        qputenv("QT_LOGGING_RULES", "tabletap.*=false");
        static int argc = 1;
        static char name[] = "fuzz_commands";
        static char *argv[] = {name, nullptr};
        new QCoreApplication(argc, argv);
        auto *world = new World;
        HubOptions options;
        options.commandBurst = 0; // the limiter is tested elsewhere; here it would hide the rest
        options.pinIterations = 1000;
        world->fixture = std::make_unique<HubFixture>(
            QStringList{QStringLiteral("cafe1"), QStringLiteral("cafe2")}, options);
        // libFuzzer ends with exit(): let the fixture remove its temporary data folder.
        static World *const created = world;
        std::atexit([] { created->fixture.reset(); });
        HubFixture &f = *world->fixture;
        world->actors = {f.employee(),
                         f.employee2(),
                         f.manager(),
                         f.admin(),
                         f.manager(QStringLiteral("cafe2")),
                         HubActor{QStringLiteral("device-1"), QStringLiteral("Till"),
                                  HubRole::Manager, QStringLiteral("cafe1")},
                         HubActor{QStringLiteral("ghost"), QStringLiteral("Ghost"), HubRole::Admin,
                                  QStringLiteral("nowhere")}};
        for (const QString &nsp : HubDomain::namespaces()) {
            for (const QString &c : HubDomain::commandNames(nsp))
                world->commands.append(nsp + u' ' + c);
        }
        for (const HubActor &a : std::as_const(world->actors))
            world->ids.append(a.userId);
        for (const QString &c : std::as_const(world->commands)) {
            const QString nsp = c.section(u' ', 0, 0), cmd = c.section(u' ', 1);
            if (cmd.startsWith(u"list_") || cmd.startsWith(u"get_"))
                learnIds(f.run(f.admin(), nsp, cmd).ack, world->ids);
        }
        return world;
    }();
    return *w;
}

QString text(FuzzedDataProvider &in, const World &w)
{
    switch (in.ConsumeIntegralInRange(0, 5)) {
    case 0:
        return QString::fromStdString(in.ConsumeRandomLengthString(64));
    case 1:
        return kWords.at(in.ConsumeIntegralInRange<qsizetype>(0, kWords.size() - 1));
    case 2: {
        // Over every bound the hub has (names 100, notes 500, request ids 128), sometimes far over.
        const qsizetype n = in.ConsumeBool() ? in.ConsumeIntegralInRange(90, 600)
                                             : in.ConsumeIntegralInRange(10000, 300000);
        return QString(n, QChar(in.ConsumeIntegralInRange(1, 0x2fff)));
    }
    case 3:
        return QString::fromUtf8("\x00\x1b[31m\xe2\x80\xae\xf0\x9f\x98\x80", 13)
               + QString::fromStdString(in.ConsumeRandomLengthString(8));
    default:
        return w.ids.isEmpty()
                   ? QString()
                   : w.ids.at(in.ConsumeIntegralInRange<qsizetype>(0, w.ids.size() - 1));
    }
}

double number(FuzzedDataProvider &in)
{
    static const double special[] = {std::numeric_limits<double>::quiet_NaN(),
                                     std::numeric_limits<double>::infinity(),
                                     -std::numeric_limits<double>::infinity(),
                                     1e308,
                                     -1e308,
                                     -0.0,
                                     0.005,
                                     4.995,
                                     1.5,
                                     99.999,
                                     9007199254740993.0,
                                     -1,
                                     0,
                                     1,
                                     2,
                                     99,
                                     100,
                                     1000.01,
                                     2147483648.0,
                                     1e-300};
    switch (in.ConsumeIntegralInRange(0, 3)) {
    case 0:
        return special[in.ConsumeIntegralInRange<size_t>(0, std::size(special) - 1)];
    case 1:
        return in.ConsumeIntegralInRange(-10, 120);
    case 2:
        return double(in.ConsumeIntegral<qint64>());
    default:
        return in.ConsumeFloatingPoint<double>();
    }
}

QJsonValue value(FuzzedDataProvider &in, const World &w, int depth);

QJsonObject object(FuzzedDataProvider &in, const World &w, int depth)
{
    QJsonObject o;
    const int fields = in.ConsumeIntegralInRange(0, depth == 0 ? 8 : 4);
    for (int i = 0; i < fields && in.remaining_bytes(); ++i) {
        const QString key
            = in.ConsumeIntegralInRange(0, 9) == 0
                  ? QString::fromStdString(in.ConsumeRandomLengthString(16))
                  : kFields.at(in.ConsumeIntegralInRange<qsizetype>(0, kFields.size() - 1));
        o.insert(key, value(in, w, depth + 1));
    }
    return o;
}

QJsonValue value(FuzzedDataProvider &in, const World &w, int depth)
{
    switch (in.ConsumeIntegralInRange(0, depth > 4 ? 6 : 10)) {
    case 0:
        return QJsonValue::Null;
    case 1:
        return in.ConsumeBool();
    case 2:
    case 3:
        return number(in);
    case 4:
    case 5:
    case 6:
        return text(in, w);
    case 7: {
        QJsonArray a;
        const int n = in.ConsumeBool() ? in.ConsumeIntegralInRange(0, 4)
                                       : in.ConsumeIntegralInRange(0, 120);
        for (int i = 0; i < n; ++i)
            a.append(in.remaining_bytes() ? value(in, w, depth + 1) : QJsonValue(i));
        return a;
    }
    case 8: {
        // An order line, the commonest nested shape.
        QJsonObject item{{QStringLiteral("product_id"), text(in, w)},
                         {QStringLiteral("quantity"), number(in)}};
        if (in.ConsumeBool())
            item.insert(QStringLiteral("customizations"), QJsonArray{text(in, w), text(in, w)});
        return QJsonArray{item};
    }
    default:
        return object(in, w, depth);
    }
}

void checkEvents(const HubEventList &events, const QString &cafeId)
{
    for (const HubEvent &e : events) {
        if (e.name.isEmpty() || e.rooms.isEmpty() || e.cafeId != cafeId)
            std::abort();
        if (e.envelope.value(u"meta").toObject().value(u"cafe_id").toString() != cafeId)
            std::abort();
        for (const QString &room : e.rooms) {
            if (!room.startsWith(u"cafe:" + cafeId + u':') && room != u"cafe:" + cafeId
                && !room.startsWith(u"user:"))
                std::abort();
        }
    }
}

void checkAck(const QJsonObject &ack)
{
    const QJsonValue ok = ack.value(u"ok");
    if (!ok.isBool())
        std::abort();
    if (ok.toBool()) {
        if (!ack.value(u"data").isObject() || ack.contains(u"error"))
            std::abort();
        return;
    }
    const QJsonObject error = ack.value(u"error").toObject();
    if (!kErrorTypes.contains(error.value(u"type").toString()))
        std::abort();
    if (!error.value(u"message").isString() || error.value(u"message").toString().isEmpty())
        std::abort();
    if (error.contains(u"field") && !error.value(u"field").isString())
        std::abort();
    // The answer goes back over the wire as JSON: it must survive the trip.
    const QByteArray json = QJsonDocument(ack).toJson(QJsonDocument::Compact);
    if (QJsonDocument::fromJson(json).object() != ack)
        std::abort();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    World &w = world();
    HubFixture &f = *w.fixture;
    FuzzedDataProvider in(data, size);
    const HubActor actor
        = w.actors.at(in.ConsumeIntegralInRange<qsizetype>(0, w.actors.size() - 1));
    const QString entry
        = w.commands.at(in.ConsumeIntegralInRange<qsizetype>(0, w.commands.size() - 1));
    QString nsp = entry.section(u' ', 0, 0);
    QString command = entry.section(u' ', 1);
    const int mode = in.ConsumeIntegralInRange(0, 15);
    if (mode == 0)
        nsp = HubDomain::namespaces().at(in.ConsumeIntegralInRange<qsizetype>(0, 4)); // wrong one
    else if (mode == 1)
        command = QString::fromStdString(in.ConsumeRandomLengthString(40));
    const qint64 advanceMs
        = in.ConsumeBool() ? 0 : qint64(in.ConsumeIntegralInRange(0, 600)) * 1000;
    QJsonValue payload;
    if (mode == 2) {
        // The bytes as JSON text, as a client could send them (any JSON value).
        const std::string raw = in.ConsumeRemainingBytesAsString();
        const QJsonDocument doc = QJsonDocument::fromJson(QByteArray::fromStdString(raw));
        payload = doc.isArray() ? QJsonValue(doc.array()) : QJsonValue(doc.object());
    } else if (mode == 3) {
        payload = value(in, w, 1); // not an object at all, mostly
    } else {
        payload = object(in, w, 0);
    }

    HubEventList timerEvents;
    QObject context;
    QObject::connect(f.hub.get(), &HubDomain::eventsReady, &context,
                     [&timerEvents](const HubEventList &e) { timerEvents += e; });
    const CommandResult r = f.hub->execute(actor, nsp, command, payload);
    checkAck(r.ack);
    checkEvents(r.events, actor.cafeId);
    if (r.ok())
        learnIds(r.ack, w.ids);
    // staff:updated goes out on the next event-loop turn.
    QCoreApplication::processEvents();
    static const QSet<QString> staffChanges{
        QStringLiteral("disable_staff"), QStringLiteral("enable_staff"),
        QStringLiteral("set_staff_role"), QStringLiteral("set_staff_pin"),
        QStringLiteral("revoke_staff_sessions")};
    if (r.ok() && staffChanges.contains(command)) {
        // Put the staff back as they were, or later inputs would mostly meet disabled, revoked
        // or re-roled actors and explore nothing else.
        for (const HubActor &a : std::as_const(w.actors)) {
            if (CafeDomain *c = f.hub->cafe(a.cafeId)) {
                c->connection().exec(QStringLiteral("UPDATE staff SET active = 1, "
                                                    "token_generation = 0, role = ? WHERE id = ?"),
                                     {HubActor::roleName(a.role), a.userId});
            }
        }
        for (const QString &cafe : {QStringLiteral("cafe1"), QStringLiteral("cafe2")})
            f.hub->cafe(cafe)->checkStaff(true);
        QCoreApplication::processEvents();
    }
    if (advanceMs)
        f.clock.advance(advanceMs); // card answers, QR expiry, stock windows fall due
    for (const HubEvent &e : std::as_const(timerEvents)) {
        if (e.cafeId != u"cafe1" && e.cafeId != u"cafe2")
            std::abort();
        checkEvents({e}, e.cafeId);
    }
    return 0;
}
