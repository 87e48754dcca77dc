// The menu's products in JSON and CSV. Both readers check the same rules through the same small
// checks below; only how they name a place differs (field path or row and column).
#include "menufile.h"

#include "moneycents.h"

#include <QHash>
#include <QJsonDocument>
#include <QSet>
#include <QStringDecoder>

#include <cmath>
#include <functional>

namespace TableTap {

namespace {

constexpr int kMaxNameLength = 120;
constexpr int kMaxCategoryLength = 60;
constexpr int kMaxCustomizationNameLength = 60;
constexpr int kMaxSkuLength = 64;
constexpr int kMaxIdLength = 64;
constexpr int kMaxPosition = 100000;
constexpr int kMaxCsvFields = 16;
constexpr int kMaxCsvFieldLength = 1000;

// A thrown location + message, caught at the public functions (never escapes this file).
struct Failure
{
    QString field;
    QString message;
};

bool hasControlCharacters(QStringView s)
{
    for (QChar c : s) {
        if (c.unicode() < 0x20 || c.unicode() == 0x7f)
            return true;
    }
    return false;
}

// The shared text rule: not empty (unless optional), bounded, one line.
QString checkedText(const QString &text, int maxLength, const QString &where, bool allowEmpty)
{
    if (!allowEmpty && text.trimmed().isEmpty())
        throw Failure{where, QStringLiteral("%1 must not be empty").arg(where)};
    if (text.size() > maxLength)
        throw Failure{where,
                      QStringLiteral("%1 is longer than %2 characters").arg(where).arg(maxLength)};
    if (hasControlCharacters(text))
        throw Failure{where, QStringLiteral("%1 contains control characters").arg(where)};
    return text.trimmed();
}

// Checks that span a product: duplicate names and recipe lines, bounds of the lists.
void checkProduct(const MenuFile::Product &p, const QString &where)
{
    const auto checkRecipe = [](const QList<MenuFile::Line> &recipe, const QString &at) {
        if (recipe.size() > MenuFile::kMaxRecipeLines)
            throw Failure{at, QStringLiteral("%1 has more than %2 ingredients")
                                  .arg(at)
                                  .arg(MenuFile::kMaxRecipeLines)};
        QSet<QString> seen;
        for (const MenuFile::Line &l : recipe) {
            const QString key = l.itemId.isEmpty() ? QStringLiteral("sku:") + l.sku
                                                   : QStringLiteral("id:") + l.itemId;
            if (seen.contains(key))
                throw Failure{at, QStringLiteral("%1 lists ingredient %2 twice")
                                      .arg(at, l.itemId.isEmpty() ? l.sku : l.itemId)};
            seen.insert(key);
        }
    };
    checkRecipe(p.recipe, where + QStringLiteral("recipe"));
    if (p.customizations.size() > MenuFile::kMaxCustomizations)
        throw Failure{where + QStringLiteral("customizations"),
                      QStringLiteral("%1 has more than %2 customizations")
                          .arg(where + QStringLiteral("customizations"))
                          .arg(MenuFile::kMaxCustomizations)};
    QSet<QString> names;
    for (int i = 0; i < p.customizations.size(); ++i) {
        const MenuFile::Customization &c = p.customizations.at(i);
        const QString at = where + QStringLiteral("customizations[%1]").arg(i);
        if (names.contains(c.name))
            throw Failure{at + QStringLiteral(".name"),
                          QStringLiteral("customization \"%1\" is listed twice").arg(c.name)};
        names.insert(c.name);
        checkRecipe(c.recipe, at + QStringLiteral(".recipe"));
    }
}

void checkProductNames(const QList<MenuFile::Product> &products,
                       const std::function<QString(int)> &whereName)
{
    if (products.size() > MenuFile::kMaxProducts)
        throw Failure{whereName(MenuFile::kMaxProducts),
                      QStringLiteral("more than %1 products").arg(MenuFile::kMaxProducts)};
    QSet<QString> names;
    for (int i = 0; i < products.size(); ++i) {
        if (names.contains(products.at(i).name))
            throw Failure{
                whereName(i),
                QStringLiteral("product \"%1\" is listed twice").arg(products.at(i).name)};
        names.insert(products.at(i).name);
    }
}

// --- JSON -----------------------------------------------------------------------------------

class JsonReader
{
public:
    JsonReader(const QJsonObject &object, QString path)
        : m_object(object)
        , m_path(std::move(path))
    {}

