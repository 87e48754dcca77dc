// HubConfig: the key table, the INI reader and the checks.
#include "hubconfig.h"

#include "hubregistry.h"
#include "storagefactory.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSslCertificate>
#include <QSslKey>
#include <QSslSocket>
#include <QUrl>

#include <pwd.h>
#include <unistd.h>

namespace TableTap {

namespace {

using Kind = HubConfig::Kind;

QString keyId(const char *section, const char *name)
{
    return QLatin1String(section) + u'.' + QLatin1String(name);
}

QString userName()
{
    if (const passwd *pw = ::getpwuid(::geteuid()))
        return QString::fromLocal8Bit(pw->pw_name);
    return QString::number(::geteuid());
}

// Levenshtein distance, for "did you mean" on misspelt keys.
int distance(const QString &a, const QString &b)
{
    QList<int> row(b.size() + 1);
    for (qsizetype j = 0; j <= b.size(); ++j)
        row[j] = int(j);
    for (qsizetype i = 1; i <= a.size(); ++i) {
        int previous = row[0];
        row[0] = int(i);
        for (qsizetype j = 1; j <= b.size(); ++j) {
            const int substitution = previous + (a[i - 1] == b[j - 1] ? 0 : 1);
            previous = row[j];
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, substitution});
        }
    }
    return row[b.size()];
}

QString quoted(const QString &value)
{
    return u'"' + value + u'"';
}

bool readable(const QString &path, QString *why)
{
    const QFileInfo info(path);
    if (!info.exists()) {
        *why = QStringLiteral("%1 does not exist").arg(path);
        return false;
    }
    if (!info.isFile()) {
        *why = QStringLiteral("%1 is not a file").arg(path);
        return false;
    }
    if (::access(QFile::encodeName(path).constData(), R_OK) != 0) {
        *why = QStringLiteral("%1 cannot be read by user %2").arg(path, userName());
        return false;
    }
    return true;
}

// What RedisCluster::fromUrl takes, and nothing it would quietly drop (AUTH, database numbers,
// TLS and options are not supported: better refused here than ignored).
bool isRedisUrl(const QString &value)
{
    const QUrl url(value, QUrl::StrictMode);
    return url.isValid() && url.scheme() == u"redis" && !url.host().isEmpty() && url.port(6379) > 0
           && url.userInfo().isEmpty() && (url.path().isEmpty() || url.path() == u"/")
           && !url.hasQuery() && !url.hasFragment();
}

bool writable(const QString &path)
{
    return ::access(QFile::encodeName(path).constData(), R_OK | W_OK) == 0;
}

} // namespace

