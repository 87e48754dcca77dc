// Every event the console received, newest last, capped so a long day stays bounded.
#pragma once

#include "batchedtablemodel.h"
#include "cafeevent.h"

#include <QList>

namespace TableTap {

struct EventLogEntry
{
    QDateTime receivedAt;
    QString nsp;
    QString event;
    QString summary;
    QString eventId;
};

class EventLogModel final : public BatchedTableModel
{
    Q_OBJECT
public:
    enum Column { TimeColumn, NamespaceColumn, EventColumn, SummaryColumn, ColumnCount };
    enum Role { NamespaceRole = Qt::UserRole + 1, EventRole, EventIdRole };

    explicit EventLogModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    void setCapacity(int rows) { m_capacity = qMax(10, rows); }
    int capacity() const { return m_capacity; }
    void append(const CafeEvent &event, const QDateTime &receivedAt);
    // Lines that are not events (connection changes, refused actions) go in the log too.
    void appendNote(const QString &nsp, const QString &what, const QString &summary,
                    const QDateTime &at);
    qint64 totalReceived() const { return m_total; }

protected:
    void applyPending() override;

private:
    QList<EventLogEntry> m_rows;
    QList<EventLogEntry> m_pending;
    int m_capacity = 10000;
    qint64 m_total = 0;
};

} // namespace TableTap