    QString where(const QString &key) const { return m_path.isEmpty() ? key : m_path + u'.' + key; }
    bool has(const QString &key) const
    {
        const QJsonValue v = m_object.value(key);
        return !v.isUndefined() && !v.isNull();
    }
    QString text(const QString &key, int maxLength, bool required) const
    {
        if (!has(key)) {
            if (required)
                throw Failure{where(key), QStringLiteral("%1 is required").arg(where(key))};
            return {};
        }
        const QJsonValue v = m_object.value(key);
        if (!v.isString())
            throw Failure{where(key), QStringLiteral("%1 must be a string").arg(where(key))};
        return checkedText(v.toString(), maxLength, where(key), !required);
    }
    qint64 money(const QString &key, bool required) const
    {
        if (!has(key)) {
            if (required)
                throw Failure{where(key), QStringLiteral("%1 is required").arg(where(key))};
            return 0;
        }
        qint64 cents = 0;
        if (!MoneyCents::fromJson(m_object.value(key), MenuFile::kMaxPriceCents, &cents))
            throw Failure{where(key),
                          QStringLiteral("%1 must be an amount from 0 to %2 with at most two "
                                         "decimals")
                              .arg(where(key), MenuFile::centsToText(MenuFile::kMaxPriceCents))};
        return cents;
    }
    std::optional<qint64> integer(const QString &key, qint64 min, qint64 max, bool required) const
    {
        if (!has(key)) {
            if (required)
                throw Failure{where(key), QStringLiteral("%1 is required").arg(where(key))};
            return std::nullopt;
        }
        const QJsonValue v = m_object.value(key);
        const double d = v.toDouble();
        // Range first: converting a double outside qint64 is undefined.
        if (!v.isDouble() || !(d >= double(min) && d <= double(max)) || d != std::floor(d))
            throw Failure{where(key), QStringLiteral("%1 must be a whole number from %2 to %3")
                                          .arg(where(key))
                                          .arg(min)
                                          .arg(max)};
        return qint64(d);
    }
    QJsonArray array(const QString &key, int maxItems) const
    {
        if (!has(key))
            return {};
        const QJsonValue v = m_object.value(key);
        if (!v.isArray())
            throw Failure{where(key), QStringLiteral("%1 must be an array").arg(where(key))};
        const QJsonArray a = v.toArray();
        if (a.size() > maxItems)
            throw Failure{
                where(key),
                QStringLiteral("%1 has more than %2 entries").arg(where(key)).arg(maxItems)};
        return a;
    }
    JsonReader element(const QString &key, const QJsonArray &array, int index) const
    {
        const QString at = where(key) + QStringLiteral("[%1]").arg(index);
        if (!array.at(index).isObject())
            throw Failure{at, QStringLiteral("%1 must be an object").arg(at)};
        return JsonReader(array.at(index).toObject(), at);
    }

private:
    QJsonObject m_object;
    QString m_path;
};

QList<MenuFile::Line> recipeFromJson(const JsonReader &owner)
{
    QList<MenuFile::Line> lines;
    const QJsonArray recipe = owner.array(QStringLiteral("recipe"), MenuFile::kMaxRecipeLines);
    for (int i = 0; i < recipe.size(); ++i) {
        const JsonReader r = owner.element(QStringLiteral("recipe"), recipe, i);
        MenuFile::Line line;
        // An editor names the item by id, a file by sku; list_menu's lines carry both and
        // the sku is what travels between cafes.
        if (r.has(QStringLiteral("sku")))
            line.sku = r.text(QStringLiteral("sku"), kMaxSkuLength, true);
        else if (r.has(QStringLiteral("item_id")))
            line.itemId = r.text(QStringLiteral("item_id"), kMaxIdLength, true);
        else
            throw Failure{
                r.where(QStringLiteral("item_id")),
                QStringLiteral("%1 or sku is required").arg(r.where(QStringLiteral("item_id")))};
        line.quantity = *r.integer(QStringLiteral("quantity"), 1, MenuFile::kMaxQuantity, true);
        lines.append(line);
    }
    return lines;
}

MenuFile::Product productFromReader(const JsonReader &r)
{
    MenuFile::Product p;
    p.name = r.text(QStringLiteral("name"), kMaxNameLength, true);
    p.category = r.text(QStringLiteral("category"), kMaxCategoryLength, false);
    if (p.category.isEmpty())
        p.category = QStringLiteral("other");
    p.priceCents = r.money(QStringLiteral("price"), true);
    if (const auto pos = r.integer(QStringLiteral("position"), 0, kMaxPosition, false))
        p.position = int(*pos);
    p.recipe = recipeFromJson(r);
    const QJsonArray cs = r.array(QStringLiteral("customizations"), MenuFile::kMaxCustomizations);
    for (int i = 0; i < cs.size(); ++i) {
        const JsonReader cr = r.element(QStringLiteral("customizations"), cs, i);
        MenuFile::Customization c;
        c.id = cr.text(QStringLiteral("id"), kMaxIdLength, false);
        c.name = cr.text(QStringLiteral("name"), kMaxCustomizationNameLength, true);
        c.priceCents = cr.money(QStringLiteral("price"), false);
        c.recipe = recipeFromJson(cr);
        p.customizations.append(c);
    }
    checkProduct(p, r.where(QString()));
    return p;
}

QJsonArray recipeToJson(const QList<MenuFile::Line> &lines)
{
    QJsonArray a;
    for (const MenuFile::Line &l : lines) {
        QJsonObject o{{QStringLiteral("quantity"), l.quantity}};
        if (l.itemId.isEmpty())
            o.insert(QStringLiteral("sku"), l.sku);
        else
            o.insert(QStringLiteral("item_id"), l.itemId);
        a.append(o);
    }
    return a;
}

// --- CSV ------------------------------------------------------------------------------------

// RFC 4180 records: fields separated by commas, records by CRLF or LF, fields with commas,
// quotes or line breaks in double quotes with quotes doubled. Each record remembers the line
// it started on, for error messages.
struct CsvRecord
{
    int line = 0;
    QStringList fields;
};

QList<CsvRecord> splitCsv(QStringView text)
{
    QList<CsvRecord> records;
    CsvRecord record;
    QString field;
    int line = 1;
    record.line = 1;
    bool quoted = false;    // inside a quoted field
    bool wasQuoted = false; // the current field was quoted (only a separator may follow)
    bool fieldStarted = false;
    const auto where = [&] {
        return QStringLiteral("row %1, column %2").arg(record.line).arg(record.fields.size() + 1);
    };
    const auto endField = [&] {
        if (record.fields.size() >= kMaxCsvFields)
            throw Failure{
                where(),
                QStringLiteral("%1: more than %2 columns").arg(where()).arg(kMaxCsvFields)};
        record.fields.append(field);
        field.clear();
        wasQuoted = false;
        fieldStarted = false;
    };
    const auto endRecord = [&] {
        endField();
        records.append(record);
        record = CsvRecord{};
        record.line = line;
    };
    const auto append = [&](QChar c) {
        if (field.size() >= kMaxCsvFieldLength)
            throw Failure{where(), QStringLiteral("%1: longer than %2 characters")
                                       .arg(where())
                                       .arg(kMaxCsvFieldLength)};
        field.append(c);
    };
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (quoted) {
            if (c == u'"') {
                if (i + 1 < text.size() && text.at(i + 1) == u'"') {
                    append(c);
                    ++i;
                } else {
                    quoted = false;
                    wasQuoted = true;
                }
            } else {
                if (c == u'\n')
                    ++line;
                append(c);
            }
            continue;
        }
        if (c == u',') {
            endField();
        } else if (c == u'\r' || c == u'\n') {
            if (c == u'\r' && i + 1 < text.size() && text.at(i + 1) == u'\n')
                ++i;
            ++line;
            endRecord();
        } else if (wasQuoted) {
            throw Failure{where(), QStringLiteral("%1: text after a closing quote").arg(where())};
        } else if (c == u'"') {
            if (fieldStarted)
                throw Failure{where(),
                              QStringLiteral("%1: a quote inside an unquoted field (quote the "
                                             "whole field and double the quote)")
                                  .arg(where())};
            quoted = true;
            fieldStarted = true;
        } else {
            fieldStarted = true;
            append(c);
        }
    }
    if (quoted)
        throw Failure{where(), QStringLiteral("%1: a quoted field is not closed").arg(where())};
    if (fieldStarted || wasQuoted || !record.fields.isEmpty())
        endRecord();
    return records;
}

QString csvField(const QString &text)
{
    const bool needsQuotes
        = text.contains(u',') || text.contains(u'"') || text.contains(u'\n') || text.contains(u'\r')
          || (!text.isEmpty() && (text.front().isSpace() || text.back().isSpace()));
    if (!needsQuotes)
        return text;
    QString quoted = text;
    quoted.replace(QStringLiteral("\""), QStringLiteral("\"\""));
    return u'"' + quoted + u'"';
}

} // namespace

