// Decoded<T>: the result of decoding bytes from the network, a value or an error message.
// Decoders never throw; they return one of these.
#pragma once

#include <QString>

#include <optional>
#include <utility>

namespace TableTap {

template<typename T>
class Decoded
{
public:
    Decoded(T value)
        : m_value(std::move(value))
    {} // NOLINT(google-explicit-constructor)
    static Decoded failure(QString message)
    {
        Decoded d;
        d.m_error = std::move(message);
        return d;
    }

    bool ok() const { return m_value.has_value(); }
    explicit operator bool() const { return ok(); }
    const T &value() const & { return *m_value; }
    T &value() & { return *m_value; }
    T &&value() && { return std::move(*m_value); }
    const T *operator->() const { return &*m_value; }
    T *operator->() { return &*m_value; }
    const T &operator*() const & { return *m_value; }
    T &operator*() & { return *m_value; }
    const QString &error() const { return m_error; }

private:
    Decoded() = default;
    std::optional<T> m_value;
    QString m_error;
};

} // namespace TableTap
