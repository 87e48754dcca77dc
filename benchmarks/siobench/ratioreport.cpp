// RatioReport: medians, ratios and the targets they are held to.
#include "ratioreport.h"

#include <QFile>
#include <QJsonDocument>
#include <QMap>

#include <algorithm>
#include <cmath>
#include <functional>
#include <limits>
#include <optional>

namespace TableTap {

namespace {

using Getter = std::function<std::optional<double>(const QJsonObject &)>;

// A value at a path like "connect.p99_ms"; missing values are left out of medians.
std::optional<double> at(const QJsonObject &o, const QString &path)
{
    QJsonValue v = o;
    for (const QString &key : path.split(QLatin1Char('.'))) {
        if (!v.isObject())
            return std::nullopt;
        v = v.toObject().value(key);
    }
    if (v.isDouble())
        return v.toDouble();
    if (v.isBool())
        return v.toBool() ? 1.0 : 0.0;
    return std::nullopt;
}

std::optional<double> median(QList<double> values)
{
    if (values.isEmpty())
        return std::nullopt;
    std::sort(values.begin(), values.end());
    const qsizetype n = values.size();
    return n % 2 ? values.at(n / 2) : (values.at(n / 2 - 1) + values.at(n / 2)) / 2.0;
}

QString number(std::optional<double> v, int decimals = -1)
{
    if (!v)
        return QStringLiteral("–");
    const double x = *v;
    if (decimals < 0)
        decimals = std::fabs(x) >= 100 ? 0 : std::fabs(x) >= 10 ? 1 : 2;
    QString s = QString::number(x, 'f', decimals);
    if (std::fabs(x) >= 10000) {
        // Thousands separators for rates.
        const qsizetype dot = s.indexOf(QLatin1Char('.'));
        qsizetype i = (dot < 0 ? s.size() : dot) - 3;
        while (i > (x < 0 ? 1 : 0)) {
            s.insert(i, QLatin1Char(','));
            i -= 3;
        }
    }
    return s;
}

enum class Goal { None, RatioAtLeast, RatioAtMost, AbsoluteBelow, AbsoluteAtMost, Equals };

struct Metric
{
    QString name;
    QString path;
    Goal goal = Goal::None;
    double target = 0;
    QString targetText;
};

QString verdict(const Metric &m, std::optional<double> hub, std::optional<double> ratio)
{
    switch (m.goal) {
    case Goal::None:
        return {};
    case Goal::RatioAtLeast:
        return !ratio               ? QStringLiteral("?")
               : *ratio >= m.target ? QStringLiteral("met")
                                    : QStringLiteral("**not met**");
    case Goal::RatioAtMost:
        return !ratio               ? QStringLiteral("?")
               : *ratio <= m.target ? QStringLiteral("met")
                                    : QStringLiteral("**not met**");
    case Goal::AbsoluteBelow:
        return !hub              ? QStringLiteral("?")
               : *hub < m.target ? QStringLiteral("met")
                                 : QStringLiteral("**not met**");
    case Goal::AbsoluteAtMost:
        return !hub               ? QStringLiteral("?")
               : *hub <= m.target ? QStringLiteral("met")
                                  : QStringLiteral("**not met**");
    case Goal::Equals:
        return !hub               ? QStringLiteral("?")
               : *hub == m.target ? QStringLiteral("met")
                                  : QStringLiteral("**not met**");
    }
    return {};
}

QString table(const QStringList &header, const QList<QStringList> &rows)
{
    QString out = QLatin1String("| ") + header.join(QLatin1String(" | ")) + QLatin1String(" |\n|");
    for (qsizetype i = 0; i < header.size(); ++i)
        out += i == 0 ? QLatin1String("---|") : QLatin1String("---:|");
    out += QLatin1Char('\n');
    for (const QStringList &r : rows)
        out += QLatin1String("| ") + r.join(QLatin1String(" | ")) + QLatin1String(" |\n");
    return out;
}

} // namespace

bool RatioReport::addFile(const QString &path, QString *error)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot read %1: %2").arg(path, f.errorString());
        return false;
    }
    const QJsonDocument doc = QJsonDocument::fromJson(f.readAll());
    if (!doc.isObject()) {
        *error = QStringLiteral("%1 is not a results file").arg(path);
        return false;
    }
    const QJsonObject root = doc.object();
    if (root.contains(QLatin1String("machine")) && m_machine.isEmpty())
        m_machine = root.value(QLatin1String("machine")).toObject();
    for (const QJsonValue &v : root.value(QLatin1String("runs")).toArray())
        m_records.append(v);
    return true;
}

QString RatioReport::render() const
{
    QString out;
    out += renderTargets(); // first: the verdicts, then the machine and the detail
    if (const QString machine = renderMachine(); !machine.isEmpty())
        out += QLatin1Char('\n') + machine;
    out += renderBroadcast(QStringLiteral("broadcast"));
    out += renderBroadcast(QStringLiteral("polling"));
    out += renderCluster();
    out += renderCafe();
    out += renderClient();
    out += renderCodec();
    out += renderSignIn();
    out += renderScale();
    out += renderHistory();
    return out;
}

QString RatioReport::renderHistory() const
{
    QList<QJsonObject> runs;
    for (const QJsonValue &v : m_records) {
        const QJsonObject r = v.toObject();
        if (r.value(QLatin1String("kind")).toString() == QLatin1String("history")
            && !r.contains(QLatin1String("error")))
            runs << r;
    }
    if (runs.isEmpty())
        return {};
    auto medianAt = [&runs](const QString &path) {
        QList<double> values;
        for (const QJsonObject &r : std::as_const(runs))
            if (const auto v = at(r, path))
                values << *v;
        return median(values);
    };
    const QStringList header{QStringLiteral("phase"), QStringLiteral("loop turns"),
                             QStringLiteral("longest frame (ms)"), QStringLiteral("p99 (ms)"),
                             QStringLiteral("p50 (ms)")};
    QList<QStringList> rows;
    for (const QString &phase : {QStringLiteral("load"), QStringLiteral("scroll"),
                                 QStringLiteral("filter"), QStringLiteral("sort")}) {
        const QString p = QStringLiteral("phases.") + phase + QLatin1Char('.');
        rows << QStringList{phase, number(medianAt(p + QStringLiteral("frames")), 0),
                            number(medianAt(p + QStringLiteral("max_frame_ms")), 1),
                            number(medianAt(p + QStringLiteral("p99_frame_ms")), 2),
                            number(medianAt(p + QStringLiteral("p50_frame_ms")), 2)};
    }
    rows << QStringList{QStringLiteral("scroll + filter (the target)"),
                        number(medianAt(QStringLiteral("frames")), 0),
                        number(medianAt(QStringLiteral("max_frame_ms")), 1),
                        number(medianAt(QStringLiteral("p99_frame_ms")), 2), QStringLiteral("–")};
    return QStringLiteral("\n### Console: a %1-order history in the queue view (medians of %2 "
                          "runs)\n\n")
               .arg(number(medianAt(QStringLiteral("orders")), 0))
               .arg(runs.size())
           + table(header, rows);
}

