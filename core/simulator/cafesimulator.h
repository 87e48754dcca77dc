// A cafe day driven through the hub's public protocol, so a new user sees a live cafe: simulated
// devices (Socket.IO clients on the loopback, each with its own token) for the till, a barista
// per counter, the manager and every staff member; customers arriving with morning and lunch
// rushes, paying by card, cash or QR, stock running low and restocked, counters taken down for
// maintenance, shifts clocked in and out. Time is compressed by `speed`; decisions come from
// seeded generators, so the same seed gives the same customers and staff decisions.
// It knows the hub only by its admin API (HubAdmin: the cafe, its staff, the devices' tokens, the
// hub's clock) and its public protocol. When the hub runs on simulated time (a demo hub) the
// simulator moves that clock through the admin API, so the hub's timestamps are the simulated
// time of day; a day started after opening then begins with the morning so far, written
// through the devices' commands at its simulated times, the clock held, before the day goes
// live.
#pragma once

#include "contract.h"
#include "simdevice.h"

#include <QBasicTimer>
#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QRandomGenerator>
#include <QStringList>
#include <QTime>
#include <QTimeZone>
#include <QUrl>

#include <functional>
#include <map>
#include <memory>

namespace TableTap {

class HubAdmin;

class CafeSimulator final : public QObject
{
    Q_OBJECT
public:
    struct Options
    {
        QString cafeId;     // empty: the hub's first cafe ("demo" is created when it has none)
        double speed = 1.0; // simulated seconds per real second, 0.1 to 3600
        quint32 seed = 1;   // same seed, same customers and staff decisions
        // Simulated time of day when the simulation starts, in the cafe's time zone (on a hub
        // with simulated time: where the hub's clock stands when it is first started).
        QTime startTime{7, 30};
        QTime openTime{7, 0};
        QTime closeTime{19, 0};
        bool skipNights = true; // once closed and quiet, jump to the next morning
        // On a hub with simulated time, started after opening: first write the day so far.
        bool history = true;
        int ackTimeoutMs = 15000;
    };
    struct Stats
    {
        QDateTime simulatedTime; // the cafe's wall clock in the simulation, in its time zone
        int day = 0;             // 1 on the first simulated day
        int historyOrders = 0;   // of ordersCreated: those of the day so far, before going live
        int customers = 0;
        int walkouts = 0; // customers who found nothing they wanted in stock
        int ordersCreated = 0;
        int proxyOrders = 0;
        int ordersCompleted = 0;
        int ordersCancelled = 0;
        int recalls = 0;
        int paymentsCompleted = 0;
        int cardPayments = 0;
        int cashPayments = 0;
        int qrPayments = 0;
        int cardDeclines = 0;
        int qrAbandoned = 0;
        int lowStockAlerts = 0;
        int outOfStockAlerts = 0;
        int restocks = 0;
        int wasteAdjustments = 0;
        int counterChanges = 0;
        int clockIns = 0;
        int clockOuts = 0;
        int drinks = 0;
        quint64 commandsSent = 0;
        quint64 commandsOk = 0;
        int expectedRefusals = 0; // e.g. an item sold out between the menu and the order
        int errors = 0;           // unexpected refusals, missing acks, connection errors
        QStringList lastErrors;   // the last few, newest last
    };

    // admin: the hub's admin API (not owned); hubUrl: where its devices connect.
    CafeSimulator(HubAdmin *admin, const QUrl &hubUrl, Options options, QObject *parent = nullptr);
    ~CafeSimulator() override;

    // Prepares the cafe (created when the hub has none, simulated staff added when it has no
    // staff), mints the devices' tokens and connects them; ready() follows once every device is
    // connected, the snapshots are loaded and the day so far is written. False with error set
    // when the cafe cannot be used.
    bool start(QString *error = nullptr);
    // Disconnects the devices; the cafe's state stays as it is (open orders, people clocked in).
    void stop();
    bool isRunning() const { return m_running; }
    // Devices connected, the day (and the morning so far) scheduled and running at speed.
    bool isReady() const { return m_ready; }
    QString cafeId() const { return m_cafeId; }
    const Options &options() const { return m_options; }
    QDateTime simulatedTime() const;
    Stats stats() const;
    // The simulation runs on the hub's clock (a hub on simulated time), not on its own.
    bool onHubClock() const { return m_sharedClock; }

    // The staff the simulator creates in a cafe without staff (PIN 1234 each, for demos).
    static QStringList simulatedStaffCodes();

Q_SIGNALS:
    void ready();
    void stopped();
    // An unexpected refusal, a missing ack or a connection error (also counted in Stats).
    void problem(const QString &message);
    void dayStarted(int day);

protected:
    void timerEvent(QTimerEvent *event) override;

private:
    using Device = SimDevice;
    struct OwnClock;
    struct Person;
    struct Customer;
    struct SimOrder;
    struct CounterState;
    struct MenuItem;
    using Action = std::function<void()>;
    using Ok = std::function<void(const QJsonObject &data)>;
    // Returns true when the refusal is expected (counted, not an error).
    using Refused = std::function<bool(const QString &type, const QJsonObject &error)>;

