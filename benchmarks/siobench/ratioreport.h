// Turns the JSON records of one or more benchmark runs into the tables the project reports:
// medians over repeats per server and client count, and hub / reference ratios next to the
// issue's targets.
#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace TableTap {

class RatioReport
{
public:
    // Adds every record of a results file ({"runs":[...]}).
    bool addFile(const QString &path, QString *error);
    void addRecord(const QJsonObject &record) { m_records.append(record); }
    void setMachine(const QJsonObject &machine) { m_machine = machine; }
    // Markdown tables.
    QString render() const;

private:
    QString renderTargets() const;
    // kind "broadcast" (websocket clients) or "polling" (polling-only clients).
    QString renderBroadcast(const QString &kind) const;
    QString renderCluster() const;
    QString renderCafe() const;
    QString renderClient() const;
    QString renderCodec() const;
    QString renderScale() const;
    QString renderSignIn() const;
    QString renderHistory() const;
    QString renderMachine() const;

    QJsonArray m_records;
    QJsonObject m_machine;
};

} // namespace TableTap