QString RatioReport::renderScale() const
{
    // Records of the scale part by (clients, label): medians over the repeats, one column per
    // server, with issue 20's targets for item 2 (and item 1's memory per connection).
    QMap<int, QMap<QString, QList<QJsonObject>>> byN;
    QMap<int, QMap<QString, int>> errors;
    QMap<int, QString> firstError;
    for (const QJsonValue &v : m_records) {
        const QJsonObject r = v.toObject();
        if (r.value(QLatin1String("kind")).toString() != QLatin1String("scale"))
            continue;
        const int n = r.value(QLatin1String("clients")).toInt();
        const QString label = r.value(QLatin1String("label")).toString();
        if (r.contains(QLatin1String("error"))) {
            ++errors[n][label];
            if (!firstError.contains(n))
                firstError.insert(n, r.value(QLatin1String("error")).toString());
            continue;
        }
        byN[n][label].append(r);
    }
    if (byN.isEmpty() && errors.isEmpty())
        return {};
    QString out = QStringLiteral("### Scale: websocket clients held on one server\n\n");
    QList<int> counts = byN.keys();
    for (int n : errors.keys())
        if (!counts.contains(n))
            counts << n;
    std::sort(counts.begin(), counts.end());
    for (int n : counts) {
        const QMap<QString, QList<QJsonObject>> runs = byN.value(n);
        if (runs.isEmpty()) {
            QStringList failed;
            for (auto e = errors.value(n).constBegin(); e != errors.value(n).constEnd(); ++e)
                failed << QStringLiteral("%1 (%2 runs)").arg(e.key()).arg(e.value());
            out += QStringLiteral("%1 clients: not run (%2): %3.\n\n")
                       .arg(n)
                       .arg(failed.join(QLatin1String(", ")), firstError.value(n));
            continue;
        }
        QStringList labels;
        for (const QString &l : {QStringLiteral("hub"), QStringLiteral("socket.io")})
            if (runs.contains(l))
                labels << l;
        for (auto it = runs.constBegin(); it != runs.constEnd(); ++it)
            if (!labels.contains(it.key()))
                labels << it.key();
        QStringList header{QStringLiteral("%1 clients").arg(n)};
        for (const QString &l : labels)
            header << QStringLiteral("%1 (n=%2)").arg(l).arg(runs.value(l).size());
        header << QStringLiteral("target (hub)") << QStringLiteral("hub");
        auto medianOf = [&](const QString &label, const QString &path) {
            QList<double> values;
            for (const QJsonObject &r : runs.value(label))
                if (const auto v = at(r, path))
                    values << *v;
            return median(values);
        };
        QList<QStringList> rows;
        auto addRow
            = [&](const QString &name, const QString &path, const Metric &goal, int decimals = -1) {
                  QStringList row{name};
                  for (const QString &l : labels)
                      row << number(medianOf(l, path), decimals);
                  const std::optional<double> hub = medianOf(QStringLiteral("hub"), path);
                  row << goal.targetText << verdict(goal, hub, std::nullopt);
                  rows << row;
              };
        const Metric none;
        auto below = [](double target, const QString &text) {
            Metric m;
            m.goal = Goal::AbsoluteAtMost;
            m.target = target;
            m.targetText = text;
            return m;
        };
        Metric allDelivered;
        allDelivered.goal = Goal::Equals;
        allDelivered.target = 1;
        allDelivered.targetText = QStringLiteral("1 (all)");
        addRow(QStringLiteral("time to all connected, s"), QStringLiteral("connect.seconds"),
               below(10, QStringLiteral("≤ 10")));
        addRow(QStringLiteral("connect failures"), QStringLiteral("connect.failures"),
               below(0, QStringLiteral("0")), 0);
        addRow(QStringLiteral("connects/s (200 in flight)"), QStringLiteral("connect.per_second"),
               none, 0);
        addRow(QStringLiteral("connect p99, ms"), QStringLiteral("connect.p99_ms"), none);
        addRow(QStringLiteral("server CPU while connecting, %"),
               QStringLiteral("connect.server_cpu_pct"), none, 0);
        addRow(QStringLiteral("generator CPU while connecting, %"),
               QStringLiteral("connect.generator_cpu_pct"), none, 0);
        addRow(QStringLiteral("broadcast delivered / expected"),
               QStringLiteral("broadcast.delivered_fraction"), allDelivered, 4);
        addRow(QStringLiteral("broadcast p50, ms"), QStringLiteral("broadcast.latency.p50_ms"),
               none);
        addRow(QStringLiteral("broadcast p99, ms"), QStringLiteral("broadcast.latency.p99_ms"),
               below(250, QStringLiteral("≤ 250")));
        addRow(QStringLiteral("broadcast max, ms"), QStringLiteral("broadcast.latency.max_ms"),
               none);
        addRow(QStringLiteral("probe ack p50, ms"), QStringLiteral("broadcast.probe_ack.p50_ms"),
               none);
        addRow(QStringLiteral("probe ack p99, ms"), QStringLiteral("broadcast.probe_ack.p99_ms"),
               below(5, QStringLiteral("≤ 5")));
        addRow(QStringLiteral("server CPU while broadcasting, %"),
               QStringLiteral("broadcast.server_cpu_pct"), none, 0);
        addRow(QStringLiteral("generator CPU while broadcasting, %"),
               QStringLiteral("broadcast.generator_cpu_pct"), none, 0);
        addRow(QStringLiteral("server RSS idle, KB"), QStringLiteral("memory.rss_idle_kb"), none,
               0);
        addRow(QStringLiteral("server RSS connected, KB"),
               QStringLiteral("memory.rss_connected_kb"), none, 0);
        addRow(QStringLiteral("server RSS per connection, KB"),
               QStringLiteral("memory.kb_per_connection"), below(2, QStringLiteral("≤ 2")));
        addRow(QStringLiteral("idle long-polling sessions"), QStringLiteral("polling.connected"),
               none, 0);
        addRow(QStringLiteral("server RSS per long-polling session, KB"),
               QStringLiteral("polling.kb_per_session"), none);
        addRow(QStringLiteral("kernel TCP buffers per connection, KB (machine)"),
               QStringLiteral("memory.kernel_tcp_mem_kb_per_connection"), none);
        addRow(QStringLiteral("kernel socket slabs per connection, KB (both ends)"),
               QStringLiteral("memory.kernel_socket_slab_kb_per_connection"), none);
        addRow(QStringLiteral("generator RSS, KB"), QStringLiteral("memory.generator_rss_kb"), none,
               0);
        out += table(header, rows);
        QStringList failed;
        for (auto e = errors.value(n).constBegin(); e != errors.value(n).constEnd(); ++e)
            failed << QStringLiteral("%1 (%2 runs)").arg(e.key()).arg(e.value());
        if (!failed.isEmpty())
            out += QStringLiteral("\nRuns that did not complete: %1.\n")
                       .arg(failed.join(QLatin1String(", ")));
        out += QLatin1Char('\n');
    }
    return out;
}

QString RatioReport::renderMachine() const
{
    if (m_machine.isEmpty())
        return {};
    QString out = QStringLiteral("Machine: %1, %2 CPUs, %3; load average at start %4.\n\n")
                      .arg(m_machine.value(QLatin1String("cpu")).toString())
                      .arg(m_machine.value(QLatin1String("cpus")).toInt())
                      .arg(m_machine.value(QLatin1String("kernel")).toString())
                      .arg(m_machine.value(QLatin1String("loadavg")).toString());
    return out;
}