std::optional<MenuFile::Format> MenuFile::formatFromName(QStringView name)
{
    if (name.compare(QLatin1String("json"), Qt::CaseInsensitive) == 0)
        return Format::Json;
    if (name.compare(QLatin1String("csv"), Qt::CaseInsensitive) == 0)
        return Format::Csv;
    return std::nullopt;
}

QString MenuFile::formatName(Format format)
{
    return format == Format::Csv ? QStringLiteral("csv") : QStringLiteral("json");
}

std::optional<qint64> MenuFile::centsFromText(QStringView text, qint64 maxCents)
{
    const QStringView t = text.trimmed();
    if (t.isEmpty() || t.size() > 12)
        return std::nullopt;
    const qsizetype dot = t.indexOf(u'.');
    const QStringView whole = dot < 0 ? t : t.left(dot);
    const QStringView fraction = dot < 0 ? QStringView() : t.mid(dot + 1);
    if (whole.isEmpty() || fraction.size() > 2 || (dot >= 0 && fraction.isEmpty()))
        return std::nullopt;
    qint64 cents = 0;
    for (QChar c : whole) {
        if (c < u'0' || c > u'9')
            return std::nullopt;
        cents = cents * 10 + (c.unicode() - u'0');
    }
    cents *= 100;
    for (qsizetype i = 0; i < 2; ++i) {
        const QChar c = i < fraction.size() ? fraction.at(i) : QChar(u'0');
        if (c < u'0' || c > u'9')
            return std::nullopt;
        cents += (c.unicode() - u'0') * (i == 0 ? 10 : 1);
    }
    if (cents > maxCents)
        return std::nullopt;
    return cents;
}