const QList<HubConfig::Key> &HubConfig::keys()
{
    static const QList<Key> table{
        {"hub", "data", "data", "DIR", Kind::Path, 0, 0, "",
         "the hub's data folder (created, with its secret, on first start; required)"},
        {"hub", "bind", "bind", "ADDRESS", Kind::Address, 0, 0, "",
         "address to listen on (default 0.0.0.0, the shop's network; 127.0.0.1 keeps the hub to "
         "this machine)"},
        {"hub", "port", "port", "P", Kind::Port, 0, 65535, "",
         "TCP port (default 3000; 0 picks a free one)"},
        {"hub", "cors_origins", "cors", "ORIGIN", Kind::Origins, 0, 0, "",
         "browser origins allowed to connect (http://host:port, or *); repeat or separate with "
         "commas (default: no cross-origin)"},
        {"hub", "ping_interval", "ping-interval", "MS", Kind::Integer, 100, 3600000, "",
         "heartbeat interval in milliseconds (default 25000)"},
        {"hub", "ping_timeout", "ping-timeout", "MS", Kind::Integer, 100, 3600000, "",
         "heartbeat timeout in milliseconds (default 20000)"},
        {"hub", "max_payload", "max-payload", "BYTES", Kind::Integer, 1024, 1073741824.0, "",
         "largest message accepted, in bytes (default 1000000)"},
        {"hub", "max_connections_per_address", "max-connections-per-address", "N", Kind::Integer, 0,
         1000000, "",
         "connections one client address (an IPv6 /64) may hold at once, Engine.IO and HTTP "
         "each; the next are refused (default 256; 0: no limit; the loopback is exempt)"},
        {"hub", "sign_in_threads", "sign-in-threads", "N", Kind::Integer, 1, 64, "",
         "threads checking staff PINs (PBKDF2) beside the hub's own (default 2)"},
        {"hub", "max_queued_sign_ins", "max-queued-sign-ins", "N", Kind::Integer, 1, 100000, "",
         "PIN checks waiting or running at once; more sign-ins get 429 (default 32)"},
        {"hub", "sign_ins_per_second", "sign-ins-per-second", "N", Kind::Integer, 1, 10000, "",
         "PIN checks started per second, all clients together, in bursts of four seconds' worth, "
         "and as many again for addresses that failed lately; more sign-ins get 429 (default 5)"},
        {"hub", "event_loop", "event-loop", "epoll|poll", Kind::Choice, 0, 0, "epoll|poll",
         "event dispatcher of the hub's thread (default epoll; poll is Qt's own, to compare)"},
        {"hub", "cluster", "cluster", "URL", Kind::Text, 0, 0, "",
         "redis://HOST:PORT of the Redis that several hub nodes (and Node socket.io nodes with "
         "@socket.io/redis-adapter) share: events reach a cafe's clients on every node "
         "(default: none, this hub alone; see docs/scale-out.md)"},
        {"hub", "node", "node", "NAME", Kind::Text, 0, 0, "",
         "this node's name in /healthz, /metrics and the logs (1 to 63 of A-Z a-z 0-9 . _ -; "
         "default: the host name)"},
        {"hub", "database", "database", "URL", Kind::Text, 0, 0, "",
         "where the cafes' data lives: sqlite (the data folder, default) or "
         "postgresql://USER[:PASSWORD]@HOST[:PORT]/DBNAME, a PostgreSQL database several hub "
         "nodes share (each keeps its own data folder)"},
        {"tls", "certificate", "tls-cert", "FILE", Kind::Path, 0, 0, "",
         "PEM certificate (chain); with the key, the port serves https and wss only"},
        {"tls", "key", "tls-key", "FILE", Kind::Path, 0, 0, "", "PEM private key, unencrypted"},
        {"simulator", "enabled", "simulate", "", Kind::Bool, 0, 0, "",
         "drive a simulated cafe day through the hub (devices on the loopback); creates a demo "
         "cafe and its staff when there are none (default off)"},
        {"simulator", "speed", "speed", "X", Kind::Number, 0.1, 3600, "",
         "simulated seconds per real second (default 1, up to 3600)"},
        {"simulator", "seed", "seed", "N", Kind::Integer, 0, 4294967295.0, "",
         "seed of the simulation's decisions (default 1)"},
        {"simulator", "start", "sim-start", "HH:MM", Kind::Time, 0, 0, "",
         "simulated time of day at start (default 07:30)"},
        {"simulator", "cafe", "sim-cafe", "ID", Kind::Text, 0, 0, "",
         "the cafe to simulate (default: the first one)"},
        {"operations", "enabled", "", "", Kind::Bool, 0, 0, "",
         "serve GET /healthz and GET /metrics on the hub's port (default true)"},
        {"operations", "allow", "ops-allow", "SUBNETS", Kind::Subnets, 0, 0, "",
         "client addresses allowed to read /healthz and /metrics (comma-separated addresses "
         "or subnets; default 127.0.0.0/8, ::1; empty: none by address)"},
        {"operations", "token_file", "ops-token-file", "FILE", Kind::Path, 0, 0, "",
         "file holding a bearer token that also grants access, from any address"},
        {"operations", "min_free_mb", "", "MIB", Kind::Integer, 0, 1048576, "",
         "/healthz fails when the data folder's disk has less free space, in MiB (default 64)"},
        {"log", "level", "log-level", "LEVEL", Kind::Choice, 0, 0, "debug|info|warning|error",
         "least severe message written: debug, info, warning or error (default info; "
         "QT_LOGGING_RULES refines it)"},
        {"log", "format", "log-format", "FORMAT", Kind::Choice, 0, 0, "auto|text|journal",
         "text (ts=... level=... lines), journal (priority prefixes for journald), or auto: "
         "journal when stderr is the journal (the default)"},
    };
    return table;
}

const HubConfig::Key *HubConfig::findKey(const QString &section, const QString &name)
{
    for (const Key &k : keys()) {
        if (section == QLatin1String(k.section) && name == QLatin1String(k.name))
            return &k;
    }
    return nullptr;
}