QString RatioReport::renderBroadcast(const QString &kind) const
{
    // Records by (clients, label).
    QMap<int, QMap<QString, QList<QJsonObject>>> byN;
    QString reference;
    const bool polling = kind == u"polling";
    for (const QJsonValue &v : m_records) {
        const QJsonObject r = v.toObject();
        if (r.value(QLatin1String("kind")).toString() != kind || r.contains(QLatin1String("error")))
            continue;
        const QString label = r.value(QLatin1String("label")).toString();
        if (r.value(QLatin1String("reference")).toBool())
            reference = label;
        byN[r.value(QLatin1String("clients")).toInt()][label].append(r);
    }
    if (byN.isEmpty())
        return {};
    // How busy the rest of the machine was during a run's broadcast steps (median over steps).
    auto otherCpu = [](const QJsonObject &r) -> std::optional<double> {
        QList<double> v;
        for (const char *step : {"fixed", "load"})
            if (const auto x = at(r, QStringLiteral("%1.other_cpu_pct").arg(QLatin1String(step))))
                v << *x;
        for (const QJsonValue &s : r.value(QLatin1String("ladder")).toArray())
            if (const auto x = at(s.toObject(), QStringLiteral("other_cpu_pct")))
                v << *x;
        return median(v);
    };
    QString out;
    for (auto n = byN.constBegin(); n != byN.constEnd(); ++n) {
        // The fixed-rate step's rate, as the records say (10,000 by default).
        double fixedRate = 0;
        for (const auto &runs : n.value())
            for (const QJsonObject &r : runs)
                if (const auto v = at(r, QStringLiteral("fixed.messages_per_second")))
                    fixedRate = std::max(fixedRate, *v);
        const QString fixedText = number(fixedRate > 0 ? fixedRate : 10000.0, 0);
        // The p99 bound the ladder's steps were held to (--p99-bound; 100 ms unless set).
        double bound = 0;
        for (const auto &runs : n.value())
            for (const QJsonObject &r : runs)
                bound = std::max(bound, r.value(QLatin1String("p99_bound_ms")).toDouble(100));
        const QList<Metric> metrics = {
            {QStringLiteral("broadcast capacity (msgs/s, full delivery, p99 ≤ %1 ms)")
                 .arg(number(bound > 0 ? bound : 100.0, 0)),
             QStringLiteral("capacity"), Goal::RatioAtLeast, 2, QStringLiteral("≥ 2×")},
            {QStringLiteral("p99 at the capacity step (ms)"),
             QStringLiteral("capacity_p99_ms"),
             Goal::None,
             0,
             {}},
            {QStringLiteral("server CPU at the capacity step (%)"),
             QStringLiteral("capacity_server_cpu_pct"),
             Goal::None,
             0,
             {}},
            {QStringLiteral("generator CPU at the capacity step (%)"),
             QStringLiteral("capacity_generator_cpu_pct"),
             Goal::None,
             0,
             {}},
            {QStringLiteral("memory growth per connection (KB)"),
             QStringLiteral("memory.kb_per_connection"), Goal::RatioAtMost, 1,
             QStringLiteral("≤ 1×")},
            {QStringLiteral("connect rate, 200 in flight (conn/s)"),
             QStringLiteral("connect.per_second"), Goal::RatioAtLeast, 5, QStringLiteral("≥ 5×")},
            {QStringLiteral("connect p99 (ms)"), QStringLiteral("connect.p99_ms"),
             Goal::AbsoluteBelow, 50, QStringLiteral("< 50 ms")},
            {QStringLiteral("connect failures"), QStringLiteral("connect.failures"), Goal::Equals,
             0, QStringLiteral("0")},
            {QStringLiteral("delivered at %1 msgs/s (fraction of sent × clients)").arg(fixedText),
             QStringLiteral("fixed.delivered_fraction"), Goal::Equals, 1, QStringLiteral("1")},
            {QStringLiteral("broadcast p50 at %1 msgs/s (ms)").arg(fixedText),
             QStringLiteral("fixed.latency.p50_ms"),
             Goal::None,
             0,
             {}},
            {QStringLiteral("broadcast p99 at %1 msgs/s (ms)").arg(fixedText),
             QStringLiteral("fixed.latency.p99_ms"), Goal::RatioAtMost, 1, QStringLiteral("≤ 1×")},
            {QStringLiteral("ack round trip idle p50 (ms)"),
             QStringLiteral("ack_idle.p50_ms"),
             Goal::None,
             0,
             {}},
            {QStringLiteral("ack round trip idle p99 (ms)"),
             QStringLiteral("ack_idle.p99_ms"),
             Goal::None,
             0,
             {}},
            {QStringLiteral("ack round trip at 50,000 msgs/s p50 (ms)"),
             QStringLiteral("load.ack.p50_ms"),
             Goal::None,
             0,
             {}},
            {QStringLiteral("ack round trip at 50,000 msgs/s p99 (ms)"),
             QStringLiteral("load.ack.p99_ms"),
             Goal::None,
             0,
             {}},
            {QStringLiteral("server CPU per delivered message at 50,000 msgs/s (µs)"),
             QStringLiteral("load.server_us_per_message"),
             Goal::None,
             0,
             {}},
            {QStringLiteral("long-polling connect + upgrade p50 (ms)"),
             QStringLiteral("polling.p50_ms"),
             Goal::None,
             0,
             {}},
            {QStringLiteral("long-polling connect + upgrade p99 (ms)"),
             QStringLiteral("polling.p99_ms"),
             Goal::None,
             0,
             {}},
            {QStringLiteral("long-polling connects + upgrades per second"),
             QStringLiteral("polling.per_second"),
             Goal::None,
             0,
             {}},
            {QStringLiteral("clients dropped during the run"),
             QStringLiteral("dropped_clients"),
             Goal::None,
             0,
             {}},
        };
        QStringList labels = n.value().keys();
        // Reference first, then the others in name order.
        if (labels.removeOne(reference))
            labels.prepend(reference);
        QStringList header{QStringLiteral("%1 clients").arg(n.key())};
        for (const QString &l : labels)
            header << QStringLiteral("%1 (n=%2)").arg(l).arg(n.value().value(l).size());
        for (const QString &l : labels)
            if (l != reference)
                header << QStringLiteral("%1 / %2").arg(l, reference);
        header << QStringLiteral("target") << QStringLiteral("verdict");
        // The targets are set at 1,000 and 5,000 clients; at other counts (the
        // 10,000-client run) only delivery is judged, and rows without data are left out.
        const bool targetedCount = !polling && (n.key() == 1000 || n.key() == 5000);
        QList<QStringList> rows;
        for (Metric m : metrics) {
            if (!targetedCount && m.path != QLatin1String("fixed.delivered_fraction")) {
                m.goal = Goal::None;
                m.targetText.clear();
            }
            bool any = false;
            for (const QString &l : labels)
                for (const QJsonObject &r : n.value().value(l))
                    any = any || at(r, m.path).has_value();
            if (!any)
                continue;
            QStringList row{m.name};
            QMap<QString, std::optional<double>> medians;
            for (const QString &l : labels) {
                QList<double> values;
                for (const QJsonObject &r : n.value().value(l))
                    if (const auto v = at(r, m.path))
                        values << *v;
                medians[l] = median(values);
                row << number(medians[l]);
            }
            std::optional<double> mainRatio;
            std::optional<double> mainValue;
            for (const QString &l : labels) {
                if (l == reference)
                    continue;
                std::optional<double> ratio;
                if (medians[l] && medians[reference] && *medians[reference] != 0)
                    ratio = *medians[l] / *medians[reference];
                else if (medians[l] && medians[reference] && *medians[l] > 0
                         && m.goal == Goal::RatioAtLeast)
                    ratio = std::numeric_limits<double>::infinity(); // the reference had none
                row << (!ratio               ? QStringLiteral("–")
                        : std::isinf(*ratio) ? QStringLiteral("∞ (%1: none)").arg(reference)
                                             : QString::number(*ratio, 'f', 2) + QLatin1Char('x'));
                if (!mainValue && !mainRatio) { // the first hub column is the one judged
                    mainRatio = ratio;
                    mainValue = medians[l];
                }
            }
            row << m.targetText << verdict(m, mainValue, mainRatio);
            rows << row;
        }
        {
            // Not a result: how much CPU the other tenants took meanwhile (100 = one core).
            QStringList row{
                QStringLiteral("other tenants' CPU during the steps (%, 100 = one core)")};
            for (const QString &l : labels) {
                QList<double> values;
                for (const QJsonObject &r : n.value().value(l))
                    if (const auto v = otherCpu(r))
                        values << *v;
                row << number(median(values));
            }
            for (qsizetype i = 1; i < labels.size(); ++i)
                row << QString();
            row << QString() << QString();
            rows << row;
        }
        out += polling ? QStringLiteral("\n### Long-polling broadcast, %1 polling-only clients (no "
                                        "upgrade; medians)\n\n")
                             .arg(n.key())
                       : QStringLiteral("\n### Broadcast benchmark, %1 clients (medians)\n\n")
                             .arg(n.key());
        out += table(header, rows);
    }
    return out;
}