QString MenuFile::centsToText(qint64 cents)
{
    return QStringLiteral("%1.%2").arg(cents / 100).arg(cents % 100, 2, 10, QChar(u'0'));
}

MenuFile::Parsed MenuFile::productsFromJson(const QJsonArray &products, const QString &path)
{
    Parsed parsed;
    try {
        if (products.size() > kMaxProducts)
            throw Failure{
                path, QStringLiteral("%1 has more than %2 products").arg(path).arg(kMaxProducts)};
        const JsonReader root(QJsonObject{{path, products}}, QString());
        for (int i = 0; i < products.size(); ++i)
            parsed.products.append(productFromReader(root.element(path, products, i)));
        checkProductNames(parsed.products,
                          [&](int i) { return QStringLiteral("%1[%2].name").arg(path).arg(i); });
    } catch (const Failure &f) {
        parsed.products.clear();
        parsed.field = f.field;
        parsed.message = f.message;
    }
    return parsed;
}

MenuFile::Parsed MenuFile::productFromJson(const QJsonObject &product)
{
    Parsed parsed;
    try {
        parsed.products.append(productFromReader(JsonReader(product, QString())));
    } catch (const Failure &f) {
        parsed.field = f.field;
        parsed.message = f.message;
    }
    return parsed;
}