const HubConfig::Key *HubConfig::findOption(const QString &option)
{
    for (const Key &k : keys()) {
        if (*k.option && option == QLatin1String(k.option))
            return &k;
    }
    return nullptr;
}

QString HubConfig::defaultPath()
{
    // Before QCoreApplication exists (the file may choose the event dispatcher), so from
    // /proc rather than applicationDirPath().
    const QFileInfo exe(QFile::symLinkTarget(QStringLiteral("/proc/self/exe")));
    QDir prefix = exe.absoluteDir();
    prefix.cdUp();
    QString etc;
    if (prefix.dirName() == u"usr") {
        QDir root = prefix;
        root.cdUp();
        etc = root.filePath(QStringLiteral("etc"));
    } else {
        etc = prefix.filePath(QStringLiteral("etc"));
    }
    return QDir::cleanPath(etc + QStringLiteral("/tabletap/hub.conf"));
}

bool HubConfig::loadFile(const QString &path, QStringList *errors)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly | QIODevice::Text)) {
        QString why;
        if (!readable(path, &why))
            errors->append(QStringLiteral("configuration file %1").arg(why));
        else
            errors->append(
                QStringLiteral("cannot read configuration file %1: %2").arg(path, f.errorString()));
        return false;
    }
    return loadText(QString::fromUtf8(f.readAll()), path, errors);
}

bool HubConfig::loadText(const QString &text, const QString &origin, QStringList *errors)
{
    const qsizetype before = errors->size();
    QString section;
    bool sectionKnown = false;
    QHash<QString, int> seen; // key -> line
    const QStringList lines = text.split(u'\n');
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const int lineNo = int(i + 1);
        const QString where = QStringLiteral("%1:%2").arg(origin).arg(lineNo);
        const QString line = lines.at(i).trimmed();
        if (line.isEmpty() || line.startsWith(u'#') || line.startsWith(u';'))
            continue;
        if (line.startsWith(u'[')) {
            if (!line.endsWith(u']')) {
                errors->append(QStringLiteral("%1: a section is written [name]").arg(where));
                sectionKnown = false;
                continue;
            }
            section = line.mid(1, line.size() - 2).trimmed();
            sectionKnown = false;
            for (const Key &k : keys())
                sectionKnown = sectionKnown || section == QLatin1String(k.section);
            if (!sectionKnown)
                errors->append(QStringLiteral("%1: unknown section [%2] (known: [hub], [tls], "
                                              "[simulator], [operations], [log])")
                                   .arg(where, section));
            continue;
        }
        const qsizetype eq = line.indexOf(u'=');
        if (eq <= 0) {
            errors->append(
                QStringLiteral("%1: expected key = value, got %2").arg(where, quoted(line)));
            continue;
        }
        const QString name = line.left(eq).trimmed();
        QString value = line.mid(eq + 1).trimmed();
        // An inline comment needs a space before it, so values may still hold # and ;.
        for (const QLatin1String marker : {QLatin1String(" #"), QLatin1String(" ;"),
                                           QLatin1String("\t#"), QLatin1String("\t;")}) {
            const qsizetype at = value.indexOf(marker);
            if (at >= 0)
                value = value.left(at).trimmed();
        }
        if (value.size() >= 2 && value.startsWith(u'"') && value.endsWith(u'"'))
            value = value.mid(1, value.size() - 2);
        if (section.isEmpty()) {
            errors->append(
                QStringLiteral("%1: %2 is outside a section; put it under [hub] or another")
                    .arg(where, name));
            continue;
        }
        if (!sectionKnown)
            continue; // the section was reported once
        const Key *key = findKey(section, name);
        if (!key) {
            QString hint;
            int best = 3;
            for (const Key &k : keys()) {
                if (section != QLatin1String(k.section))
                    continue;
                const int d = distance(name, QLatin1String(k.name));
                if (d < best) {
                    best = d;
                    hint = QStringLiteral(" (did you mean %1?)").arg(QLatin1String(k.name));
                }
            }
            errors->append(
                QStringLiteral("%1: unknown key %2 in [%3]%4").arg(where, name, section, hint));
            continue;
        }
        const QString id = keyId(key->section, key->name);
        if (seen.contains(id)) {
            errors->append(QStringLiteral("%1: %2 is set twice in [%3] (first on line %4)")
                               .arg(where, name, section)
                               .arg(seen.value(id)));
            continue;
        }
        seen.insert(id, lineNo);
        QString why;
        if (!set(*key, value, &why)) {
            errors->append(QStringLiteral("%1: %2 %3").arg(where, name, why));
            continue;
        }
        setOrigin(*key, where);
    }
    return errors->size() == before;
}

