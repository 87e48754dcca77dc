// The timesheet correction dialog.
#include "timesheetcorrectiondialog.h"

#include "plaintext.h"

#include <QCheckBox>
#include <QDateTimeEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace TableTap {

static constexpr int kReasonMax = 200; // the hub's bound

// Minutes are what a correction is about: seconds are dropped on both sides of the comparison.
static QDateTime toMinute(const QDateTime &t)
{
    const QDateTime local = t.toLocalTime();
    return QDateTime(local.date(), QTime(local.time().hour(), local.time().minute()));
}

TimesheetCorrectionDialog::TimesheetCorrectionDialog(const TimesheetRow &sheet,
                                                     std::function<QDateTime()> now,
                                                     QWidget *parent)
    : QDialog(parent)
    , m_sheet(sheet)
    , m_now(std::move(now))
    , m_in(new QDateTimeEdit(this))
    , m_close(new QCheckBox(tr("Close the forgotten shift"), this))
    , m_out(new QDateTimeEdit(this))
    , m_break(new QSpinBox(this))
    , m_reason(new QLineEdit(this))
    , m_problem(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setObjectName(QStringLiteral("timesheetCorrectionDialog"));
    const QString who
        = PlainText::display(sheet.employeeName.isEmpty() ? sheet.userId : sheet.employeeName);
    setWindowTitle(PlainText::windowTitle(tr("Correct the timesheet of %1").arg(who)));
    const QString format = QStringLiteral("yyyy-MM-dd HH:mm");
    m_in->setObjectName(QStringLiteral("clockIn"));
    m_out->setObjectName(QStringLiteral("clockOut"));
    m_close->setObjectName(QStringLiteral("closeShift"));
    m_break->setObjectName(QStringLiteral("breakMinutes"));
    m_reason->setObjectName(QStringLiteral("reason"));
    m_problem->setObjectName(QStringLiteral("problem"));
    m_in->setDisplayFormat(format);
    m_out->setDisplayFormat(format);
    m_in->setDateTime(toMinute(sheet.clockInTime));
    m_out->setDateTime(toMinute(sheet.isOpen() ? m_now() : sheet.clockOutTime));
    m_break->setRange(0, 24 * 60);
    m_break->setSuffix(tr(" min"));
    m_break->setValue(sheet.breakMinutes);
    m_reason->setMaxLength(kReasonMax);
    m_reason->setPlaceholderText(tr("Why (required): forgot to clock out, tablet was down…"));
    PlainText::makePlain(m_problem);
    m_problem->setWordWrap(true);
    QPalette p = m_problem->palette();
    p.setColor(QPalette::WindowText, QColor(0xc6, 0x28, 0x28));
    m_problem->setPalette(p);
    m_close->setVisible(sheet.isOpen());
    m_close->setChecked(false);

    auto *current = new QLabel(this);
    current->setObjectName(QStringLiteral("currentSheet"));
    PlainText::makePlain(current);
    current->setText(sheet.isOpen() ? tr("%1, %2: clocked in at %3, still open.")
                                          .arg(who, sheet.shiftDate.toString(Qt::ISODate),
                                               sheet.clockInTime.toLocalTime().toString(format))
                                    : tr("%1, %2: %3 to %4, break %5 min.")
                                          .arg(who, sheet.shiftDate.toString(Qt::ISODate),
                                               sheet.clockInTime.toLocalTime().toString(format),
                                               sheet.clockOutTime.toLocalTime().toString(format))
                                          .arg(sheet.breakMinutes));

    auto *form = new QFormLayout;
    form->addRow(tr("Clock-&in:"), m_in);
    if (sheet.isOpen())
        form->addRow(QString(), m_close);
    form->addRow(tr("Clock-&out:"), m_out);
    form->addRow(tr("&Break:"), m_break);
    form->addRow(tr("&Reason:"), m_reason);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(current);
    layout->addLayout(form);
    layout->addWidget(m_problem);
    layout->addWidget(m_buttons);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("&Correct"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_in, &QDateTimeEdit::dateTimeChanged, this, &TimesheetCorrectionDialog::update);
    connect(m_out, &QDateTimeEdit::dateTimeChanged, this, &TimesheetCorrectionDialog::update);
    connect(m_close, &QCheckBox::toggled, this, &TimesheetCorrectionDialog::update);
    connect(m_break, &QSpinBox::valueChanged, this, &TimesheetCorrectionDialog::update);
    connect(m_reason, &QLineEdit::textChanged, this, &TimesheetCorrectionDialog::update);
    update();
}

QDateTime TimesheetCorrectionDialog::clockIn() const
{
    return m_in->dateTime() == toMinute(m_sheet.clockInTime) ? QDateTime() : m_in->dateTime();
}

QDateTime TimesheetCorrectionDialog::clockOut() const
{
    if (m_sheet.isOpen())
        return m_close->isChecked() ? m_out->dateTime() : QDateTime();
    return m_out->dateTime() == toMinute(m_sheet.clockOutTime) ? QDateTime() : m_out->dateTime();
}

int TimesheetCorrectionDialog::breakMinutes() const
{
    if (m_sheet.isOpen())
        return m_close->isChecked() ? m_break->value() : -1;
    return m_break->value() == m_sheet.breakMinutes ? -1 : m_break->value();
}

QString TimesheetCorrectionDialog::reason() const
{
    return m_reason->text().trimmed();
}

QString TimesheetCorrectionDialog::problem() const
{
    return m_problem->text();
}

void TimesheetCorrectionDialog::setClockIn(const QDateTime &t)
{
    m_in->setDateTime(toMinute(t));
}

void TimesheetCorrectionDialog::setClockOut(const QDateTime &t)
{
    m_close->setChecked(true);
    m_out->setDateTime(toMinute(t));
}

void TimesheetCorrectionDialog::setBreakMinutes(int minutes)
{
    m_break->setValue(minutes);
}

void TimesheetCorrectionDialog::setReason(const QString &reason)
{
    m_reason->setText(reason);
}

void TimesheetCorrectionDialog::update()
{
    const bool closed = !m_sheet.isOpen() || m_close->isChecked();
    m_out->setEnabled(closed);
    m_break->setEnabled(closed);
    const QDateTime in = m_in->dateTime();
    const QDateTime out = m_out->dateTime();
    const QDateTime now = m_now();
    QString problem;
    if (in > now)
        problem = tr("The clock-in is in the future.");
    else if (closed && out > now)
        problem = tr("The clock-out is in the future.");
    else if (closed && out <= in)
        problem = tr("The clock-out must be after the clock-in.");
    else if (closed && qint64(m_break->value()) * 60 > in.secsTo(out))
        problem = tr("The break is longer than the shift.");
    else if (!clockIn().isValid() && !clockOut().isValid() && breakMinutes() < 0)
        problem = tr("Nothing is changed yet.");
    else if (reason().isEmpty())
        problem = tr("Give the reason for the correction.");
    m_problem->setText(problem);
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(problem.isEmpty());
}

} // namespace TableTap
