// A failure of the database itself (I/O, full disk, corrupt file), as opposed to a refused
// command. Unwinds the whole transaction; nothing of it is acknowledged.
#pragma once

#include <QString>

#include <stdexcept>

namespace TableTap {

class StorageError final : public std::runtime_error
{
public:
    explicit StorageError(const QString &message)
        : std::runtime_error(message.toStdString())
        , m_message(message)
    {}
    QString message() const { return m_message; }

private:
    QString m_message;
};

} // namespace TableTap