QString RatioReport::renderCluster() const
{
    // Records by (clients, layout); layouts in a fixed order, "one" is the baseline.
    QMap<int, QMap<QString, QList<QJsonObject>>> byN;
    QMap<QString, QString> labelOf;
    for (const QJsonValue &v : m_records) {
        const QJsonObject r = v.toObject();
        if (r.value(QLatin1String("kind")).toString() != QLatin1String("cluster")
            || r.contains(QLatin1String("error")))
            continue;
        const QString layout = r.value(QLatin1String("layout")).toString();
        labelOf[layout] = r.value(QLatin1String("label")).toString();
        byN[r.value(QLatin1String("clients")).toInt()][layout].append(r);
    }
    if (byN.isEmpty())
        return {};
    const QString base = QStringLiteral("one");
    QString out;
    for (auto n = byN.constBegin(); n != byN.constEnd(); ++n) {
        QStringList layouts;
        for (const QString &l :
             {QStringLiteral("one"), QStringLiteral("one-redis"), QStringLiteral("two")})
            if (n.value().contains(l))
                layouts << l;
        const QList<QJsonObject> all = [&] {
            QList<QJsonObject> list;
            for (const auto &runs : n.value())
                list += runs;
            return list;
        }();
        double fixedRate = 0;
        for (const QJsonObject &r : all)
            if (const auto v = at(r, QStringLiteral("fixed.messages_per_second")))
                fixedRate = std::max(fixedRate, *v);
        const QString fixedText = number(fixedRate > 0 ? fixedRate : 10000.0, 0);
        auto medianOf = [&](const QString &layout, const Getter &get) {
            QList<double> values;
            for (const QJsonObject &r : n.value().value(layout))
                if (const auto v = get(r))
                    values << *v;
            return median(values);
        };
        auto path = [](const QString &p) -> Getter {
            return [p](const QJsonObject &r) {
                return at(r, p);
            };
        };
        QStringList header{QStringLiteral("%1 clients").arg(n.key())};
        for (const QString &l : layouts)
            header
                << QStringLiteral("%1 (n=%2)").arg(labelOf.value(l)).arg(n.value().value(l).size());
        const bool haveBase = layouts.contains(base);
        if (haveBase)
            for (const QString &l : layouts)
                if (l != base)
                    header << QStringLiteral("%1 / %2").arg(labelOf.value(l), labelOf.value(base));
        QList<QStringList> rows;
        auto addRow = [&](const QString &name, const Getter &get, bool ratios = true) {
            QStringList row{name};
            QMap<QString, std::optional<double>> m;
            bool any = false;
            for (const QString &l : layouts) {
                m[l] = medianOf(l, get);
                any = any || m[l].has_value();
                row << number(m[l]);
            }
            if (!any)
                return;
            if (haveBase)
                for (const QString &l : layouts) {
                    if (l == base)
                        continue;
                    const auto a = m.value(l), b = m.value(base);
                    row << (ratios && a && b && *b != 0
                                ? QString::number(*a / *b, 'f', 2) + QLatin1Char('x')
                                : QStringLiteral("–"));
                }
            rows << row;
        };
        const QString at_ = QStringLiteral("at %1 msgs/s: ").arg(fixedText);
        addRow(at_ + QStringLiteral("broadcast p50, all clients (ms)"),
               path(QStringLiteral("fixed.latency.p50_ms")));
        addRow(at_ + QStringLiteral("broadcast p99, all clients (ms)"),
               path(QStringLiteral("fixed.latency.p99_ms")));
        // Per node, where there are two: A holds the sender, B gets every broadcast via Redis.
        auto twoOnly = [](const QString &p) -> Getter {
            return [p](const QJsonObject &r) -> std::optional<double> {
                if (r.value(QLatin1String("nodes")).toInt() < 2)
                    return std::nullopt;
                return at(r, p);
            };
        };
        addRow(at_ + QStringLiteral("p50 on node A, the sender's node (ms)"),
               twoOnly(QStringLiteral("fixed.node0.latency.p50_ms")), false);
        addRow(at_ + QStringLiteral("p99 on node A, the sender's node (ms)"),
               twoOnly(QStringLiteral("fixed.node0.latency.p99_ms")), false);
        addRow(at_ + QStringLiteral("p50 on node B, through Redis (ms)"),
               twoOnly(QStringLiteral("fixed.node1.latency.p50_ms")), false);
        addRow(at_ + QStringLiteral("p99 on node B, through Redis (ms)"),
               twoOnly(QStringLiteral("fixed.node1.latency.p99_ms")), false);
        // Added cross-node latency: node B's median minus one node's median (same run).
        if (haveBase && layouts.contains(QStringLiteral("two"))) {
            for (const char *pct : {"p50", "p99"}) {
                const QString key = QLatin1String(pct);
                const auto remote
                    = medianOf(QStringLiteral("two"),
                               path(QStringLiteral("fixed.node1.latency.%1_ms").arg(key)));
                const auto single
                    = medianOf(base, path(QStringLiteral("fixed.latency.%1_ms").arg(key)));
                QStringList row{
                    at_
                    + QStringLiteral("added cross-node latency %1: node B − one node (ms)")
                          .arg(key)};
                for (const QString &l : layouts)
                    row << (l == QLatin1String("two") && remote && single
                                ? number(*remote - *single)
                                : QStringLiteral("–"));
                for (qsizetype i = 1; i < layouts.size(); ++i)
                    row << QStringLiteral("–");
                rows << row;
            }
        }
        // The same difference paired within each two-node run (B against A, same moment, same
        // load on the machine): what the hop through Redis adds to a delivery of the same size.
        for (const char *pct : {"p50", "p99"}) {
            const QString key = QLatin1String(pct);
            addRow(
                at_ + QStringLiteral("node B − node A in the same run, %1 (ms)").arg(key),
                [key](const QJsonObject &r) -> std::optional<double> {
                    if (r.value(QLatin1String("nodes")).toInt() < 2)
                        return std::nullopt;
                    const auto b = at(r, QStringLiteral("fixed.node1.latency.%1_ms").arg(key));
                    const auto a = at(r, QStringLiteral("fixed.node0.latency.%1_ms").arg(key));
                    if (!a || !b)
                        return std::nullopt;
                    return *b - *a;
                },
                false);
        }
        addRow(at_ + QStringLiteral("delivered (fraction of sent × clients)"),
               path(QStringLiteral("fixed.delivered_fraction")));
        addRow(at_ + QStringLiteral("CPU of the servers, Redis included (%, 100 = one core)"),
               path(QStringLiteral("fixed.server_cpu_pct")));
        addRow(
            at_ + QStringLiteral("CPU of Redis (%)"),
            [](const QJsonObject &r) -> std::optional<double> {
                if (!r.value(QLatin1String("redis")).toBool())
                    return std::nullopt;
                return at(r, QStringLiteral("fixed.redis_cpu_pct"));
            },
            false);
        addRow(QStringLiteral("broadcast capacity (msgs/s, full delivery, p99 ≤ 100 ms)"),
               path(QStringLiteral("capacity")));
        addRow(QStringLiteral("p99 at the capacity step (ms)"),
               path(QStringLiteral("capacity_p99_ms")));
        addRow(QStringLiteral("CPU of the servers at the capacity step (%, Redis included)"),
               path(QStringLiteral("capacity_server_cpu_pct")));
        addRow(
            QStringLiteral("CPU of Redis at the capacity step (%)"),
            [](const QJsonObject &r) -> std::optional<double> {
                if (!r.value(QLatin1String("redis")).toBool())
                    return std::nullopt;
                return at(r, QStringLiteral("capacity_redis_cpu_pct"));
            },
            false);
        addRow(QStringLiteral("generator CPU at the capacity step (%)"),
               path(QStringLiteral("capacity_generator_cpu_pct")));
        addRow(QStringLiteral("clients dropped during the run"),
               path(QStringLiteral("dropped_clients")), false);
        addRow(
            QStringLiteral("other tenants' CPU during the steps (%, 100 = one core)"),
            [](const QJsonObject &r) -> std::optional<double> {
                QList<double> v;
                if (const auto x = at(r, QStringLiteral("fixed.other_cpu_pct")))
                    v << *x;
                for (const QJsonValue &s : r.value(QLatin1String("ladder")).toArray())
                    if (const auto x = at(s.toObject(), QStringLiteral("other_cpu_pct")))
                        v << *x;
                return median(v);
            },
            false);
        out += QStringLiteral("\n### Cluster: one node against two joined by Redis, %1 clients "
                              "(medians)\n\n")
                   .arg(n.key());
        out += table(header, rows);
        // Where everything ran: on a small machine the nodes share cores, and the capacity
        // figure means the cluster's cost on the same cores, not what a second machine adds.
        QStringList placement;
        for (const QString &l : layouts) {
            const QJsonObject r = n.value().value(l).first();
            QStringList cpus;
            for (const QJsonValue &c : r.value(QLatin1String("node_cpus")).toArray())
                cpus << QString::number(c.toInt());
            QString text
                = QStringLiteral("%1: node%2 on CPU %3")
                      .arg(labelOf.value(l), cpus.size() > 1 ? QStringLiteral("s A, B") : QString(),
                           cpus.join(QStringLiteral(", ")));
            if (r.value(QLatin1String("redis")).toBool())
                text += QStringLiteral(", Redis on CPU %1")
                            .arg(r.value(QLatin1String("redis_cpu")).toInt());
            text += QStringLiteral(", generator on CPU %1")
                        .arg(r.value(QLatin1String("generator_cpu")).toInt());
            placement << text;
        }
        out += QStringLiteral("\nPinning: %1.\n").arg(placement.join(QStringLiteral("; ")));
    }
    return out;
}

