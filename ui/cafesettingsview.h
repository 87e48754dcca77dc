// The cafe's settings for a manager (view "settings"): a form for every setting the hub has,
// with units and ranges, validated by the same rules as the hub (SettingRules) so a field's
// error is shown next to it before anything is sent; Save sends update_settings with the
// changed keys only (through the outbox). Beside it the stock levels of every inventory item
// (set_stock_levels) and who changed which setting when (get_settings' history and
// cafe:settings_updated). Not the console's own preferences (SettingsDialog).
#pragma once

#include <QHash>
#include <QJsonObject>
#include <QJsonValue>
#include <QSet>
#include <QWidget>

class QLabel;
class QLineEdit;
class QPushButton;
class QTableWidget;
class QTreeWidget;

namespace TableTap {

class ConsoleSession;

class CafeSettingsView final : public QWidget
{
    Q_OBJECT
public:
    explicit CafeSettingsView(ConsoleSession *session, QWidget *parent = nullptr);

    QLineEdit *editor(const QString &key) const { return m_editors.value(key); }
    QString errorText(const QString &key) const;
    QString statusText() const;
    QTableWidget *stockLevels() const { return m_levels; }
    QTreeWidget *history() const { return m_history; }
    // The keys whose field differs from the cafe's value, with the value as the hub takes it.
    QJsonObject changes() const;

    // The words for a setting (translated), and its unit and range.
    static QString label(const QString &key);
    static QString hint(const QString &key);

public Q_SLOTS:
    // Validates every changed field (SettingRules) and sends them; false when a field is wrong
    // (its error is shown) or nothing changed.
    bool save();
    void revert();
    // Sends the changed stock levels; false when one is wrong or none changed.
    bool saveStockLevels();

private:
    void loadSettings();
    void loadStockLevels();
    void loadHistory();
    void setError(const QString &key, const QString &message);
    void clearErrors();
    void onCommandFinished(const QString &requestId, bool ok, const QString &errorType,
                           const QString &message);
    QJsonValue fieldValue(const QString &key) const;
    static QString valueText(const QJsonValue &value);

    ConsoleSession *m_session;
    QHash<QString, QLineEdit *> m_editors;
    QHash<QString, QLabel *> m_errors;
    QHash<QString, QString> m_shown; // the text each field had when last loaded
    QLabel *m_status;
    QPushButton *m_save;
    QPushButton *m_revert;
    QTableWidget *m_levels;
    QLabel *m_levelsStatus;
    QPushButton *m_saveLevels;
    QSet<QString> m_levelsEdited; // item ids
    bool m_filling = false;
    QTreeWidget *m_history;
    QString m_pendingSettings; // request id of the update_settings on its way
    QStringList m_pendingKeys;
    QSet<QString> m_pendingLevels;
};

} // namespace TableTap
