// RestoreCommand: the options of `tabletap-hub restore`, then SqliteBackup::restore.
#include "restorecommand.h"

#include "hubregistry.h"
#include "sqlitebackup.h"

#include <QCommandLineParser>
#include <QFileInfo>

namespace TableTap {

static_assert(int(AdminResult::Status::Conflict) == RestoreCommand::InUse
              && int(AdminResult::Status::InvalidData) == RestoreCommand::InvalidData
              && int(AdminResult::Status::NotFound) == RestoreCommand::NotFound);

RestoreCommand::RestoreCommand(QTextStream &out, QTextStream &err)
    : m_out(out)
    , m_err(err)
{}

QString RestoreCommand::usage()
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

int RestoreCommand::fail(int code, const QString &message)
{
    m_err << "tabletap-hub: " << message << Qt::endl;
    return code;
}

int RestoreCommand::run(const QStringList &args)
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
    const SqliteBackup::Restored restored = SqliteBackup::restore(
        from, dataDir, parser.isSet(cafeOption) ? parser.value(cafeOption) : QString());
    // The statuses are this command's exit codes; Conflict is InUse.
    if (!restored.result.ok())
        return fail(int(restored.result.status), restored.result.message);
    m_out << restored.done << Qt::endl;
    if (!restored.warning.isEmpty())
        m_err << "tabletap-hub: " << restored.warning << Qt::endl;
    return Ok;
}

} // namespace TableTap
