// The counter display's key map: which key (of a keyboard or a bump bar, which sends plain key
// presses) selects a tile, bumps, recalls and pages. Bump bars differ, so every key can be
// changed; the map is a value, kept by DisplaySettings.
#pragma once

#include <QCoreApplication>
#include <QHash>
#include <QKeySequence>
#include <QList>

#include <optional>

class QKeyEvent;

namespace TableTap {

class DisplayKeyMap
{
    Q_DECLARE_TR_FUNCTIONS(TableTap::DisplayKeyMap)
public:
    enum class Action {
        Tile1,
        Tile2,
        Tile3,
        Tile4,
        Tile5,
        Tile6,
        Tile7,
        Tile8,
        Tile9,
        Bump,      // one step on: pending → preparing → ready → completed
        BumpReady, // the whole order to ready (the next steps at once, each recallable)
        Recall,    // again and again: the bumps before, newest first
        TickItem,  // the selected ticket's next item made
        SelectPrevious,
        SelectNext,
        PagePrevious,
        PageNext,
    };

    static QList<Action> actions();
    // What the action does, for the key map dialog and docs (translated).
    static QString label(Action action);
    // Stable name in the settings ("bump", "tile3").
    static QString name(Action action);
    // Tile1..Tile9 as 0..8; -1 for the other actions.
    static int tileIndex(Action action);

    static DisplayKeyMap defaults();

    QKeySequence key(Action action) const { return m_keys.value(action); }
    void setKey(Action action, const QKeySequence &key);
    // The action a key press stands for (keypad digits and Enter count as the main ones).
    std::optional<Action> actionFor(const QKeyEvent *event) const;
    // Actions that share a key with another one (a map with any is refused when saved).
    QList<Action> conflicts() const;

    bool operator==(const DisplayKeyMap &other) const { return m_keys == other.m_keys; }
    bool operator!=(const DisplayKeyMap &other) const { return !(*this == other); }

private:
    QHash<Action, QKeySequence> m_keys;
};

} // namespace TableTap
