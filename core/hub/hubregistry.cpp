// The hub's registry of cafes.
#include "hubregistry.h"

#include "hubschema.h"
#include "schemamigrator.h"
#include "storageerror.h"

#include <QDir>
#include <QRegularExpression>
#include <QSqlQuery>

namespace TableTap {

HubRegistry::HubRegistry(QString dataDir)
    : m_dataDir(std::move(dataDir))
{}

QString HubRegistry::registryPath() const
{
    return QDir(m_dataDir).filePath(QStringLiteral("hub.db"));
}

QString HubRegistry::cafeDatabasePath(const QString &cafeId) const
{
    return QDir(m_dataDir).filePath(QStringLiteral("cafes/") + cafeId + QStringLiteral(".db"));
}

bool HubRegistry::open(QString *error)
{
    if (!QDir().mkpath(QDir(m_dataDir).filePath(QStringLiteral("cafes")))) {
        if (error)
            *error = QStringLiteral("cannot create the data folder %1").arg(m_dataDir);
        return false;
    }
    if (!m_db.open(registryPath(), error))
        return false;
    if (!SchemaMigrator::migrate(m_db, HubSchema::registrySteps(), error)) {
        m_db.close();
        return false;
    }
    return true;
}

void HubRegistry::close()
{
    m_db.close();
}

QList<HubRegistry::Cafe> HubRegistry::cafes()
{
    QList<Cafe> all;
    QSqlQuery q = m_db.exec(QStringLiteral("SELECT id, name, created_at FROM cafes ORDER BY id"));
    while (q.next())
        all.append(Cafe{q.value(0).toString(), q.value(1).toString(), q.value(2).toLongLong()});
    return all;
}

std::optional<HubRegistry::Cafe> HubRegistry::cafe(const QString &id)
{
    QSqlQuery q
        = m_db.exec(QStringLiteral("SELECT id, name, created_at FROM cafes WHERE id = ?"), {id});
    if (!q.next())
        return std::nullopt;
    return Cafe{q.value(0).toString(), q.value(1).toString(), q.value(2).toLongLong()};
}

void HubRegistry::addCafe(const Cafe &cafe)
{
    m_db.exec(QStringLiteral("INSERT INTO cafes(id, name, created_at) VALUES (?, ?, ?)"),
              {cafe.id, cafe.name, cafe.createdAt});
}

bool HubRegistry::claimUser(const QString &userId, const QString &cafeId)
{
    const QString owner = cafeOfUser(userId);
    if (!owner.isEmpty())
        return owner == cafeId;
    m_db.exec(QStringLiteral("INSERT INTO user_owners(user_id, cafe_id) VALUES (?, ?)"),
              {userId, cafeId});
    return true;
}

QString HubRegistry::cafeOfUser(const QString &userId)
{
    return m_db
        .scalar(QStringLiteral("SELECT cafe_id FROM user_owners WHERE user_id = ?"), {userId})
        .toString();
}

bool HubRegistry::isValidCafeId(const QString &id)
{
    static const QRegularExpression re(QStringLiteral("^[A-Za-z0-9_-]{1,64}$"));
    return re.match(id).hasMatch();
}

} // namespace TableTap
