// What the hub's snapshot commands answer (Contract::isSnapshot: list_* and get_settings), as
// typed values: one struct per command, read by EventMapper::mapSnapshot from the answer's data.
// Each is what the rows say, one by one; what needs several rows or another snapshot (closed
// shifts summed per person, products disabled by an ingredient, product names for ids) is the
// session's work, not the mapper's.
#pragma once

#include "counterinfo.h"
#include "money.h"
#include "order.h"
#include "paymentrecord.h"
#include "stockitem.h"
#include "timesheetrecord.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>
#include <QVariantHash>

#include <optional>
#include <variant>

namespace TableTap {

// A customization of a product (an extra shot, oat milk) as list_menu lists it.
struct MenuCustomization
{
    QString id;
    QString name;
    Cents price = 0;
    bool available = true; // false: an ingredient is short, or taken off sale
    // Taken off sale by hand ("86"), distinct from running out: why, and until when (null: until
    // someone puts it back).
    bool offSale = false;
    QString offSaleReason;
    QDateTime offSaleUntil;
    // Ingredient id → quantity the customization adds per unit (the menu editor keeps it).
    QHash<QString, double> recipe;

    bool isOrderable() const { return available && !offSale; }
};

// A product on the menu, as the queue, the drink/order dialogs and order entry need it.
struct MenuProduct
{
    QString id;
    QString name;
    QString category;
    Cents price = 0;
    int position = 0;
    bool available = true;
    bool disabled = false; // the hub's automatic out-of-stock flag
    bool offSale = false;  // taken off sale by hand, with a reason and maybe an end
    QString offSaleReason;
    QDateTime offSaleUntil;
    QStringList customizations; // names, in the menu's order
    QList<MenuCustomization> options;
    // Ingredient id → quantity used per unit sold.
    QHash<QString, double> recipe;

    bool isOrderable() const { return available && !disabled && !offSale; }
};

// A product the hub disabled for lack of ingredients, and the ingredients' ids.
struct DisabledProduct
{
    QString name;
    QStringList missingIngredients;
};

// One staff member as list_timesheets' staff rows describe them.
struct StaffRow
{
    QString userId;
    QString employeeCode;
    QString name;
    QString role;
    Cents hourlyRate = 0;
    int drinksThisMonth = 0;
    int drinkLimit = 0;
    QDateTime clockInTime;
    QDateTime clockOutTime;
    // Said by the row, or implied by a clock-in without a clock-out; unknown otherwise.
    std::optional<bool> clockedIn;
    QString timesheetId;
};

// One bucket of the day's figures (list_orders' `day`, a hub extension).
struct DayBucket
{
    QDateTime start;
    int orders = 0;
    Cents revenue = 0;
    int prepCount = 0;
    double prepMinutesSum = 0;
};

// The business date's figures the hub sums over every order of it, so the dashboard and the
// day's counts are right however many orders recent_orders leaves out.
struct DayFigures
{
    QString businessDate;
    int bucketMinutes = 15;
    int orders = 0;
    int finished = 0;
    int cancelled = 0;
    Cents revenue = 0;
    QList<DayBucket> buckets; // non-empty buckets, oldest first
};

struct OrdersSnapshot
{
    QList<Order> open;
    QList<Order> recent;
    // Said by our hub; other servers' list_orders (if any) leave it out.
    std::optional<DayFigures> day;
};

struct MenuSnapshot
{
    QList<MenuProduct> products;
};

struct InventorySnapshot
{
    // usedBy holds the rows' references (menu product ids, or names from other servers).
    QList<StockItem> items;
    QList<DisabledProduct> disabled;
};

struct TimesheetsSnapshot
{
    QList<StaffRow> staff;
    QList<TimesheetRow> timesheets;
};

struct PaymentsSnapshot
{
    QList<PaymentRecord> payments;
};

// One change of one setting (get_settings' history, cafe:settings_updated).
struct SettingHistoryEntry
{
    QString key;
    QVariant previous;
    QVariant next;
    QString byId;
    QString byName;
    QDateTime at;
};

struct SettingsSnapshot
{
    QVariantHash settings;
    QList<SettingHistoryEntry> history; // newest first (our hub's; empty from other servers)
};

struct CountersSnapshot
{
    QList<CounterInfo> counters;
};

using CafeSnapshot
    = std::variant<OrdersSnapshot, MenuSnapshot, InventorySnapshot, TimesheetsSnapshot,
                   PaymentsSnapshot, SettingsSnapshot, CountersSnapshot>;

} // namespace TableTap

Q_DECLARE_METATYPE(TableTap::CafeSnapshot)
