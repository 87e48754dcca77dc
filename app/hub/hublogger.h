// tabletap-hub's log lines on stderr: one line per message, `ts=... level=info
// category=tabletap.hub.wiring msg="..."` on a terminal or in a file, and with a syslog priority
// prefix (`<6>level=info ...`, no timestamp) when stderr is the systemd journal, so journalctl
// can filter by priority. The level comes from the configuration; QT_LOGGING_RULES refines it.
#pragma once

#include <QString>
#include <QtGlobal>

namespace TableTap {

class HubLogger final
{
public:
    enum class Format { Text, Journal };

    // "auto" picks Journal when JOURNAL_STREAM names our stderr.
    static Format formatFor(const QString &name);
    // Installs the message handler and the level's filter rules ("debug", "info", "warning",
    // "error").
    static void install(Format format, const QString &level);
    // The filter rules for a level (QLoggingCategory::setFilterRules syntax).
    static QString rulesFor(const QString &level);
    // A node of a cluster names itself on every line (`node=NAME` before msg); empty: no field.
    // Node names are [A-Za-z0-9._-] (HubServer::isValidNodeName), so they need no quoting.
    static void setNode(const QString &node);
    // One line as the handler writes it (without the newline).
    static QByteArray formatLine(Format format, QtMsgType type, const char *category,
                                 const QString &message, qint64 epochMs);
    // For the program's own one-line errors ("tabletap-hub: ..."): the error priority prefix in
    // journal format, nothing otherwise.
    static QByteArray errorPrefix();

private:
    static bool stderrIsJournal();
};

} // namespace TableTap
