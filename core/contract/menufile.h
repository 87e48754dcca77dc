// The menu's products as data and as files (JSON and CSV), one codec for the hub's import_menu
// and save_product, the admin command line and the console. Decoding never throws: bad input
// gives an error naming where it is (a field path in JSON, a row and column in CSV). The CSV
// layout is documented in docs/operations.md ("Menu files").
#pragma once

#include <QByteArray>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringView>

#include <optional>

namespace TableTap {

class MenuFile final
{
public:
    enum class Format { Json, Csv };

    // One ingredient of a recipe: an inventory item by sku (files) or by id (the console's
    // editor); exactly one of the two is set.
    struct Line
    {
        QString sku;
        QString itemId;
        qint64 quantity = 0;
        bool operator==(const Line &) const = default;
    };
    struct Customization
    {
        QString id; // empty: new (save_product), ignored by import_menu
        QString name;
        qint64 priceCents = 0;
        QList<Line> recipe;
        bool operator==(const Customization &) const = default;
    };
    struct Product
    {
        QString name;
        QString category;
        qint64 priceCents = 0;
        std::optional<int> position;
        QList<Line> recipe;
        QList<Customization> customizations;
        bool operator==(const Product &) const = default;
    };
    struct Parsed
    {
        QList<Product> products;
        QString field;   // "products[2].price", or "row 4, column price"
        QString message; // empty: parsed
        bool ok() const { return message.isEmpty(); }
    };

    static constexpr int kMaxProducts = 1000;
    static constexpr int kMaxRecipeLines = 50;
    static constexpr int kMaxCustomizations = 30;
    static constexpr qint64 kMaxPriceCents = 100000;
    static constexpr qint64 kMaxQuantity = 1000000000;
    static constexpr qsizetype kMaxFileBytes = 4 * 1024 * 1024;

    static std::optional<Format> formatFromName(QStringView name); // "json", "csv"
    static QString formatName(Format format);

    // A file: {"products": [...]} (what encode() writes and what list_menu answers) or a bare
    // array of products.
    static Parsed decode(const QByteArray &bytes, Format format);
    static QByteArray encode(const QList<Product> &products, Format format);

    // The products of a JSON array (import_menu's payload); errors name `path[i].field`.
    static Parsed productsFromJson(const QJsonArray &products,
                                   const QString &path = QStringLiteral("products"));
    // One product object (save_product's payload); errors name fields from its root.
    static Parsed productFromJson(const QJsonObject &product);
    static QJsonArray toJson(const QList<Product> &products);
    static QJsonObject toJson(const Product &product);

    static Parsed fromCsv(const QByteArray &bytes);
    static QByteArray toCsv(const QList<Product> &products);
    // The CSV header row, in the order toCsv() writes the columns.
    static QStringList csvColumns();

    // "4.50" -> 450; at most two decimals, in [0, maxCents].
    static std::optional<qint64> centsFromText(QStringView text, qint64 maxCents);
    static QString centsToText(qint64 cents);
};

} // namespace TableTap