QString RatioReport::renderCafe() const
{
    QMap<QString, QList<QJsonObject>> byLabel;
    QString reference;
    for (const QJsonValue &v : m_records) {
        const QJsonObject r = v.toObject();
        if (r.value(QLatin1String("kind")).toString() != QLatin1String("cafe")
            || r.contains(QLatin1String("error")))
            continue;
        const QString label = r.value(QLatin1String("label")).toString();
        if (r.value(QLatin1String("reference")).toBool())
            reference = label;
        byLabel[label].append(r);
    }
    if (byLabel.isEmpty())
        return {};
    // The reference, then the hub on SQLite, then on PostgreSQL, then anything else.
    QStringList labels = byLabel.keys();
    for (const QString &l : {QStringLiteral("hub-pg"), QStringLiteral("hub"), reference})
        if (labels.removeOne(l))
            labels.prepend(l);
    // Ratio columns: each hub against the reference, and PostgreSQL against SQLite.
    QList<std::pair<QString, QString>> ratios;
    for (const QString &l : std::as_const(labels))
        if (l != reference && !reference.isEmpty())
            ratios.append({l, reference});
    if (byLabel.contains(QStringLiteral("hub-pg")) && byLabel.contains(QStringLiteral("hub")))
        ratios.append({QStringLiteral("hub-pg"), QStringLiteral("hub")});
    const int consoles = byLabel.first().first().value(QLatin1String("consoles")).toInt();
    // Per rate: medians of p99 command-to-event latency and of commands acknowledged per second.
    auto stepValue
        = [](const QJsonObject &run, double rate, const QString &path) -> std::optional<double> {
        for (const QJsonValue &v : run.value(QLatin1String("steps")).toArray()) {
            const QJsonObject s = v.toObject();
            if (s.value(QLatin1String("rate")).toDouble() == rate)
                return at(s, path);
        }
        return std::nullopt;
    };
    QList<double> rates;
    for (const auto &runs : byLabel)
        for (const QJsonObject &r : runs)
            for (const QJsonValue &v : r.value(QLatin1String("steps")).toArray())
                if (!rates.contains(v.toObject().value(QLatin1String("rate")).toDouble()))
                    rates << v.toObject().value(QLatin1String("rate")).toDouble();
    std::sort(rates.begin(), rates.end());
    auto medianOf = [&](const QString &label,
                        const std::function<std::optional<double>(const QJsonObject &)> &get) {
        QList<double> values;
        for (const QJsonObject &r : byLabel.value(label))
            if (const auto v = get(r))
                values << *v;
        return median(values);
    };
    QString out = QStringLiteral("\n### Cafe run: create_order through the full domain path, %1 "
                                 "consoles (medians)\n\n")
                      .arg(consoles);
    QStringList header{QStringLiteral("measure")};
    for (const QString &l : labels)
        header << QStringLiteral("%1 (n=%2)").arg(l).arg(byLabel.value(l).size());
    for (const auto &r : std::as_const(ratios))
        header << QStringLiteral("%1 / %2").arg(r.first, r.second);
    QList<QStringList> rows;
    auto addRow = [&](const QString &name,
                      const std::function<std::optional<double>(const QJsonObject &)> &get) {
        QStringList row{name};
        QMap<QString, std::optional<double>> m;
        bool any = false;
        for (const QString &l : labels) {
            m[l] = medianOf(l, get);
            any = any || m[l].has_value();
            row << number(m[l]);
        }
        if (!any)
            return;
        for (const auto &r : std::as_const(ratios)) {
            const auto a = m.value(r.first), b = m.value(r.second);
            row << (a && b && *b != 0 ? QString::number(*a / *b, 'f', 2) + QLatin1Char('x')
                                      : QStringLiteral("–"));
        }
        rows << row;
    };
    addRow(QStringLiteral("highest rate with every command acked, every event delivered, p99 "
                          "command-to-event ≤ 100 ms (commands/s)"),
           [](const QJsonObject &r) { return at(r, QStringLiteral("capacity")); });
    addRow(QStringLiteral("the same with p99 command-to-event ≤ 50 ms, issue 20's bound "
                          "(commands/s)"),
           [](const QJsonObject &r) { return at(r, QStringLiteral("capacity_p99_50ms")); });
    addRow(QStringLiteral("most create_order acknowledged per second in any step (commands/s)"),
           [](const QJsonObject &r) { return at(r, QStringLiteral("max_acked_per_second")); });
    for (double rate : std::as_const(rates)) {
        addRow(QStringLiteral("at %1 commands/s: acknowledged per second").arg(rate),
               [&](const QJsonObject &r) {
                   return stepValue(r, rate, QStringLiteral("commands_per_second"));
               });
        addRow(QStringLiteral("at %1 commands/s: command-to-event p99 (ms)").arg(rate),
               [&](const QJsonObject &r) {
                   return stepValue(r, rate, QStringLiteral("event.p99_ms"));
               });
        addRow(QStringLiteral("at %1 commands/s: PostgreSQL's CPU (%, 100 = one core)").arg(rate),
               [&](const QJsonObject &r) {
                   return stepValue(r, rate, QStringLiteral("database_cpu_pct"));
               });
    }
    out += table(header, rows);
    if (byLabel.contains(QStringLiteral("hub-pg")))
        out += QStringLiteral("\nhub: the hub with SQLite in its data folder; hub-pg: the same hub "
                              "with `--database postgresql://…` on a PostgreSQL 15 started for "
                              "the run (fsync on, synchronous_commit on), pinned to the hub's "
                              "CPU.\n");
    return out;
}

QString RatioReport::renderClient() const
{
    QMap<QString, QList<QJsonObject>> byLabel;
    QString reference;
    for (const QJsonValue &v : m_records) {
        const QJsonObject r = v.toObject();
        if (r.value(QLatin1String("kind")).toString() != QLatin1String("client")
            || r.contains(QLatin1String("error")))
            continue;
        const QString label = r.value(QLatin1String("label")).toString();
        if (r.value(QLatin1String("reference")).toBool())
            reference = label;
        byLabel[label].append(r);
    }
    if (byLabel.isEmpty())
        return {};
    QStringList labels = byLabel.keys();
    if (labels.removeOne(reference))
        labels.prepend(reference);
    const QString ours = labels.value(1);
    QList<double> rates;
    for (const auto &runs : byLabel)
        for (const QJsonObject &r : runs)
            for (const QJsonValue &v : r.value(QLatin1String("steps")).toArray())
                if (!rates.contains(v.toObject().value(QLatin1String("rate")).toDouble()))
                    rates << v.toObject().value(QLatin1String("rate")).toDouble();
    std::sort(rates.begin(), rates.end());
    auto stepValue
        = [](const QJsonObject &run, double rate, const QString &path) -> std::optional<double> {
        for (const QJsonValue &v : run.value(QLatin1String("steps")).toArray())
            if (v.toObject().value(QLatin1String("rate")).toDouble() == rate)
                return at(v.toObject(), path);
        return std::nullopt;
    };
    QStringList header{QStringLiteral("measure")};
    for (const QString &l : labels)
        header << QStringLiteral("%1 (n=%2)").arg(l).arg(byLabel.value(l).size());
    if (!ours.isEmpty())
        header << QStringLiteral("%1 / %2").arg(ours, reference);
    QList<QStringList> rows;
    auto addRow = [&](const QString &name,
                      const std::function<std::optional<double>(const QJsonObject &)> &get) {
        QStringList row{name};
        QMap<QString, std::optional<double>> m;
        for (const QString &l : labels) {
            QList<double> values;
            for (const QJsonObject &r : byLabel.value(l))
                if (const auto v = get(r))
                    values << *v;
            m[l] = median(values);
            row << number(m[l]);
        }
        if (!ours.isEmpty()) {
            const auto a = m.value(ours), b = m.value(reference);
            row << (a && b && *b != 0 ? QString::number(*a / *b, 'f', 2) + QLatin1Char('x')
                                      : QStringLiteral("–"));
        }
        rows << row;
    };
    addRow(QStringLiteral("highest rate with every event in and p99 ≤ 100 ms (events/s)"),
           [](const QJsonObject &r) { return at(r, QStringLiteral("capacity")); });
    for (double rate : std::as_const(rates)) {
        const QString at_ = QStringLiteral("at %1 events/s: ").arg(rate);
        addRow(at_ + QStringLiteral("events received per second"), [&](const QJsonObject &r) {
            return stepValue(r, rate, QStringLiteral("events_per_second"));
        });
        addRow(at_ + QStringLiteral("event-to-model p99 (ms)"),
               [&](const QJsonObject &r) { return stepValue(r, rate, QStringLiteral("p99_ms")); });
        addRow(at_ + QStringLiteral("CPU per event (µs)"), [&](const QJsonObject &r) {
            return stepValue(r, rate, QStringLiteral("cpu_us_per_event"));
        });
        addRow(
            at_ + QStringLiteral("longest stall of the UI thread / event loop (ms)"),
            [&](const QJsonObject &r) { return stepValue(r, rate, QStringLiteral("stall_ms")); });
    }
    return QStringLiteral("\n### Client: one connection, five namespaces, the cafe's traffic "
                          "(medians)\n\n")
           + table(header, rows);
}

