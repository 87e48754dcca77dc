// A cafe day through the hub's admin API and its public protocol.
#include "cafesimulator.h"

#include "hubadmin.h"
#include "moneycents.h"
#include "simulatorlogging.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QTextStream>
#include <QTimer>
#include <QTimerEvent>

#include <cmath>

namespace TableTap {

namespace {

using L1 = QLatin1String;

// Generator streams: each kind of decision draws from its own, so the customers of a seed stay
// the same whatever the staff or the network do meanwhile.
enum Stream { Customers = 0, Staff, Baristas, Management, StreamCount };

constexpr int kBaristaSlots = 2; // orders one barista prepares at once
constexpr int kMaxLastErrors = 20;
constexpr qint64 kMinuteMs = 60000;

const char *const kFirstNames[]
    = {"Alex",  "Sam",   "Jordan", "Taylor", "Morgan", "Riley",  "Casey", "Jamie",
       "Avery", "Quinn", "Noah",   "Emma",   "Liam",   "Olivia", "Mia",   "Lucas",
       "Sofia", "Ethan", "Zoe",    "Leo",    "Nora",   "Omar",   "Priya", "Hana"};

struct SimStaff
{
    const char *code, *name;
    Contract::Role role;
    qint64 rateCents;
};
// Created when a cafe has no staff at all (PIN 1234, for demos).
const SimStaff kSimStaff[] = {{"SIM-M1", "Sarah Mitchell", Contract::Role::Manager, 2400},
                              {"SIM-E1", "Jane Cooper", Contract::Role::Employee, 1550},
                              {"SIM-E2", "Mike Chen", Contract::Role::Employee, 1600},
                              {"SIM-E3", "Ana Souza", Contract::Role::Employee, 1500},
                              {"SIM-E4", "Bob Keller", Contract::Role::Employee, 1500}};

// Commands that change the cafe carry a request id (the hub answers a repeat with the first
// answer); snapshots and room changes do not.
bool isMutating(Contract::Command command)
{
    return !Contract::isSnapshot(command) && command != Contract::Command::JoinCounter
           && command != Contract::Command::LeaveCounter;
}

QTimeZone zoneFromId(const QString &id)
{
    if (id.isEmpty() || id == u"UTC")
        return QTimeZone::utc();
    return QTimeZone(id.toUtf8());
}

bool isDrinkCategory(const QString &c)
{
    return c != u"pastry" && c != u"food";
}

qint64 cents(const QJsonValue &v)
{
    return std::llround(v.toDouble() * 100.0);
}

} // namespace

// The simulation's own time when the hub keeps real time: held at its start until run(), then
// `speed` times faster than real time; a skipped night moves it on at once.
struct CafeSimulator::OwnClock
{
    qint64 startMs = 0;
    double speed = 1.0;
    qint64 skippedMs = 0;
    QElapsedTimer real;