void HubConfig::setOrigin(const Key &key, const QString &origin)
{
    m_origins.insert(keyId(key.section, key.name), origin);
}

QString HubConfig::originOf(const char *section, const char *name) const
{
    return m_origins.value(keyId(section, name));
}

bool HubConfig::isSet(const char *section, const char *name) const
{
    return m_origins.contains(keyId(section, name));
}

bool HubConfig::set(const Key &key, const QString &value, QString *why)
{
    const QString id = keyId(key.section, key.name);
    const auto fail = [why](const QString &needs, const QString &got) {
        *why = QStringLiteral("needs %1, got %2").arg(needs, quoted(got));
        return false;
    };
    switch (key.kind) {
    case Kind::Path:
    case Kind::Text:
        if (id == u"simulator.cafe" && !value.isEmpty() && !HubRegistry::isValidCafeId(value))
            return fail(QStringLiteral("a cafe id (1 to 64 of A-Z a-z 0-9 _ -)"), value);
        if (id == u"hub.data" && value.isEmpty())
            return fail(QStringLiteral("a folder"), value);
        if (id == u"hub.cluster" && !value.isEmpty() && !isRedisUrl(value))
            return fail(QStringLiteral("redis://HOST:PORT (no user, password, path or query)"),
                        value);
        if (id == u"hub.node" && !HubServer::isValidNodeName(value))
            return fail(QStringLiteral("a node name (1 to 63 of A-Z a-z 0-9 . _ -)"), value);
        if (id == u"hub.database") {
            if (const QString problem = checkDatabaseUrl(value); !problem.isEmpty()) {
                *why = QStringLiteral("needs sqlite or postgresql://USER[:PASSWORD]@HOST[:PORT]/"
                                      "DBNAME: ")
                       + problem;
                return false;
            }
        }
        if (id == u"hub.data")
            dataDir = value;
        else if (id == u"hub.database")
            database = isSqliteDatabase(value) ? QString() : value;
        else if (id == u"tls.certificate")
            tlsCertificate = value;
        else if (id == u"tls.key")
            tlsKey = value;
        else if (id == u"simulator.cafe")
            simulationCafe = value;
        else if (id == u"operations.token_file")
            operationsTokenFile = value;
        else if (id == u"hub.cluster")
            cluster = value;
        else if (id == u"hub.node")
            node = value;
        return true;
    case Kind::Address: {
        QHostAddress a;
        if (!a.setAddress(value))
            return fail(QStringLiteral("an IP address such as 0.0.0.0 or 127.0.0.1"), value);
        bind = a;
        return true;
    }
    case Kind::Port:
    case Kind::Integer: {
        bool ok = false;
        const qint64 v = value.toLongLong(&ok);
        if (!ok || v < qint64(key.min) || v > qint64(key.max))
            return fail(
                QStringLiteral("a number from %1 to %2").arg(qint64(key.min)).arg(qint64(key.max)),
                value);
        if (id == u"hub.port")
            port = quint16(v);
        else if (id == u"hub.ping_interval")
            pingInterval = int(v);
        else if (id == u"hub.ping_timeout")
            pingTimeout = int(v);
        else if (id == u"hub.max_payload")
            maxPayload = v;
        else if (id == u"hub.max_connections_per_address")
            maxConnectionsPerAddress = int(v);
        else if (id == u"hub.sign_in_threads")
            signInThreads = int(v);
        else if (id == u"hub.max_queued_sign_ins")
            maxQueuedSignIns = int(v);
        else if (id == u"hub.sign_ins_per_second")
            signInsPerSecond = int(v);
        else if (id == u"simulator.seed")
            seed = quint32(v);
        else if (id == u"operations.min_free_mb")
            minFreeMegabytes = v;
        return true;
    }
    case Kind::Number: {
        bool ok = false;
        const double v = value.toDouble(&ok);
        if (!ok || !(v >= key.min && v <= key.max))
            return fail(QStringLiteral("a number from %1 to %2").arg(key.min).arg(key.max), value);
        speed = v;
        return true;
    }
    case Kind::Bool: {
        const QString v = value.toLower();
        bool b = false;
        if (v == u"true" || v == u"yes" || v == u"on" || v == u"1")
            b = true;
        else if (v != u"false" && v != u"no" && v != u"off" && v != u"0")
            return fail(QStringLiteral("true or false"), value);
        if (id == u"simulator.enabled")
            simulate = b;
        else if (id == u"operations.enabled")
            operationsEnabled = b;
        return true;
    }
    case Kind::Time: {
        const QTime t = QTime::fromString(value, QStringLiteral("HH:mm"));
        if (!t.isValid())
            return fail(QStringLiteral("a time of day such as 11:30"), value);
        simulationStart = t;
        return true;
    }
    case Kind::Origins: {
        QStringList origins;
        for (const QString &part : value.split(u',', Qt::SkipEmptyParts)) {
            const QString o = part.trimmed();
            const QUrl url(o);
            if (o != u"*"
                && (!url.isValid() || (url.scheme() != u"http" && url.scheme() != u"https")
                    || url.host().isEmpty() || !url.path().isEmpty()))
                return fail(QStringLiteral("an origin such as http://192.168.1.20:8080 or *"), o);
            if (!origins.contains(o))
                origins.append(o);
        }
        corsOrigins = origins;
        return true;
    }
    case Kind::Subnets: {
        QList<HubOperations::Subnet> subnets;
        for (const QString &part : value.split(u',', Qt::SkipEmptyParts)) {
            HubOperations::Subnet s;
            if (!HubOperations::parseSubnet(part, &s))
                return fail(QStringLiteral("addresses or subnets such as 127.0.0.1, "
                                           "192.168.1.0/24, ::1"),
                            part.trimmed());
            subnets.append(s);
        }
        operationsAllow = subnets;
        return true;
    }
    case Kind::Choice: {
        const QStringList choices = QString::fromLatin1(key.choices).split(u'|');
        QString v = value.toLower();
        if (id == u"log.level" && v == u"critical")
            v = QStringLiteral("error");
        if (!choices.contains(v))
            return fail(QStringLiteral("one of ") + choices.join(QStringLiteral(", ")), value);
        if (id == u"hub.event_loop")
            eventLoop = v;
        else if (id == u"log.level")
            logLevel = v;
        else if (id == u"log.format")
            logFormat = v;
        return true;
    }
    }
    return false;
}