QJsonObject MenuFile::toJson(const Product &p)
{
    QJsonArray cs;
    for (const Customization &c : p.customizations) {
        QJsonObject o{{QStringLiteral("name"), c.name},
                      {QStringLiteral("price"), MoneyCents::toJson(c.priceCents)},
                      {QStringLiteral("recipe"), recipeToJson(c.recipe)}};
        if (!c.id.isEmpty())
            o.insert(QStringLiteral("id"), c.id);
        cs.append(o);
    }
    QJsonObject o{{QStringLiteral("name"), p.name},
                  {QStringLiteral("category"), p.category},
                  {QStringLiteral("price"), MoneyCents::toJson(p.priceCents)},
                  {QStringLiteral("recipe"), recipeToJson(p.recipe)},
                  {QStringLiteral("customizations"), cs}};
    if (p.position)
        o.insert(QStringLiteral("position"), *p.position);
    return o;
}

QJsonArray MenuFile::toJson(const QList<Product> &products)
{
    QJsonArray a;
    for (const Product &p : products)
        a.append(toJson(p));
    return a;
}

QStringList MenuFile::csvColumns()
{
    return {QStringLiteral("type"),     QStringLiteral("product"), QStringLiteral("customization"),
            QStringLiteral("category"), QStringLiteral("price"),   QStringLiteral("sku"),
            QStringLiteral("quantity")};
}

QByteArray MenuFile::toCsv(const QList<Product> &products)
{
    QString out;
    const auto row = [&out](const QStringList &fields) {
        QStringList quoted;
        for (const QString &f : fields)
            quoted.append(csvField(f));
        out += quoted.join(u',') + QStringLiteral("\r\n");
    };
    row(csvColumns());
    const auto lines
        = [&row](const QString &product, const QString &custom, const QList<Line> &recipe) {
              for (const Line &l : recipe)
                  row({QStringLiteral("ingredient"), product, custom, QString(), QString(),
                       l.sku.isEmpty() ? l.itemId : l.sku, QString::number(l.quantity)});
          };
    for (const Product &p : products) {
        row({QStringLiteral("product"), p.name, QString(), p.category, centsToText(p.priceCents),
             QString(), QString()});
        lines(p.name, QString(), p.recipe);
        for (const Customization &c : p.customizations) {
            row({QStringLiteral("customization"), p.name, c.name, QString(),
                 centsToText(c.priceCents), QString(), QString()});
            lines(p.name, c.name, c.recipe);
        }
    }
    return out.toUtf8();
}

