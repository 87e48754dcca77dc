// The console's waiting actions on disk, so that closing or crashing loses none: one small JSON
// file per hub, cafe and person (a person's actions never go to another cafe or person), written
// atomically (QSaveFile) after every change. Actions still waiting (pending, sent without an
// answer, unknown) are kept, except those carrying a PIN; done and refused ones are not. A restored
// action keeps its request id, so the hub, which applies a request id once, applies it exactly once
// however often it goes out again.
#pragma once

#include "outboxmodel.h"

#include <QString>
#include <QUrl>

namespace TableTap {

class OutboxStore final
{
public:
    struct Key
    {
        QUrl hub;
        QString cafeId;
        QString userId;
        bool isValid() const { return hub.isValid() && !cafeId.isEmpty() && !userId.isEmpty(); }
        bool operator==(const Key &o) const
        {
            return hubText() == o.hubText() && cafeId == o.cafeId && userId == o.userId;
        }
        bool operator!=(const Key &o) const { return !(*this == o); }
        QString hubText() const;
    };

    // A file holds at most this many actions (the outbox refuses more, Outbox::MaxWaiting) and is
    // not read past this size: a damaged or foreign file cannot fill the console's memory.
    static constexpr int MaxEntries = 500;
    static constexpr qint64 MaxFileBytes = 4 * 1024 * 1024;

    // Files go into directory/outbox; an empty directory: nothing is stored.
    explicit OutboxStore(const QString &directory = {});
    bool isEnabled() const { return !m_directory.isEmpty(); }
    QString directory() const { return m_directory; }

    // The waiting actions stored for key (Sent ones come back Pending when resendUnanswered was
    // set when they were stored, else Unknown: a server that may apply a request twice).
    QList<OutboxEntry> load(const Key &key, QString *error = nullptr) const;
    // Stores the waiting actions among entries (an empty list removes the file).
    bool save(const Key &key, const QList<OutboxEntry> &entries, bool resendUnanswered,
              QString *error = nullptr) const;
    QString filePath(const Key &key) const;
    // Whether an entry in this state is kept on disk.
    static bool isWaiting(OutboxEntry::State state);
    // An action with a PIN in it (set_staff_pin, add_staff) is never written: it waits in
    // memory only, and is lost (to be done again by hand) if the console closes first.
    static bool carriesPin(const OutboxEntry &entry);

private:
    QString m_directory;
};

} // namespace TableTap