    qint64 nowMs() const
    {
        const qint64 ran = real.isValid() ? qint64(double(real.elapsed()) * speed) : 0;
        return startMs + ran + skippedMs;
    }
};

struct CafeSimulator::Person
{
    SimDevice::Identity actor;
    Device *device = nullptr;
    bool clockedIn = false;
    bool busy = false;         // a clock command is on its way
    qint64 clockedInHubMs = 0; // the hub's clock at clock-in: breaks fit in the real shift
};

struct CafeSimulator::MenuItem
{
    QString id, name, category;
    bool available = true;
    QStringList customizations; // available ones, by name
};

struct CafeSimulator::CounterState
{
    QString name;
    bool active = true;
    bool changing = false;
    Device *barista = nullptr;
    int busy = 0;
    QStringList queue; // open orders at this counter, oldest first
};

struct CafeSimulator::Customer
{
    int number = 0;
    QString name, phone, orderedFor;
    double draws[10] = {};
    QString method;
    bool qrAbandons = false;
    bool changesMind = false;
    bool recallsOnce = false; // the barista marks it ready too early once
    double pickupMinutes = 1;
    double tipDraw = 0;
    double cashDraw = 0;
    QString orderId;
    qint64 totalCents = 0;
    QString transactionId;
    QString paymentMethod;
    int cardAttempts = 0;
    bool qrTried = false;
    bool paying = false; // a payment is started and not yet paid or failed
    bool paid = false;
    bool gone = false; // cancelled or walked out
};

struct CafeSimulator::SimOrder
{
    QString id, number, counter, status;
    bool busy = false;    // one of our commands about it is on its way
    bool working = false; // holds a barista slot at slotCounter
    QString slotCounter;
    bool paid = false;
    bool pickupScheduled = false;
    bool recalled = false;
    bool cancelling = false;
    bool settleAtPickup = false; // left unpaid by an earlier run: paid in cash when collected
    bool settling = false;
    int drinkUnits = 0;
    int foodUnits = 0;
    Customer *customer = nullptr;
};

CafeSimulator::CafeSimulator(HubAdmin *admin, const QUrl &hubUrl, Options options, QObject *parent)
    : QObject(parent)
    , m_admin(admin)
    , m_url(hubUrl)
    , m_options(std::move(options))
{
    m_options.speed = std::clamp(m_options.speed, 0.1, 3600.0);
    for (int stream = 0; stream < StreamCount; ++stream) {
        const quint32 seed[2] = {m_options.seed, quint32(stream) * 2654435761u + 17u};
        m_rngs.push_back(std::make_unique<QRandomGenerator>(seed, 2));
    }
}

CafeSimulator::~CafeSimulator()
{
    stop();
}

QStringList CafeSimulator::simulatedStaffCodes()
{
    QStringList codes;
    for (const SimStaff &s : kSimStaff)
        codes.append(QLatin1String(s.code));
    return codes;
}

QRandomGenerator &CafeSimulator::rng(int stream)
{
    return *m_rngs.at(std::size_t(stream));
}

double CafeSimulator::uniform(int stream, double lo, double hi)
{
    return lo + rng(stream).generateDouble() * (hi - lo);
}

// ---------------------------------------------------------------------------------------------
// Start and stop

bool CafeSimulator::start(QString *error)
{
    if (m_running)
        return true;
    // A hub on simulated time shares its clock: its timestamps are the simulated time of day.
    const HubClockInfo hubClock = m_admin->clockInfo();
    m_sharedClock = hubClock.simulated;
    m_speed = m_sharedClock ? hubClock.speed : m_options.speed;
    QString why;
    if (!prepareCafe(&why) || !prepareStaff(&why)) {
        qCWarning(lcHubSim) << "cannot simulate:" << why;
        if (error)
            *error = why;
        m_devices.clear();
        m_people.clear();
        return false;
    }
    m_running = true;
    m_ready = false;
    m_begun = false;
    m_runTag = QString::number(hubClock.nowMs, 36);
    m_connectedDevices = 0;
    m_history = false;
    m_historySteps = 0;
    m_activity = 0;
    m_settled = ~0ull;
    for (const auto &device : m_devices) {
        if (!device->open(&why)) {
            qCWarning(lcHubSim).noquote() << "cannot simulate:" << why;
            stop();
            if (error)
                *error = why;
            return false;
        }
    }
    qCInfo(lcHubSim).noquote() << "simulating cafe" << m_cafeId << "at speed" << m_speed << "seed"
                               << m_options.seed << "with" << m_people.size() << "staff";
    return true;
}

void CafeSimulator::stop()
{
    if (!m_running)
        return;
    m_running = false;
    m_ready = false;
    m_begun = false;
    m_history = false;
    m_inFlight = 0;
    m_settling = false;
    m_timer.stop();
    m_agenda.clear();
    m_clock.reset(); // a later start begins a new day on a new clock
    for (const auto &device : m_devices) {
        device->disconnect(this);
        device->close();
    }
    m_devices.clear();
    m_people.clear();
    m_till = m_manager = nullptr;
    m_counters.clear();
    m_counterStore.clear();
    m_counterOrder.clear();
    m_orders.clear();
    m_orderStore.clear();
    m_customersByOrder.clear();
    m_customers.clear();
    m_menu.clear();
    m_menuById.clear();
    m_deliveryPlanned.clear();
    Q_EMIT stopped();
}

bool CafeSimulator::prepareCafe(QString *error)
{
    QList<CafeInfo> cafes;
    if (const AdminResult r = m_admin->cafes(&cafes); !r.ok()) {
        *error = r.message;
        return false;
    }
    m_cafeId = m_options.cafeId;
    if (m_cafeId.isEmpty() && !cafes.isEmpty())
        m_cafeId = cafes.constFirst().id;
    if (m_cafeId.isEmpty()) {
        // A hub with no cafe yet: a demo cafe with the starter menu and two counters.
        m_cafeId = QStringLiteral("demo");
        if (const AdminResult r = m_admin->addCafe({m_cafeId, QStringLiteral("Demo Cafe")});
            !r.ok()) {
            *error = r.message;
            return false;
        }
        m_createdCafe = true;
        qCInfo(lcHubSim) << "created the demo cafe" << m_cafeId;
    } else if (std::none_of(cafes.cbegin(), cafes.cend(),
                            [this](const CafeInfo &c) { return c.id == m_cafeId; })) {
        *error = QStringLiteral("this hub has no cafe %1").arg(m_cafeId);
        return false;
    }
    return true;
}

bool CafeSimulator::prepareStaff(QString *error)
{
    QList<StaffInfo> staff;
    const auto listActive = [this, &staff] {
        const AdminResult r = m_admin->staff(m_cafeId, &staff);
        staff.removeIf([](const StaffInfo &s) { return !s.active; });
        return r;
    };
    if (const AdminResult r = listActive(); !r.ok()) {
        *error = r.message;
        return false;
    }
    if (staff.isEmpty()) {
        for (const SimStaff &s : kSimStaff) {
            const NewStaff person{QLatin1String(s.code),  QLatin1String(s.name), s.role,
                                  QStringLiteral("1234"), s.rateCents,           std::nullopt};
            if (const AdminResult r = m_admin->addStaff(m_cafeId, person); !r.ok()) {
                *error = r.message;
                return false;
            }
        }
        qCInfo(lcHubSim) << "added the simulated staff to cafe" << m_cafeId;
        if (const AdminResult r = listActive(); !r.ok()) {
            *error = r.message;
            return false;
        }
    }
    // Managers and admins first, then employees, each in code order.
    std::sort(staff.begin(), staff.end(), [](const StaffInfo &a, const StaffInfo &b) {
        if ((a.role == Contract::Role::Employee) != (b.role == Contract::Role::Employee))
            return a.role != Contract::Role::Employee;
        return a.code < b.code;
    });
    QList<Person *> employees, managers;
    for (const StaffInfo &r : std::as_const(staff)) {
        auto person = std::make_unique<Person>();
        person->device = addDevice(r.id, r.name, r.role, r.code);
        person->actor = person->device->identity();
        m_staffNames.insert(r.id, r.name);
        (r.role == Contract::Role::Employee ? employees : managers).append(person.get());
        m_people.push_back(std::move(person));
    }
    if (employees.isEmpty())
        employees = managers;
    m_till = employees.constFirst()->device;
    if (!managers.isEmpty()) {
        m_manager = managers.constFirst()->device;
    } else {
        // No manager on the staff: the back office acts through a device token.
        m_manager
            = addDevice(QStringLiteral("sim-manager-") + m_cafeId, QStringLiteral("Back office"),
                        Contract::Role::Manager, QStringLiteral("back-office"));
    }
    return true;
}

CafeSimulator::Device *CafeSimulator::addDevice(const QString &userId, const QString &name,
                                                Contract::Role role, const QString &label)
{
    auto device = std::make_unique<Device>(
        m_admin, m_url, SimDevice::Identity{userId, name, role, m_cafeId}, label);
    Device *d = device.get();
    connect(d, &SimDevice::connected, this, &CafeSimulator::onDeviceConnected);
    connect(d, &SimDevice::connectError, this, &CafeSimulator::error);
    connect(d, &SimDevice::eventReceived, this,
            [this, d](Contract::Namespace nsp, const QString &name, const QJsonObject &data) {
                onDeviceEvent(d, nsp, name, data);
            });
    m_devices.push_back(std::move(device));
    return d;
}

void CafeSimulator::onDeviceEvent(Device *device, Contract::Namespace nsp, const QString &name,
                                  const QJsonObject &data)
{
    // Events come through the devices that see them all: the till's payments and the
    // manager's orders, inventory and counters.
    const bool seen = nsp == Contract::Namespace::Payments
                          ? device == m_till
                          : device == m_manager && nsp != Contract::Namespace::Employees;
    if (seen)
        onEvent(name, data);
}

void CafeSimulator::onDeviceConnected()
{
    if (++m_connectedDevices != int(m_devices.size()))
        return;
    if (m_begun)
        goLive();
    else
        prepareDay();
}

void CafeSimulator::prepareDay()
{
    // The simulated day follows the cafe's clock on the wall. A demo cafe made here keeps the
    // time zone of this machine, so the console (which shows local time) and the day agree.
    const auto readZone = [this] {
        send(
            m_manager, Contract::Command::GetSettings, {},
            [this](const QJsonObject &data) {
                const QTimeZone zone = zoneFromId(
                    data.value(L1("settings")).toObject().value(L1("timezone")).toString());
                m_zone = zone.isValid() ? zone : QTimeZone::utc();
                checkHistory();
            },
            [this](const QString &, const QJsonObject &) {
                // error() has counted it; without the cafe's settings there is no day.
                QTimer::singleShot(0, this, &CafeSimulator::stop);
                return false;
            });
    };
    const QString local = QString::fromUtf8(QTimeZone::systemTimeZoneId());
    if (!m_createdCafe || local.isEmpty() || local == u"UTC") {
        readZone();
        return;
    }
    send(
        m_manager, Contract::Command::UpdateSettings, {{QStringLiteral("timezone"), local}},
        [readZone](const QJsonObject &) { readZone(); },
        [readZone](const QString &, const QJsonObject &e) {
            qCInfo(lcHubSim).noquote()
                << "demo cafe stays on UTC:" << e.value(Contract::Keys::Message).toString();
            readZone();
            return true;
        });
}

void CafeSimulator::checkHistory()
{
    // The day so far only on the hub's simulated clock, held where the demo starts, past the
    // start of the day (an hour before opening, as every simulated day starts).
    const HubClockInfo hubClock = m_admin->clockInfo();
    const QDateTime now = QDateTime::fromMSecsSinceEpoch(hubClock.nowMs, m_zone);
    const qint64 dayStart
        = QDateTime(now.date(), m_options.openTime, m_zone).toMSecsSinceEpoch() - minutes(60);
    if (!m_sharedClock || hubClock.running || !m_options.history || hubClock.nowMs <= dayStart) {
        loadSnapshots();
        return;
    }
    // A data folder that already holds today's orders has its own morning.
    send(m_manager, Contract::Command::ListOrders, {{QStringLiteral("recent_limit"), 1}},
         [this, dayStart, until = hubClock.nowMs](const QJsonObject &orders) {
             if (orders.value(L1("open_orders")).toArray().isEmpty()
                 && orders.value(L1("recent_orders")).toArray().isEmpty()) {
                 if (const AdminResult r = m_admin->setSimulatedTime(dayStart); !r.ok()) {
                     error(QStringLiteral("cannot set the hub's clock: %1").arg(r.message));
                 } else {
                     m_history = true;
                     m_historyUntil = until;
                     m_historyStart = dayStart;
                 }
             }
             loadSnapshots();
         });
}

void CafeSimulator::loadSnapshots()
{
    send(m_till, Contract::Command::ListMenu, {}, [this](const QJsonObject &menu) {
        m_menu.clear();
        m_menuById.clear();
        m_perishables.clear();
        for (const QJsonValue &v : menu.value(L1("products")).toArray()) {
            const QJsonObject p = v.toObject();
            auto item = std::make_unique<MenuItem>();
            item->id = p.value(L1("id")).toString();
            item->name = p.value(L1("name")).toString();
            item->category = p.value(L1("category")).toString();
            item->available = p.value(L1("available")).toBool();
            for (const QJsonValue &c : p.value(L1("customizations")).toArray())
                if (c.toObject().value(L1("available")).toBool())
                    item->customizations.append(c.toObject().value(L1("name")).toString());
            if (!isDrinkCategory(item->category)) {
                for (const QJsonValue &r : p.value(L1("recipe")).toArray()) {
                    const QString itemId = r.toObject().value(L1("product_id")).toString();
                    if (!m_perishables.contains(itemId))
                        m_perishables.append(itemId);
                }
            }
            m_menuById.insert(item->id, item.get());
            m_menu.push_back(std::move(item));
        }
        send(m_manager, Contract::Command::ListCounters, {}, [this](const QJsonObject &data) {
            const QJsonArray counters = data.value(L1("counters")).toArray();
            QList<Person *> baristas;
            for (const auto &p : m_people)
                if (p->actor.role == Contract::Role::Employee && p->device != m_till)
                    baristas.append(p.get());
            for (int i = 0; i < counters.size(); ++i) {
                const QJsonObject c = counters.at(i).toObject();
                auto state = std::make_unique<CounterState>();
                state->name = c.value(L1("counter_name")).toString();
                state->active = c.value(L1("status")).toString() == u"active";
                state->barista
                    = baristas.isEmpty() ? m_till : baristas.at(i % baristas.size())->device;
                m_counterOrder.append(state->name);
                m_counters.insert(state->name, state.get());
                m_counterStore.push_back(std::move(state));
            }
            send(m_manager, Contract::Command::ListInventory, {},
                 [this](const QJsonObject &inventory) {
                     for (const QJsonValue &v : inventory.value(L1("items")).toArray())
                         m_itemNames.insert(v.toObject().value(L1("product_id")).toString(),
                                            v.toObject().value(L1("product_name")).toString());
                     send(m_manager, Contract::Command::ListTimesheets, {},
                          [this](const QJsonObject &sheets) {
                              QSet<QString> in;
                              for (const QJsonValue &v : sheets.value(L1("staff")).toArray())
                                  if (v.toObject().value(L1("clocked_in")).toBool())
                                      in.insert(v.toObject().value(L1("user_id")).toString());
                              for (const auto &p : m_people)
                                  p->clockedIn = in.contains(p->actor.userId);
                              send(m_manager, Contract::Command::ListOrders,
                                   {{QStringLiteral("recent_limit"), 0}},
                                   [this](const QJsonObject &list) {
                                       for (const QJsonValue &v :
                                            list.value(L1("open_orders")).toArray())
                                           adoptOrder(v.toObject(), false);
                                       begin();
                                   });
                          });
                 });
        });
    });
}

void CafeSimulator::begin()
{
    if (m_begun || !m_running)
        return;
    if (!m_sharedClock) {
        // The hub keeps real time: the simulation runs on a clock of its own.
        m_clock = std::make_unique<OwnClock>();
        m_clock->startMs
            = QDateTime(QDate::currentDate(), m_options.startTime, m_zone).toMSecsSinceEpoch();
        m_clock->speed = m_speed;
    }
    m_begun = true;
    const QDate today = simulatedTime().date();
    m_stats.day = 0;
    scheduleDay(today, true);
    for (const QString &counter : std::as_const(m_counterOrder)) {
        if (!m_counters.value(counter)->active)
            at(simNow() + minutes(5),
               [this, counter] { setCounterActive(counter, true, QStringLiteral("Opening")); });
        workCounter(counter);
    }
    if (m_history)
        postHistoryStep();
    else
        goLive();
}

void CafeSimulator::goLive()
{
    if (m_ready || !m_running)
        return;
    // Room membership belongs to the connected sockets: joined here, once they are there.
    for (const QString &counter : std::as_const(m_counterOrder))
        send(m_counters.value(counter)->barista, Contract::Command::JoinCounter,
             {{QStringLiteral("counter"), counter}});
    if (m_sharedClock) {
        // A hub clock that runs already stays as it is.
        if (const AdminResult r = m_admin->runSimulatedTime(); !r.ok())
            error(QStringLiteral("cannot run the hub's clock: %1").arg(r.message));
    } else if (!m_clock->real.isValid()) {
        m_clock->real.start();
    }
    m_ready = true;
    armTimer();
    Q_EMIT ready();
}

// ---------------------------------------------------------------------------------------------
// The morning so far

void CafeSimulator::postHistoryStep()
{
    if (m_historyPosted)
        return;
    m_historyPosted = true;
    QMetaObject::invokeMethod(
        this,
        [this] {
            m_historyPosted = false;
            historyStep();
        },
        Qt::QueuedConnection);
}

void CafeSimulator::historyStep()
{
    // Agenda entries run in time order with the clock held at their time; the hub's timers
    // (card answers, QR expiry, stock updates) run as the clock is moved past them. Bounded per
    // call; each step runs an entry, moves the clock forward or waits for answers and events.
    for (int n = 0; n < 1000; ++n) {
        if (!m_running || !m_history)
            return;
        if (m_inFlight > 0 || m_settling)
            return; // the answer posts the next step
        if (m_settled != m_activity) {
            settleHistory();
            return;
        }
        ++m_historySteps;
        const qint64 now = simNow();
        if (!m_agenda.empty() && m_agenda.begin()->first <= now
            && m_agenda.begin()->first < m_historyUntil) {
            Action action = std::move(m_agenda.begin()->second);
            m_agenda.erase(m_agenda.begin());
            action();
            continue;
        }
        if (now >= m_historyUntil) {
            finishHistory();
            return;
        }
        const qint64 next
            = m_agenda.empty() ? m_historyUntil : std::min(m_historyUntil, m_agenda.begin()->first);
        moveHubClock(next - now);
    }
    postHistoryStep();
}

void CafeSimulator::settleHistory()
{
    // A read-only round trip on each device whose events the simulator follows: their events
    // come on the same connection as the answer, so once both are answered every event of the
    // commands and clock moves before them is in (and handled).
    m_settling = true;
    const quint64 activity = m_activity;
    auto pending = std::make_shared<int>(2);
    const auto done = [this, pending, activity](const SimDevice::Reply &reply) {
        if (!m_running || !m_history)
            return;
        if (reply.kind != SimDevice::Reply::Kind::Ok)
            error(QStringLiteral("writing the day so far: %1 %2").arg(reply.type, reply.message));
        if (--*pending > 0)
            return;
        m_settling = false;
        m_settled = activity;
        postHistoryStep();
    };
    for (Device *device : {m_till, m_manager})
        device->send(Contract::Command::ListCounters, {}, m_options.ackTimeoutMs, done);
}

void CafeSimulator::moveHubClock(qint64 ms)
{
    ++m_activity;
    if (const AdminResult r = m_admin->advanceSimulatedTime(ms); !r.ok()) {
        error(QStringLiteral("cannot move the hub's clock: %1").arg(r.message));
        stop();
    }
}

void CafeSimulator::finishHistory()
{
    m_history = false;
    m_stats.historyOrders = m_stats.ordersCreated;
    qCInfo(lcHubSim).noquote() << "wrote the day so far:" << m_stats.ordersCreated << "orders,"
                               << m_stats.commandsSent << "commands," << m_historySteps
                               << "steps until" << simulatedTime().toString(u"HH:mm");
    goLive();
}

// ---------------------------------------------------------------------------------------------
// The agenda

qint64 CafeSimulator::simNow() const
{
    if (m_sharedClock)
        return m_admin->hubTimeMs();
    if (!m_clock)
        return QDateTime(QDate::currentDate(), m_options.startTime, m_zone).toMSecsSinceEpoch();
    return m_clock->nowMs();
}

QDateTime CafeSimulator::simulatedTime() const
{
    return QDateTime::fromMSecsSinceEpoch(simNow(), m_zone);
}

void CafeSimulator::at(qint64 simMs, Action action)
{
    if (!m_running)
        return;
    const bool first = m_agenda.empty() || simMs < m_agenda.begin()->first;
    m_agenda.emplace(simMs, std::move(action));
    if (first)
        armTimer();
}

void CafeSimulator::after(qint64 simDelayMs, Action action)
{
    at(simNow() + std::max<qint64>(0, simDelayMs), std::move(action));
}

void CafeSimulator::armTimer()
{
    if (!m_running || !m_ready || m_agenda.empty()) {
        m_timer.stop();
        return;
    }
    const double realMs = double(m_agenda.begin()->first - simNow()) / m_speed;
    // Woken at least once a second so a long quiet stretch never hides a clock change.
    const int delay = int(std::clamp(std::ceil(realMs), 0.0, 1000.0));
    m_timer.start(delay, Qt::PreciseTimer, this);
}

void CafeSimulator::timerEvent(QTimerEvent *event)
{
    if (event->timerId() != m_timer.timerId()) {
        QObject::timerEvent(event);
        return;
    }
    m_timer.stop();
    runDue();
}

void CafeSimulator::runDue()
{
    const qint64 now = simNow();
    // Bounded per wake-up so the event loop (acks, events) keeps flowing at any speed.
    for (int n = 0; n < 500 && m_running && !m_agenda.empty() && m_agenda.begin()->first <= now;
         ++n) {
        Action action = std::move(m_agenda.begin()->second);
        m_agenda.erase(m_agenda.begin());
        action();
    }
    armTimer();
}

// ---------------------------------------------------------------------------------------------
// Commands and events

void CafeSimulator::send(Device *device, Contract::Command command, QJsonObject payload, Ok ok,
                         Refused refused)
{
    if (!m_running || !device)
        return;
    if (isMutating(command))
        payload.insert(Contract::Keys::RequestId,
                       QStringLiteral("sim-%1-%2").arg(m_runTag).arg(++m_requestCounter));
    ++m_stats.commandsSent;
    ++m_inFlight;
    ++m_activity;
    const QString who = device->label();
    const QString name = Contract::name(command);
    device->send(command, payload, m_options.ackTimeoutMs,
                 [this, who, name, ok = std::move(ok),
                  refused = std::move(refused)](const SimDevice::Reply &reply) {
                     if (!m_running)
                         return;
                     --m_inFlight;
                     answered(who, name, reply, ok, refused);
                     if (m_history && m_inFlight == 0)
                         postHistoryStep();
                 });
}

void CafeSimulator::answered(const QString &who, const QString &command,
                             const SimDevice::Reply &reply, const Ok &ok, const Refused &refused)
{
    switch (reply.kind) {
    case SimDevice::Reply::Kind::Ok:
        ++m_stats.commandsOk;
        if (ok)
            ok(reply.data);
        return;
    case SimDevice::Reply::Kind::NoAnswer:
        error(QStringLiteral("%1 %2: no answer (%3)").arg(who, command, reply.message));
        if (refused)
            refused(reply.type, {});
        return;
    case SimDevice::Reply::Kind::Refused:
        if (refused && refused(reply.type, reply.error))
            ++m_stats.expectedRefusals;
        else
            error(QStringLiteral("%1 %2 refused: %3 %4")
                      .arg(who, command, reply.type, reply.message));
        return;
    }
}

void CafeSimulator::error(const QString &message)
{
    ++m_stats.errors;
    m_stats.lastErrors.append(message);
    while (m_stats.lastErrors.size() > kMaxLastErrors)
        m_stats.lastErrors.removeFirst();
    qCWarning(lcHubSim).noquote() << message;
    Q_EMIT problem(message);
}

CafeSimulator::Stats CafeSimulator::stats() const
{
    Stats s = m_stats;
    s.simulatedTime = simulatedTime();
    return s;
}

void CafeSimulator::onEvent(const QString &name, const QJsonObject &data)
{
    if (!m_begun)
        return;
    const std::optional<Contract::Event> event = Contract::eventFromName(name);
    if (!event)
        return;
    switch (*event) {
    case Contract::Event::OrderCreated: {
        const QJsonObject order = data.value(L1("order")).toObject();
        if (!m_orders.contains(order.value(L1("id")).toString()))
            adoptOrder(order, false);
        break;
    }
    case Contract::Event::OrderStatusChanged: {
        SimOrder *o = m_orders.value(data.value(L1("order_id")).toString());
        const QString status = data.value(L1("new_status")).toString();
        if (!o || o->busy || o->status == status)
            return;
        // Someone else (a person at a console) moved it: follow.
        o->status = status;
        if (status == u"completed" || status == u"cancelled") {
            forgetOrder(o->id);
        } else if (status == u"ready") {
            maybePickUp(o);
        } else {
            if (!o->working && !o->cancelling) {
                CounterState *c = m_counters.value(o->counter);
                if (c && !c->queue.contains(o->id))
                    c->queue.append(o->id);
                workCounter(o->counter);
            }
        }
        break;
    }
    case Contract::Event::OrderCancelled: {
        SimOrder *o = m_orders.value(data.value(L1("order_id")).toString());
        if (o && !o->cancelling) {
            if (o->customer)
                o->customer->gone = true;
            forgetOrder(o->id);
        }
        break;
    }
    case Contract::Event::OrderAssignedCounter: {
        SimOrder *o = m_orders.value(data.value(L1("order_id")).toString());
        const QString to = data.value(L1("new_counter")).toString();
        if (!o || o->counter == to)
            return;
        if (CounterState *from = m_counters.value(o->counter))
            from->queue.removeAll(o->id);
        o->counter = to;
        if (CounterState *c = m_counters.value(to);
            c && !o->cancelling && (o->status == u"pending" || o->status == u"preparing"))
            c->queue.append(o->id);
        workCounter(to);
        break;
    }
    case Contract::Event::PaymentCompleted: {
        Customer *c = m_customersByOrder.value(data.value(L1("order_id")).toString());
        if (c && data.value(L1("transaction_id")).toString() == c->transactionId)
            paid(c);
        else if (SimOrder *o = m_orders.value(data.value(L1("order_id")).toString())) {
            o->paid = true;
            maybePickUp(o);
        }
        break;
    }
    case Contract::Event::PaymentFailed: {
        Customer *c = m_customersByOrder.value(data.value(L1("order_id")).toString());
        if (!c || c->gone || c->paid
            || data.value(L1("transaction_id")).toString() != c->transactionId)
            return;
        c->paying = false;
        const QString code = data.value(L1("error_code")).toString();
        if (code == u"qr_expired") {
            after(minutes(0.5), [this, c] { startPayment(c, QStringLiteral("card")); });
            return;
        }
        ++m_stats.cardDeclines;
        const bool retry = data.value(L1("retry_allowed")).toBool() && c->cardAttempts < 2;
        after(minutes(0.5), [this, c, retry] {
            startPayment(c, retry ? QStringLiteral("card") : QStringLiteral("cash"));
        });
        break;
    }
    case Contract::Event::LowStock: {
        ++m_stats.lowStockAlerts;
        onLowStock(data, false);
        break;
    }
    case Contract::Event::OutOfStock: {
        ++m_stats.outOfStockAlerts;
        onLowStock(data, true);
        refreshMenu();
        break;
    }
    case Contract::Event::CounterStatusChanged: {
        CounterState *c = m_counters.value(data.value(L1("counter_name")).toString());
        if (!c)
            return;
        c->active = data.value(L1("new_status")).toString() == u"active";
        if (c->active)
            workCounter(c->name);
        break;
    }
    default: // the rest change nothing the simulated people act on
        break;
    }
}

// ---------------------------------------------------------------------------------------------
// Days and people

void CafeSimulator::scheduleDay(const QDate &date, bool firstDay)
{
    m_day = date;
    ++m_stats.day;
    Q_EMIT dayStarted(m_stats.day);
    const auto time = [this, &date](const QTime &t, double plusMinutes = 0) {
        return QDateTime(date, t, m_zone).toMSecsSinceEpoch() + qint64(plusMinutes * kMinuteMs);
    };
    const qint64 now = simNow();
    const qint64 open = time(m_options.openTime);
    const qint64 close = time(m_options.closeTime);
    const qint64 dayLength = std::max<qint64>(close - open, minutes(60));
    const auto soon = [now](qint64 t) {
        return std::max(t, now);
    };

    // Shifts: alternating early and late ones, the manager opens; each a little early or late.
    int index = 0;
    for (const auto &p : m_people) {
        Person *person = p.get();
        const bool early = person->device == m_manager || index++ % 2 == 0;
        const qint64 start = early ? open - minutes(20) : open + dayLength / 3;
        const qint64 end = early ? open + dayLength * 2 / 3 : close + minutes(15);
        const qint64 in = start + minutes(uniform(Staff, -10, 10));
        const qint64 out = end + minutes(uniform(Staff, -10, 15));
        const int breakMinutes = out - in >= minutes(6 * 60) ? 30 : 15;
        at(soon(in), [this, person] { clockIn(person); });
        at(soon(out), [this, person, breakMinutes] { clockOut(person, breakMinutes); });
        const int drinks = int(rng(Staff).bounded(3));
        for (int d = 0; d < drinks; ++d) {
            const qint64 when = in + qint64(uniform(Staff, 0.1, 0.9) * double(out - in));
            at(soon(when), [this, person] { recordDrink(person); });
        }
    }
    // Fresh pastries and sandwiches in the morning, leftovers thrown away at night.
    if (!firstDay || now < open)
        at(soon(open - minutes(30)), [this] { freshDelivery(); });
    at(soon(close + minutes(10)), [this] { closingWaste(); });
    // One counter goes down for maintenance in the afternoon, for half an hour or so.
    if (m_counterOrder.size() >= 2) {
        const QString counter = m_counterOrder.constLast();
        const qint64 down = time(QTime(14, 0), uniform(Management, 0, 60));
        const qint64 up = down + minutes(uniform(Management, 20, 40));
        if (down > now) {
            at(down, [this, counter] {
                setCounterActive(counter, false, QStringLiteral("Equipment maintenance"));
            });
            at(up, [this, counter] {
                setCounterActive(counter, true, QStringLiteral("Maintenance done"));
            });
        }
    }
    scheduleNextArrival(std::max(open, now), close);
    at(close + minutes(60), [this] { maybeSkipNight(); });
    const QDate next = date.addDays(1);
    at(QDateTime(next, m_options.openTime, m_zone).toMSecsSinceEpoch() - minutes(60),
       [this, next] { scheduleDay(next, false); });
}

double CafeSimulator::arrivalRatePerHour(qint64 simMs) const
{
    const QTime t = QDateTime::fromMSecsSinceEpoch(simMs, m_zone).time();
    const double h = t.msecsSinceStartOfDay() / 3600000.0;
    if (t < m_options.openTime || t >= m_options.closeTime)
        return 0;
    const auto bump = [h](double centre, double width, double height) {
        const double z = (h - centre) / width;
        return height * std::exp(-0.5 * z * z);
    };
    // A steady trickle, the morning rush, the lunch rush and an afternoon coffee bump.
    return 10 + bump(8.25, 0.75, 42) + bump(12.5, 0.8, 36) + bump(15.5, 0.6, 10);
}

void CafeSimulator::scheduleNextArrival(qint64 fromMs, qint64 closeMs)
{
    // Thinning: candidates at the peak rate, each kept with probability rate(t) / peak.
    constexpr double peak = 70.0;
    qint64 t = fromMs;
    for (int guard = 0; guard < 100000; ++guard) {
        const double u = rng(Customers).generateDouble();
        t += qint64(-std::log(1.0 - u) / peak * 3600000.0);
        if (t >= closeMs)
            return;
        if (rng(Customers).generateDouble() * peak < arrivalRatePerHour(t)) {
            at(t, [this, t, closeMs] {
                arrive(++m_customerNumber);
                scheduleNextArrival(t, closeMs);
            });
            return;
        }
    }
}

void CafeSimulator::clockIn(Person *person)
{
    if (person->clockedIn || person->busy)
        return;
    person->busy = true;
    send(
        person->device, Contract::Command::ClockIn,
        {{QStringLiteral("notes"), QStringLiteral("Shift start")}},
        [this, person](const QJsonObject &) {
            person->busy = false;
            person->clockedIn = true;
            person->clockedInHubMs = m_admin->hubTimeMs();
            ++m_stats.clockIns;
        },
        [person](const QString &, const QJsonObject &) {
            person->busy = false;
            return false;
        });
}

void CafeSimulator::clockOut(Person *person, int breakMinutes)
{
    if (!person->clockedIn || person->busy)
        return;
    // On the hub's clock: with real time a compressed shift is only as long as it really
    // lasted; on a shared simulated clock, as long as it was simulated.
    const qint64 realMinutes = (m_admin->hubTimeMs() - person->clockedInHubMs) / kMinuteMs;
    const int fitting = int(std::clamp<qint64>(realMinutes - 1, 0, breakMinutes));
    person->busy = true;
    send(
        person->device, Contract::Command::ClockOut,
        {{QStringLiteral("break_minutes"), person->clockedInHubMs ? fitting : 0},
         {QStringLiteral("notes"), QStringLiteral("Shift end")}},
        [this, person](const QJsonObject &) {
            person->busy = false;
            person->clockedIn = false;
            ++m_stats.clockOuts;
        },
        [person](const QString &, const QJsonObject &) {
            person->busy = false;
            return false;
        });
}

void CafeSimulator::recordDrink(Person *person)
{
    QList<MenuItem *> drinks;
    for (const auto &m : m_menu)
        if (m->available && m->category == u"coffee")
            drinks.append(m.get());
    if (drinks.isEmpty())
        return;
    MenuItem *drink = drinks.at(int(rng(Staff).bounded(quint32(drinks.size()))));
    send(
        person->device, Contract::Command::RecordDrink,
        {{QStringLiteral("product_id"), drink->id}, {QStringLiteral("quantity"), 1}},
        [this](const QJsonObject &) { ++m_stats.drinks; },
        // The last portion may have gone to a customer meanwhile.
        [](const QString &type, const QJsonObject &) {
            return type == Contract::name(Contract::ErrorType::Conflict);
        });
}

void CafeSimulator::maybeSkipNight()
{
    bool quiet = m_orders.isEmpty();
    for (const auto &p : m_people)
        quiet = quiet && !p->clockedIn && !p->busy;
    if (!quiet) {
        after(minutes(15), [this] { maybeSkipNight(); });
        return;
    }
    if (!m_options.skipNights)
        return;
    if (m_history) {
        // Writing the day so far ends at the start time: the night is skipped once live.
        after(minutes(15), [this] { maybeSkipNight(); });
        return;
    }
    // Nothing happens at night: jump to 75 minutes before the next opening. On a shared clock
    // the hub's time jumps with it (its timers due in the night run at once).
    const QDate next = m_day.addDays(1);
    const qint64 target
        = QDateTime(next, m_options.openTime, m_zone).toMSecsSinceEpoch() - minutes(75);
    const qint64 now = simNow();
    if (target > now) {
        if (m_sharedClock)
            moveHubClock(target - now);
        else
            m_clock->skippedMs += target - now;
        qCInfo(lcHubSim) << "night skipped; now"
                         << simulatedTime().toString(QStringLiteral("yyyy-MM-dd hh:mm"));
        armTimer();
    }
}

// ---------------------------------------------------------------------------------------------
// Customers

void CafeSimulator::arrive(int number)
{
    auto customer = std::make_unique<Customer>();
    Customer *c = customer.get();
    m_customers.push_back(std::move(customer));
    QRandomGenerator &r = rng(Customers);
    c->number = number;
    c->name = QLatin1String(kFirstNames[r.bounded(quint32(std::size(kFirstNames)))])
              + QLatin1Char(' ') + QChar(u'A' + char16_t(r.bounded(26))) + QLatin1Char('.');
    if (r.generateDouble() < 0.4)
        c->phone = QStringLiteral("+1 555 01%1").arg(r.bounded(100), 2, 10, QLatin1Char('0'));
    for (double &d : c->draws)
        d = r.generateDouble();
    const double method = r.generateDouble();
    c->method = method < 0.55   ? QStringLiteral("card")
                : method < 0.80 ? QStringLiteral("cash")
                                : QStringLiteral("qr");
    c->qrAbandons = r.generateDouble() < 0.08;
    c->changesMind = r.generateDouble() < 0.02;
    c->recallsOnce = r.generateDouble() < 0.02;
    c->pickupMinutes = 0.3 + r.generateDouble() * 2.7;
    c->tipDraw = r.generateDouble();
    c->cashDraw = r.generateDouble();
    // Now and then a colleague orders lunch for someone on shift.
    if (r.generateDouble() < 0.02 && !m_people.empty()) {
        const Person *p = m_people.at(r.bounded(quint32(m_people.size()))).get();
        c->orderedFor = p->actor.userId;
        c->name = p->actor.name;
    }
    ++m_stats.customers;
    placeOrder(c, 0);
}

void CafeSimulator::placeOrder(Customer *c, int attempt)
{
    const int hour = simulatedTime().time().hour();
    const bool morning = hour < 11, lunch = hour >= 11 && hour < 14;
    const auto shift = [&](int i) {
        return std::fmod(c->draws[i] + 0.37 * attempt, 1.0);
    };
    // Weighted pick among available products of some categories.
    const auto pick
        = [&](const std::function<double(const MenuItem *)> &weight, double u) -> MenuItem * {
        double total = 0;
        for (const auto &m : m_menu)
            if (m->available)
                total += weight(m.get());
        if (total <= 0)
            return nullptr;
        double x = u * total;
        for (const auto &m : m_menu) {
            if (!m->available)
                continue;
            x -= weight(m.get());
            if (x < 0)
                return m.get();
        }
        return nullptr;
    };
    const auto drinkWeight = [&](const MenuItem *m) {
        if (!isDrinkCategory(m->category))
            return 0.0;
        if (m->category == u"coffee")
            return morning ? 6.0 : lunch ? 3.0 : 4.0;
        if (m->category == u"tea")
            return lunch ? 1.0 : morning ? 0.8 : 2.0;
        return morning ? 0.8 : 1.5;
    };
    const auto categoryWeight = [](const QString &category) {
        return [category](const MenuItem *m) {
            return m->category == category ? 1.0 : 0.0;
        };
    };

    QJsonArray items;
    const auto add = [&](MenuItem *m, int quantity, double customDraw, double whichDraw) {
        if (!m)
            return;
        QJsonObject item{{QStringLiteral("product_id"), m->id},
                         {QStringLiteral("quantity"), quantity}};
        if (customDraw < 0.3 && !m->customizations.isEmpty())
            item.insert(QStringLiteral("customizations"),
                        QJsonArray{m->customizations.at(int(whichDraw * m->customizations.size())
                                                        % m->customizations.size())});
        items.append(item);
    };
    const bool wantsFood = shift(5) < (lunch ? 0.55 : 0.05);
    const bool wantsDrink = !wantsFood || shift(9) < 0.6;
    if (wantsFood)
        add(pick(categoryWeight(QStringLiteral("food")), shift(6)), 1, 1, 0);
    if (wantsDrink)
        add(pick(drinkWeight, shift(1)), shift(2) < 0.12 ? 2 : 1, shift(3), shift(4));
    if (shift(7) < (morning ? 0.45 : lunch ? 0.15 : 0.3))
        add(pick(categoryWeight(QStringLiteral("pastry")), shift(8)), 1, 1, 0);
    if (items.isEmpty()) {
        ++m_stats.walkouts;
        c->gone = true;
        return;
    }
    QJsonObject payload{{QStringLiteral("customer_name"), c->name},
                        {QStringLiteral("items"), items}};
    if (!c->phone.isEmpty())
        payload.insert(QStringLiteral("customer_phone"), c->phone);
    if (c->tipDraw < 0.35) {
        static const double rates[] = {0.10, 0.15, 0.20};
        payload.insert(QStringLiteral("tip_rate"), rates[int(c->tipDraw / 0.35 * 3) % 3]);
    } else if (c->tipDraw < 0.45) {
        payload.insert(QStringLiteral("tip_amount"), c->tipDraw < 0.40 ? 0.5 : 1.0);
    }
    if (!c->orderedFor.isEmpty())
        payload.insert(QStringLiteral("ordered_for"), c->orderedFor);
    send(
        m_till, Contract::Command::CreateOrder, payload,
        [this, c](const QJsonObject &data) {
            const QJsonObject order = data.value(L1("order")).toObject();
            const QString id = order.value(L1("id")).toString();
            c->orderId = id;
            c->totalCents = cents(order.value(L1("totals")).toObject().value(L1("total_amount")));
            ++m_stats.ordersCreated;
            if (!c->orderedFor.isEmpty())
                ++m_stats.proxyOrders;
            if (!m_orders.contains(id))
                adoptOrder(order, true);
            SimOrder *o = m_orders.value(id);
            o->customer = c;
            m_customersByOrder.insert(id, c);
            after(minutes(0.3 + c->draws[0] * 0.7), [this, c] { pay(c); });
        },
        [this, c, attempt](const QString &type, const QJsonObject &) {
            // Sold out between the menu and the order: choose again, or leave.
            if (type != Contract::name(Contract::ErrorType::Conflict)
                && type != Contract::name(Contract::ErrorType::NotFound))
                return false;
            refreshMenu();
            if (attempt < 2) {
                after(minutes(0.2), [this, c, attempt] { placeOrder(c, attempt + 1); });
            } else {
                ++m_stats.walkouts;
                c->gone = true;
            }
            return true;
        });
}

void CafeSimulator::pay(Customer *c)
{
    if (c->gone || c->paid)
        return;
    startPayment(c, c->method);
}

void CafeSimulator::startPayment(Customer *c, const QString &method)
{
    if (c->gone || c->paid)
        return;
    c->paying = true;
    c->paymentMethod = method;
    if (method == u"card")
        ++c->cardAttempts;
    send(m_till, Contract::Command::StartPayment,
         {{QStringLiteral("order_id"), c->orderId}, {QStringLiteral("method"), method}},
         [this, c, method](const QJsonObject &data) {
             c->transactionId
                 = data.value(L1("payment")).toObject().value(L1("transaction_id")).toString();
             if (method == u"cash") {
                 after(minutes(0.3 + c->cashDraw * 0.5), [this, c] { confirmPayment(c); });
             } else if (method == u"qr") {
                 if (c->qrAbandons && !c->qrTried) {
                     // The phone will not scan: the customer pays by card instead.
                     c->qrTried = true;
                     after(minutes(2), [this, c] {
                         if (c->gone || c->paid)
                             return;
                         ++m_stats.qrAbandoned;
                         startPayment(c, QStringLiteral("card"));
                     });
                 } else {
                     after(minutes(0.5 + c->cashDraw), [this, c] { confirmPayment(c); });
                 }
             }
             // A card answers through payment:completed / payment:failed.
         });
}

void CafeSimulator::confirmPayment(Customer *c)
{
    if (c->gone || c->paid || c->transactionId.isEmpty())
        return;
    QJsonObject payload{{QStringLiteral("transaction_id"), c->transactionId}};
    if (c->paymentMethod == u"cash") {
        // Exact change a third of the time, else the next multiple of five.
        const qint64 received
            = c->cashDraw < 0.33 ? c->totalCents : (c->totalCents / 500 + 1) * 500;
        payload.insert(QStringLiteral("amount_received"), MoneyCents::toJson(received));
    }
    send(m_till, Contract::Command::ConfirmPayment, payload,
         [this, c](const QJsonObject &) { paid(c); });
}

void CafeSimulator::paid(Customer *c)
{
    if (c->paid)
        return;
    c->paid = true;
    c->paying = false;
    ++m_stats.paymentsCompleted;
    if (c->paymentMethod == u"card")
        ++m_stats.cardPayments;
    else if (c->paymentMethod == u"cash")
        ++m_stats.cashPayments;
    else
        ++m_stats.qrPayments;
    if (SimOrder *o = m_orders.value(c->orderId)) {
        o->paid = true;
        maybePickUp(o);
    }
    if (c->changesMind)
        after(minutes(0.1 + c->draws[4] * 0.4), [this, c] { changeOfMind(c); });
}

void CafeSimulator::changeOfMind(Customer *c)
{
    SimOrder *o = m_orders.value(c->orderId);
    // Only while nobody has started on it (and no command about it is on its way).
    if (!o || o->status != u"pending" || o->busy || o->working || o->cancelling || c->paying)
        return;
    o->cancelling = true;
    if (CounterState *counter = m_counters.value(o->counter))
        counter->queue.removeAll(o->id);
    const QString id = o->id;
    send(m_manager, Contract::Command::CancelOrder,
         {{QStringLiteral("order_id"), id},
          {QStringLiteral("reason"), QStringLiteral("Customer changed their mind")}},
         [this, c, id](const QJsonObject &) {
             ++m_stats.ordersCancelled;
             c->gone = true;
             forgetOrder(id);
         });
}

// ---------------------------------------------------------------------------------------------
// Orders at the counters

void CafeSimulator::adoptOrder(const QJsonObject &order, bool simulated)
{
    const QString id = order.value(L1("id")).toString();
    if (id.isEmpty() || m_orders.contains(id))
        return;
    auto o = std::make_unique<SimOrder>();
    o->id = id;
    o->number = order.value(L1("order_number")).toString();
    o->counter = order.value(L1("assigned_counter")).toString();
    o->status = order.value(L1("status")).toString();
    o->paid = simulated ? false : order.value(L1("payment_status")).toString() == u"paid";
    // Found open at start: an earlier run's customer, who still pays before leaving. (Orders
    // placed at a console meanwhile are paid for there.)
    o->settleAtPickup = !simulated && !m_begun && !o->paid;
    for (const QJsonValue &v : order.value(L1("items")).toArray()) {
        const QJsonObject item = v.toObject();
        const int quantity = item.value(L1("quantity")).toInt();
        bool food = false;
        for (const auto &m : m_menu)
            if (m->name == item.value(L1("product_name")).toString())
                food = !isDrinkCategory(m->category);
        (food ? o->foodUnits : o->drinkUnits) += quantity;
    }
    SimOrder *raw = o.get();
    m_orders.insert(id, raw);
    m_orderStore.push_back(std::move(o));
    if (raw->status == u"pending" || raw->status == u"preparing") {
        if (CounterState *c = m_counters.value(raw->counter))
            c->queue.append(id);
        if (m_begun)
            workCounter(raw->counter);
    } else if (raw->status == u"ready") {
        maybePickUp(raw);
    }
}

CafeSimulator::Device *CafeSimulator::baristaFor(const QString &counter) const
{
    const CounterState *c = m_counters.value(counter);
    return c ? c->barista : m_till;
}

void CafeSimulator::workCounter(const QString &counter)
{
    CounterState *c = m_counters.value(counter);
    if (!c || !c->active || !m_begun)
        return;
    for (int i = 0; i < c->queue.size() && c->busy < kBaristaSlots; ++i) {
        SimOrder *o = m_orders.value(c->queue.at(i));
        if (!o || o->working || o->busy || o->cancelling)
            continue;
        o->working = true;
        o->slotCounter = counter;
        ++c->busy;
        const QString id = o->id;
        if (o->status == u"pending")
            after(minutes(uniform(Baristas, 0.1, 0.4)), [this, id] { startPreparing(id); });
        else // taken over half made (moved here, or found at start)
            after(minutes(uniform(Baristas, 0.5, 1.5)), [this, id] { finishPreparing(id); });
    }
}

void CafeSimulator::startPreparing(const QString &id)
{
    SimOrder *o = m_orders.value(id);
    if (!o)
        return;
    const auto release = [this, id] {
        SimOrder *o = m_orders.value(id);
        if (!o || !o->working)
            return;
        o->working = false;
        if (CounterState *c = m_counters.value(o->slotCounter)) {
            --c->busy;
            workCounter(c->name);
        }
    };
    if (o->status != u"pending" || o->cancelling) {
        release();
        return;
    }
    o->busy = true;
    send(
        baristaFor(o->counter), Contract::Command::UpdateOrderStatus,
        {{QStringLiteral("order_id"), id}, {QStringLiteral("status"), QStringLiteral("preparing")}},
        [this, id](const QJsonObject &) {
            SimOrder *o = m_orders.value(id);
            if (!o)
                return;
            o->busy = false;
            o->status = QStringLiteral("preparing");
            const double prep
                = (o->drinkUnits == 0 ? 0.5 : 0.75) + 0.6 * o->drinkUnits + 0.25 * o->foodUnits;
            after(minutes(prep * uniform(Baristas, 0.8, 1.3)), [this, id] { finishPreparing(id); });
        },
        [this, id, release](const QString &, const QJsonObject &) {
            if (SimOrder *o = m_orders.value(id))
                o->busy = false;
            release();
            return false;
        });
}

void CafeSimulator::finishPreparing(const QString &id)
{
    SimOrder *o = m_orders.value(id);
    if (!o)
        return;
    const auto release = [this](SimOrder *o) {
        if (!o->working)
            return;
        o->working = false;
        if (CounterState *c = m_counters.value(o->slotCounter)) {
            --c->busy;
            workCounter(c->name);
        }
    };
    if (o->status != u"preparing") {
        release(o);
        return;
    }
    o->busy = true;
    send(
        baristaFor(o->counter), Contract::Command::UpdateOrderStatus,
        {{QStringLiteral("order_id"), id}, {QStringLiteral("status"), QStringLiteral("ready")}},
        [this, id, release](const QJsonObject &) {
            SimOrder *o = m_orders.value(id);
            if (!o)
                return;
            o->busy = false;
            o->status = QStringLiteral("ready");
            if (CounterState *c = m_counters.value(o->counter))
                c->queue.removeAll(id);
            release(o);
            if (o->customer && o->customer->recallsOnce && !o->recalled) {
                // Marked ready with the wrong milk: the barista takes it back at once (well
                // inside the hub's recall window, whatever the speed) and remakes it.
                o->recalled = true;
                const qint64 delay = std::min<qint64>(9000, qint64(15000 * m_options.speed));
                after(delay, [this, id] {
                    SimOrder *o = m_orders.value(id);
                    if (!o || o->status != u"ready" || o->busy || o->pickupScheduled)
                        return;
                    o->busy = true;
                    send(
                        baristaFor(o->counter), Contract::Command::UpdateOrderStatus,
                        {{QStringLiteral("order_id"), id},
                         {QStringLiteral("status"), QStringLiteral("preparing")},
                         {QStringLiteral("notes"), QStringLiteral("Recalled: wrong milk")}},
                        [this, id](const QJsonObject &) {
                            SimOrder *o = m_orders.value(id);
                            if (!o)
                                return;
                            o->busy = false;
                            o->status = QStringLiteral("preparing");
                            ++m_stats.recalls;
                            after(minutes(uniform(Baristas, 0.5, 1.2)),
                                  [this, id] { finishPreparing(id); });
                        },
                        [this, id](const QString &, const QJsonObject &) {
                            if (SimOrder *o = m_orders.value(id)) {
                                o->busy = false;
                                maybePickUp(o);
                            }
                            return false;
                        });
                });
                return;
            }
            maybePickUp(o);
        },
        [this, id, release](const QString &, const QJsonObject &) {
            if (SimOrder *o = m_orders.value(id)) {
                o->busy = false;
                release(o);
            }
            return false;
        });
}

void CafeSimulator::maybePickUp(SimOrder *o)
{
    // A customer's order is handed over once it is ready and paid; orders from elsewhere
    // (a console, a device) are handed over when ready.
    if (o->status != u"ready" || o->pickupScheduled || o->busy)
        return;
    if (o->settleAtPickup && !o->paid) {
        settle(o);
        return;
    }
    if (o->customer ? !o->paid : false)
        return;
    if (o->customer && o->customer->recallsOnce && !o->recalled)
        return;
    o->pickupScheduled = true;
    const double wait = o->customer ? o->customer->pickupMinutes : 1.0;
    const QString id = o->id;
    after(minutes(wait), [this, id] { pickUp(id); });
}

void CafeSimulator::settle(SimOrder *o)
{
    if (o->settling)
        return;
    o->settling = true;
    const QString id = o->id;
    const auto failed = [this, id](const QString &type, const QJsonObject &) {
        SimOrder *o = m_orders.value(id);
        if (!o)
            return false;
        o->settling = false;
        // A card payment of the earlier run is still with the provider: its answer comes first.
        if (type != Contract::name(Contract::ErrorType::Conflict))
            return false;
        after(minutes(2), [this, id] {
            if (SimOrder *o = m_orders.value(id))
                maybePickUp(o);
        });
        return true;
    };
    send(
        m_till, Contract::Command::StartPayment,
        {{QStringLiteral("order_id"), id}, {QStringLiteral("method"), QStringLiteral("cash")}},
        [this, id, failed](const QJsonObject &data) {
            const QJsonObject payment = data.value(L1("payment")).toObject();
            send(
                m_till, Contract::Command::ConfirmPayment,
                {{QStringLiteral("transaction_id"), payment.value(L1("transaction_id"))},
                 {QStringLiteral("amount_received"), payment.value(L1("amount"))}},
                [this, id](const QJsonObject &) {
                    SimOrder *o = m_orders.value(id);
                    if (!o)
                        return;
                    o->settling = false;
                    o->paid = true;
                    ++m_stats.paymentsCompleted;
                    ++m_stats.cashPayments;
                    maybePickUp(o);
                },
                failed);
        },
        failed);
}

void CafeSimulator::pickUp(const QString &id)
{
    SimOrder *o = m_orders.value(id);
    if (!o || o->status != u"ready" || o->busy)
        return;
    o->busy = true;
    send(
        baristaFor(o->counter), Contract::Command::UpdateOrderStatus,
        {{QStringLiteral("order_id"), id}, {QStringLiteral("status"), QStringLiteral("completed")}},
        [this, id](const QJsonObject &) {
            ++m_stats.ordersCompleted;
            forgetOrder(id);
        },
        [this, id](const QString &, const QJsonObject &) {
            if (SimOrder *o = m_orders.value(id)) {
                o->busy = false;
                o->pickupScheduled = false;
            }
            return false;
        });
}

void CafeSimulator::forgetOrder(const QString &id)
{
    SimOrder *o = m_orders.take(id);
    if (!o)
        return;
    for (CounterState *c : std::as_const(m_counters))
        c->queue.removeAll(id);
    if (o->working) {
        if (CounterState *c = m_counters.value(o->slotCounter)) {
            --c->busy;
            workCounter(c->name);
        }
    }
    m_customersByOrder.remove(id);
    // The order object stays allocated (scheduled actions look it up by id, not pointer).
}

// ---------------------------------------------------------------------------------------------
// The manager

void CafeSimulator::onLowStock(const QJsonObject &data, bool out)
{
    const QString item = data.value(L1("product_id")).toString();
    if (item.isEmpty() || m_deliveryPlanned.value(item))
        return;
    m_deliveryPlanned.insert(item, true);
    const QString priority = data.value(L1("priority")).toString();
    const bool urgent = out || priority == u"critical";
    after(minutes(urgent ? uniform(Management, 8, 15) : uniform(Management, 20, 45)),
          [this, item] { deliver(item); });
}

void CafeSimulator::withInventory(std::function<void(const StockLevel &)> each)
{
    send(m_manager, Contract::Command::ListInventory, {},
         [each = std::move(each)](const QJsonObject &inventory) {
             for (const QJsonValue &v : inventory.value(L1("items")).toArray()) {
                 const QJsonObject item = v.toObject();
                 each(StockLevel{item.value(L1("product_id")).toString(),
                                 qint64(item.value(L1("current_stock")).toDouble()),
                                 qint64(item.value(L1("reorder_level")).toDouble()),
                                 qint64(item.value(L1("max_stock")).toDouble())});
             }
         });
}

void CafeSimulator::adjustStock(const QString &itemId, const QString &changeType, qint64 quantity,
                                const QString &notes, Ok ok, Refused refused)
{
    send(m_manager, Contract::Command::AdjustStock,
         {{QStringLiteral("product_id"), itemId},
          {QStringLiteral("change_type"), changeType},
          {QStringLiteral("quantity"), quantity},
          {QStringLiteral("notes"), notes}},
         std::move(ok), std::move(refused));
}

void CafeSimulator::deliver(const QString &itemId)
{
    // Topped up to the maximum as it is when the delivery comes (more has been sold meanwhile).
    m_deliveryPlanned.remove(itemId);
    withInventory([this, itemId](const StockLevel &item) {
        if (item.id != itemId || item.current >= item.max)
            return;
        adjustStock(itemId, QStringLiteral("purchase"), item.max - item.current,
                    QStringLiteral("Delivery"), [this](const QJsonObject &) {
                        ++m_stats.restocks;
                        refreshMenu();
                    });
    });
}

void CafeSimulator::freshDelivery()
{
    withInventory([this](const StockLevel &item) {
        const bool low = item.current < item.reorderLevel;
        if ((!m_perishables.contains(item.id) && !low) || item.current >= item.max
            || m_deliveryPlanned.value(item.id))
            return;
        adjustStock(item.id, QStringLiteral("purchase"), item.max - item.current,
                    QStringLiteral("Morning delivery"), [this](const QJsonObject &) {
                        ++m_stats.restocks;
                        refreshMenu();
                    });
    });
}

void CafeSimulator::closingWaste()
{
    withInventory([this](const StockLevel &item) {
        const qint64 stale = std::min<qint64>(item.current, rng(Management).bounded(4));
        if (!m_perishables.contains(item.id) || stale <= 0)
            return;
        adjustStock(
            item.id, QStringLiteral("waste"), stale, QStringLiteral("End of day: stale"),
            [this](const QJsonObject &) { ++m_stats.wasteAdjustments; },
            // Sold meanwhile (a late customer): nothing left to throw away.
            [](const QString &type, const QJsonObject &) {
                return type == Contract::name(Contract::ErrorType::Conflict);
            });
    });
}

void CafeSimulator::setCounterActive(const QString &counter, bool active, const QString &reason)
{
    CounterState *c = m_counters.value(counter);
    if (!c || c->active == active || c->changing)
        return;
    int activeCount = 0;
    for (const CounterState *s : std::as_const(m_counters))
        activeCount += s->active ? 1 : 0;
    if (!active && activeCount < 2)
        return;
    c->changing = true;
    send(
        m_manager, Contract::Command::SetCounterStatus,
        {{QStringLiteral("counter"), counter},
         {QStringLiteral("status"), active ? QStringLiteral("active") : QStringLiteral("inactive")},
         {QStringLiteral("reason"), reason}},
        [this, c, active](const QJsonObject &) {
            c->changing = false;
            c->active = active;
            ++m_stats.counterChanges;
            if (active)
                workCounter(c->name);
        },
        [c](const QString &, const QJsonObject &) {
            c->changing = false;
            return false;
        });
}

void CafeSimulator::refreshMenu()
{
    send(m_till, Contract::Command::ListMenu, {}, [this](const QJsonObject &menu) {
        for (const QJsonValue &v : menu.value(L1("products")).toArray()) {
            const QJsonObject p = v.toObject();
            if (MenuItem *m = m_menuById.value(p.value(L1("id")).toString())) {
                m->available = p.value(L1("available")).toBool();
                m->customizations.clear();
                for (const QJsonValue &c : p.value(L1("customizations")).toArray())
                    if (c.toObject().value(L1("available")).toBool())
                        m->customizations.append(c.toObject().value(L1("name")).toString());
            }
        }
    });
}

} // namespace TableTap
