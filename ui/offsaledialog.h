// The "86" dialog: why a product or customization goes off sale and until when (an hour, the
// end of today, until tomorrow's opening, until someone puts it back, or a time of one's own).
#pragma once

#include <QDateTime>
#include <QDialog>

class QButtonGroup;
class QComboBox;
class QDateTimeEdit;
class QDialogButtonBox;
class QLabel;

namespace TableTap {

class OffSaleDialog final : public QDialog
{
    Q_OBJECT
public:
    enum class Until { OneHour, EndOfToday, Tomorrow, PutBack, Custom };

    // what: the item's name (remote text, shown plain); now: the console's clock; opening: the
    // time of day the cafe opens (for "until tomorrow").
    OffSaleDialog(const QString &what, const QDateTime &now, QTime opening,
                  QWidget *parent = nullptr);

    QString reason() const;
    Until choice() const;
    void setChoice(Until until);
    void setReason(const QString &reason);
    void setCustomTime(const QDateTime &at);
    // The end chosen, invalid for "until put back".
    QDateTime until() const;

private:
    void updateState();

    QDateTime m_now;
    QTime m_opening;
    QComboBox *m_reason;
    QButtonGroup *m_untilGroup;
    QDateTimeEdit *m_custom;
    QLabel *m_summary;
    QDialogButtonBox *m_buttons;
};

} // namespace TableTap
