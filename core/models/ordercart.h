// A walk-in customer's order as order entry builds it: lines of menu products with their
// customizations and quantities, a tip, and the totals computed exactly as the hub's create_order
// computes them (integer cents; tax and a tip rate rounded half away from zero on the subtotal),
// so the screen's total is the order's total to the cent. It also says which lines the current
// menu no longer sells, and writes create_order's payload.
#pragma once

#include "cafesnapshot.h"
#include "money.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>
#include <QVariant>

namespace TableTap {

struct CartLine
{
    // Why a line cannot be ordered as it is (the menu changed while it was in the cart).
    enum class Problem {
        None,
        ProductGone,        // the product left the menu
        ProductUnavailable, // out of stock, short of an ingredient, or taken off sale
        OptionGone,         // a customization left the menu
        OptionUnavailable   // a customization is short or taken off sale
    };

    QString productId;
    QString productName;
    QStringList optionIds;   // the customizations' ids, in the menu's order
    QStringList optionNames; // their names, for the screen
    Cents productPrice = 0;
    Cents optionsPrice = 0; // the customizations' prices summed, per unit
    int quantity = 1;
    Problem problem = Problem::None;
    QString problemName;   // the product or customization concerned
    QString problemReason; // a hand-given off-sale reason, if any

    Cents unitPrice() const { return productPrice + optionsPrice; }
    Cents total() const { return unitPrice() * quantity; }
};

class OrderCart
{
public:
    // create_order's bounds.
    static constexpr int MaxQuantity = 99;
    static constexpr int MaxLines = 50;
    static constexpr int MaxOptions = 10;
    static constexpr Cents MaxTip = 100000;

    enum class TipKind { None, Rate, Amount };
    enum class AddResult { Added, Merged, NotOrderable, TooManyLines, QuantityLimit };

    // Adds one of a product with the given customizations (ids; unknown or unorderable ones are
    // refused with the product); the same product with the same customizations adds to that
    // line. The line's index is in *line.
    AddResult add(const MenuProduct &product, const QStringList &optionIds = {},
                  int *line = nullptr);
    // Turns one customization of a line on or off; false when it cannot be (not orderable, or
    // more than MaxOptions).
    bool setOption(int line, const MenuProduct &product, const QString &optionId, bool on);
    bool setQuantity(int line, int quantity);
    bool changeQuantity(int line, int delta) { return setQuantity(line, quantityOf(line) + delta); }
    void remove(int line);
    void clear();

    const QList<CartLine> &lines() const { return m_lines; }
    bool isEmpty() const { return m_lines.isEmpty(); }
    int quantityOf(int line) const;
    int itemCount() const;

    // Takes the menu's current prices and availability: a price change reaches the total (the
    // hub charges today's price), and a line whose product or customization can no longer be
    // sold gets its problem. Returns whether any line changed.
    bool refresh(const QList<MenuProduct> &menu);
    bool hasProblems() const;

    void setTaxRatePpm(qint64 ppm) { m_taxPpm = qMax<qint64>(0, ppm); }
    qint64 taxRatePpm() const { return m_taxPpm; }
    void setNoTip();
    void setTipRate(qint64 ppm);
    void setTipAmount(Cents cents);
    TipKind tipKind() const { return m_tipKind; }
    qint64 tipRatePpm() const { return m_tipPpm; }

    Cents subtotal() const;
    Cents tax() const;
    Cents tip() const;
    Cents total() const { return subtotal() + tax() + tip(); }

    // create_order's `items`, and the tip fields (tip_rate or tip_amount; none without a tip).
    QJsonArray itemsJson() const;
    void addTipTo(QJsonObject &payload) const;

    // A customization's key on the wire: its id, or its name on a server that gives none (the
    // hub's create_order accepts either).
    static QString optionKey(const MenuCustomization &option)
    {
        return option.id.isEmpty() ? option.name : option.id;
    }

    // A rate from the settings (0.0825) as parts per million; false for anything the hub would
    // not hold (negative, more than six decimals, above maxPpm).
    static bool rateToPpm(const QVariant &value, qint64 maxPpm, qint64 *ppm);

private:
    static void checkLine(CartLine &line, const MenuProduct *product);

    QList<CartLine> m_lines;
    qint64 m_taxPpm = 0;
    TipKind m_tipKind = TipKind::None;
    qint64 m_tipPpm = 0;
    Cents m_tipCents = 0;
};

} // namespace TableTap
