// A cafe's menu as data: ingredients (inventory items), products with prices and recipes, and
// per-product customizations with surcharges and their own recipe lines. Parsed and validated
// from the documented JSON file format (docs/domain.md), then applied to a cafe database.
#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>

namespace TableTap {

class StoreConnection;

struct MenuDefinition
{
    struct Line
    {
        QString sku;
        qint64 quantity = 0;
    };
    struct Ingredient
    {
        QString sku, name, unit;
        qint64 stock = 0, reorderLevel = 0, maxStock = 0;
    };
    struct Customization
    {
        QString name;
        qint64 priceCents = 0;
        QList<Line> recipe;
    };
    struct Product
    {
        QString name, category;
        qint64 priceCents = 0;
        QList<Line> recipe;
        QList<Customization> customizations;
    };

    QList<Ingredient> ingredients;
    QList<Product> products;

    // Throws CommandError INVALID_DATA naming the offending field path.
    static MenuDefinition parse(const QJsonObject &json);
    QJsonObject toJson() const;

    // Replaces the cafe's menu inside the caller's transaction: ingredients are upserted by sku
    // (existing ones keep their stock), products by name (missing ones are retired, not
    // deleted, so past orders keep their references). Products are re-enabled or disabled to
    // match current stock.
    void apply(StoreConnection &db, qint64 nowMs) const;
};

} // namespace TableTap
