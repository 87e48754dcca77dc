// Actions taken at this console (status changes, cancels, restocks...) and where each stands:
// pending (offline or waiting for the hub), done, refused with the hub's reason, or unknown (no
// answer and no event settled it: the server may or may not have applied it).
#pragma once

#include "keyedrowmodel.h"

#include <QDateTime>
#include <QJsonObject>

namespace TableTap {

struct OutboxEntry
{
    // Unknown: sent, but neither an answer nor the matching event nor an error came in time, or
    // the link dropped after it went out; never sent again by itself (a server without request
    // ids might apply it twice). A late event or error still settles it.
    enum class State { Pending, Sent, Done, Refused, Unknown };
    QString requestId;
    QDateTime createdAt;
    QString description;
    QString nsp;
    QString command;
    QJsonObject payload;
    State state = State::Pending;
    QString message;   // the hub's error message when refused; why it is unknown
    QString errorType; // PERMISSION_DENIED, CONFLICT, ...
    int attempts = 0;
};

class OutboxModel final : public KeyedRowModel<OutboxEntry>
{
    Q_OBJECT
public:
    enum Column { TimeColumn, ActionColumn, StateColumn, MessageColumn, ColumnCount };
    enum Role { RequestIdRole = Qt::UserRole + 1, StateRole };

    explicit OutboxModel(QObject *parent = nullptr);

    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    void add(const OutboxEntry &entry);
    void setState(const QString &requestId, OutboxEntry::State state, const QString &message = {},
                  const QString &errorType = {});
    void countAttempt(const QString &requestId);
    const OutboxEntry *entry(const QString &requestId) const { return find(requestId); }
    QList<OutboxEntry> unfinished() const;
    int pendingCount() const;
    // Sent, or unknown: the server may still settle it with an event or an error.
    QList<OutboxEntry> unsettled() const;
    static QString stateName(OutboxEntry::State state);

private:
    QList<OutboxEntry> inStates(std::initializer_list<OutboxEntry::State> states) const;
};

} // namespace TableTap