QString RatioReport::renderCodec() const
{
    // cpu_time (ns) per benchmark name, per label, over repeats.
    QMap<QString, QMap<QString, QList<double>>> byLabel;
    QString reference;
    for (const QJsonValue &v : m_records) {
        const QJsonObject r = v.toObject();
        if (r.value(QLatin1String("kind")).toString() != QLatin1String("codec")
            || r.contains(QLatin1String("error")))
            continue;
        const QString label = r.value(QLatin1String("label")).toString();
        if (r.value(QLatin1String("reference")).toBool())
            reference = label;
        for (const QJsonValue &b : r.value(QLatin1String("benchmarks")).toArray()) {
            const QJsonObject o = b.toObject();
            double ns = o.value(QLatin1String("cpu_time")).toDouble();
            const QString unit = o.value(QLatin1String("time_unit")).toString();
            if (unit == u"us")
                ns *= 1000;
            else if (unit == u"ms")
                ns *= 1e6;
            byLabel[label][o.value(QLatin1String("name")).toString()] << ns;
        }
    }
    if (byLabel.size() < 1)
        return {};
    QStringList labels = byLabel.keys();
    if (labels.removeOne(reference))
        labels.prepend(reference);
    const QString ours = labels.value(1);
    QStringList names = byLabel.value(ours.isEmpty() ? reference : ours).keys();
    // encode and decode side by side; map (ours only) last.
    QStringList events;
    for (const QString &n : names) {
        const QString e = n.section(QLatin1Char('/'), 1);
        if (!events.contains(e))
            events << e;
    }
    QStringList header{QStringLiteral("envelope")};
    for (const QString &kind : {QStringLiteral("encode"), QStringLiteral("decode")}) {
        for (const QString &l : labels)
            header << QStringLiteral("%1 %2 (µs)").arg(kind, l);
        if (!ours.isEmpty() && !reference.isEmpty())
            header << QStringLiteral("%1 %2 / %3").arg(kind, ours, reference);
    }
    const bool lite
        = !ours.isEmpty() && std::any_of(names.cbegin(), names.cend(), [](const QString &n) {
              return n.startsWith(QLatin1String("decode-lite/"));
          });
    if (lite) {
        header << QStringLiteral("decode with LiteJson %1 (µs)").arg(ours);
        if (!reference.isEmpty())
            header << QStringLiteral("LiteJson %1 / %2 decode").arg(ours, reference);
    }
    if (!ours.isEmpty())
        header << QStringLiteral("map to CafeEvent %1 (µs)").arg(ours);
    QList<QStringList> rows;
    QMap<QString, double> logRatioSum;
    QMap<QString, int> logRatioCount;
    for (const QString &e : std::as_const(events)) {
        QStringList row{e};
        for (const QString &kind : {QStringLiteral("encode"), QStringLiteral("decode")}) {
            QMap<QString, std::optional<double>> m;
            for (const QString &l : labels) {
                m[l] = median(byLabel.value(l).value(kind + QLatin1Char('/') + e));
                row << (m[l] ? number(*m[l] / 1000.0, 2) : QStringLiteral("–"));
            }
            if (!ours.isEmpty() && !reference.isEmpty()) {
                const auto a = m.value(ours), b = m.value(reference);
                if (a && b && *b > 0) {
                    row << QString::number(*a / *b, 'f', 2) + QLatin1Char('x');
                    logRatioSum[kind] += std::log(*a / *b);
                    ++logRatioCount[kind];
                } else {
                    row << QStringLiteral("–");
                }
            }
        }
        if (lite) {
            const auto a = median(byLabel.value(ours).value(QStringLiteral("decode-lite/") + e));
            row << (a ? number(*a / 1000.0, 2) : QStringLiteral("–"));
            if (!reference.isEmpty()) {
                const auto b
                    = median(byLabel.value(reference).value(QStringLiteral("decode/") + e));
                if (a && b && *b > 0) {
                    row << QString::number(*a / *b, 'f', 2) + QLatin1Char('x');
                    logRatioSum[QStringLiteral("decode-lite")] += std::log(*a / *b);
                    ++logRatioCount[QStringLiteral("decode-lite")];
                } else {
                    row << QStringLiteral("–");
                }
            }
        }
        if (!ours.isEmpty()) {
            const auto mapped = median(byLabel.value(ours).value(QStringLiteral("map/") + e));
            row << (mapped ? number(*mapped / 1000.0, 2) : QStringLiteral("–"));
        }
        rows << row;
    }
    QString out = QStringLiteral(
                      "\n### Codec, the contract's %1 envelopes (CPU time per call, medians)\n\n")
                      .arg(events.size());
    out += table(header, rows);
    if (!logRatioCount.isEmpty()) {
        out += QStringLiteral("\nGeometric mean of %1 / %2: encode %3x, decode %4x.\n")
                   .arg(ours, reference)
                   .arg(std::exp(logRatioSum.value(QStringLiteral("encode"))
                                 / std::max(1, logRatioCount.value(QStringLiteral("encode")))),
                        0, 'f', 2)
                   .arg(std::exp(logRatioSum.value(QStringLiteral("decode"))
                                 / std::max(1, logRatioCount.value(QStringLiteral("decode")))),
                        0, 'f', 2);
        if (logRatioCount.value(QStringLiteral("decode-lite")) > 0)
            out += QStringLiteral("Decoding with LiteJson (the console's live path): %1x.\n")
                       .arg(std::exp(logRatioSum.value(QStringLiteral("decode-lite"))
                                     / logRatioCount.value(QStringLiteral("decode-lite"))),
                            0, 'f', 2);
    }
    return out;
}

// ---- Issue 20's targets -------------------------------------------------------------------------

namespace {

// One row of the targets table, as computed.
struct TargetRow
{
    QString item;    // the item number
    QString measure; // what is compared
    QString goal;    // the target, as text
    QString referenceText;
    std::optional<double> ours;
    std::optional<double> ratio; // ours / reference
    QString verdict;             // met, short, not run, recorded
};

// The records of one part, grouped the way every target row reads them.
class TargetData
{
public:
    explicit TargetData(const QJsonArray &records)
    {
        for (const QJsonValue &v : records) {
            const QJsonObject r = v.toObject();
            if (!r.contains(QLatin1String("error")))
                m_records << r;
        }
    }
    // Records of a part (kind), at a client count (0: any), for the reference or for ours (a
    // label, or any non-reference record when label is empty).
    QList<QJsonObject> select(const QString &kind, int clients, bool reference,
                              const QString &label = {}) const
    {
        QList<QJsonObject> out;
        for (const QJsonObject &r : m_records) {
            if (r.value(QLatin1String("kind")).toString() != kind
                || (clients > 0 && r.value(QLatin1String("clients")).toInt() != clients)
                || r.value(QLatin1String("reference")).toBool() != reference
                || (!label.isEmpty() && r.value(QLatin1String("label")).toString() != label))
                continue;
            out << r;
        }
        return out;
    }
    bool ran(const QString &kind, int clients = 0) const
    {
        return !select(kind, clients, false).isEmpty() || !select(kind, clients, true).isEmpty();
    }
    static std::optional<double> medianOf(const QList<QJsonObject> &records, const Getter &get)
    {
        QList<double> values;
        for (const QJsonObject &r : records)
            if (const auto v = get(r))
                values << *v;
        return median(values);
    }
    static QString referenceLabel(const QList<QJsonObject> &records)
    {
        return records.isEmpty() ? QString()
                                 : records.first().value(QLatin1String("label")).toString();
    }

private:
    QList<QJsonObject> m_records;
};

enum class Check { AtLeast, AtMost, RatioAtLeast, RatioAtMost, Recorded };

// A target read from one figure of one part: ours (median over repeats) against a fixed figure
// (µWebSockets' from the issue, or an absolute bound) or against the reference's median from the
// same run.
struct MetricTarget
{
    QString item;
    QString measure;
    QString goal;
    QString kind;
    int clients = 0;  // 0: any client count
    QString ourLabel; // empty: any non-reference record
    Getter get;
    Check check = Check::Recorded;
    double threshold = 0;           // the bound (AtLeast/AtMost) or the ratio bound
    std::optional<double> fixedRef; // µWS (issue) or a bound shown as the reference
    QString fixedRefLabel;
    bool sameRunReference = false; // the reference's median from the same run
};

Getter path(const QString &p)
{
    return [p](const QJsonObject &r) {
        return at(r, p);
    };
}

// The value at path in the record's "steps" entry whose "rate" is rate.
Getter stepAt(double rate, const QString &p)
{
    return [rate, p](const QJsonObject &r) -> std::optional<double> {
        for (const QJsonValue &v : r.value(QLatin1String("steps")).toArray())
            if (v.toObject().value(QLatin1String("rate")).toDouble() == rate)
                return at(v.toObject(), p);
        return std::nullopt;
    };
}

// A value only when the step delivered everything (a latency of a step that lost messages is
// not a result).
Getter whenDelivered(const QString &step, const QString &p)
{
    return [step, p](const QJsonObject &r) -> std::optional<double> {
        const auto delivered = at(r, step + QLatin1String(".delivered_fraction"));
        if (!delivered || *delivered < 1.0)
            return std::nullopt;
        return at(r, step + QLatin1Char('.') + p);
    };
}

// The capacity, when the run held its steps to the p99 bound (100 ms) or a tighter one.
Getter capacityWithin100Ms()
{
    return [](const QJsonObject &r) -> std::optional<double> {
        if (r.value(QLatin1String("p99_bound_ms")).toDouble(100) > 100)
            return std::nullopt;
        return at(r, QStringLiteral("capacity"));
    };
}

QString verdictOf(Check check, double threshold, std::optional<double> ours,
                  std::optional<double> ratio)
{
    switch (check) {
    case Check::Recorded:
        return ours ? QStringLiteral("recorded") : QStringLiteral("short");
    case Check::AtLeast:
        return !ours ? QStringLiteral("short")
                     : (*ours >= threshold ? QStringLiteral("met") : QStringLiteral("short"));
    case Check::AtMost:
        return !ours ? QStringLiteral("short")
                     : (*ours <= threshold ? QStringLiteral("met") : QStringLiteral("short"));
    case Check::RatioAtLeast:
        return !ratio ? QStringLiteral("short")
                      : (*ratio >= threshold ? QStringLiteral("met") : QStringLiteral("short"));
    case Check::RatioAtMost:
        return !ratio ? QStringLiteral("short")
                      : (*ratio <= threshold ? QStringLiteral("met") : QStringLiteral("short"));
    }
    return {};
}

TargetRow evaluate(const TargetData &data, const MetricTarget &t)
{
    TargetRow row{t.item, t.measure, t.goal, QStringLiteral("–"), {}, {}, {}};
    std::optional<double> reference = t.fixedRef;
    if (t.fixedRef)
        row.referenceText = QStringLiteral("%1 %2").arg(number(t.fixedRef), t.fixedRefLabel);
    if (!data.ran(t.kind, t.clients)) {
        row.verdict = QStringLiteral("not run");
        return row;
    }
    if (t.sameRunReference) {
        const QList<QJsonObject> refs = data.select(t.kind, t.clients, true);
        reference = TargetData::medianOf(refs, t.get);
        if (refs.isEmpty()) {
            row.referenceText = QStringLiteral("(reference not run)");
            // Without the reference a ratio cannot be judged; an absolute bound still can.
            if (t.check == Check::RatioAtLeast || t.check == Check::RatioAtMost) {
                row.verdict = QStringLiteral("not run");
                return row;
            }
        } else {
            row.referenceText
                = QStringLiteral("%1 %2").arg(number(reference), TargetData::referenceLabel(refs));
        }
    }
    row.ours = TargetData::medianOf(data.select(t.kind, t.clients, false, t.ourLabel), t.get);
    if (row.ours && reference && *reference != 0)
        row.ratio = *row.ours / *reference;
    row.verdict = verdictOf(t.check, t.threshold, row.ours, row.ratio);
    return row;
}

// Codec: the geometric mean over envelopes of ours / socket.io-parser (CPU time per call);
// ours and the reference shown as the mean time per call (µs) over the envelopes both measured.
// `ours` and `theirs` name the benchmarks compared ("decode-lite" against "decode": our LiteJson
// read against socket.io-parser's decode).
TargetRow codecRow(const QJsonArray &records, const QString &ours_, const QString &theirs,
                   const QString &measure)
{
    TargetRow row{QStringLiteral("5"),      measure, QStringLiteral("≤ 1× socket.io-parser"),
                  QStringLiteral("–"),      {},      {},
                  QStringLiteral("not run")};
    QMap<QString, QList<double>> ours, ref; // envelope -> ns over repeats
    QString refLabel;
    for (const QJsonValue &v : records) {
        const QJsonObject r = v.toObject();
        if (r.value(QLatin1String("kind")).toString() != u"codec"
            || r.contains(QLatin1String("error")))
            continue;
        const bool isRef = r.value(QLatin1String("reference")).toBool();
        if (isRef)
            refLabel = r.value(QLatin1String("label")).toString();
        for (const QJsonValue &b : r.value(QLatin1String("benchmarks")).toArray()) {
            const QJsonObject o = b.toObject();
            const QString name = o.value(QLatin1String("name")).toString();
            const QString direction = isRef ? theirs : ours_;
            if (!name.startsWith(direction + QLatin1Char('/')))
                continue;
            double ns = o.value(QLatin1String("cpu_time")).toDouble();
            const QString unit = o.value(QLatin1String("time_unit")).toString();
            ns *= unit == u"us" ? 1e3 : unit == u"ms" ? 1e6 : 1.0;
            (isRef ? ref : ours)[name.section(QLatin1Char('/'), 1)] << ns;
        }
    }
    if (ours.isEmpty() && ref.isEmpty())
        return row;
    double logSum = 0, oursSum = 0, refSum = 0;
    int n = 0;
    for (auto it = ours.constBegin(); it != ours.constEnd(); ++it) {
        const auto a = median(it.value()), b = median(ref.value(it.key()));
        if (!a || !b || *b <= 0 || *a <= 0)
            continue;
        logSum += std::log(*a / *b);
        oursSum += *a;
        refSum += *b;
        ++n;
    }
    if (n == 0) {
        row.verdict = ref.isEmpty() ? QStringLiteral("not run") : QStringLiteral("short");
        return row;
    }
    row.referenceText = QStringLiteral("%1 %2").arg(number(refSum / n / 1000.0, 2), refLabel);
    row.ours = oursSum / n / 1000.0;
    row.ratio = std::exp(logSum / n);
    row.verdict = verdictOf(Check::RatioAtMost, 1.0, row.ours, row.ratio);
    return row;
}

} // namespace

