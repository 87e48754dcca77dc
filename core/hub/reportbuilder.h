// The day (Z), speed-of-service and staff reports of one cafe for a business date or a range,
// computed from the rows the desks store, as the report object of docs/reports.md (sections with
// typed columns and rows as arrays). The hub's get_report and `tabletap-hub report` both use it.
#pragma once

#include "cafesettings.h"

#include <QDate>
#include <QJsonObject>
#include <QString>
#include <QTimeZone>

#include <optional>

namespace TableTap {

class CafeContext;
class PayloadReader;
class StoreConnection;

class ReportBuilder final
{
public:
    enum class Kind { Day, Service, Staff };
    static constexpr int kMaxDays = 92; // the longest range, both dates included

    static std::optional<Kind> kindFromName(QStringView name);
    static QString kindName(Kind kind);
    static QStringList kindNames();

    struct Request
    {
        Kind kind = Kind::Day;
        QDate from, to;
    };
    // Reads and checks {report, date, to?}; throws CommandError INVALID_DATA naming the field
    // (report, date or to) for an unknown report, a malformed date, to before date or a range
    // longer than kMaxDays.
    static Request readRequest(const PayloadReader &payload);
    // The same checks for the command line's strings; nullopt and *field / *error when wrong.
    static std::optional<Request> checkRequest(const QString &report, const QString &date,
                                               const QString &to, QString *field, QString *error);

    // db: the cafe's store (read only here); settings: its settings as stored.
    ReportBuilder(StoreConnection &db, CafeSettings settings, QString cafeId, QString cafeName);

    QJsonObject build(const Request &request, qint64 generatedAtMs);

    // The get_report command (/system, manager and admin).
    static QJsonObject getReport(CafeContext &ctx, const PayloadReader &payload);

    // When the business day `date` begins, in ms since the epoch (business_day_start, cafe time).
    qint64 businessDayStart(const QDate &date) const;

private:
    QJsonArray daySections(const Request &r);
    QJsonArray serviceSections(const Request &r);
    QJsonArray staffSections(const Request &r);
    QTime localTime(qint64 ms) const;

    StoreConnection &m_db;
    CafeSettings m_settings;
    QString m_cafeId, m_cafeName;
    QTimeZone m_zone;
};

} // namespace TableTap
