// The keyboard reference.
#include "shortcutsdialog.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QKeySequence>
#include <QTableWidget>
#include <QVBoxLayout>

namespace TableTap {

ShortcutsDialog::ShortcutsDialog(QWidget *parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("shortcutsDialog"));
    setWindowTitle(tr("Keyboard shortcuts"));
    const QList<std::pair<QString, QString>> rows{
        {QStringLiteral("Ctrl+1 … Ctrl+8"), tr("Switch view (queue, counters, inventory, "
                                               "timesheets, payments, dashboard, event log, hub)")},
        {QStringLiteral("↑ ↓ PgUp PgDn Home End"), tr("Move through the queue")},
        {tr("Space / Enter"),
         tr("Advance the selected order (pending → preparing → ready → completed)")},
        {QKeySequence(QKeySequence::Undo).toString(QKeySequence::NativeText),
         tr("Recall the last status change (for a minute)")},
        {QKeySequence(Qt::Key_Delete).toString(QKeySequence::NativeText),
         tr("Cancel the selected order (managers)")},
        {QKeySequence(Qt::CTRL | Qt::Key_M).toString(QKeySequence::NativeText),
         tr("Move the selected order to another counter (managers)")},
        {QKeySequence(QKeySequence::Find).toString(QKeySequence::NativeText),
         tr("Search the queue; Esc clears and returns to the queue")},
        {tr("Alt+O"), tr("Choose the counter to follow")},
        {tr("Alt+N"), tr("Run the report (Reports, managers)")},
        {QKeySequence(Qt::CTRL | Qt::Key_K).toString(QKeySequence::NativeText),
         tr("Acknowledge the selected stock alert")},
        {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_K).toString(QKeySequence::NativeText),
         tr("Acknowledge all stock alerts")},
        {QKeySequence(Qt::CTRL | Qt::Key_I).toString(QKeySequence::NativeText), tr("Clock in")},
        {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_I).toString(QKeySequence::NativeText),
         tr("Clock out")},
        {QKeySequence(Qt::CTRL | Qt::Key_D).toString(QKeySequence::NativeText),
         tr("Record a staff drink")},
        {QKeySequence(Qt::CTRL | Qt::Key_O).toString(QKeySequence::NativeText),
         tr("Show or hide the outbox")},
        {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_B).toString(QKeySequence::NativeText),
         tr("Open the customer ready board")},
        {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_X).toString(QKeySequence::NativeText),
         tr("Dismiss notifications")},
        {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_M).toString(QKeySequence::NativeText),
         tr("Mute or unmute sounds")},
        {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_D).toString(QKeySequence::NativeText),
         tr("Open the counter display (its own keys: the Keys… button there)")},
        {QKeySequence(Qt::Key_F11).toString(QKeySequence::NativeText), tr("Full screen")},
        {QKeySequence(Qt::Key_F1).toString(QKeySequence::NativeText), tr("This list")},
    };
    auto *table = new QTableWidget(int(rows.size()), 2, this);
    table->setHorizontalHeaderLabels({tr("Key"), tr("Action")});
    table->setAccessibleName(windowTitle()); // the list is the dialog
    table->verticalHeader()->hide();
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->horizontalHeader()->setStretchLastSection(true);
    for (int r = 0; r < rows.size(); ++r) {
        table->setItem(r, 0, new QTableWidgetItem(rows.at(r).first));
        table->setItem(r, 1, new QTableWidgetItem(rows.at(r).second));
    }
    table->resizeColumnToContents(0);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(table);
    layout->addWidget(buttons);
    resize(640, 520);
}

} // namespace TableTap
