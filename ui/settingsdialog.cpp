// The settings dialog.
#include "settingsdialog.h"

#include "consolesettings.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QSpinBox>
#include <QVBoxLayout>

namespace TableTap {

SettingsDialog::SettingsDialog(ConsoleSettings *settings, QWidget *parent)
    : QDialog(parent)
    , m_settings(settings)
    , m_warning(new QSpinBox(this))
    , m_late(new QSpinBox(this))
    , m_newOrder(new QCheckBox(tr("Chime when a new order arrives"), this))
    , m_toasts(new QSpinBox(this))
    , m_toastSeconds(new QSpinBox(this))
    , m_repeat(new QSpinBox(this))
{
    setObjectName(QStringLiteral("settingsDialog"));
    setWindowTitle(tr("Console settings"));
    m_warning->setRange(1, 180);
    m_late->setRange(2, 240);
    m_warning->setSuffix(tr(" min"));
    m_late->setSuffix(tr(" min"));
    m_warning->setValue(qMax(1, settings->warningSeconds() / 60));
    m_late->setValue(qMax(2, settings->lateSeconds() / 60));
    m_warning->setObjectName(QStringLiteral("warningMinutes"));
    m_late->setObjectName(QStringLiteral("lateMinutes"));
    connect(m_warning, &QSpinBox::valueChanged, this, [this](int v) {
        if (m_late->value() <= v)
            m_late->setValue(v + 1);
    });
    connect(m_late, &QSpinBox::valueChanged, this, [this](int v) {
        if (m_warning->value() >= v)
            m_warning->setValue(v - 1);
    });
    m_newOrder->setChecked(settings->newOrderSound());
    m_toasts->setRange(1, 10);
    m_toasts->setValue(settings->maxToasts());
    m_toastSeconds->setRange(2, 120);
    m_toastSeconds->setSuffix(tr(" s"));
    m_toastSeconds->setValue(settings->toastSeconds());
    m_repeat->setRange(2, 600);
    m_repeat->setSuffix(tr(" s"));
    m_repeat->setValue(settings->alertRepeatSeconds());

    auto *queue = new QGroupBox(tr("Order queue colours"), this);
    auto *queueForm = new QFormLayout(queue);
    queueForm->addRow(tr("Amber after:"), m_warning);
    queueForm->addRow(tr("Red (late) after:"), m_late);
    auto *notify = new QGroupBox(tr("Notifications"), this);
    auto *notifyForm = new QFormLayout(notify);
    notifyForm->addRow(m_newOrder);
    // One switch per kind of toast: a counter that only makes drinks can keep its row quiet.
    using K = ConsoleSettings::ToastKind;
    const QList<std::pair<K, QString>> kinds{{K::OrderReady, tr("Toasts for orders ready")},
                                             {K::StockAlert, tr("Toasts for stock alerts")},
                                             {K::Refused, tr("Toasts for refused actions")},
                                             {K::PaymentFailed, tr("Toasts for failed payments")}};
    static const char *const names[]
        = {"toastOrderReady", "toastStockAlert", "toastRefused", "toastPaymentFailed"};
    for (const auto &[kind, label] : kinds) {
        auto *box = new QCheckBox(label, notify);
        box->setObjectName(QLatin1String(names[int(kind)]));
        box->setChecked(settings->toastEnabled(kind));
        m_toastKinds.insert(kind, box);
        notifyForm->addRow(box);
    }
    notifyForm->addRow(tr("Toasts shown at once:"), m_toasts);
    notifyForm->addRow(tr("Toasts disappear after:"), m_toastSeconds);
    notifyForm->addRow(tr("Critical stock alert sounds again every:"), m_repeat);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, [this] {
        apply();
        accept();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(queue);
    layout->addWidget(notify);
    layout->addWidget(buttons);
}

void SettingsDialog::apply()
{
    m_settings->setAgeThresholds(m_warning->value() * 60, m_late->value() * 60);
    m_settings->setNewOrderSound(m_newOrder->isChecked());
    for (auto it = m_toastKinds.cbegin(); it != m_toastKinds.cend(); ++it)
        m_settings->setToastEnabled(it.key(), it.value()->isChecked());
    m_settings->setMaxToasts(m_toasts->value());
    m_settings->setToastSeconds(m_toastSeconds->value());
    m_settings->setAlertRepeatSeconds(m_repeat->value());
}

} // namespace TableTap
