// Console settings for managers: when an order turns amber and red, and how notifications
// behave (new-order chime, how many toasts at once and for how long, how often an
// unacknowledged critical alert sounds again). Stored per console in QSettings.
#pragma once

#include <QDialog>

class QCheckBox;
class QSpinBox;

namespace TableTap {

class ConsoleSettings;

class SettingsDialog final : public QDialog
{
    Q_OBJECT
public:
    explicit SettingsDialog(ConsoleSettings *settings, QWidget *parent = nullptr);

    QSpinBox *warningMinutes() const { return m_warning; }
    QSpinBox *lateMinutes() const { return m_late; }

    // Writes the values into the settings (done on OK).
    void apply();

private:
    ConsoleSettings *m_settings;
    QSpinBox *m_warning;
    QSpinBox *m_late;
    QCheckBox *m_newOrder;
    QSpinBox *m_toasts;
    QSpinBox *m_toastSeconds;
    QSpinBox *m_repeat;
};

} // namespace TableTap
