// The error a command answers with.
#include "commanderror.h"

#include "contract.h"

namespace TableTap {

namespace {

Contract::ErrorType wireType(CommandError::Type type)
{
    switch (type) {
    case CommandError::Type::PermissionDenied:
        return Contract::ErrorType::PermissionDenied;
    case CommandError::Type::InvalidData:
        return Contract::ErrorType::InvalidData;
    case CommandError::Type::NotFound:
        return Contract::ErrorType::NotFound;
    case CommandError::Type::Conflict:
        return Contract::ErrorType::Conflict;
    case CommandError::Type::RateLimited:
        return Contract::ErrorType::RateLimited;
    }
    return Contract::ErrorType::InvalidData;
}

} // namespace

QString CommandError::typeName(Type type)
{
    return Contract::name(wireType(type));
}

QJsonObject CommandError::toJson() const
{
    QJsonObject error{{Contract::Keys::Type, typeName(m_type)},
                      {Contract::Keys::Message, m_message}};
    if (!m_field.isEmpty())
        error.insert(Contract::Keys::Field, m_field);
    return error;
}

} // namespace TableTap