MenuFile::Parsed MenuFile::fromCsv(const QByteArray &bytes)
{
    Parsed parsed;
    try {
        if (bytes.size() > kMaxFileBytes)
            throw Failure{QStringLiteral("file"),
                          QStringLiteral("the file is larger than %1 bytes").arg(kMaxFileBytes)};
        QStringDecoder decoder(QStringDecoder::Utf8);
        QString text = decoder(bytes);
        if (decoder.hasError())
            throw Failure{QStringLiteral("file"), QStringLiteral("the file is not UTF-8 text")};
        if (text.startsWith(QChar(0xfeff)))
            text.remove(0, 1);
        const QList<CsvRecord> records = splitCsv(text);
        if (records.isEmpty())
            throw Failure{QStringLiteral("row 1"), QStringLiteral("row 1: the header is missing")};

        // Columns by their header name, in any order; every known column must be there.
        const CsvRecord &header = records.first();
        QHash<QString, int> column;
        for (int i = 0; i < header.fields.size(); ++i) {
            const QString name = header.fields.at(i).trimmed().toLower();
            const QString where = QStringLiteral("row 1, column %1").arg(i + 1);
            if (!csvColumns().contains(name))
                throw Failure{
                    where, QStringLiteral("%1: unknown column \"%2\" (expected %3)")
                               .arg(where, header.fields.at(i).left(40), csvColumns().join(u','))};
            if (column.contains(name))
                throw Failure{where,
                              QStringLiteral("%1: column \"%2\" given twice").arg(where, name)};
            column.insert(name, i);
        }
        for (const QString &name : csvColumns()) {
            if (!column.contains(name))
                throw Failure{QStringLiteral("row 1"),
                              QStringLiteral("row 1: the column \"%1\" is missing").arg(name)};
        }

        QHash<QString, int> productIndex;
        for (qsizetype r = 1; r < records.size(); ++r) {
            const CsvRecord &rec = records.at(r);
            bool blank = true;
            for (const QString &f : rec.fields)
                blank = blank && f.trimmed().isEmpty();
            if (blank)
                continue;
            if (rec.fields.size() != header.fields.size())
                throw Failure{QStringLiteral("row %1").arg(rec.line),
                              QStringLiteral("row %1: %2 columns, the header has %3")
                                  .arg(rec.line)
                                  .arg(rec.fields.size())
                                  .arg(header.fields.size())};
            const auto where = [&](const QString &name) {
                return QStringLiteral("row %1, column %2").arg(rec.line).arg(name);
            };
            const auto value = [&](const QString &name) {
                return rec.fields.at(column.value(name));
            };
            const auto text = [&](const QString &name, int maxLength, bool required) {
                return checkedText(value(name), maxLength, where(name), !required);
            };
            const auto mustBeEmpty = [&](const QStringList &names, const QString &type) {
                for (const QString &name : names) {
                    if (!value(name).trimmed().isEmpty())
                        throw Failure{
                            where(name),
                            QStringLiteral("%1: must be empty in a %2 row").arg(where(name), type)};
                }
            };
            const auto price = [&](bool required) -> qint64 {
                const QString t = value(QStringLiteral("price"));
                if (t.trimmed().isEmpty() && !required)
                    return 0;
                const std::optional<qint64> cents = centsFromText(t, kMaxPriceCents);
                if (!cents)
                    throw Failure{where(QStringLiteral("price")),
                                  QStringLiteral("%1: \"%2\" is not an amount from 0 to %3 with "
                                                 "at most two decimals")
                                      .arg(where(QStringLiteral("price")), t.left(20),
                                           centsToText(kMaxPriceCents))};
                return *cents;
            };
            const QString type = value(QStringLiteral("type")).trimmed().toLower();
            if (type != u"product" && type != u"customization" && type != u"ingredient")
                throw Failure{where(QStringLiteral("type")),
                              QStringLiteral("%1: \"%2\" is not product, customization or "
                                             "ingredient")
                                  .arg(where(QStringLiteral("type")), type.left(40))};
            const QString productName = text(QStringLiteral("product"), kMaxNameLength, true);
            if (type == u"product") {
                mustBeEmpty({QStringLiteral("customization"), QStringLiteral("sku"),
                             QStringLiteral("quantity")},
                            type);
                if (productIndex.contains(productName))
                    throw Failure{where(QStringLiteral("product")),
                                  QStringLiteral("%1: product \"%2\" is listed twice")
                                      .arg(where(QStringLiteral("product")), productName)};
                Product p;
                p.name = productName;
                p.category = text(QStringLiteral("category"), kMaxCategoryLength, false);
                if (p.category.isEmpty())
                    p.category = QStringLiteral("other");
                p.priceCents = price(true);
                productIndex.insert(p.name, int(parsed.products.size()));
                parsed.products.append(p);
                if (parsed.products.size() > kMaxProducts)
                    throw Failure{where(QStringLiteral("product")),
                                  QStringLiteral("%1: more than %2 products")
                                      .arg(where(QStringLiteral("product")))
                                      .arg(kMaxProducts)};
                continue;
            }
            if (!productIndex.contains(productName))
                throw Failure{where(QStringLiteral("product")),
                              QStringLiteral("%1: no product row \"%2\" above")
                                  .arg(where(QStringLiteral("product")), productName)};
            Product &p = parsed.products[productIndex.value(productName)];
            const QString customName = text(QStringLiteral("customization"),
                                            kMaxCustomizationNameLength, type == u"customization");
            if (type == u"customization") {
                mustBeEmpty(
                    {QStringLiteral("category"), QStringLiteral("sku"), QStringLiteral("quantity")},
                    type);
                for (const Customization &c : std::as_const(p.customizations)) {
                    if (c.name == customName)
                        throw Failure{where(QStringLiteral("customization")),
                                      QStringLiteral("%1: customization \"%2\" is listed twice")
                                          .arg(where(QStringLiteral("customization")), customName)};
                }
                if (p.customizations.size() >= kMaxCustomizations)
                    throw Failure{where(QStringLiteral("customization")),
                                  QStringLiteral("%1: more than %2 customizations")
                                      .arg(where(QStringLiteral("customization")))
                                      .arg(kMaxCustomizations)};
                p.customizations.append(Customization{QString(), customName, price(false), {}});
            } else { // an ingredient
                mustBeEmpty({QStringLiteral("category"), QStringLiteral("price")}, type);
                Line line;
                line.sku = text(QStringLiteral("sku"), kMaxSkuLength, true);
                const QString q = value(QStringLiteral("quantity")).trimmed();
                bool numeric = false;
                line.quantity = q.toLongLong(&numeric);
                if (!numeric || line.quantity < 1 || line.quantity > kMaxQuantity)
                    throw Failure{where(QStringLiteral("quantity")),
                                  QStringLiteral("%1: \"%2\" is not a whole number from 1 to %3")
                                      .arg(where(QStringLiteral("quantity")), q.left(20))
                                      .arg(kMaxQuantity)};
                QList<Line> *recipe = &p.recipe;
                if (!customName.isEmpty()) {
                    recipe = nullptr;
                    for (Customization &c : p.customizations) {
                        if (c.name == customName)
                            recipe = &c.recipe;
                    }
                    if (!recipe)
                        throw Failure{where(QStringLiteral("customization")),
                                      QStringLiteral("%1: no customization row \"%2\" of \"%3\" "
                                                     "above")
                                          .arg(where(QStringLiteral("customization")), customName,
                                               productName)};
                }
                for (const Line &l : std::as_const(*recipe)) {
                    if (l.sku == line.sku)
                        throw Failure{where(QStringLiteral("sku")),
                                      QStringLiteral("%1: ingredient %2 is listed twice")
                                          .arg(where(QStringLiteral("sku")), line.sku)};
                }
                if (recipe->size() >= kMaxRecipeLines)
                    throw Failure{where(QStringLiteral("sku")),
                                  QStringLiteral("%1: more than %2 ingredients")
                                      .arg(where(QStringLiteral("sku")))
                                      .arg(kMaxRecipeLines)};
                recipe->append(line);
            }
        }
    } catch (const Failure &f) {
        parsed.products.clear();
        parsed.field = f.field;
        parsed.message = f.message;
    }
    return parsed;
}

