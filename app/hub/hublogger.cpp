// HubLogger: logfmt-style lines, journald priorities.
#include "hublogger.h"

#include <QDateTime>
#include <QLoggingCategory>

#include <cstdio>
#include <sys/stat.h>

namespace TableTap {

namespace {

HubLogger::Format s_format = HubLogger::Format::Text;
bool s_installed = false;
QByteArray s_node; // node=NAME on every line when set

const char *levelName(QtMsgType type)
{
    switch (type) {
    case QtDebugMsg:
        return "debug";
    case QtInfoMsg:
        return "info";
    case QtWarningMsg:
        return "warning";
    case QtCriticalMsg:
        return "error";
    case QtFatalMsg:
        return "fatal";
    }
    return "info";
}

// syslog(3) priorities, as journald reads them from a "<N>" prefix.
int priorityOf(QtMsgType type)
{
    switch (type) {
    case QtDebugMsg:
        return 7;
    case QtInfoMsg:
        return 6;
    case QtWarningMsg:
        return 4;
    case QtCriticalMsg:
        return 3;
    case QtFatalMsg:
        return 2;
    }
    return 6;
}

void handler(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    const QByteArray line = HubLogger::formatLine(s_format, type, context.category, message,
                                                  QDateTime::currentMSecsSinceEpoch())
                            + '\n';
    std::fwrite(line.constData(), 1, size_t(line.size()), stderr);
    std::fflush(stderr);
}

} // namespace

bool HubLogger::stderrIsJournal()
{
    // systemd sets JOURNAL_STREAM=<device>:<inode> of the stream it connected; a program that
    // redirected stderr elsewhere must not claim the journal.
    const QByteArray stream = qgetenv("JOURNAL_STREAM");
    const qsizetype colon = stream.indexOf(':');
    if (colon <= 0)
        return false;
    struct stat st = {};
    if (::fstat(2, &st) != 0)
        return false;
    return stream.left(colon).toULongLong() == quint64(st.st_dev)
           && stream.mid(colon + 1).toULongLong() == quint64(st.st_ino);
}

HubLogger::Format HubLogger::formatFor(const QString &name)
{
    if (name == u"journal")
        return Format::Journal;
    if (name == u"text")
        return Format::Text;
    return stderrIsJournal() ? Format::Journal : Format::Text;
}

QString HubLogger::rulesFor(const QString &level)
{
    if (level == u"debug")
        return QStringLiteral("tabletap.*.debug=true");
    if (level == u"warning")
        return QStringLiteral("*.debug=false\n*.info=false");
    if (level == u"error")
        return QStringLiteral("*.debug=false\n*.info=false\n*.warning=false");
    return QStringLiteral("*.debug=false");
}

void HubLogger::install(Format format, const QString &level)
{
    s_format = format;
    s_installed = true;
    // Rules set here give way to QT_LOGGING_RULES and QT_LOGGING_CONF (Qt's order).
    QLoggingCategory::setFilterRules(rulesFor(level));
    qInstallMessageHandler(handler);
}

QByteArray HubLogger::formatLine(Format format, QtMsgType type, const char *category,
                                 const QString &message, qint64 epochMs)
{
    QByteArray msg;
    const QByteArray utf8 = message.toUtf8();
    msg.reserve(utf8.size() + 8);
    for (const char c : utf8) {
        switch (c) {
        case '"':
            msg += "\\\"";
            break;
        case '\\':
            msg += "\\\\";
            break;
        case '\n':
            msg += "\\n";
            break;
        case '\r':
            msg += "\\r";
            break;
        case '\t':
            msg += "\\t";
            break;
        default:
            msg += c;
        }
    }
    QByteArray line;
    if (format == Format::Journal) {
        line = '<' + QByteArray::number(priorityOf(type)) + '>';
    } else {
        line = "ts="
               + QDateTime::fromMSecsSinceEpoch(epochMs, Qt::UTC)
                     .toString(Qt::ISODateWithMs)
                     .toLatin1()
               + ' ';
    }
    line += "level=";
    line += levelName(type);
    line += " category=";
    line += category && *category ? category : "default";
    if (!s_node.isEmpty())
        line += " node=" + s_node;
    line += " msg=\"" + msg + '"';
    return line;
}

void HubLogger::setNode(const QString &node)
{
    s_node = node.toUtf8();
}

QByteArray HubLogger::errorPrefix()
{
    return s_installed && s_format == Format::Journal ? QByteArrayLiteral("<3>") : QByteArray();
}

} // namespace TableTap
