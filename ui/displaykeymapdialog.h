// Changes the counter display's key map: one row per action with the key that triggers it
// (press the bump bar's key to set it), defaults back with one button. A map where two
// actions share a key cannot be saved.
#pragma once

#include "displaykeymap.h"

#include <QDialog>
#include <QHash>

class QDialogButtonBox;
class QKeySequenceEdit;
class QLabel;

namespace TableTap {

class DisplayKeyMapDialog final : public QDialog
{
    Q_OBJECT
public:
    explicit DisplayKeyMapDialog(const DisplayKeyMap &map, QWidget *parent = nullptr);
    ~DisplayKeyMapDialog() override;

    DisplayKeyMap keyMap() const;
    QKeySequenceEdit *editor(DisplayKeyMap::Action action) const { return m_edits.value(action); }

private:
    void check();
    void resetToDefaults();

    QHash<DisplayKeyMap::Action, QKeySequenceEdit *> m_edits;
    QLabel *m_problem;
    QDialogButtonBox *m_buttons;
};

} // namespace TableTap