MenuFile::Parsed MenuFile::decode(const QByteArray &bytes, Format format)
{
    if (format == Format::Csv)
        return fromCsv(bytes);
    Parsed failed;
    if (bytes.size() > kMaxFileBytes) {
        failed.field = QStringLiteral("file");
        failed.message = QStringLiteral("the file is larger than %1 bytes").arg(kMaxFileBytes);
        return failed;
    }
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(bytes, &error);
    if (error.error != QJsonParseError::NoError) {
        failed.field = QStringLiteral("file");
        failed.message
            = QStringLiteral("not JSON at byte %1: %2").arg(error.offset).arg(error.errorString());
        return failed;
    }
    if (doc.isArray())
        return productsFromJson(doc.array());
    const QJsonValue products = doc.object().value(QLatin1String("products"));
    if (!products.isArray()) {
        failed.field = QStringLiteral("products");
        failed.message = QStringLiteral("products must be an array of products");
        return failed;
    }
    return productsFromJson(products.toArray());
}

QByteArray MenuFile::encode(const QList<Product> &products, Format format)
{
    if (format == Format::Csv)
        return toCsv(products);
    // A file travels between cafes: customization ids are this cafe's, names identify them.
    QList<Product> portable = products;
    for (Product &p : portable) {
        for (Customization &c : p.customizations)
            c.id.clear();
    }
    const QJsonObject file{{QStringLiteral("format"), QStringLiteral("tabletap-menu-products")},
                           {QStringLiteral("version"), 1},
                           {QStringLiteral("products"), toJson(portable)}};
    return QJsonDocument(file).toJson(QJsonDocument::Indented);
}

} // namespace TableTap