QStringList HubConfig::validate() const
{
    QStringList problems;
    const auto where = [this](const char *section, const char *name) {
        // File origins lead the line ("hub.conf:12: "); an option speaks for itself.
        const QString o = originOf(section, name);
        return o.isEmpty() || o.startsWith(u'-') ? QString() : o + QStringLiteral(": ");
    };

    if (dataDir.isEmpty()) {
        problems.append(QStringLiteral("serve needs --data DIR (the hub's data folder), or data = "
                                       "DIR under [hub] in the configuration file"));
    } else {
        const QFileInfo info(dataDir);
        const QString at = where("hub", "data") + QStringLiteral("data: ");
        if (info.exists() && !info.isDir()) {
            problems.append(at + QStringLiteral("%1 is not a folder").arg(dataDir));
        } else if (info.exists()) {
            if (!writable(dataDir) || ::access(QFile::encodeName(dataDir).constData(), X_OK) != 0)
                problems.append(
                    at + QStringLiteral("%1 is not writable by user %2").arg(dataDir, userName()));
            // Files an admin command made as another user (root, say) stop the hub later.
            QStringList files{QStringLiteral("hub.db"), QStringLiteral("hub.secret")};
            for (const QString &f : QDir(info.absoluteFilePath() + QStringLiteral("/cafes"))
                                        .entryList({QStringLiteral("*.db")}, QDir::Files))
                files.append(QStringLiteral("cafes/") + f);
            for (const QString &f : std::as_const(files)) {
                const QString path = QDir(dataDir).filePath(f);
                if (QFileInfo::exists(path) && !writable(path))
                    problems.append(at
                                    + QStringLiteral("%1 is not writable by user %2 (run admin "
                                                     "commands as the hub's user)")
                                          .arg(path, userName()));
            }
        } else {
            // serve creates it: the nearest existing parent must let us.
            QString parent = info.absoluteFilePath();
            while (!QFileInfo(parent).isDir() && parent != u'/')
                parent = QFileInfo(parent).absolutePath();
            if (!writable(parent))
                problems.append(at
                                + QStringLiteral("cannot create %1: %2 is not writable by "
                                                 "user %3")
                                      .arg(dataDir, parent, userName()));
        }
    }

    if (tlsCertificate.isEmpty() != tlsKey.isEmpty()) {
        problems.append(where("tls", tlsCertificate.isEmpty() ? "key" : "certificate")
                        + QStringLiteral("--tls-cert and --tls-key go together (certificate and "
                                         "key under [tls])"));
    } else if (!tlsCertificate.isEmpty()) {
        QString why;
        if (!readable(tlsCertificate, &why)) {
            problems.append(where("tls", "certificate") + QStringLiteral("certificate: ") + why);
        } else if (QSslCertificate::fromPath(tlsCertificate, QSsl::Pem).isEmpty()) {
            problems.append(
                where("tls", "certificate")
                + QStringLiteral("certificate: %1 holds no PEM certificate").arg(tlsCertificate));
        }
        if (!readable(tlsKey, &why)) {
            problems.append(where("tls", "key") + QStringLiteral("key: ") + why);
        } else {
            QFile f(tlsKey);
            const QByteArray pem = f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
            bool ok = false;
            for (const QSsl::KeyAlgorithm a : {QSsl::Rsa, QSsl::Ec, QSsl::Dsa})
                ok = ok || !QSslKey(pem, a, QSsl::Pem).isNull();
            if (!ok)
                problems.append(
                    where("tls", "key")
                    + QStringLiteral("key: %1 holds no unencrypted PEM private key").arg(tlsKey));
        }
        if (!QSslSocket::supportsSsl())
            problems.append(where("tls", "certificate")
                            + QStringLiteral("TLS is configured but this system has no TLS "
                                             "library for Qt"));
    }

    if (!operationsTokenFile.isEmpty()) {
        QString why;
        const QString at = where("operations", "token_file") + QStringLiteral("token_file: ");
        if (!readable(operationsTokenFile, &why)) {
            problems.append(at + why);
        } else {
            QFile f(operationsTokenFile);
            if (!f.open(QIODevice::ReadOnly) || f.readAll().trimmed().size() < 16)
                problems.append(at
                                + QStringLiteral("%1 must hold a token of at least 16 "
                                                 "characters")
                                      .arg(operationsTokenFile));
        }
    }
    return problems;
}

