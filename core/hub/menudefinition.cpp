// A cafe's menu as data.
#include "menudefinition.h"

#include "commanderror.h"
#include "moneycents.h"
#include "payloadreader.h"
#include "storeconnection.h"

#include <QHash>
#include <QJsonArray>
#include <QSet>
#include <QSqlQuery>
#include <QUuid>

namespace TableTap {

static constexpr qint64 kMaxQuantity = 1000000000;

static QString newId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

static QList<MenuDefinition::Line> parseRecipe(const PayloadReader &owner,
                                               const QSet<QString> &skus)
{
    QList<MenuDefinition::Line> lines;
    if (!owner.has(QStringLiteral("recipe")))
        return lines;
    const QJsonArray recipe = owner.array(QStringLiteral("recipe"), 50, true);
    QSet<QString> seen;
    for (int i = 0; i < recipe.size(); ++i) {
        const PayloadReader r = owner.element(QStringLiteral("recipe"), recipe, i);
        MenuDefinition::Line line;
        line.sku = r.string(QStringLiteral("sku"), 64);
        if (!skus.contains(line.sku))
            throw CommandError::invalid(r.fieldPath(QStringLiteral("sku")),
                                        QStringLiteral("%1: unknown ingredient sku %2")
                                            .arg(r.fieldPath(QStringLiteral("sku")), line.sku));
        if (seen.contains(line.sku))
            throw CommandError::invalid(r.fieldPath(QStringLiteral("sku")),
                                        QStringLiteral("%1: ingredient %2 listed twice")
                                            .arg(r.fieldPath(QStringLiteral("sku")), line.sku));
        seen.insert(line.sku);
        line.quantity = r.integer(QStringLiteral("quantity"), 1, kMaxQuantity);
        lines.append(line);
    }
    return lines;
}

MenuDefinition MenuDefinition::parse(const QJsonObject &json)
{
    const PayloadReader root(json);
    if (root.has(QStringLiteral("format"))
        && root.string(QStringLiteral("format"), 64) != u"tabletap-menu")
        throw CommandError::invalid(QStringLiteral("format"),
                                    QStringLiteral("format must be \"tabletap-menu\""));
    if (root.has(QStringLiteral("version")) && root.integer(QStringLiteral("version"), 1, 1) != 1)
        throw CommandError::invalid(QStringLiteral("version"), QStringLiteral("version must be 1"));

    MenuDefinition menu;
    QSet<QString> skus;
    const QJsonArray ingredients = root.array(QStringLiteral("ingredients"), 1000, true);
    for (int i = 0; i < ingredients.size(); ++i) {
        const PayloadReader r = root.element(QStringLiteral("ingredients"), ingredients, i);
        Ingredient in;
        in.sku = r.string(QStringLiteral("sku"), 64);
        in.name = r.string(QStringLiteral("name"), 120);
        in.unit = r.string(QStringLiteral("unit"), 16);
        in.stock = r.integer(QStringLiteral("stock"), 0, kMaxQuantity);
        in.reorderLevel = r.integer(QStringLiteral("reorder_level"), 0, kMaxQuantity);
        in.maxStock = r.integer(QStringLiteral("max_stock"), 1, kMaxQuantity);
        if (in.reorderLevel > in.maxStock)
            throw CommandError::invalid(r.fieldPath(QStringLiteral("reorder_level")),
                                        QStringLiteral("%1 is above max_stock")
                                            .arg(r.fieldPath(QStringLiteral("reorder_level"))));
        if (skus.contains(in.sku))
            throw CommandError::invalid(r.fieldPath(QStringLiteral("sku")),
                                        QStringLiteral("%1: sku %2 listed twice")
                                            .arg(r.fieldPath(QStringLiteral("sku")), in.sku));
        skus.insert(in.sku);
        menu.ingredients.append(in);
    }

    const QJsonArray products = root.array(QStringLiteral("products"), 1000);
    QSet<QString> names;
    for (int i = 0; i < products.size(); ++i) {
        const PayloadReader r = root.element(QStringLiteral("products"), products, i);
        Product p;
        p.name = r.string(QStringLiteral("name"), 120);
        if (names.contains(p.name))
            throw CommandError::invalid(r.fieldPath(QStringLiteral("name")),
                                        QStringLiteral("%1: product %2 listed twice")
                                            .arg(r.fieldPath(QStringLiteral("name")), p.name));
        names.insert(p.name);
        p.category = r.has(QStringLiteral("category")) ? r.string(QStringLiteral("category"), 60)
                                                       : QStringLiteral("other");
        p.priceCents = r.money(QStringLiteral("price"), 100000);
        p.recipe = parseRecipe(r, skus);
        if (r.has(QStringLiteral("customizations"))) {
            const QJsonArray cs = r.array(QStringLiteral("customizations"), 30, true);
            QSet<QString> cnames;
            for (int c = 0; c < cs.size(); ++c) {
                const PayloadReader cr = r.element(QStringLiteral("customizations"), cs, c);
                Customization cu;
                cu.name = cr.string(QStringLiteral("name"), 60);
                if (cnames.contains(cu.name))
                    throw CommandError::invalid(
                        cr.fieldPath(QStringLiteral("name")),
                        QStringLiteral("%1: customization %2 listed twice")
                            .arg(cr.fieldPath(QStringLiteral("name")), cu.name));
                cnames.insert(cu.name);
                cu.priceCents = cr.has(QStringLiteral("price"))
                                    ? cr.money(QStringLiteral("price"), 100000)
                                    : 0;
                cu.recipe = parseRecipe(cr, skus);
                p.customizations.append(cu);
            }
        }
        menu.products.append(p);
    }
    return menu;
}

static QJsonArray recipeJson(const QList<MenuDefinition::Line> &lines)
{
    QJsonArray a;
    for (const auto &l : lines)
        a.append(
            QJsonObject{{QStringLiteral("sku"), l.sku}, {QStringLiteral("quantity"), l.quantity}});
    return a;
}

QJsonObject MenuDefinition::toJson() const
{
    QJsonArray ins;
    for (const Ingredient &in : ingredients) {
        ins.append(QJsonObject{{QStringLiteral("sku"), in.sku},
                               {QStringLiteral("name"), in.name},
                               {QStringLiteral("unit"), in.unit},
                               {QStringLiteral("stock"), in.stock},
                               {QStringLiteral("reorder_level"), in.reorderLevel},
                               {QStringLiteral("max_stock"), in.maxStock}});
    }
    QJsonArray ps;
    for (const Product &p : products) {
        QJsonArray cs;
        for (const Customization &c : p.customizations) {
            cs.append(QJsonObject{{QStringLiteral("name"), c.name},
                                  {QStringLiteral("price"), MoneyCents::toJson(c.priceCents)},
                                  {QStringLiteral("recipe"), recipeJson(c.recipe)}});
        }
        ps.append(QJsonObject{{QStringLiteral("name"), p.name},
                              {QStringLiteral("category"), p.category},
                              {QStringLiteral("price"), MoneyCents::toJson(p.priceCents)},
                              {QStringLiteral("recipe"), recipeJson(p.recipe)},
                              {QStringLiteral("customizations"), cs}});
    }
    return QJsonObject{{QStringLiteral("format"), QStringLiteral("tabletap-menu")},
                       {QStringLiteral("version"), 1},
                       {QStringLiteral("ingredients"), ins},
                       {QStringLiteral("products"), ps}};
}

void MenuDefinition::apply(StoreConnection &db, qint64 nowMs) const
{
    QHash<QString, QString> itemIdBySku;
    {
        QSqlQuery q = db.exec(QStringLiteral("SELECT sku, id FROM inventory_items"));
        while (q.next())
            itemIdBySku.insert(q.value(0).toString(), q.value(1).toString());
    }
    for (const Ingredient &in : ingredients) {
        if (itemIdBySku.contains(in.sku)) {
            db.exec(
                QStringLiteral("UPDATE inventory_items SET name = ?, unit = ?, reorder_level = ?, "
                               "max_stock = ? WHERE sku = ?"),
                {in.name, in.unit, in.reorderLevel, in.maxStock, in.sku});
        } else {
            const QString id = newId();
            db.exec(QStringLiteral("INSERT INTO inventory_items(id, sku, name, unit, stock, "
                                   "reorder_level, max_stock, last_restocked, created_at) "
                                   "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"),
                    {id, in.sku, in.name, in.unit, in.stock, in.reorderLevel, in.maxStock, nowMs,
                     nowMs});
            itemIdBySku.insert(in.sku, id);
        }
    }

    QHash<QString, QString> productIdByName;
    {
        QSqlQuery q = db.exec(QStringLiteral("SELECT name, id FROM products"));
        while (q.next())
            productIdByName.insert(q.value(0).toString(), q.value(1).toString());
    }
    db.exec(QStringLiteral("UPDATE products SET retired = 1"));
    int position = 0;
    for (const Product &p : products) {
        QString id = productIdByName.value(p.name);
        if (id.isEmpty()) {
            id = newId();
            db.exec(
                QStringLiteral("INSERT INTO products(id, name, category, price_cents, position, "
                               "retired, auto_disabled) VALUES (?, ?, ?, ?, ?, 0, 0)"),
                {id, p.name, p.category, p.priceCents, position});
        } else {
            db.exec(
                QStringLiteral("UPDATE products SET category = ?, price_cents = ?, position = ?, "
                               "retired = 0 WHERE id = ?"),
                {p.category, p.priceCents, position, id});
            db.exec(QStringLiteral("DELETE FROM recipe_lines WHERE product_id = ?"), {id});
            db.exec(QStringLiteral("DELETE FROM customizations WHERE product_id = ?"), {id});
        }
        ++position;
        for (const Line &l : p.recipe) {
            db.exec(QStringLiteral("INSERT INTO recipe_lines(product_id, item_id, quantity) "
                                   "VALUES (?, ?, ?)"),
                    {id, itemIdBySku.value(l.sku), l.quantity});
        }
        int cpos = 0;
        for (const Customization &c : p.customizations) {
            const QString cid = newId();
            db.exec(QStringLiteral("INSERT INTO customizations(id, product_id, name, price_cents, "
                                   "position) VALUES (?, ?, ?, ?, ?)"),
                    {cid, id, c.name, c.priceCents, cpos++});
            for (const Line &l : c.recipe) {
                db.exec(QStringLiteral("INSERT INTO customization_lines(customization_id, item_id, "
                                       "quantity) VALUES (?, ?, ?)"),
                        {cid, itemIdBySku.value(l.sku), l.quantity});
            }
        }
    }
    // A product is disabled while any ingredient of its recipe is at zero.
    db.exec(QStringLiteral("UPDATE products SET auto_disabled = CASE WHEN EXISTS (SELECT 1 FROM "
                           "recipe_lines r JOIN inventory_items i ON i.id = r.item_id WHERE "
                           "r.product_id = products.id AND i.stock = 0) THEN 1 ELSE 0 END"));
}

} // namespace TableTap