    bool prepareCafe(QString *error);
    bool prepareStaff(QString *error);
    bool prepareZone(QString *error);
    Device *addDevice(const QString &userId, const QString &name, Contract::Role role,
                      const QString &label);
    void onDeviceConnected();
    void onDeviceEvent(Device *device, Contract::Namespace nsp, const QString &name,
                       const QJsonObject &data);
    // Once every device is connected: the cafe's time zone, the morning so far or not, then the
    // snapshots and the day.
    void prepareDay();
    void checkHistory();
    void loadSnapshots();
    void begin();
    void goLive();
    // The morning so far (the hub's clock held): the devices' commands at their simulated times,
    // the hub's timers running as the clock is moved past them. Each entry of the agenda runs
    // once everything before it is answered and its events have arrived (a read-only round trip
    // on the till and the manager: their events come on the same connection, before the answer).
    void historyStep();
    void postHistoryStep();
    void settleHistory();
    void finishHistory();
    void moveHubClock(qint64 ms);

    // The agenda: actions at simulated times (ms since the epoch, cafe wall clock).
    qint64 simNow() const;
    void at(qint64 simMs, Action action);
    void after(qint64 simDelayMs, Action action);
    void armTimer();
    void runDue();

    // The command in its namespace, from the device's socket there.
    void send(Device *device, Contract::Command command, QJsonObject payload, Ok ok = {},
              Refused refused = {});
    void answered(const QString &who, const QString &command, const SimDevice::Reply &reply,
                  const Ok &ok, const Refused &refused);
    void error(const QString &message);
    void onEvent(const QString &name, const QJsonObject &data);

    // Days and people.
    void scheduleDay(const QDate &date, bool firstDay);
    double arrivalRatePerHour(qint64 simMs) const;
    void scheduleNextArrival(qint64 fromMs, qint64 closeMs);
    void clockIn(Person *person);
    void clockOut(Person *person, int breakMinutes);
    void recordDrink(Person *person);
    void maybeSkipNight();

    // Customers and orders.
    void arrive(int number);
    void placeOrder(Customer *customer, int attempt);
    void pay(Customer *customer);
    void startPayment(Customer *customer, const QString &method);
    void confirmPayment(Customer *customer);
    void paid(Customer *customer);
    void changeOfMind(Customer *customer);
    void adoptOrder(const QJsonObject &order, bool simulated);
    void workCounter(const QString &counter);
    void startPreparing(const QString &orderId);
    void finishPreparing(const QString &orderId);
    void maybePickUp(SimOrder *order);
    void settle(SimOrder *order);
    void pickUp(const QString &orderId);
    void forgetOrder(const QString &orderId);
    Device *baristaFor(const QString &counter) const;

    // The manager.
    struct StockLevel
    {
        QString id;
        qint64 current = 0, reorderLevel = 0, max = 0;
    };
    void withInventory(std::function<void(const StockLevel &)> each);
    void adjustStock(const QString &itemId, const QString &changeType, qint64 quantity,
                     const QString &notes, Ok ok = {}, Refused refused = {});
    void onLowStock(const QJsonObject &data, bool out);
    void deliver(const QString &itemId);
    void freshDelivery();
    void closingWaste();
    void setCounterActive(const QString &counter, bool active, const QString &reason);
    void refreshMenu();

    QRandomGenerator &rng(int stream);
    double uniform(int stream, double lo, double hi);
    qint64 minutes(double m) const { return qint64(m * 60000.0); }

    HubAdmin *m_admin;
    QUrl m_url;
    Options m_options;
    QString m_cafeId;
    bool m_createdCafe = false; // the demo cafe, made by this simulator
    bool m_running = false;
    bool m_ready = false;
    bool m_begun = false; // the day is scheduled (devices may still be connecting)
    // Writing the morning so far: until m_historyUntil on the held hub clock.
    bool m_history = false;
    qint64 m_historyUntil = 0;
    qint64 m_historyStart = 0; // the hub's clock when the writing began (ms since the epoch)
    int m_historySteps = 0;
    bool m_historyPosted = false;
    int m_inFlight = 0;                  // commands sent and not yet answered
    quint64 m_activity = 0;              // commands sent and clock moves so far
    quint64 m_settled = ~0ull;           // m_activity when the last round trip found everything in
    bool m_settling = false;             // that round trip is on its way
    QTimeZone m_zone = QTimeZone::utc(); // the cafe's
    QString m_runTag;                    // makes request ids unique per run
    quint64 m_requestCounter = 0;

    std::vector<std::unique_ptr<Device>> m_devices;
    std::vector<std::unique_ptr<Person>> m_people;
    Device *m_till = nullptr;
    Device *m_manager = nullptr;
    int m_connectedDevices = 0;

    QHash<QString, MenuItem *> m_menuById;
    std::vector<std::unique_ptr<MenuItem>> m_menu;
    QStringList m_perishables; // inventory item ids of pastries and food
    QHash<QString, QString> m_itemNames;
    QHash<QString, bool> m_deliveryPlanned;
    QStringList m_counterOrder;
    QHash<QString, CounterState *> m_counters;
    std::vector<std::unique_ptr<CounterState>> m_counterStore;
    QHash<QString, SimOrder *> m_orders;
    std::vector<std::unique_ptr<SimOrder>> m_orderStore;
    QHash<QString, Customer *> m_customersByOrder;
    std::vector<std::unique_ptr<Customer>> m_customers;
    QHash<QString, QString> m_staffNames; // user id -> name (proxy orders)

    std::multimap<qint64, Action> m_agenda;
    QBasicTimer m_timer;
    std::unique_ptr<OwnClock> m_clock; // when the hub keeps real time
    bool m_sharedClock = false;        // the simulation runs on the hub's simulated clock
    double m_speed = 1.0;              // simulated seconds per real second
    int m_customerNumber = 0;
    QDate m_day;
    std::vector<std::unique_ptr<QRandomGenerator>> m_rngs;
    Stats m_stats;
};

} // namespace TableTap