QString RatioReport::renderTargets() const
{
    const TargetData data(m_records);
    const QString uws = QStringLiteral("µWS (issue)");
    // One builder per target figure; a new part's row is one more entry here.
    QList<std::function<TargetRow()>> rows;
    auto metric = [&](MetricTarget t) {
        rows << [&data, t] {
            return evaluate(data, t);
        };
    };
    // 1. Against µWebSockets, at 1,000 and 5,000 websocket clients (and 50,000 for memory).
    metric({QStringLiteral("1"), QStringLiteral("broadcast capacity, 5,000 clients (msgs/s)"),
            QStringLiteral("≥ 3,900,000"), QStringLiteral("broadcast"), 5000, QStringLiteral("hub"),
            capacityWithin100Ms(), Check::AtLeast, 3.9e6, 3.9e6, uws});
    for (const auto &[n, text] : {std::pair{1000, "1,000"}, std::pair{5000, "5,000"}})
        metric({QStringLiteral("1"),
                QStringLiteral("connect rate, 200 in flight, %1 clients (conn/s)")
                    .arg(QLatin1String(text)),
                QStringLiteral("≥ 48,000"), QStringLiteral("broadcast"), n, QStringLiteral("hub"),
                path(QStringLiteral("connect.per_second")), Check::AtLeast, 48000, 48000, uws});
    metric({QStringLiteral("1"),
            QStringLiteral("memory growth per idle websocket, 5,000 clients (KB, user space)"),
            QStringLiteral("≤ 2"), QStringLiteral("broadcast"), 5000, QStringLiteral("hub"),
            path(QStringLiteral("memory.kb_per_connection")), Check::AtMost, 2, 2, uws});
    metric({QStringLiteral("1"),
            QStringLiteral("memory growth per idle websocket, 50,000 clients (KB, user space)"),
            QStringLiteral("≤ 2"),
            QStringLiteral("scale"),
            50000, // a smaller run (where the open-file limit allows no more) is not it
            {},
            path(QStringLiteral("memory.kb_per_connection")),
            Check::AtMost,
            2,
            2,
            uws});
    metric({QStringLiteral("1"),
            QStringLiteral("memory growth per long-polling session, 2,000 clients (KB)"),
            QStringLiteral("measured"),
            QStringLiteral("polling"),
            0,
            QStringLiteral("hub"),
            path(QStringLiteral("memory.kb_per_connection")),
            Check::Recorded,
            0,
            {},
            {},
            true});
    // 2. 50,000 websocket clients on this machine (the scale part).
    metric({QStringLiteral("2"),
            QStringLiteral("50,000 clients connected in (s)"),
            QStringLiteral("≤ 10"),
            QStringLiteral("scale"),
            50000, // a smaller run (where the open-file limit allows no more) is not it
            {},
            path(QStringLiteral("connect.seconds")),
            Check::AtMost,
            10,
            {},
            {},
            false});
    metric({QStringLiteral("2"),
            QStringLiteral("broadcast to 50,000 once a second, delivered in full, p99 (ms)"),
            QStringLiteral("≤ 250"),
            QStringLiteral("scale"),
            50000, // a smaller run (where the open-file limit allows no more) is not it
            {},
            whenDelivered(QStringLiteral("broadcast"), QStringLiteral("latency.p99_ms")),
            Check::AtMost,
            250,
            {},
            {},
            false});
    metric({QStringLiteral("2"),
            QStringLiteral("idle ack p99 meanwhile, 50,000 clients (ms)"),
            QStringLiteral("≤ 5"),
            QStringLiteral("scale"),
            50000, // a smaller run (where the open-file limit allows no more) is not it
            {},
            path(QStringLiteral("ack_idle.p99_ms")),
            Check::AtMost,
            5,
            {},
            {},
            false});
    // 3. Latency at 10,000 clients and 20,000 msgs/s.
    metric(
        {QStringLiteral("3"),
         QStringLiteral("broadcast p99, 10,000 clients at 20,000 msgs/s, delivered in full (ms)"),
         QStringLiteral("≤ 20"),
         QStringLiteral("broadcast"),
         10000,
         QStringLiteral("hub"),
         whenDelivered(QStringLiteral("fixed"), QStringLiteral("latency.p99_ms")),
         Check::AtMost,
         20,
         {},
         {},
         true});
    // 4. The console against socket.io-client on the same stream.
    metric({QStringLiteral("4"),
            QStringLiteral("console CPU per event at 20,000 events/s (µs)"),
            QStringLiteral("≤ 1× socket.io-client"),
            QStringLiteral("client"),
            0,
            {},
            stepAt(20000, QStringLiteral("cpu_us_per_event")),
            Check::RatioAtMost,
            1,
            {},
            {},
            true});
    metric({QStringLiteral("4"),
            QStringLiteral("console ingest capacity (events/s)"),
            QStringLiteral("≥ 1× socket.io-client"),
            QStringLiteral("client"),
            0,
            {},
            path(QStringLiteral("capacity")),
            Check::RatioAtLeast,
            1,
            {},
            {},
            true});
    metric({QStringLiteral("4"),
            QStringLiteral("longest UI stall at 20,000 events/s (ms)"),
            QStringLiteral("≤ 16"),
            QStringLiteral("client"),
            0,
            {},
            stepAt(20000, QStringLiteral("stall_ms")),
            Check::AtMost,
            16,
            {},
            {},
            false});
    metric({QStringLiteral("4"),
            QStringLiteral("100,000-order history scrolled and filtered, longest frame (ms)"),
            QStringLiteral("≤ 16"),
            QStringLiteral("history"),
            0,
            {},
            path(QStringLiteral("max_frame_ms")),
            Check::AtMost,
            16,
            {},
            {},
            false});
    // 5. The codec against socket.io-parser.
    // Decoding: the console's live path reads EVENT frames with LiteJson; Qt's JSON tree is
    // still read for binary events, refused frames and the other packets.
    rows << [this] {
        return codecRow(m_records, QStringLiteral("encode"), QStringLiteral("encode"),
                        QStringLiteral("encode time per call, 17 envelopes (µs, geometric-mean "
                                       "ratio)"));
    };
    rows << [this] {
        return codecRow(m_records, QStringLiteral("decode-lite"), QStringLiteral("decode"),
                        QStringLiteral("decode time per call, LiteJson (the console's live "
                                       "path), 17 envelopes (µs, geometric-mean ratio)"));
    };
    rows << [this] {
        return codecRow(m_records, QStringLiteral("decode"), QStringLiteral("decode"),
                        QStringLiteral("decode time per call into Qt's JSON tree, 17 envelopes "
                                       "(µs, geometric-mean ratio)"));
    };
    // 6. The cafe path: 1,000 consoles, durable create_order, on SQLite and on PostgreSQL.
    for (const QString &label : {QStringLiteral("hub"), QStringLiteral("hub-pg")}) {
        const QString store
            = label == u"hub" ? QStringLiteral("SQLite") : QStringLiteral("PostgreSQL");
        metric({QStringLiteral("6"),
                QStringLiteral("create_order acknowledged per second, %1 (capacity)").arg(store),
                QStringLiteral("≥ 2,000"),
                QStringLiteral("cafe"),
                0,
                label,
                path(QStringLiteral("capacity")),
                Check::AtLeast,
                2000,
                {},
                {},
                true});
        metric({QStringLiteral("6"),
                QStringLiteral("command-to-event p99 at 2,000 create_order/s, %1 (ms)").arg(store),
                QStringLiteral("≤ 50"),
                QStringLiteral("cafe"),
                0,
                label,
                stepAt(2000, QStringLiteral("event.p99_ms")),
                Check::AtMost,
                50,
                {},
                {},
                true});
    }
    // 7. Long-polling: polling-only clients, broadcast capacity against socket.io's.
    metric({QStringLiteral("7"),
            QStringLiteral("broadcast capacity, 2,000 polling-only clients (msgs/s)"),
            QStringLiteral("≥ 1× socket.io"),
            QStringLiteral("polling"),
            2000,
            QStringLiteral("hub"),
            capacityWithin100Ms(),
            Check::RatioAtLeast,
            1,
            {},
            {},
            true});
    // 8. Sign-in under load (no reference: stock socket.io has no sign-in).
    metric({QStringLiteral("8"),
            QStringLiteral("sign-ins answered with a token per second"),
            QStringLiteral("≥ 20"),
            QStringLiteral("signin"),
            0,
            {},
            path(QStringLiteral("sign_ins.per_second")),
            Check::AtLeast,
            20,
            {},
            {},
            false});
    {
        // The probe's p99 while signing in, against its own idle p99 from the same run.
        MetricTarget t{QStringLiteral("8"),
                       QStringLiteral("probe ack p99 during 20 sign-ins/s (ms; reference: idle)"),
                       QStringLiteral("≤ 2× idle"),
                       QStringLiteral("signin"),
                       0,
                       {},
                       path(QStringLiteral("probe_load.p99_ms")),
                       Check::RatioAtMost,
                       2,
                       {},
                       {},
                       false};
        rows << [&data, t] {
            TargetRow row = evaluate(data, t);
            if (row.verdict == u"not run")
                return row;
            const auto idle = TargetData::medianOf(data.select(t.kind, 0, false),
                                                   path(QStringLiteral("probe_idle.p99_ms")));
            row.referenceText = QStringLiteral("%1 idle").arg(number(idle));
            row.ratio = row.ours && idle && *idle > 0 ? std::optional<double>(*row.ours / *idle)
                                                      : std::nullopt;
            row.verdict = verdictOf(t.check, t.threshold, row.ours, row.ratio);
            return row;
        };
    }
    QList<QStringList> table_;
    int met = 0, shortCount = 0, notRun = 0;
    for (const auto &build : std::as_const(rows)) {
        const TargetRow r = build();
        met += r.verdict == u"met";
        shortCount += r.verdict == u"short";
        notRun += r.verdict == u"not run";
        table_ << QStringList{r.item,
                              r.measure,
                              r.goal,
                              r.referenceText,
                              number(r.ours),
                              r.ratio ? QString::number(*r.ratio, 'f', 2) + QLatin1Char('x')
                                      : QStringLiteral("–"),
                              r.verdict == u"short" ? QStringLiteral("**short**") : r.verdict};
    }
    QString out = QStringLiteral("\n### Issue 20 targets (medians; reference: the same run's, or "
                                 "µWebSockets' figure from the issue)\n\n");
    out += table({QStringLiteral("item"), QStringLiteral("measure"), QStringLiteral("goal"),
                  QStringLiteral("reference"), QStringLiteral("ours"), QStringLiteral("ratio"),
                  QStringLiteral("verdict")},
                 table_);
    out += QStringLiteral("\n%1 met, %2 short, %3 not run.\n").arg(met).arg(shortCount).arg(notRun);
    return out;
}

