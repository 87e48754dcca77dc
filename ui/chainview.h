// The Chain view, for chain owners: every cafe of the hub in one table (today's orders, revenue,
// open and late orders, stock alerts, staff in) with a total row, from the hub's chain_overview,
// refreshed every 30 s and on demand; "Open console" asks open_cafe for a cafe's token and hands
// it on (the program opens that cafe's console with it). The view is also how the console learns
// it is a chain owner: chain_overview answered (an admin only asks; the hub refuses anyone it
// has not granted), and the main window shows the tab only then.
#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QTimer>
#include <QUrl>
#include <QWidget>

class QLabel;
class QPushButton;
class QStandardItemModel;
class QTableView;

namespace TableTap {

class ConsoleSession;

class ChainView final : public QWidget
{
    Q_OBJECT
public:
    // How often the figures are asked for again while the view may be shown.
    static constexpr int kRefreshMs = 30000;

    explicit ChainView(ConsoleSession *session, QWidget *parent = nullptr);

    bool isChainOwner() const { return m_owner; }
    // The cafes' rows, then the total row (the table's model).
    QStandardItemModel *model() const { return m_model; }
    QDateTime lastRefresh() const { return m_lastRefresh; }
    // The cafe id of a row, empty for the total row.
    QString cafeIdAt(int row) const;
    // Opens the console of that cafe (open_cafe, then consoleRequested).
    void openCafe(const QString &cafeId);

public Q_SLOTS:
    // Asks the hub now (an admin's session only; anyone else is no chain owner).
    void refresh();

Q_SIGNALS:
    void chainOwnerChanged(bool owner);
    // The hub answered chain_overview: with the figures, or refusing this person.
    void answered();
    // open_cafe answered: a console of that cafe signed in with token on the same hub.
    void consoleRequested(const QUrl &hub, const QString &token, const QString &cafeId,
                          const QString &cafeName);

private:
    void setOwner(bool owner);
    void show(const QJsonObject &overview);
    void updateStatus();
    void updateActions();

    ConsoleSession *m_session;
    QTableView *m_view;
    QStandardItemModel *m_model;
    QLabel *m_status;
    QPushButton *m_refresh;
    QPushButton *m_open;
    QTimer m_timer;
    bool m_owner = false;
    bool m_asking = false;
    QDateTime m_lastRefresh;
    QString m_problem;
    QJsonObject m_overview;
};

} // namespace TableTap
