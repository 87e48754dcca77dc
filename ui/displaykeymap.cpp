// The counter display's key map.
#include "displaykeymap.h"

#include <QKeyEvent>

namespace TableTap {

namespace {
// Return and the keypad's Enter are one key to a barista; so are the keypad's digits.
int normalisedKey(int key)
{
    return key == Qt::Key_Enter ? int(Qt::Key_Return) : key;
}
} // namespace

QList<DisplayKeyMap::Action> DisplayKeyMap::actions()
{
    return {Action::Tile1,    Action::Tile2,          Action::Tile3,      Action::Tile4,
            Action::Tile5,    Action::Tile6,          Action::Tile7,      Action::Tile8,
            Action::Tile9,    Action::Bump,           Action::BumpReady,  Action::Recall,
            Action::TickItem, Action::SelectPrevious, Action::SelectNext, Action::PagePrevious,
            Action::PageNext};
}

int DisplayKeyMap::tileIndex(Action action)
{
    const int i = int(action) - int(Action::Tile1);
    return i >= 0 && i < 9 ? i : -1;
}

QString DisplayKeyMap::label(Action action)
{
    const int tile = tileIndex(action);
    if (tile >= 0)
        return tr("Select ticket %1").arg(tile + 1);
    switch (action) {
    case Action::Bump:
        return tr("Bump (next step)");
    case Action::BumpReady:
        return tr("Bump to ready");
    case Action::Recall:
        return tr("Recall (press again for earlier bumps)");
    case Action::TickItem:
        return tr("Tick the next item as made");
    case Action::SelectPrevious:
        return tr("Previous ticket");
    case Action::SelectNext:
        return tr("Next ticket");
    case Action::PagePrevious:
        return tr("Previous page");
    case Action::PageNext:
        return tr("Next page");
    default:
        break;
    }
    return {};
}

QString DisplayKeyMap::name(Action action)
{
    const int tile = tileIndex(action);
    if (tile >= 0)
        return QStringLiteral("tile%1").arg(tile + 1);
    switch (action) {
    case Action::Bump:
        return QStringLiteral("bump");
    case Action::BumpReady:
        return QStringLiteral("bumpReady");
    case Action::Recall:
        return QStringLiteral("recall");
    case Action::TickItem:
        return QStringLiteral("tickItem");
    case Action::SelectPrevious:
        return QStringLiteral("selectPrevious");
    case Action::SelectNext:
        return QStringLiteral("selectNext");
    case Action::PagePrevious:
        return QStringLiteral("pagePrevious");
    case Action::PageNext:
        return QStringLiteral("pageNext");
    default:
        break;
    }
    return {};
}

DisplayKeyMap DisplayKeyMap::defaults()
{
    DisplayKeyMap map;
    for (int i = 0; i < 9; ++i)
        map.setKey(Action(int(Action::Tile1) + i), QKeySequence(Qt::Key(Qt::Key_1 + i)));
    map.setKey(Action::Bump, QKeySequence(Qt::Key_Space));
    map.setKey(Action::BumpReady, QKeySequence(Qt::Key_Return));
    map.setKey(Action::Recall, QKeySequence(Qt::Key_Backspace));
    map.setKey(Action::TickItem, QKeySequence(Qt::Key_T));
    map.setKey(Action::SelectPrevious, QKeySequence(Qt::Key_Left));
    map.setKey(Action::SelectNext, QKeySequence(Qt::Key_Right));
    map.setKey(Action::PagePrevious, QKeySequence(Qt::Key_PageUp));
    map.setKey(Action::PageNext, QKeySequence(Qt::Key_PageDown));
    return map;
}

void DisplayKeyMap::setKey(Action action, const QKeySequence &key)
{
    // One key (with its modifiers) per action: a bump bar sends single presses, never chords.
    if (key.isEmpty())
        m_keys.remove(action);
    else
        m_keys.insert(action, QKeySequence(key[0]));
}

std::optional<DisplayKeyMap::Action> DisplayKeyMap::actionFor(const QKeyEvent *event) const
{
    const int key = normalisedKey(event->key());
    const Qt::KeyboardModifiers mods = event->modifiers() & ~Qt::KeypadModifier;
    for (Action a : actions()) {
        const QKeySequence k = m_keys.value(a);
        if (k.isEmpty())
            continue;
        const QKeyCombination c = k[0];
        if (normalisedKey(int(c.key())) == key && c.keyboardModifiers() == mods)
            return a;
    }
    return std::nullopt;
}

QList<DisplayKeyMap::Action> DisplayKeyMap::conflicts() const
{
    QList<Action> clashing;
    const QList<Action> all = actions();
    for (Action a : all)
        for (Action b : all)
            if (a != b && !m_keys.value(a).isEmpty()
                && normalisedKey(m_keys.value(a)[0].toCombined())
                       == normalisedKey(m_keys.value(b)[0].toCombined())) {
                clashing.append(a);
                break;
            }
    return clashing;
}

} // namespace TableTap
