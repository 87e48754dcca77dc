// The error a command answers with (the ack's error object). Thrown inside the domain so a
// failure deep in a rule unwinds to the command boundary, where its savepoint is rolled back.
#pragma once

#include <QJsonObject>
#include <QString>

#include <exception>

namespace TableTap {

class CommandError final : public std::exception
{
public:
    enum class Type { PermissionDenied, InvalidData, NotFound, Conflict, RateLimited };

    CommandError(Type type, QString message, QString field = {})
        : m_type(type)
        , m_message(std::move(message))
        , m_field(std::move(field))
    {}

    static CommandError invalid(const QString &field, const QString &message)
    {
        return CommandError(Type::InvalidData, message, field);
    }
    static CommandError notFound(const QString &message, const QString &field = {})
    {
        return CommandError(Type::NotFound, message, field);
    }
    static CommandError conflict(const QString &message, const QString &field = {})
    {
        return CommandError(Type::Conflict, message, field);
    }
    static CommandError denied(const QString &message)
    {
        return CommandError(Type::PermissionDenied, message);
    }

    Type type() const { return m_type; }
    QString message() const { return m_message; }
    QString field() const { return m_field; }
    const char *what() const noexcept override { return "CommandError"; }

    static QString typeName(Type type);
    // {"type":..., "message":..., "field"?: ...}
    QJsonObject toJson() const;

private:
    Type m_type;
    QString m_message;
    QString m_field;
};

} // namespace TableTap
