// The outbox on disk.
#include "outboxstore.h"

#include "contract.h"
#include "modelslogging.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

#include <algorithm>

namespace TableTap {

namespace {

using L1 = QLatin1String;
constexpr int FormatVersion = 1;
constexpr qsizetype MaxRequestIdLength = 128; // the hub's bound (docs/commands.md)

QString stateText(OutboxEntry::State state)
{
    switch (state) {
    case OutboxEntry::State::Pending:
        return QStringLiteral("pending");
    case OutboxEntry::State::Sent:
        return QStringLiteral("sent");
    case OutboxEntry::State::Unknown:
        return QStringLiteral("unknown");
    case OutboxEntry::State::Done:
    case OutboxEntry::State::Refused:
        break;
    }
    return {};
}

} // namespace

QString OutboxStore::Key::hubText() const
{
    // http://hub:4000, http://hub:4000/ and a login in the URL name one hub.
    QUrl url = hub.adjusted(QUrl::RemoveUserInfo | QUrl::StripTrailingSlash | QUrl::RemoveQuery
                            | QUrl::RemoveFragment | QUrl::NormalizePathSegments);
    if (url.path() == QLatin1String("/"))
        url.setPath(QString());
    return url.toString();
}

OutboxStore::OutboxStore(const QString &directory)
    : m_directory(directory.isEmpty() ? QString() : directory + QStringLiteral("/outbox"))
{}

bool OutboxStore::carriesPin(const OutboxEntry &entry)
{
    return entry.payload.contains(QLatin1String("pin"));
}

bool OutboxStore::isWaiting(OutboxEntry::State state)
{
    return state == OutboxEntry::State::Pending || state == OutboxEntry::State::Sent
           || state == OutboxEntry::State::Unknown;
}

QString OutboxStore::filePath(const Key &key) const
{
    // Hub, cafe and person in the name (hashed: a URL is no file name); they are also written
    // inside and checked on load.
    const QByteArray id = (key.hubText() + u'\n' + key.cafeId + u'\n' + key.userId).toUtf8();
    return m_directory + u'/'
           + QString::fromLatin1(
               QCryptographicHash::hash(id, QCryptographicHash::Sha256).toHex().left(32))
           + QStringLiteral(".json");
}

QList<OutboxEntry> OutboxStore::load(const Key &key, QString *error) const
{
    QList<OutboxEntry> out;
    if (!isEnabled() || !key.isValid())
        return out;
    QFile file(filePath(key));
    if (!file.exists())
        return out;
    const auto fail = [&](const QString &why) {
        qCWarning(lcModels) << "outbox file" << file.fileName() << "not read:" << why;
        if (error)
            *error = why;
        return QList<OutboxEntry>();
    };
    if (file.size() > MaxFileBytes)
        return fail(QStringLiteral("larger than %1 bytes").arg(MaxFileBytes));
    if (!file.open(QIODevice::ReadOnly))
        return fail(file.errorString());
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(file.read(MaxFileBytes), &parseError);
    if (!doc.isObject())
        return fail(parseError.errorString());
    const QJsonObject root = doc.object();
    if (root.value(L1("version")).toInt() != FormatVersion)
        return fail(QStringLiteral("unknown format version"));
    if (root.value(L1("hub")).toString() != key.hubText()
        || root.value(L1("cafe_id")).toString() != key.cafeId
        || root.value(L1("user_id")).toString() != key.userId)
        return fail(QStringLiteral("written for another hub, cafe or person"));
    const bool resend = root.value(L1("resend_unanswered")).toBool(true);
    for (const QJsonValue &v : root.value(L1("entries")).toArray()) {
        if (out.size() >= MaxEntries)
            break;
        const QJsonObject o = v.toObject();
        OutboxEntry e;
        e.requestId = o.value(L1("request_id")).toString();
        e.nsp = o.value(L1("nsp")).toString();
        e.command = o.value(L1("command")).toString();
        e.payload = o.value(L1("payload")).toObject();
        e.createdAt
            = QDateTime::fromString(o.value(L1("created_at")).toString(), Qt::ISODateWithMs);
        e.description = o.value(L1("description")).toString();
        e.message = o.value(L1("message")).toString();
        e.attempts = std::clamp(o.value(L1("attempts")).toInt(), 0, 1000);
        const QString state = o.value(L1("state")).toString();
        if (e.requestId.isEmpty() || e.requestId.size() > MaxRequestIdLength
            || !Contract::namespaceFromPath(e.nsp) || e.command.isEmpty() || !e.createdAt.isValid()
            || !(state == L1("pending") || state == L1("sent") || state == L1("unknown"))) {
            qCWarning(lcModels) << "outbox file" << file.fileName() << "entry skipped";
            continue;
        }
        // The request id is the action's identity: the payload carries the same one.
        e.payload.insert(Contract::Keys::RequestId, e.requestId);
        if (state == L1("unknown")) {
            e.state = OutboxEntry::State::Unknown;
        } else if (state == L1("sent") && !resend) {
            // It went out to a server that may apply a request twice: not sent again by itself.
            e.state = OutboxEntry::State::Unknown;
            e.message = QCoreApplication::translate(
                "TableTap::OutboxStore",
                "sent before the console closed, no answer: the server may have applied it");
        } else {
            // Never answered or never sent: out again with the same request id.
            e.state = OutboxEntry::State::Pending;
        }
        out.append(e);
    }
    return out;
}

bool OutboxStore::save(const Key &key, const QList<OutboxEntry> &entries, bool resendUnanswered,
                       QString *error) const
{
    if (!isEnabled() || !key.isValid())
        return false;
    const QString path = filePath(key);
    QJsonArray list;
    for (const OutboxEntry &e : entries) {
        if (!isWaiting(e.state) || carriesPin(e))
            continue;
        if (list.size() >= MaxEntries)
            break;
        list.append(QJsonObject{
            {QStringLiteral("request_id"), e.requestId},
            {QStringLiteral("created_at"), e.createdAt.toUTC().toString(Qt::ISODateWithMs)},
            {QStringLiteral("description"), e.description},
            {QStringLiteral("nsp"), e.nsp},
            {QStringLiteral("command"), e.command},
            {QStringLiteral("payload"), e.payload},
            {QStringLiteral("state"), stateText(e.state)},
            {QStringLiteral("message"), e.message},
            {QStringLiteral("attempts"), e.attempts},
        });
    }
    if (list.isEmpty()) {
        if (QFile::exists(path) && !QFile::remove(path)) {
            if (error)
                *error = QStringLiteral("cannot remove %1").arg(path);
            return false;
        }
        return true;
    }
    // The actions may name customers and notes: a folder only this user reads.
    if (!QDir().mkpath(m_directory)) {
        if (error)
            *error = QStringLiteral("cannot create %1").arg(m_directory);
        return false;
    }
    QFile::setPermissions(m_directory,
                          QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    const QJsonObject root{
        {QStringLiteral("version"), FormatVersion},
        {QStringLiteral("hub"), key.hubText()},
        {QStringLiteral("cafe_id"), key.cafeId},
        {QStringLiteral("user_id"), key.userId},
        {QStringLiteral("resend_unanswered"), resendUnanswered},
        {QStringLiteral("entries"), list},
    };
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)
        || file.write(QJsonDocument(root).toJson(QJsonDocument::Compact)) < 0 || !file.commit()) {
        qCWarning(lcModels) << "outbox file" << path << "not written:" << file.errorString();
        if (error)
            *error = file.errorString();
        return false;
    }
    return true;
}

} // namespace TableTap
