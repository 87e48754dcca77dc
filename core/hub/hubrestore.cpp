// HubRestore: check on a staging copy, then swap files inside the data folder (same file
// system, so each move is a rename) while holding the folder's lock.
#include "hubrestore.h"

#include "datafolderlock.h"
#include "hubregistry.h"
#include "hubsecret.h"
#include "privatefiles.h"
#include "sqliteconnection.h"
#include "sqlitestorage.h"
#include "storageerror.h"

#include <QCommandLineParser>
#include <QDateTime>
#include <QDir>
#include <QDirIterator>
#include <QFileInfo>
#include <QScopeGuard>

#include <sys/stat.h>
#include <unistd.h>

namespace TableTap {

namespace {

// "ok", or what integrity_check found first.
QString integrityOf(const QString &path)
{
    SqliteConnection db;
    QString error;
    if (!db.open(path, &error))
        return error;
    try {
        const QString result = db.scalar(QStringLiteral("PRAGMA integrity_check")).toString();
        return result;
    } catch (const StorageError &e) {
        return e.message();
    }
}

// The database file and its WAL companions, as they sit next to each other.
QStringList withCompanions(const QString &path)
{
    return {path, path + QStringLiteral("-wal"), path + QStringLiteral("-shm")};
}

bool moveIfExists(const QString &from, const QString &to, QString *error)
{
    if (!QFileInfo::exists(from))
        return true;
    if (!QDir().mkpath(QFileInfo(to).absolutePath()) || !QFile::rename(from, to)) {
        *error = QStringLiteral("cannot move %1 to %2").arg(from, to);
        return false;
    }
    return true;
}

// Run as root on a folder that belongs to the service's user: give the restored files to that
// user, or the hub could not write them.
void giveToOwnerOf(const QString &dataDir, const QStringList &paths)
{
    if (::geteuid() != 0)
        return;
    struct stat st = {};
    if (::stat(QFile::encodeName(dataDir).constData(), &st) != 0 || st.st_uid == 0)
        return;
    for (const QString &p : paths) {
        QStringList all{p};
        if (QFileInfo(p).isDir()) {
            QDirIterator it(p, QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden,
                            QDirIterator::Subdirectories);
            while (it.hasNext())
                all.append(it.next());
        }
        for (const QString &f : std::as_const(all)) {
            if (::lchown(QFile::encodeName(f).constData(), st.st_uid, st.st_gid) != 0) {
                // Best effort: a file we cannot hand over is reported by the hub when it starts.
            }
        }
    }
}

} // namespace

HubRestore::HubRestore(QTextStream &out, QTextStream &err)
    : m_out(out)
    , m_err(err)
{}

QString HubRestore::usage()
{
    return QStringLiteral(
        "  restore --from BACKUP --data DIR [--cafe ID]\n"
        "            put a backup back (stop the hub first): without --cafe BACKUP is a folder\n"
        "            made by backup and replaces the whole hub; with --cafe it is that cafe's\n"
        "            database file. The replaced files are kept in DIR/pre-restore-<time>/.\n"
        "            Exit codes: 0 restored, 1 storage failure, 2 usage error, 3 no backup\n"
        "            there, 4 a hub is serving DIR, 5 the backup fails its checks (damaged,\n"
        "            an invalid cafe id, a symbolic link where a file belongs).\n");
}

int HubRestore::fail(int code, const QString &message)
{
    m_err << "tabletap-hub: " << message << Qt::endl;
    return code;
}

int HubRestore::run(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    const QCommandLineOption fromOption(QStringLiteral("from"), QString(), QStringLiteral("path"));
    const QCommandLineOption dataOption(QStringLiteral("data"), QString(), QStringLiteral("dir"));
    const QCommandLineOption cafeOption(QStringLiteral("cafe"), QString(), QStringLiteral("id"));
    parser.addOptions({fromOption, dataOption, cafeOption});
    if (!parser.parse(QStringList{QStringLiteral("tabletap-hub")} + args))
        return fail(UsageError, parser.errorText());
    if (parser.positionalArguments().size() != 1
        || parser.positionalArguments().constFirst() != u"restore")
        return fail(UsageError, QStringLiteral("usage: tabletap-hub restore --from BACKUP --data "
                                               "DIR [--cafe ID]"));
    const QString from = parser.value(fromOption);
    const QString dataDir = parser.value(dataOption);
    if (from.isEmpty())
        return fail(UsageError, QStringLiteral("--from is required"));
    if (dataDir.isEmpty())
        return fail(UsageError, QStringLiteral("--data is required"));
    if (parser.isSet(cafeOption) && !HubRegistry::isValidCafeId(parser.value(cafeOption)))
        return fail(UsageError, QStringLiteral("--cafe must be 1 to 64 of A-Z a-z 0-9 _ -"));
    if (!QFileInfo::exists(from))
        return fail(NotFound, QStringLiteral("no backup at %1").arg(from));
    if (QFileInfo(from).absoluteFilePath() == QFileInfo(dataDir).absoluteFilePath())
        return fail(UsageError, QStringLiteral("--from and --data are the same folder"));
    if (!QDir().mkpath(dataDir))
        return fail(StorageFailure, QStringLiteral("cannot create %1").arg(dataDir));

    DataFolderLock lock(dataDir);
    if (!lock.tryLock()) {
        if (lock.holderPid() > 0 || lock.errorString().startsWith(u"a hub"))
            return fail(InUse, lock.errorString()
                                   + QStringLiteral("; stop it first (systemctl stop "
                                                    "tabletap-hub)"));
        return fail(StorageFailure, lock.errorString());
    }
    giveToOwnerOf(dataDir, {DataFolderLock::filePath(dataDir)});
    try {
        return parser.isSet(cafeOption) ? restoreCafe(from, dataDir, parser.value(cafeOption))
                                        : restoreHub(from, dataDir);
    } catch (const StorageError &e) {
        return fail(StorageFailure, e.message());
    }
}

int HubRestore::restoreHub(const QString &from, const QString &dataDir)
{
    const QDir source(from);
    if (!QFileInfo(from).isDir() || !QFileInfo::exists(source.filePath(QStringLiteral("hub.db"))))
        return fail(NotFound,
                    QStringLiteral("%1 is not a hub backup (no hub.db in it); a single cafe's "
                                   "file needs --cafe ID")
                        .arg(from));
    // A backup may come from anywhere: what it names is read only as plain files inside it, never
    // through a symbolic link (which could read the hub's secret from elsewhere, or point a
    // later write outside the data folder).
    const QString sourceCafes = source.filePath(QStringLiteral("cafes"));
    if (QFileInfo(sourceCafes).isSymLink())
        return fail(InvalidData,
                    QStringLiteral("the backup's cafes folder is a symbolic link; refused"));
    const QString stamp
        = QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss-zzz"));
    const QDir data(dataDir);
    const QString staging = data.filePath(QStringLiteral(".restore-") + stamp);
    QDir(staging).removeRecursively();
    if (!QDir().mkpath(QDir(staging).filePath(QStringLiteral("cafes"))))
        return fail(StorageFailure, QStringLiteral("cannot create %1").arg(staging));
    const auto cleanUp = qScopeGuard([staging] { QDir(staging).removeRecursively(); });

    // 1. Copy into staging and check there, so a bad backup never touches the folder.
    QString copyError;
    const auto copy = [&copyError](const QString &a, const QString &b) {
        return PrivateFiles::copyFile(a, b, &copyError);
    };
    if (!copy(source.filePath(QStringLiteral("hub.db")),
              QDir(staging).filePath(QStringLiteral("hub.db"))))
        return fail(InvalidData, QStringLiteral("the backup's hub.db: %1").arg(copyError));
    QStringList cafes;
    {
        SqliteStorage storage(staging);
        HubRegistry registry;
        QString error;
        if (!storage.open(&error) || !registry.open(storage, &error))
            return fail(InvalidData, QStringLiteral("the backup's hub.db: %1").arg(error));
        for (const HubRegistry::Cafe &c : registry.cafes()) {
            // Ids become file names: one that is not an id (../x, a/b) names no file of ours.
            if (!HubRegistry::isValidCafeId(c.id))
                return fail(InvalidData,
                            QStringLiteral("the backup's hub.db lists a cafe id that is not "
                                           "valid (1 to 64 of A-Z a-z 0-9 _ -): %1")
                                .arg(c.id.left(80)));
            cafes.append(c.id);
        }
    }
    const QString registryCheck = integrityOf(QDir(staging).filePath(QStringLiteral("hub.db")));
    if (registryCheck != u"ok")
        return fail(InvalidData, QStringLiteral("the backup's hub.db: %1").arg(registryCheck));
    for (const QString &id : std::as_const(cafes)) {
        const QString name = QStringLiteral("cafes/") + id + QStringLiteral(".db");
        if (!QFileInfo(source.filePath(name)).isSymLink()
            && !QFileInfo::exists(source.filePath(name)))
            return fail(InvalidData,
                        QStringLiteral("the backup lists cafe %1 but has no %2").arg(id, name));
        if (!copy(source.filePath(name), QDir(staging).filePath(name)))
            return fail(InvalidData, QStringLiteral("the backup's %1: %2").arg(name, copyError));
        const QString check = integrityOf(QDir(staging).filePath(name));
        if (check != u"ok")
            return fail(InvalidData, QStringLiteral("the backup's %1: %2").arg(name, check));
    }
    const QFileInfo secretInfo(HubSecret::filePath(from));
    const bool hasSecret = secretInfo.exists() || secretInfo.isSymLink();
    if (hasSecret && !copy(HubSecret::filePath(from), HubSecret::filePath(staging)))
        return fail(InvalidData, QStringLiteral("the backup's hub.secret: %1").arg(copyError));
    // On disk before anything is moved: a crash after the swap must not leave empty files.
    QString syncError;
    if (!PrivateFiles::syncFolder(QDir(staging).filePath(QStringLiteral("cafes")), &syncError)
        || !PrivateFiles::syncFolder(staging, &syncError))
        return fail(StorageFailure, syncError);

    // 2. Set the current data aside, then move the checked copy in.
    const QString aside = data.filePath(QStringLiteral("pre-restore-") + stamp);
    QString error;
    QStringList current = withCompanions(data.filePath(QStringLiteral("hub.db")));
    current << HubSecret::filePath(dataDir) << data.filePath(QStringLiteral("cafes"));
    for (const QString &path : std::as_const(current)) {
        if (!moveIfExists(path, QDir(aside).filePath(QFileInfo(path).fileName()), &error))
            return fail(StorageFailure, error);
    }
    QStringList restored;
    for (const QString &name : {QStringLiteral("hub.db"), QStringLiteral("cafes"),
                                QFileInfo(HubSecret::filePath(staging)).fileName()}) {
        const QString to = data.filePath(name);
        if (!moveIfExists(QDir(staging).filePath(name), to, &error))
            return fail(StorageFailure,
                        error + QStringLiteral("; the previous data is in ") + aside);
        if (QFileInfo::exists(to))
            restored.append(to);
    }
    if (!PrivateFiles::syncFolder(dataDir, &syncError))
        return fail(StorageFailure, syncError);
    giveToOwnerOf(dataDir, restored + QStringList{aside});
    m_out << "restored " << cafes.size() << " cafe(s) from " << from << " into " << dataDir;
    if (QFileInfo::exists(aside))
        m_out << "; the previous data is in " << aside;
    m_out << Qt::endl;
    if (!hasSecret)
        m_err << "tabletap-hub: the backup has no hub.secret: the hub makes a new one, and "
                 "tokens minted before no longer work"
              << Qt::endl;
    return Ok;
}

int HubRestore::restoreCafe(const QString &from, const QString &dataDir, const QString &cafeId)
{
    if (!QFileInfo(from).isFile())
        return fail(NotFound, QStringLiteral("%1 is not a cafe backup file").arg(from));
    SqliteStorage storage(dataDir);
    HubRegistry registry;
    QString error;
    if (!QFileInfo::exists(storage.registryPath()))
        return fail(NotFound,
                    QStringLiteral("%1 has no hub.db; restore the whole hub first").arg(dataDir));
    if (!storage.open(&error) || !registry.open(storage, &error))
        return fail(StorageFailure, error);
    if (!registry.cafe(cafeId))
        return fail(NotFound, QStringLiteral("no cafe %1 in %2").arg(cafeId, dataDir));
    const QString target = storage.cafeDatabasePath(cafeId);
    registry.close();

    const QString stamp
        = QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss-zzz"));
    const QDir data(dataDir);
    const QString staging = data.filePath(QStringLiteral(".restore-") + stamp);
    QDir(staging).removeRecursively();
    if (!QDir().mkpath(staging))
        return fail(StorageFailure, QStringLiteral("cannot create %1").arg(staging));
    const auto cleanUp = qScopeGuard([staging] { QDir(staging).removeRecursively(); });
    const QString copy = QDir(staging).filePath(cafeId + QStringLiteral(".db"));
    if (!PrivateFiles::copyFile(from, copy, &error))
        return fail(InvalidData, error);
    const QString check = integrityOf(copy);
    if (check != u"ok")
        return fail(InvalidData, QStringLiteral("%1: %2").arg(from, check));

    const QString aside = data.filePath(QStringLiteral("pre-restore-") + stamp);
    for (const QString &path : withCompanions(target)) {
        if (!moveIfExists(
                path, QDir(aside).filePath(QStringLiteral("cafes/")) + QFileInfo(path).fileName(),
                &error))
            return fail(StorageFailure, error);
    }
    if (!moveIfExists(copy, target, &error))
        return fail(StorageFailure, error + QStringLiteral("; the previous data is in ") + aside);
    if (!PrivateFiles::syncFolder(QFileInfo(target).absolutePath(), &error))
        return fail(StorageFailure, error);
    giveToOwnerOf(dataDir, {target, aside});
    m_out << "restored cafe " << cafeId << " from " << from << " into " << target;
    if (QFileInfo::exists(aside))
        m_out << "; the previous data is in " << aside;
    m_out << Qt::endl;
    return Ok;
}

} // namespace TableTap