QString RatioReport::renderSignIn() const
{
    QList<QJsonObject> runs;
    for (const QJsonValue &v : m_records) {
        const QJsonObject r = v.toObject();
        if (r.value(QLatin1String("kind")).toString() == u"signin"
            && !r.contains(QLatin1String("error")))
            runs << r;
    }
    if (runs.isEmpty())
        return {};
    const QJsonObject first = runs.first();
    QList<QStringList> rows;
    auto add = [&](const QString &name, const QString &p) {
        rows << QStringList{name, number(TargetData::medianOf(runs, path(p)))};
    };
    add(QStringLiteral("sign-ins attempted"), QStringLiteral("sign_ins.attempted"));
    add(QStringLiteral("sign-ins answered with a token"), QStringLiteral("sign_ins.succeeded"));
    add(QStringLiteral("refused as busy (429)"), QStringLiteral("sign_ins.rate_limited"));
    add(QStringLiteral("sign-ins with a token per second"), QStringLiteral("sign_ins.per_second"));
    add(QStringLiteral("sign-in latency p50 (ms)"), QStringLiteral("sign_ins.p50_ms"));
    add(QStringLiteral("sign-in latency p99 (ms)"), QStringLiteral("sign_ins.p99_ms"));
    add(QStringLiteral("probe ack p50 idle (ms)"), QStringLiteral("probe_idle.p50_ms"));
    add(QStringLiteral("probe ack p99 idle (ms)"), QStringLiteral("probe_idle.p99_ms"));
    add(QStringLiteral("probe ack p50 during sign-ins (ms)"), QStringLiteral("probe_load.p50_ms"));
    add(QStringLiteral("probe ack p99 during sign-ins (ms)"), QStringLiteral("probe_load.p99_ms"));
    add(QStringLiteral("probe p99 during / idle"), QStringLiteral("probe_p99_ratio"));
    add(QStringLiteral("hub CPU during sign-ins (%, 100 = one core)"),
        QStringLiteral("server_cpu_pct"));
    return QStringLiteral("\n### Sign-in: %1 sign-ins/s for %2 s, %3 staff from %4 addresses, "
                          "probe at %5 acks/s (medians, n=%6)\n\n")
               .arg(first.value(QLatin1String("rate")).toDouble())
               .arg(first.value(QLatin1String("seconds")).toInt())
               .arg(first.value(QLatin1String("staff")).toInt())
               .arg(first.value(QLatin1String("addresses")).toInt())
               .arg(first.value(QLatin1String("probe_rate")).toDouble())
               .arg(runs.size())
           + table({QStringLiteral("measure"), QStringLiteral("hub")}, rows);
}

} // namespace TableTap
