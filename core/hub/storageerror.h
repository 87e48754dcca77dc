// A failure of the database itself (I/O, full disk, corrupt file), as opposed to a refused
// command. Unwinds the whole transaction; nothing of it is acknowledged. Retryable: the store
// refused the transaction because a concurrent one won (PostgreSQL's serialization failures);
// running the same work again may succeed. SQLite takes its write lock up front, so it only
// raises Fatal.
#pragma once

#include <QString>

#include <stdexcept>

namespace TableTap {

class StorageError final : public std::runtime_error
{
public:
    enum class Kind { Fatal, Retryable };

    explicit StorageError(const QString &message, Kind kind = Kind::Fatal)
        : std::runtime_error(message.toStdString())
        , m_message(message)
        , m_kind(kind)
    {}
    QString message() const { return m_message; }
    Kind kind() const { return m_kind; }

private:
    QString m_message;
    Kind m_kind;
};

} // namespace TableTap
