// PrintSetup: QSettings arrays for printers and counters.
#include "printsetup.h"

#include <QCoreApplication>
#include <QSet>
#include <QSettings>

namespace TableTap {

QString PrinterConfig::address() const
{
    switch (kind) {
    case Kind::Network:
        return QStringLiteral("%1:%2").arg(host).arg(port);
    case Kind::System:
        return systemName;
    case Kind::PdfFolder:
        break;
    }
    return folder;
}

QString PrinterConfig::kindName(Kind kind)
{
    switch (kind) {
    case Kind::Network:
        return QStringLiteral("network");
    case Kind::System:
        return QStringLiteral("system");
    case Kind::PdfFolder:
        break;
    }
    return QStringLiteral("pdf");
}

PrinterConfig::Kind PrinterConfig::kindFromName(const QString &name)
{
    if (name == QLatin1String("system"))
        return Kind::System;
    if (name == QLatin1String("pdf"))
        return Kind::PdfFolder;
    return Kind::Network;
}

const PrinterConfig *PrintSetup::printer(const QString &name) const
{
    for (const PrinterConfig &p : printers)
        if (p.name == name)
            return &p;
    return nullptr;
}

const CounterPrinting *PrintSetup::counter(const QString &name) const
{
    for (const CounterPrinting &c : counters)
        if (c.counter == name)
            return &c;
    return nullptr;
}

PrintSetup PrintSetup::load(QSettings &s)
{
    PrintSetup setup;
    s.beginGroup(QStringLiteral("printing"));
    setup.receiptHeader = s.value(QStringLiteral("receiptHeader")).toString();
    if (s.contains(QStringLiteral("labelCategories")))
        setup.labelCategories = s.value(QStringLiteral("labelCategories")).toStringList();
    const int np = qMin(s.beginReadArray(QStringLiteral("printers")), MaxPrinters);
    for (int i = 0; i < np; ++i) {
        s.setArrayIndex(i);
        PrinterConfig p;
        p.name = s.value(QStringLiteral("name")).toString();
        p.kind = PrinterConfig::kindFromName(s.value(QStringLiteral("kind")).toString());
        p.host = s.value(QStringLiteral("host")).toString();
        p.port = quint16(qBound(1, s.value(QStringLiteral("port"), 9100).toInt(), 65535));
        p.checkPaper = s.value(QStringLiteral("checkPaper"), true).toBool();
        const int page = s.value(QStringLiteral("codePage"), int(EscPos::CodePage::Pc858)).toInt();
        p.codePage = page == int(EscPos::CodePage::Pc437)     ? EscPos::CodePage::Pc437
                     : page == int(EscPos::CodePage::Wpc1252) ? EscPos::CodePage::Wpc1252
                                                              : EscPos::CodePage::Pc858;
        p.columns = qBound(16, s.value(QStringLiteral("columns"), 42).toInt(), 96);
        p.systemName = s.value(QStringLiteral("systemName")).toString();
        p.folder = s.value(QStringLiteral("folder")).toString();
        if (!p.name.isEmpty())
            setup.printers.append(p);
    }
    s.endArray();
    const int nc = qMin(s.beginReadArray(QStringLiteral("counters")), MaxCounters);
    for (int i = 0; i < nc; ++i) {
        s.setArrayIndex(i);
        CounterPrinting c;
        c.counter = s.value(QStringLiteral("counter")).toString();
        c.ticketPrinter = s.value(QStringLiteral("ticketPrinter")).toString();
        c.labelPrinter = s.value(QStringLiteral("labelPrinter")).toString();
        c.receiptPrinter = s.value(QStringLiteral("receiptPrinter")).toString();
        c.ticketOnCreate = s.value(QStringLiteral("ticketOnCreate"), true).toBool();
        c.ticketOnArrival = s.value(QStringLiteral("ticketOnArrival"), true).toBool();
        c.labels = s.value(QStringLiteral("labels"), true).toBool();
        c.receiptOnPayment = s.value(QStringLiteral("receiptOnPayment"), false).toBool();
        if (!c.counter.isEmpty())
            setup.counters.append(c);
    }
    s.endArray();
    s.endGroup();
    return setup;
}

void PrintSetup::save(QSettings &s) const
{
    s.beginGroup(QStringLiteral("printing"));
    s.remove(QString());
    s.setValue(QStringLiteral("receiptHeader"), receiptHeader);
    s.setValue(QStringLiteral("labelCategories"), labelCategories);
    s.beginWriteArray(QStringLiteral("printers"), int(printers.size()));
    for (int i = 0; i < printers.size(); ++i) {
        const PrinterConfig &p = printers.at(i);
        s.setArrayIndex(i);
        s.setValue(QStringLiteral("name"), p.name);
        s.setValue(QStringLiteral("kind"), PrinterConfig::kindName(p.kind));
        s.setValue(QStringLiteral("host"), p.host);
        s.setValue(QStringLiteral("port"), p.port);
        s.setValue(QStringLiteral("checkPaper"), p.checkPaper);
        s.setValue(QStringLiteral("codePage"), int(p.codePage));
        s.setValue(QStringLiteral("columns"), p.columns);
        s.setValue(QStringLiteral("systemName"), p.systemName);
        s.setValue(QStringLiteral("folder"), p.folder);
    }
    s.endArray();
    s.beginWriteArray(QStringLiteral("counters"), int(counters.size()));
    for (int i = 0; i < counters.size(); ++i) {
        const CounterPrinting &c = counters.at(i);
        s.setArrayIndex(i);
        s.setValue(QStringLiteral("counter"), c.counter);
        s.setValue(QStringLiteral("ticketPrinter"), c.ticketPrinter);
        s.setValue(QStringLiteral("labelPrinter"), c.labelPrinter);
        s.setValue(QStringLiteral("receiptPrinter"), c.receiptPrinter);
        s.setValue(QStringLiteral("ticketOnCreate"), c.ticketOnCreate);
        s.setValue(QStringLiteral("ticketOnArrival"), c.ticketOnArrival);
        s.setValue(QStringLiteral("labels"), c.labels);
        s.setValue(QStringLiteral("receiptOnPayment"), c.receiptOnPayment);
    }
    s.endArray();
    s.endGroup();
}

QStringList PrintSetup::problems() const
{
    QStringList out;
    QSet<QString> names;
    for (const PrinterConfig &p : printers) {
        if (names.contains(p.name))
            out.append(
                QCoreApplication::translate("TableTap::PrintSetup", "two printers are called %1")
                    .arg(p.name));
        names.insert(p.name);
    }
    for (const CounterPrinting &c : counters)
        for (const QString &p : {c.ticketPrinter, c.labelPrinter, c.receiptPrinter})
            if (!p.isEmpty() && !names.contains(p))
                out.append(
                    QCoreApplication::translate("TableTap::PrintSetup",
                                                "counter %1 prints to %2, which is not set up")
                        .arg(c.counter, p));
    out.removeDuplicates();
    return out;
}

} // namespace TableTap
