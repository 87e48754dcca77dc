// Everything the console received, newest at the bottom, with connection notes and refused
// actions in between: filter by namespace and by text. Follows new lines only while the user
// is at the bottom, so reading back through the log is never interrupted.
#pragma once

#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QTableView;

namespace TableTap {

class ConsoleSession;
class EventLogFilterModel;

class EventLogView final : public QWidget
{
    Q_OBJECT
public:
    explicit EventLogView(ConsoleSession *session, QWidget *parent = nullptr);
    QTableView *table() const { return m_view; }
    EventLogFilterModel *filter() const { return m_filter; }

private:
    void updateCount();

    ConsoleSession *m_session;
    EventLogFilterModel *m_filter;
    QTableView *m_view;
    QComboBox *m_nsp;
    QLineEdit *m_text;
    QCheckBox *m_follow;
    QLabel *m_count;
    bool m_atBottom = true;
};

} // namespace TableTap
