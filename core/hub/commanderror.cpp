// The error a command answers with.
#include "commanderror.h"

namespace TableTap {

QString CommandError::typeName(Type type)
{
    switch (type) {
    case Type::PermissionDenied:
        return QStringLiteral("PERMISSION_DENIED");
    case Type::InvalidData:
        return QStringLiteral("INVALID_DATA");
    case Type::NotFound:
        return QStringLiteral("NOT_FOUND");
    case Type::Conflict:
        return QStringLiteral("CONFLICT");
    case Type::RateLimited:
        return QStringLiteral("RATE_LIMITED");
    }
    return QStringLiteral("INVALID_DATA");
}

QJsonObject CommandError::toJson() const
{
    QJsonObject error{{QStringLiteral("type"), typeName(m_type)},
                      {QStringLiteral("message"), m_message}};
    if (!m_field.isEmpty())
        error.insert(QStringLiteral("field"), m_field);
    return error;
}

} // namespace TableTap
