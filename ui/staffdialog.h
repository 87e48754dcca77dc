// Adding a staff member (code, name, role, PIN, hourly rate, drink allowance) or editing one
// (name, hourly rate, drink allowance; role and PIN have actions of their own). Builds the
// add_staff / update_staff payload; the hub checks it again.
#pragma once

#include "staffmember.h"

#include <QDialog>
#include <QJsonObject>

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QLineEdit>
#include <QSpinBox>

class QComboBox;

namespace TableTap {

class PinEntry;

class StaffDialog final : public QDialog
{
    Q_OBJECT
public:
    // Adding: the roles offered are those up to grantableRoles (wire names, lowest first).
    StaffDialog(const QStringList &grantableRoles, QWidget *parent = nullptr);
    // Editing member.
    StaffDialog(const StaffMember &member, QWidget *parent = nullptr);

    bool isAdding() const { return m_adding; }
    // add_staff's payload, or update_staff's with only what changed (user_id and at least one
    // field; just user_id when nothing changed).
    QJsonObject payload() const;
    // The PIN when it was generated here (to be shown once), else empty.
    QString generatedPin() const;
    // Why OK is off (translated), empty when the form can be sent.
    QString problem() const;

    QLineEdit *codeEdit() const { return m_code; }
    QLineEdit *nameEdit() const { return m_name; }
    QComboBox *roleBox() const { return m_role; }
    PinEntry *pinEntry() const { return m_pin; }
    QDoubleSpinBox *rateBox() const { return m_rate; }
    QCheckBox *cafeDefaultBox() const { return m_cafeDefault; }
    QSpinBox *allowanceBox() const { return m_allowance; }

private:
    void build(const QStringList &roles);
    void validate();

    bool m_adding;
    StaffMember m_before;
    // The fields both modes have (children of the dialog); role and PIN only when adding.
    QLineEdit *m_code = new QLineEdit(this);
    QLineEdit *m_name = new QLineEdit(this);
    QComboBox *m_role = nullptr;
    PinEntry *m_pin = nullptr;
    QDoubleSpinBox *m_rate = new QDoubleSpinBox(this);
    QCheckBox *m_cafeDefault = new QCheckBox(this);
    QSpinBox *m_allowance = new QSpinBox(this);
    QLabel *m_problem = new QLabel(this);
    QDialogButtonBox *m_buttons
        = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
};

} // namespace TableTap
