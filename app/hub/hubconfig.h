// The settings of `tabletap-hub serve`: defaults, the configuration file (INI: [hub], [tls],
// [simulator], [operations], [log]) and command-line overrides, all through one table of keys,
// so each value is checked the same way wherever it comes from. Mistakes are collected, one
// line each, with where they are ("hub.conf:12: port: ..." or "--port ...").
#pragma once

#include "cafesimulator.h"
#include "hubserver.h"

#include <QHash>
#include <QHostAddress>
#include <QString>
#include <QStringList>
#include <QTime>

namespace TableTap {

class HubConfig
{
public:
    enum class Kind {
        Path,
        Text,
        Address,
        Port,
        Integer,
        Number,
        Bool,
        Time,
        Origins,
        Subnets,
        Choice
    };
    struct Key
    {
        const char *section;
        const char *name;
        const char *option; // the serve option that overrides it ("" for file-only keys)
        const char *valueName;
        Kind kind;
        double min = 0, max = 0;  // Integer, Number
        const char *choices = ""; // Choice: "a|b|c"
        const char *help = "";
    };

    // Every key of the file, in the order of the documentation.
    static const QList<Key> &keys();
    static const Key *findKey(const QString &section, const QString &name);
    static const Key *findOption(const QString &option);

    // Reads an INI file onto these settings. False with the mistakes appended to errors.
    bool loadFile(const QString &path, QStringList *errors);
    // Parses INI text (for tests and loadFile); `origin` names it in messages.
    bool loadText(const QString &text, const QString &origin, QStringList *errors);
    // Sets one key from a string. False with the reason ("needs a number from 0 to 65535, got
    // \"x\"") when the value does not fit the key.
    bool set(const Key &key, const QString &value, QString *why);
    void setOrigin(const Key &key, const QString &origin);
    QString originOf(const char *section, const char *name) const;
    bool isSet(const char *section, const char *name) const;

    // Checks what only the merged result can tell: required values, pairs, files that must be
    // readable, the data folder writable by this user. One line per mistake.
    QStringList validate() const;

    // The hub's options; with the simulator on, HubOptions::forSimulation.
    HubServer::Options serverOptions() const;
    // The simulator's, for SimulatorSwitch (run when simulate).
    CafeSimulator::Options simulatorOptions() const;

    // Where `serve` looks when no --config is given: PREFIX/../etc/tabletap/hub.conf for a
    // program in /usr/bin (so /etc/tabletap/hub.conf), PREFIX/etc/tabletap/hub.conf otherwise.
    static QString defaultPath();

    // [hub]
    QString dataDir;
    QHostAddress bind = QHostAddress::Any;
    quint16 port = 3000;
    QStringList corsOrigins;
    int pingInterval = 25000;
    int pingTimeout = 20000;
    qint64 maxPayload = 1000000;
    int maxConnectionsPerAddress = 256;
    int signInThreads = 2;
    int maxQueuedSignIns = 32;
    int signInsPerSecond = 5;
    QString eventLoop; // "epoll" or "poll"; empty: TABLETAP_EVENT_LOOP or epoll
    QString cluster;   // redis://HOST:PORT; empty: no cluster
    QString node;      // empty: HubServer::defaultNodeName()
    QString database;  // empty: SQLite in the data folder; else a postgresql:// URL
    // [tls]
    QString tlsCertificate;
    QString tlsKey;
    // [simulator]
    bool simulate = false;
    double speed = 1.0;
    quint32 seed = 1;
    QTime simulationStart{7, 30};
    QString simulationCafe;
    // [operations]
    bool operationsEnabled = true;
    QList<HubOperations::Subnet> operationsAllow = HubOperations::loopback();
    QString operationsTokenFile;
    qint64 minFreeMegabytes = 64;
    // [log]
    QString logLevel = QStringLiteral("info");
    QString logFormat = QStringLiteral("auto");

private:
    QHash<QString, QString> m_origins; // "section.name" -> where its value came from
};

} // namespace TableTap
