// The counter display's key map dialog.
#include "displaykeymapdialog.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QKeySequenceEdit>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace TableTap {

DisplayKeyMapDialog::DisplayKeyMapDialog(const DisplayKeyMap &map, QWidget *parent)
    : QDialog(parent)
    , m_problem(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel
                                         | QDialogButtonBox::RestoreDefaults,
                                     this))
{
    setObjectName(QStringLiteral("displayKeyMapDialog"));
    setWindowTitle(tr("Counter display keys"));
    auto *intro = new QLabel(tr("Click a field and press the key (or bump bar button) for the "
                                "action."),
                             this);
    intro->setWordWrap(true);
    auto *form = new QFormLayout;
    for (DisplayKeyMap::Action a : DisplayKeyMap::actions()) {
        auto *edit = new QKeySequenceEdit(map.key(a), this);
        edit->setObjectName(QStringLiteral("key_") + DisplayKeyMap::name(a));
        edit->setAccessibleName(DisplayKeyMap::label(a));
        // One key per action: the edit stops listening after the first press.
        connect(edit, &QKeySequenceEdit::editingFinished, this, [this, edit] {
            if (edit->keySequence().count() > 1)
                edit->setKeySequence(QKeySequence(edit->keySequence()[0]));
            check();
        });
        connect(edit, &QKeySequenceEdit::keySequenceChanged, this, &DisplayKeyMapDialog::check);
        form->addRow(DisplayKeyMap::label(a), edit);
        m_edits.insert(a, edit);
    }
    m_problem->setObjectName(QStringLiteral("keyMapProblem"));
    m_problem->setWordWrap(true);
    m_problem->setStyleSheet(QStringLiteral("color: #b71c1c; font-weight: bold"));
    m_buttons->button(QDialogButtonBox::Ok)->setAccessibleName(tr("Save the keys"));
    m_buttons->button(QDialogButtonBox::Cancel)
        ->setAccessibleName(tr("Keep the keys as they were"));
    m_buttons->button(QDialogButtonBox::RestoreDefaults)
        ->setAccessibleName(tr("Restore the default keys"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_buttons->button(QDialogButtonBox::RestoreDefaults), &QPushButton::clicked, this,
            &DisplayKeyMapDialog::resetToDefaults);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(m_problem);
    layout->addWidget(m_buttons);
    check();
}

DisplayKeyMapDialog::~DisplayKeyMapDialog()
{
    // QDialog's destructor hides the dialog, and an edit losing focus then reports a change:
    // by then this object's members are gone.
    for (QKeySequenceEdit *edit : std::as_const(m_edits))
        disconnect(edit, nullptr, this, nullptr);
}

DisplayKeyMap DisplayKeyMapDialog::keyMap() const
{
    DisplayKeyMap map;
    for (auto it = m_edits.cbegin(); it != m_edits.cend(); ++it)
        map.setKey(it.key(), it.value()->keySequence());
    return map;
}

void DisplayKeyMapDialog::resetToDefaults()
{
    const DisplayKeyMap defaults = DisplayKeyMap::defaults();
    for (auto it = m_edits.cbegin(); it != m_edits.cend(); ++it)
        it.value()->setKeySequence(defaults.key(it.key()));
    check();
}

void DisplayKeyMapDialog::check()
{
    const QList<DisplayKeyMap::Action> clashing = keyMap().conflicts();
    QStringList names;
    for (DisplayKeyMap::Action a : clashing)
        names.append(DisplayKeyMap::label(a));
    m_problem->setText(
        clashing.isEmpty()
            ? QString()
            : tr("One key for two actions: %1").arg(names.join(QStringLiteral(", "))));
    m_problem->setVisible(!clashing.isEmpty());
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(clashing.isEmpty());
}

} // namespace TableTap
