// Console settings for managers: when an order turns amber and red, and how notifications
// behave (new-order chime, which kinds of toast show, how many at once and for how long, how
// often an unacknowledged critical alert sounds again). Stored per console in QSettings.
#pragma once

#include "consolesettings.h"

#include <QDialog>
#include <QMap>

class QCheckBox;
class QSpinBox;

namespace TableTap {

class SettingsDialog final : public QDialog
{
    Q_OBJECT
public:
    explicit SettingsDialog(ConsoleSettings *settings, QWidget *parent = nullptr);

    QSpinBox *warningMinutes() const { return m_warning; }
    QSpinBox *lateMinutes() const { return m_late; }
    QCheckBox *toastSwitch(ConsoleSettings::ToastKind kind) const
    {
        return m_toastKinds.value(kind);
    }

    // Writes the values into the settings (done on OK).
    void apply();

private:
    ConsoleSettings *m_settings;
    QSpinBox *m_warning;
    QSpinBox *m_late;
    QCheckBox *m_newOrder;
    QMap<ConsoleSettings::ToastKind, QCheckBox *> m_toastKinds;
    QSpinBox *m_toasts;
    QSpinBox *m_toastSeconds;
    QSpinBox *m_repeat;
};

} // namespace TableTap