HubServer::Options HubConfig::serverOptions() const
{
    HubServer::Options options;
    options.bindAddress = bind;
    options.port = port;
    options.tlsCertificateFile = tlsCertificate;
    options.tlsKeyFile = tlsKey;
    options.corsOrigins = corsOrigins;
    options.pingInterval = pingInterval;
    options.pingTimeout = pingTimeout;
    options.maxPayload = maxPayload;
    options.maxConnectionsPerAddress = maxConnectionsPerAddress;
    options.signInThreads = signInThreads;
    options.maxQueuedSignIns = maxQueuedSignIns;
    options.signInsPerSecond = signInsPerSecond;
    options.clusterUrl = cluster;
    options.node = node;
    options.hub.databaseUrl = database;
    // `serve` keeps real time: with the simulator on, its compressed day sets the card delay.
    if (simulate)
        options.hub = options.hub.forSimulation(speed, seed);
    options.operations.enabled = operationsEnabled;
    options.operations.allowed = operationsAllow;
    options.operations.minFreeBytes = minFreeMegabytes * 1024 * 1024;
    if (!operationsTokenFile.isEmpty()) {
        QFile f(operationsTokenFile);
        if (f.open(QIODevice::ReadOnly))
            options.operations.token = f.readAll().trimmed();
    }
    return options;
}

CafeSimulator::Options HubConfig::simulatorOptions() const
{
    CafeSimulator::Options o;
    o.speed = speed;
    o.seed = seed;
    o.startTime = simulationStart;
    o.cafeId = simulationCafe;
    return o;
}

} // namespace TableTap
