// Menu commands and the off-sale timer.
#include "menudesk.h"

#include "cafecontext.h"
#include "commanderror.h"
#include "hubtime.h"
#include "menufile.h"
#include "moneycents.h"
#include "payloadreader.h"
#include "storeconnection.h"

#include <QDateTime>
#include <QHash>
#include <QJsonArray>
#include <QSet>
#include <QSqlQuery>

namespace TableTap {

namespace {

constexpr int kMaxReasonLength = 200;
constexpr qint64 kMaxOffSaleMs = 366LL * 24 * 3600 * 1000;
const QString kProductPrefix = QStringLiteral("product:");
const QString kCustomizationPrefix = QStringLiteral("customization:");

// The columns of an off-sale state, in this order, in both tables.
const QString kOffSaleColumns = QStringLiteral(
    "off_sale_at, off_sale_reason, off_sale_until, off_sale_by_id, off_sale_by_name");

// null when on sale, else {reason, until, by, at} (docs/commands.md, list_menu).
QJsonValue offSaleJson(const QSqlQuery &q, int first)
{
    if (q.value(first).isNull())
        return QJsonValue();
    const QVariant until = q.value(first + 2);
    const QVariant byId = q.value(first + 3);
    return QJsonObject{
        {QStringLiteral("reason"), q.value(first + 1).toString()},
        {QStringLiteral("until"),
         until.isNull() ? QJsonValue() : QJsonValue(HubTime::isoUtc(until.toLongLong()))},
        {QStringLiteral("by"),
         byId.isNull()
             ? QJsonValue()
             : QJsonValue(QJsonObject{{QStringLiteral("id"), byId.toString()},
                                      {QStringLiteral("name"), q.value(first + 4).toString()}})},
        {QStringLiteral("at"), HubTime::isoUtc(q.value(first).toLongLong())}};
}

QJsonArray recipeJson(StoreConnection &db, const QString &table, const QString &ownerColumn,
                      const QString &ownerId, bool *enough)
{
    QJsonArray recipe;
    QSqlQuery r = db.exec(
        QStringLiteral("SELECT i.id, i.sku, i.name, r.quantity, i.unit, i.stock FROM %1 r "
                       "JOIN inventory_items i ON i.id = r.item_id WHERE r.%2 = ? ORDER BY i.sku")
            .arg(table, ownerColumn),
        {ownerId});
    while (r.next()) {
        *enough = *enough && r.value(5).toLongLong() >= r.value(3).toLongLong();
        recipe.append(QJsonObject{{QStringLiteral("product_id"), r.value(0).toString()},
                                  {QStringLiteral("sku"), r.value(1).toString()},
                                  {QStringLiteral("product_name"), r.value(2).toString()},
                                  {QStringLiteral("quantity"), r.value(3).toLongLong()},
                                  {QStringLiteral("unit"), r.value(4).toString()}});
    }
    return recipe;
}

// The recipe lines with their inventory item ids; unknown items are NOT_FOUND naming the line.
QList<QPair<QString, qint64>> resolveRecipe(StoreConnection &db, const QList<MenuFile::Line> &lines,
                                            const QString &path)
{
    QList<QPair<QString, qint64>> resolved;
    QSet<QString> seen;
    for (int i = 0; i < lines.size(); ++i) {
        const MenuFile::Line &l = lines.at(i);
        const bool byId = !l.itemId.isEmpty();
        const QString field = QStringLiteral("%1[%2].%3")
                                  .arg(path)
                                  .arg(i)
                                  .arg(byId ? QStringLiteral("item_id") : QStringLiteral("sku"));
        QSqlQuery q = db.exec(byId ? QStringLiteral("SELECT id FROM inventory_items WHERE id = ?")
                                   : QStringLiteral("SELECT id FROM inventory_items WHERE sku = ?"),
                              {byId ? l.itemId : l.sku});
        if (!q.next())
            throw CommandError::notFound(
                QStringLiteral("%1: no inventory item %2").arg(field, byId ? l.itemId : l.sku),
                field);
        const QString id = q.value(0).toString();
        if (seen.contains(id))
            throw CommandError::invalid(field,
                                        QStringLiteral("%1: inventory item %2 is listed twice")
                                            .arg(field, byId ? l.itemId : l.sku));
        seen.insert(id);
        resolved.append({id, l.quantity});
    }
    return resolved;
}

void insertLines(StoreConnection &db, const QString &table, const QString &ownerColumn,
                 const QString &ownerId, const QList<QPair<QString, qint64>> &lines)
{
    db.exec(QStringLiteral("DELETE FROM %1 WHERE %2 = ?").arg(table, ownerColumn), {ownerId});
    for (const auto &l : lines)
        db.exec(QStringLiteral("INSERT INTO %1(%2, item_id, quantity) VALUES (?, ?, ?)")
                    .arg(table, ownerColumn),
                {ownerId, l.first, l.second});
}

void refreshAutoDisabled(StoreConnection &db, const QString &productId)
{
    // The automatic flag as the inventory keeps it: set while an ingredient is at zero.
    // CASE: an integer flag in both databases (PostgreSQL's EXISTS is a boolean).
    db.exec(QStringLiteral("UPDATE products SET auto_disabled = CASE WHEN EXISTS (SELECT 1 FROM "
                           "recipe_lines r JOIN inventory_items i ON i.id = r.item_id WHERE "
                           "r.product_id = products.id AND i.stock = 0) THEN 1 ELSE 0 END "
                           "WHERE id = ?"),
            {productId});
}

// Writes one product (new when id is empty) with its recipe and customizations; returns its id.
// Customizations keep their ids where the payload names them (save_product) or, with
// matchByName, where a customization of that name exists (import_menu); the others are
// removed (past orders keep their names, not references).
QString writeProduct(CafeContext &ctx, QString id, const MenuFile::Product &p,
                     std::optional<int> position, const QString &path, bool matchByName)
{
    StoreConnection &db = ctx.db();
    const QString at = path.isEmpty() ? QString() : path + u'.';
    const auto recipe = resolveRecipe(db, p.recipe, at + QStringLiteral("recipe"));
    QList<QList<QPair<QString, qint64>>> customRecipes;
    for (int i = 0; i < p.customizations.size(); ++i)
        customRecipes.append(
            resolveRecipe(db, p.customizations.at(i).recipe,
                          at + QStringLiteral("customizations[%1].recipe").arg(i)));

    if (id.isEmpty()) {
        id = CafeContext::newId();
        const int pos = position.value_or(
            db.scalar(QStringLiteral("SELECT COALESCE(MAX(position) + 1, 0) FROM products"))
                .toInt());
        db.exec(QStringLiteral("INSERT INTO products(id, name, category, price_cents, position, "
                               "retired, auto_disabled) VALUES (?, ?, ?, ?, ?, 0, 0)"),
                {id, p.name, p.category, p.priceCents, pos});
    } else {
        db.exec(QStringLiteral("UPDATE products SET name = ?, category = ?, price_cents = ?, "
                               "retired = 0 WHERE id = ?"),
                {p.name, p.category, p.priceCents, id});
        if (position)
            db.exec(QStringLiteral("UPDATE products SET position = ? WHERE id = ?"),
                    {*position, id});
    }
    insertLines(db, QStringLiteral("recipe_lines"), QStringLiteral("product_id"), id, recipe);

    QHash<QString, QString> existingByName; // name -> id
    QSet<QString> existingIds;
    {
        QSqlQuery q = db.exec(
            QStringLiteral("SELECT id, name FROM customizations WHERE product_id = ?"), {id});
        while (q.next()) {
            existingIds.insert(q.value(0).toString());
            existingByName.insert(q.value(1).toString(), q.value(0).toString());
        }
    }
    QStringList keptIds;
    for (int i = 0; i < p.customizations.size(); ++i) {
        const MenuFile::Customization &c = p.customizations.at(i);
        QString cid;
        if (!matchByName && !c.id.isEmpty()) {
            if (!existingIds.contains(c.id))
                throw CommandError::notFound(
                    QStringLiteral("%1customizations[%2].id: no customization %3 of this product")
                        .arg(at)
                        .arg(i)
                        .arg(c.id),
                    at + QStringLiteral("customizations[%1].id").arg(i));
            cid = c.id;
        } else if (matchByName) {
            cid = existingByName.value(c.name);
        }
        keptIds.append(cid);
    }
    for (const QString &old : std::as_const(existingIds)) {
        if (!keptIds.contains(old))
            db.exec(QStringLiteral("DELETE FROM customizations WHERE id = ?"), {old});
    }
    // Names are unique per product: park the kept ones under their ids first, so two
    // customizations may swap names in one edit.
    for (const QString &cid : std::as_const(keptIds)) {
        if (!cid.isEmpty())
            db.exec(QStringLiteral("UPDATE customizations SET name = ? WHERE id = ?"),
                    {QString(QChar(u'\x01') + cid), cid});
    }
    for (int i = 0; i < p.customizations.size(); ++i) {
        const MenuFile::Customization &c = p.customizations.at(i);
        QString cid = keptIds.at(i);
        if (cid.isEmpty()) {
            cid = CafeContext::newId();
            db.exec(QStringLiteral("INSERT INTO customizations(id, product_id, name, "
                                   "price_cents, position) VALUES (?, ?, ?, ?, ?)"),
                    {cid, id, c.name, c.priceCents, i});
        } else {
            db.exec(QStringLiteral("UPDATE customizations SET name = ?, price_cents = ?, "
                                   "position = ? WHERE id = ?"),
                    {c.name, c.priceCents, i, cid});
        }
        insertLines(db, QStringLiteral("customization_lines"), QStringLiteral("customization_id"),
                    cid, customRecipes.at(i));
    }
    refreshAutoDisabled(db, id);
    return id;
}

// The product of this cafe with `id` (retired or not); NOT_FOUND naming product_id otherwise.
bool requireProduct(StoreConnection &db, const QString &id, QString *name = nullptr)
{
    QSqlQuery q = db.exec(QStringLiteral("SELECT retired, name FROM products WHERE id = ?"), {id});
    if (!q.next())
        throw CommandError::notFound(QStringLiteral("no product %1").arg(id),
                                     QStringLiteral("product_id"));
    if (name)
        *name = q.value(1).toString();
    return q.value(0).toBool();
}

void emitMenuUpdated(CafeContext &ctx, const QStringList &changed, const QStringList &removed)
{
    QJsonArray products;
    for (const QString &id : changed)
        products.append(MenuDesk::productJson(ctx.db(), id));
    QJsonObject data{{QStringLiteral("products"), products}};
    if (!removed.isEmpty())
        data.insert(QStringLiteral("removed"), QJsonArray::fromStringList(removed));
    ctx.emitEvent(Contract::Event::MenuUpdated, data);
}

struct Target
{
    bool customization = false;
    QString id, productId, name, productName;
};

// The availability event and ack body of a target as stored now.
QJsonObject availabilityJson(StoreConnection &db, const Target &t)
{
    QSqlQuery q
        = db.exec(QStringLiteral("SELECT %1 FROM %2 WHERE id = ?")
                      .arg(kOffSaleColumns, t.customization ? QStringLiteral("customizations")
                                                            : QStringLiteral("products")),
                  {t.id});
    q.next();
    const QJsonValue offSale = offSaleJson(q, 0);
    const QJsonObject o = offSale.toObject();
    const auto orNull = [](const QJsonValue &v) {
        return v.isUndefined() ? QJsonValue() : v;
    };
    return QJsonObject{
        {QStringLiteral("product_id"), t.productId},
        {QStringLiteral("customization_id"), t.customization ? QJsonValue(t.id) : QJsonValue()},
        {QStringLiteral("name"), t.name},
        {QStringLiteral("product_name"), t.productName},
        {QStringLiteral("available"), offSale.isNull()},
        {QStringLiteral("reason"), orNull(o.value(QStringLiteral("reason")))},
        {QStringLiteral("until"), orNull(o.value(QStringLiteral("until")))},
        {QStringLiteral("off_sale"), offSale}};
}

std::optional<Target> findTarget(StoreConnection &db, const QString &key)
{
    Target t;
    t.customization = key.startsWith(kCustomizationPrefix);
    t.id = key.mid(t.customization ? kCustomizationPrefix.size() : kProductPrefix.size());
    QSqlQuery q = db.exec(
        t.customization
            ? QStringLiteral("SELECT c.name, p.id, p.name FROM customizations c JOIN products p "
                             "ON p.id = c.product_id WHERE c.id = ? AND p.retired = 0")
            : QStringLiteral("SELECT name, id, name FROM products WHERE id = ? AND retired = 0"),
        {t.id});
    if (!q.next())
        return std::nullopt;
    t.name = q.value(0).toString();
    t.productId = q.value(1).toString();
    t.productName = q.value(2).toString();
    return t;
}

} // namespace

QString MenuDesk::offSaleKey(bool customization, const QString &id)
{
    return (customization ? kCustomizationPrefix : kProductPrefix) + id;
}

QJsonObject MenuDesk::productJson(StoreConnection &db, const QString &productId)
{
    QSqlQuery q
        = db.exec(QStringLiteral("SELECT id, name, category, price_cents, auto_disabled, position, "
                                 "retired, %1 FROM products WHERE id = ?")
                      .arg(kOffSaleColumns),
                  {productId});
    if (!q.next())
        return {};
    bool enough = true;
    const QJsonArray recipe = recipeJson(db, QStringLiteral("recipe_lines"),
                                         QStringLiteral("product_id"), productId, &enough);
    QJsonArray customs;
    QSqlQuery c = db.exec(QStringLiteral("SELECT id, name, price_cents, %1 FROM customizations "
                                         "WHERE product_id = ? ORDER BY position")
                              .arg(kOffSaleColumns),
                          {productId});
    while (c.next()) {
        bool customEnough = true;
        const QString cid = c.value(0).toString();
        const QJsonArray customRecipe
            = recipeJson(db, QStringLiteral("customization_lines"),
                         QStringLiteral("customization_id"), cid, &customEnough);
        const QJsonValue offSale = offSaleJson(c, 3);
        customs.append(
            QJsonObject{{QStringLiteral("id"), cid},
                        {QStringLiteral("name"), c.value(1).toString()},
                        {QStringLiteral("price"), MoneyCents::toJson(c.value(2).toLongLong())},
                        {QStringLiteral("available"), customEnough && offSale.isNull()},
                        {QStringLiteral("off_sale"), offSale},
                        {QStringLiteral("recipe"), customRecipe}});
    }
    const bool disabled = q.value(4).toBool();
    const QJsonValue offSale = offSaleJson(q, 7);
    QJsonValue reason;
    if (!offSale.isNull())
        reason = QStringLiteral("off_sale");
    else if (disabled)
        reason = QStringLiteral("out_of_stock");
    else if (!enough)
        reason = QStringLiteral("low_stock");
    return QJsonObject{{QStringLiteral("id"), productId},
                       {QStringLiteral("name"), q.value(1).toString()},
                       {QStringLiteral("category"), q.value(2).toString()},
                       {QStringLiteral("price"), MoneyCents::toJson(q.value(3).toLongLong())},
                       {QStringLiteral("position"), q.value(5).toInt()},
                       {QStringLiteral("retired"), q.value(6).toBool()},
                       {QStringLiteral("available"), !disabled && enough && offSale.isNull()},
                       {QStringLiteral("disabled"), disabled},
                       {QStringLiteral("unavailable_reason"), reason},
                       {QStringLiteral("off_sale"), offSale},
                       {QStringLiteral("customizations"), customs},
                       {QStringLiteral("recipe"), recipe}};
}

QJsonObject MenuDesk::listMenu(CafeContext &ctx, const PayloadReader &p)
{
    const bool includeRetired
        = p.has(QStringLiteral("include_retired")) && p.boolean(QStringLiteral("include_retired"));
    StoreConnection &db = ctx.db();
    QJsonArray products;
    QSqlQuery q
        = db.exec(includeRetired ? QStringLiteral("SELECT id FROM products ORDER BY position, name")
                                 : QStringLiteral("SELECT id FROM products WHERE retired = 0 "
                                                  "ORDER BY position, name"));
    while (q.next())
        products.append(productJson(db, q.value(0).toString()));
    const CafeSettings &s = ctx.settings();
    return QJsonObject{
        {QStringLiteral("currency"), s.currency},
        {QStringLiteral("tax_rate"), s.value(QStringLiteral("tax_rate"))},
        {QStringLiteral("tip_suggestions"), s.value(QStringLiteral("tip_suggestions"))},
        {QStringLiteral("products"), products}};
}

QJsonObject MenuDesk::saveProduct(CafeContext &ctx, const PayloadReader &p)
{
    StoreConnection &db = ctx.db();
    const QString productId = p.optString(QStringLiteral("product_id"), 64).value_or(QString());
    const MenuFile::Parsed parsed = MenuFile::productFromJson(p.json());
    if (!parsed.ok())
        throw CommandError::invalid(parsed.field, parsed.message);
    const MenuFile::Product &product = parsed.products.constFirst();
    const bool created = productId.isEmpty();
    if (!created)
        requireProduct(db, productId);
    QSqlQuery same = db.exec(
        QStringLiteral("SELECT id, retired FROM products WHERE name = ? AND id != ?"),
        {product.name, productId.isEmpty() ? QStringLiteral("") : productId}); // never NULL
    if (same.next())
        throw CommandError::conflict(
            same.value(1).toBool()
                ? QStringLiteral("a retired product is named \"%1\": restore it or choose another "
                                 "name")
                      .arg(product.name)
                : QStringLiteral("a product named \"%1\" is already on the menu").arg(product.name),
            QStringLiteral("name"));
    const QString id = writeProduct(ctx, productId, product, product.position, QString(), false);
    emitMenuUpdated(ctx, {id}, {});
    return QJsonObject{{QStringLiteral("product"), productJson(db, id)},
                       {QStringLiteral("created"), created}};
}

QJsonObject MenuDesk::retireProduct(CafeContext &ctx, const PayloadReader &p)
{
    StoreConnection &db = ctx.db();
    const QString id = p.string(QStringLiteral("product_id"), 64);
    const bool already = requireProduct(db, id);
    if (!already) {
        db.exec(QStringLiteral("UPDATE products SET retired = 1 WHERE id = ?"), {id});
        emitMenuUpdated(ctx, {}, {id});
    }
    return QJsonObject{{QStringLiteral("product_id"), id},
                       {QStringLiteral("already_retired"), already}};
}

QJsonObject MenuDesk::restoreProduct(CafeContext &ctx, const PayloadReader &p)
{
    StoreConnection &db = ctx.db();
    const QString id = p.string(QStringLiteral("product_id"), 64);
    const bool retired = requireProduct(db, id);
    if (retired) {
        db.exec(QStringLiteral("UPDATE products SET retired = 0 WHERE id = ?"), {id});
        refreshAutoDisabled(db, id);
        emitMenuUpdated(ctx, {id}, {});
    }
    return QJsonObject{{QStringLiteral("product"), productJson(db, id)},
                       {QStringLiteral("already_on_menu"), !retired}};
}

QJsonObject MenuDesk::setAvailability(CafeContext &ctx, const PayloadReader &p)
{
    StoreConnection &db = ctx.db();
    const bool hasProduct = p.has(QStringLiteral("product_id"));
    const bool hasCustomization = p.has(QStringLiteral("customization_id"));
    if (hasProduct == hasCustomization)
        throw CommandError::invalid(
            hasProduct ? QStringLiteral("customization_id") : QStringLiteral("product_id"),
            hasProduct ? QStringLiteral("give product_id or customization_id, not both")
                       : QStringLiteral("product_id or customization_id is required"));
    const QString field
        = hasProduct ? QStringLiteral("product_id") : QStringLiteral("customization_id");
    const QString id = p.string(field, 64);
    const bool available = p.boolean(QStringLiteral("available"));
    QString reason;
    std::optional<qint64> until;
    if (available) {
        if (p.has(QStringLiteral("until")))
            throw CommandError::invalid(QStringLiteral("until"),
                                        QStringLiteral("until only goes with available: false"));
    } else {
        reason = p.string(QStringLiteral("reason"), kMaxReasonLength).trimmed();
        if (const auto text = p.optString(QStringLiteral("until"), 40)) {
            const QDateTime t = QDateTime::fromString(*text, Qt::ISODateWithMs);
            if (!t.isValid() || t.timeSpec() == Qt::LocalTime)
                throw CommandError::invalid(
                    QStringLiteral("until"),
                    QStringLiteral("until must be an ISO-8601 time with a zone (Z or +hh:mm)"));
            until = t.toMSecsSinceEpoch();
            if (*until <= ctx.now())
                throw CommandError::invalid(QStringLiteral("until"),
                                            QStringLiteral("until must be in the future"));
            if (*until - ctx.now() > kMaxOffSaleMs)
                throw CommandError::invalid(
                    QStringLiteral("until"),
                    QStringLiteral("until must be within a year (or absent: until put back)"));
        }
    }
    const QString key = offSaleKey(hasCustomization, id);
    const std::optional<Target> target = findTarget(db, key);
    if (!target)
        throw CommandError::notFound(QStringLiteral("%1 %2 is not on the menu").arg(field, id),
                                     field);
    const QString table
        = hasCustomization ? QStringLiteral("customizations") : QStringLiteral("products");
    const bool wasOffSale
        = !db.scalar(QStringLiteral("SELECT off_sale_at FROM %1 WHERE id = ?").arg(table), {id})
               .isNull();
    bool changed = true;
    if (available) {
        changed = wasOffSale;
        db.exec(QStringLiteral("UPDATE %1 SET off_sale_at = NULL, off_sale_reason = NULL, "
                               "off_sale_until = NULL, off_sale_by_id = NULL, "
                               "off_sale_by_name = NULL WHERE id = ?")
                    .arg(table),
                {id});
    } else {
        db.exec(QStringLiteral("UPDATE %1 SET off_sale_at = ?, off_sale_reason = ?, "
                               "off_sale_until = ?, off_sale_by_id = ?, off_sale_by_name = ? "
                               "WHERE id = ?")
                    .arg(table),
                {ctx.now(), reason,
                 until ? QVariant(*until) : QVariant(QMetaType(QMetaType::LongLong)),
                 ctx.actor().userId, ctx.actor().name, id});
        if (until)
            ctx.schedule(*until, CafeContext::TimerKind::OffSaleEnds, key);
    }
    QJsonObject data = availabilityJson(db, *target);
    if (changed) {
        QJsonObject event = data;
        event.remove(QStringLiteral("off_sale"));
        event.insert(QStringLiteral("by"), ctx.actorRef());
        event.insert(QStringLiteral("at"), HubTime::isoUtc(ctx.now()));
        ctx.emitEvent(Contract::Event::MenuAvailabilityChanged, event);
    }
    data.insert(QStringLiteral("changed"), changed);
    return data;
}

QJsonObject MenuDesk::importMenu(CafeContext &ctx, const PayloadReader &p)
{
    StoreConnection &db = ctx.db();
    const QString mode = p.has(QStringLiteral("mode"))
                             ? p.oneOf(QStringLiteral("mode"),
                                       {QStringLiteral("merge"), QStringLiteral("replace")})
                             : QStringLiteral("merge");
    const QJsonArray array = p.array(QStringLiteral("products"), MenuFile::kMaxProducts);
    const MenuFile::Parsed parsed = MenuFile::productsFromJson(array);
    if (!parsed.ok())
        throw CommandError::invalid(parsed.field, parsed.message);
    const bool replace = mode == u"replace";

    QHash<QString, QString> idByName;
    {
        QSqlQuery q = db.exec(QStringLiteral("SELECT name, id FROM products"));
        while (q.next())
            idByName.insert(q.value(0).toString(), q.value(1).toString());
    }
    QStringList written;
    int created = 0;
    for (int i = 0; i < parsed.products.size(); ++i) {
        const MenuFile::Product &product = parsed.products.at(i);
        const QString existing = idByName.value(product.name);
        created += existing.isEmpty() ? 1 : 0;
        // Replace: the file's order is the menu's; merge keeps the places products have and
        // appends new ones (unless the file gives positions).
        const std::optional<int> position = replace ? std::optional<int>(i) : product.position;
        written.append(writeProduct(ctx, existing, product, position,
                                    QStringLiteral("products[%1]").arg(i), true));
    }
    QStringList removed;
    if (replace) {
        QSqlQuery q = db.exec(QStringLiteral("SELECT id FROM products WHERE retired = 0"));
        while (q.next()) {
            if (!written.contains(q.value(0).toString()))
                removed.append(q.value(0).toString());
        }
        for (const QString &id : std::as_const(removed))
            db.exec(QStringLiteral("UPDATE products SET retired = 1 WHERE id = ?"), {id});
    }
    emitMenuUpdated(ctx, written, removed);
    return QJsonObject{{QStringLiteral("mode"), mode},
                       {QStringLiteral("created"), created},
                       {QStringLiteral("updated"), int(written.size()) - created},
                       {QStringLiteral("removed"), QJsonArray::fromStringList(removed)}};
}

void MenuDesk::endOffSale(CafeContext &ctx, const QString &key)
{
    StoreConnection &db = ctx.db();
    const std::optional<Target> target = findTarget(db, key);
    if (!target)
        return; // retired or removed meanwhile: nothing to put back
    const QString table
        = target->customization ? QStringLiteral("customizations") : QStringLiteral("products");
    const QVariant until
        = db.scalar(QStringLiteral("SELECT off_sale_until FROM %1 WHERE id = ? AND off_sale_at "
                                   "IS NOT NULL")
                        .arg(table),
                    {target->id});
    if (until.isNull())
        return; // put back by hand, or taken off until further notice since
    if (until.toLongLong() > ctx.now()) {
        // Fired early (a wall clock set back) or an older timer of a later deadline.
        ctx.schedule(until.toLongLong(), CafeContext::TimerKind::OffSaleEnds, key);
        return;
    }
    db.exec(QStringLiteral("UPDATE %1 SET off_sale_at = NULL, off_sale_reason = NULL, "
                           "off_sale_until = NULL, off_sale_by_id = NULL, off_sale_by_name = NULL "
                           "WHERE id = ?")
                .arg(table),
            {target->id});
    QJsonObject event = availabilityJson(db, *target);
    event.remove(QStringLiteral("off_sale"));
    event.insert(QStringLiteral("by"), QJsonValue());
    event.insert(QStringLiteral("at"), HubTime::isoUtc(ctx.now()));
    ctx.emitEvent(Contract::Event::MenuAvailabilityChanged, event);
}

QList<QPair<QString, qint64>> MenuDesk::offSaleDeadlines(StoreConnection &db)
{
    QList<QPair<QString, qint64>> deadlines;
    for (const bool customization : {false, true}) {
        QSqlQuery q = db.exec(
            QStringLiteral("SELECT id, off_sale_until FROM %1 WHERE off_sale_at IS NOT NULL AND "
                           "off_sale_until IS NOT NULL")
                .arg(customization ? QStringLiteral("customizations")
                                   : QStringLiteral("products")));
        while (q.next())
            deadlines.append(
                {offSaleKey(customization, q.value(0).toString()), q.value(1).toLongLong()});
    }
    return deadlines;
}

} // namespace TableTap
