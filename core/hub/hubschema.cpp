// The hub's schemas as ordered migration steps. Times are INTEGER milliseconds since the epoch
// (UTC), money INTEGER cents, rates INTEGER parts per million.
#include "hubschema.h"

namespace TableTap::HubSchema {

QList<MigrationStep> registrySteps()
{
    return {
        {1,
         {QStringLiteral("CREATE TABLE cafes (id TEXT PRIMARY KEY, name TEXT NOT NULL, "
                         "created_at INTEGER NOT NULL)"),
          // A user id belongs to one cafe, so a `user:<id>` room can never span two cafes.
          QStringLiteral("CREATE TABLE user_owners (user_id TEXT PRIMARY KEY, "
                         "cafe_id TEXT NOT NULL REFERENCES cafes(id))")}},
        {2,
         {// Chain owners: admins of one cafe whom the hub's operator granted the overview of
          // every cafe (`tabletap-hub chain grant`). Read on every chain command, so a revoke
          // acts at once.
          QStringLiteral("CREATE TABLE chain_owners (cafe_id TEXT NOT NULL REFERENCES cafes(id), "
                         "staff_id TEXT NOT NULL, code TEXT NOT NULL, name TEXT NOT NULL, "
                         "granted_at INTEGER NOT NULL, PRIMARY KEY (cafe_id, staff_id))")}},
    };
}

QList<MigrationStep> cafeSteps()
{
    return {
        {1,
         {
             QStringLiteral("CREATE TABLE cafe_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)"),
             QStringLiteral("CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL)"),
             QStringLiteral(
                 "CREATE TABLE counters (name TEXT PRIMARY KEY, position INTEGER NOT NULL, "
                 "status TEXT NOT NULL CHECK (status IN ('active','inactive')), "
                 "updated_at INTEGER NOT NULL)"),
             QStringLiteral("CREATE TABLE staff (id TEXT PRIMARY KEY, code TEXT NOT NULL UNIQUE, "
                            "name TEXT NOT NULL, role TEXT NOT NULL CHECK (role IN "
                            "('employee','manager','admin')), pin_hash TEXT NOT NULL, "
                            "hourly_rate_cents INTEGER NOT NULL CHECK (hourly_rate_cents >= 0), "
                            "drink_allowance INTEGER, active INTEGER NOT NULL DEFAULT 1, "
                            "created_at INTEGER NOT NULL)"),
             QStringLiteral(
                 "CREATE TABLE inventory_items (id TEXT PRIMARY KEY, sku TEXT NOT NULL UNIQUE, "
                 "name TEXT NOT NULL, unit TEXT NOT NULL, "
                 "stock INTEGER NOT NULL CHECK (stock >= 0), "
                 "reorder_level INTEGER NOT NULL CHECK (reorder_level >= 0), "
                 "max_stock INTEGER NOT NULL CHECK (max_stock >= 0), "
                 "last_restocked INTEGER NOT NULL, alert_priority TEXT, "
                 "created_at INTEGER NOT NULL)"),
             QStringLiteral(
                 "CREATE TABLE products (id TEXT PRIMARY KEY, name TEXT NOT NULL, "
                 "category TEXT NOT NULL, price_cents INTEGER NOT NULL CHECK (price_cents >= 0), "
                 "position INTEGER NOT NULL, retired INTEGER NOT NULL DEFAULT 0, "
                 "auto_disabled INTEGER NOT NULL DEFAULT 0)"),
             QStringLiteral(
                 "CREATE TABLE recipe_lines (product_id TEXT NOT NULL REFERENCES products(id) "
                 "ON DELETE CASCADE, item_id TEXT NOT NULL REFERENCES inventory_items(id), "
                 "quantity INTEGER NOT NULL CHECK (quantity > 0), "
                 "PRIMARY KEY (product_id, item_id))"),
             QStringLiteral(
                 "CREATE TABLE customizations (id TEXT PRIMARY KEY, product_id TEXT NOT NULL "
                 "REFERENCES products(id) ON DELETE CASCADE, name TEXT NOT NULL, "
                 "price_cents INTEGER NOT NULL CHECK (price_cents >= 0), "
                 "position INTEGER NOT NULL, UNIQUE (product_id, name))"),
             QStringLiteral(
                 "CREATE TABLE customization_lines (customization_id TEXT NOT NULL "
                 "REFERENCES customizations(id) ON DELETE CASCADE, item_id TEXT NOT NULL "
                 "REFERENCES inventory_items(id), quantity INTEGER NOT NULL CHECK (quantity > 0), "
                 "PRIMARY KEY (customization_id, item_id))"),
             QStringLiteral(
                 "CREATE TABLE orders (id TEXT PRIMARY KEY, order_number TEXT NOT NULL UNIQUE, "
                 "business_date TEXT NOT NULL, daily_seq INTEGER NOT NULL, "
                 "customer_name TEXT NOT NULL, customer_phone TEXT, status TEXT NOT NULL CHECK "
                 "(status IN ('pending','preparing','ready','completed','cancelled')), "
                 "counter TEXT NOT NULL REFERENCES counters(name), "
                 "subtotal_cents INTEGER NOT NULL, tax_cents INTEGER NOT NULL, "
                 "tip_cents INTEGER NOT NULL, total_cents INTEGER NOT NULL, "
                 "tax_rate_ppm INTEGER NOT NULL, estimated_ready_at INTEGER NOT NULL, "
                 "created_at INTEGER NOT NULL, created_by_id TEXT NOT NULL, "
                 "created_by_name TEXT NOT NULL, created_by_role TEXT NOT NULL, "
                 "ordered_for_id TEXT, ordered_for_name TEXT, notes TEXT, "
                 "preparing_at INTEGER, ready_at INTEGER, completed_at INTEGER, "
                 "cancelled_at INTEGER, cancel_reason TEXT, updated_at INTEGER NOT NULL, "
                 "UNIQUE (business_date, daily_seq))"),
             QStringLiteral(
                 "CREATE TABLE order_items (id TEXT PRIMARY KEY, order_id TEXT NOT NULL "
                 "REFERENCES orders(id), position INTEGER NOT NULL, product_id TEXT NOT NULL, "
                 "product_name TEXT NOT NULL, quantity INTEGER NOT NULL CHECK (quantity > 0), "
                 "unit_price_cents INTEGER NOT NULL, total_price_cents INTEGER NOT NULL, "
                 "customizations TEXT NOT NULL)"),
             QStringLiteral("CREATE TABLE order_status_history (order_id TEXT NOT NULL REFERENCES "
                            "orders(id), position INTEGER NOT NULL, status TEXT NOT NULL, "
                            "at INTEGER NOT NULL, user_id TEXT NOT NULL, notes TEXT NOT NULL, "
                            "PRIMARY KEY (order_id, position))"),
             QStringLiteral(
                 "CREATE TABLE payments (transaction_id TEXT PRIMARY KEY, order_id TEXT NOT NULL "
                 "REFERENCES orders(id), method TEXT NOT NULL CHECK (method IN "
                 "('card','cash','qr')), amount_cents INTEGER NOT NULL, "
                 "fee_cents INTEGER NOT NULL DEFAULT 0, provider TEXT NOT NULL, "
                 "provider_transaction_id TEXT, status TEXT NOT NULL CHECK (status IN "
                 "('processing','completed','failed','expired','voided','refunded')), "
                 "error_code TEXT, error_message TEXT, retry_allowed INTEGER, "
                 "qr_code_id TEXT, qr_code_data TEXT, expires_at INTEGER, "
                 "complete_at INTEGER, created_at INTEGER NOT NULL, completed_at INTEGER, "
                 "created_by_id TEXT NOT NULL, amount_received_cents INTEGER, "
                 "refunded_at INTEGER)"),
             QStringLiteral("CREATE TABLE stock_movements (id INTEGER PRIMARY KEY AUTOINCREMENT, "
                            "item_id TEXT NOT NULL REFERENCES inventory_items(id), "
                            "previous_stock INTEGER NOT NULL, new_stock INTEGER NOT NULL, "
                            "change_amount INTEGER NOT NULL, change_type TEXT NOT NULL, "
                            "reference_type TEXT NOT NULL, reference_id TEXT NOT NULL, "
                            "user_id TEXT NOT NULL, user_name TEXT NOT NULL, notes TEXT, "
                            "at INTEGER NOT NULL)"),
             QStringLiteral(
                 "CREATE TABLE timesheets (id TEXT PRIMARY KEY, user_id TEXT NOT NULL "
                 "REFERENCES staff(id), shift_date TEXT NOT NULL, clock_in INTEGER NOT NULL, "
                 "clock_out INTEGER, break_minutes INTEGER, hourly_rate_cents INTEGER NOT NULL, "
                 "total_centihours INTEGER, total_pay_cents INTEGER, notes TEXT, "
                 "clock_out_notes TEXT)"),
             // One open timesheet per employee, by construction.
             QStringLiteral("CREATE UNIQUE INDEX timesheets_one_open ON timesheets(user_id) "
                            "WHERE clock_out IS NULL"),
             QStringLiteral(
                 "CREATE TABLE drinks (id TEXT PRIMARY KEY, user_id TEXT NOT NULL REFERENCES "
                 "staff(id), product_id TEXT NOT NULL, product_name TEXT NOT NULL, "
                 "quantity INTEGER NOT NULL CHECK (quantity > 0), order_id TEXT, "
                 "month TEXT NOT NULL, counted INTEGER NOT NULL, at INTEGER NOT NULL)"),
         }},
        {2,
         {
             // The first result of every applied command with a request_id, stored in the same
             // transaction as its effects.
             QStringLiteral(
                 "CREATE TABLE processed_requests (actor_id TEXT NOT NULL, "
                 "request_id TEXT NOT NULL, command TEXT NOT NULL, result TEXT NOT NULL, "
                 "at INTEGER NOT NULL, PRIMARY KEY (actor_id, request_id))"),
             // Every emitted event in order: the sequence for recovery and gap detection.
             QStringLiteral(
                 "CREATE TABLE events (seq INTEGER PRIMARY KEY AUTOINCREMENT, "
                 "event_id TEXT NOT NULL UNIQUE, namespace TEXT NOT NULL, name TEXT NOT NULL, "
                 "envelope TEXT NOT NULL, rooms TEXT NOT NULL, except_rooms TEXT NOT NULL, "
                 "at INTEGER NOT NULL)"),
             QStringLiteral("CREATE INDEX events_at ON events(at)"),
             QStringLiteral("CREATE INDEX orders_status ON orders(status)"),
             QStringLiteral("CREATE INDEX orders_created ON orders(created_at)"),
             QStringLiteral("CREATE INDEX orders_counter ON orders(counter, status)"),
             QStringLiteral("CREATE INDEX order_items_order ON order_items(order_id)"),
             QStringLiteral("CREATE INDEX payments_order ON payments(order_id)"),
             QStringLiteral("CREATE INDEX timesheets_user ON timesheets(user_id, clock_in)"),
             QStringLiteral("CREATE INDEX drinks_user_month ON drinks(user_id, month)"),
             QStringLiteral("CREATE INDEX recipe_item ON recipe_lines(item_id)"),
         }},
        {3,
         {
             // Revocation: a token carries the generation it was signed with and is refused once
             // the stored one moved on (revoked, disabled, new PIN).
             QStringLiteral(
                 "ALTER TABLE staff ADD COLUMN token_generation INTEGER NOT NULL DEFAULT 0"),
             // Who changed the row last (null: the admin command line), for staff:updated.
             QStringLiteral("ALTER TABLE staff ADD COLUMN updated_at INTEGER"),
             QStringLiteral("ALTER TABLE staff ADD COLUMN updated_by_id TEXT"),
             QStringLiteral("ALTER TABLE staff ADD COLUMN updated_by_name TEXT"),
         }},
        {4,
         {
             // Item check-off (check_order_item): when an item was made and by whom; null: not
             // made. Kept by the hub so every screen of a counter shows the same ticks.
             QStringLiteral("ALTER TABLE order_items ADD COLUMN made_at INTEGER"),
             QStringLiteral("ALTER TABLE order_items ADD COLUMN made_by_id TEXT"),
         }},
        {5,
         {
             // Stock alerts, each raised once (inventory:low_stock, inventory:out_of_stock) and
             // acknowledged once for every console (acknowledge_alert); cleared_at is set when the
             // stock is back at its reorder level or a newer alert of the item replaces it.
             QStringLiteral("CREATE TABLE stock_alerts (id TEXT PRIMARY KEY, item_id TEXT NOT "
                            "NULL REFERENCES inventory_items(id), priority TEXT NOT NULL, "
                            "raised_at INTEGER NOT NULL, cleared_at INTEGER, acknowledged_at "
                            "INTEGER, acknowledged_by_id TEXT, acknowledged_by_name TEXT)"),
             QStringLiteral("CREATE INDEX stock_alerts_open ON stock_alerts(item_id) WHERE "
                            "cleared_at IS NULL"),
             // The alerts already standing when the hub is upgraded.
             QStringLiteral("INSERT INTO stock_alerts(id, item_id, priority, raised_at) SELECT "
                            "lower(hex(randomblob(16))), id, alert_priority, "
                            "CAST(strftime('%s', 'now') AS INTEGER) * 1000 FROM inventory_items "
                            "WHERE alert_priority IS NOT NULL"),
         }},
        {6,
         {
             // Taken off sale by hand ("86"), apart from the automatic auto_disabled: null
             // off_sale_at = on sale; off_sale_until null = until someone puts it back. The hub
             // puts it back by itself at off_sale_until (a timer, re-armed at start).
             QStringLiteral("ALTER TABLE products ADD COLUMN off_sale_at INTEGER"),
             QStringLiteral("ALTER TABLE products ADD COLUMN off_sale_reason TEXT"),
             QStringLiteral("ALTER TABLE products ADD COLUMN off_sale_until INTEGER"),
             QStringLiteral("ALTER TABLE products ADD COLUMN off_sale_by_id TEXT"),
             QStringLiteral("ALTER TABLE products ADD COLUMN off_sale_by_name TEXT"),
             QStringLiteral("ALTER TABLE customizations ADD COLUMN off_sale_at INTEGER"),
             QStringLiteral("ALTER TABLE customizations ADD COLUMN off_sale_reason TEXT"),
             QStringLiteral("ALTER TABLE customizations ADD COLUMN off_sale_until INTEGER"),
             QStringLiteral("ALTER TABLE customizations ADD COLUMN off_sale_by_id TEXT"),
             QStringLiteral("ALTER TABLE customizations ADD COLUMN off_sale_by_name TEXT"),
         }},
        {7,
         {
             // Who changed which setting when (update_settings), one row per key, written in the
             // command's transaction: get_settings answers the latest as `history`.
             QStringLiteral("CREATE TABLE settings_changes (id INTEGER PRIMARY KEY AUTOINCREMENT, "
                            "key TEXT NOT NULL, previous TEXT NOT NULL, new TEXT NOT NULL, "
                            "by_id TEXT NOT NULL, by_name TEXT NOT NULL, at INTEGER NOT NULL)"),
             // Timesheet corrections (correct_timesheet): the values before and after, who,
             // when and why. The first row of a sheet keeps what the employee clocked.
             QStringLiteral(
                 "CREATE TABLE timesheet_corrections (id TEXT PRIMARY KEY, timesheet_id TEXT NOT "
                 "NULL REFERENCES timesheets(id), user_id TEXT NOT NULL, "
                 "previous_clock_in INTEGER NOT NULL, previous_clock_out INTEGER, "
                 "previous_break_minutes INTEGER, new_clock_in INTEGER NOT NULL, "
                 "new_clock_out INTEGER, new_break_minutes INTEGER, reason TEXT NOT NULL, "
                 "by_id TEXT NOT NULL, by_name TEXT NOT NULL, by_role TEXT NOT NULL, "
                 "at INTEGER NOT NULL)"),
             QStringLiteral("CREATE INDEX timesheet_corrections_sheet ON "
                            "timesheet_corrections(timesheet_id, at)"),
         }},
        {8,
         {
             // When the person last signed in or refreshed a token (null: never since the
             // column came), for the console's staff list.
             QStringLiteral("ALTER TABLE staff ADD COLUMN last_sign_in_at INTEGER"),
         }},
    };
}

} // namespace TableTap::HubSchema
