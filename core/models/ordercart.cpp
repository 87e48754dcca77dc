// The order entry cart.
#include "ordercart.h"

#include "moneycents.h"

#include <QJsonValue>

#include <algorithm>

namespace TableTap {

namespace {
const MenuCustomization *findOption(const MenuProduct &product, const QString &key)
{
    for (const MenuCustomization &o : product.options)
        if (OrderCart::optionKey(o) == key)
            return &o;
    return nullptr;
}

const MenuProduct *findProduct(const QList<MenuProduct> &menu, const QString &id)
{
    for (const MenuProduct &p : menu)
        if (p.id == id)
            return &p;
    return nullptr;
}

// The line's customizations in the menu's order (so two picks in another order are one line),
// their names and summed price; false when one is unknown.
bool resolveOptions(const MenuProduct &product, const QStringList &keys, CartLine &line)
{
    line.optionIds.clear();
    line.optionNames.clear();
    line.optionsPrice = 0;
    for (const QString &key : keys)
        if (!findOption(product, key))
            return false;
    for (const MenuCustomization &o : product.options) {
        if (!keys.contains(OrderCart::optionKey(o)))
            continue;
        line.optionIds << OrderCart::optionKey(o);
        line.optionNames << o.name;
        line.optionsPrice += o.price;
    }
    return true;
}
} // namespace

OrderCart::AddResult OrderCart::add(const MenuProduct &product, const QStringList &optionIds,
                                    int *line)
{
    if (!product.isOrderable() || optionIds.size() > MaxOptions)
        return AddResult::NotOrderable;
    CartLine fresh;
    fresh.productId = product.id;
    fresh.productName = product.name;
    fresh.productPrice = product.price;
    if (!resolveOptions(product, optionIds, fresh))
        return AddResult::NotOrderable;
    for (const QString &key : std::as_const(fresh.optionIds))
        if (!findOption(product, key)->isOrderable())
            return AddResult::NotOrderable;
    for (int i = 0; i < m_lines.size(); ++i) {
        CartLine &l = m_lines[i];
        if (l.productId != fresh.productId || l.optionIds != fresh.optionIds)
            continue;
        if (l.quantity >= MaxQuantity)
            return AddResult::QuantityLimit;
        ++l.quantity;
        if (line)
            *line = i;
        return AddResult::Merged;
    }
    if (m_lines.size() >= MaxLines)
        return AddResult::TooManyLines;
    m_lines.append(fresh);
    if (line)
        *line = int(m_lines.size()) - 1;
    return AddResult::Added;
}

bool OrderCart::setOption(int line, const MenuProduct &product, const QString &optionId, bool on)
{
    if (line < 0 || line >= m_lines.size() || m_lines.at(line).productId != product.id)
        return false;
    CartLine &l = m_lines[line];
    QStringList keys = l.optionIds;
    if (on == keys.contains(optionId))
        return true;
    const MenuCustomization *option = findOption(product, optionId);
    if (on) {
        // Taking an unavailable customization off is always allowed; adding one is not.
        if (!option || !option->isOrderable() || keys.size() >= MaxOptions)
            return false;
        keys << optionId;
    } else {
        keys.removeAll(optionId);
    }
    CartLine changed = l;
    if (!resolveOptions(product, keys, changed))
        return false;
    l = changed;
    checkLine(l, &product);
    return true;
}

bool OrderCart::setQuantity(int line, int quantity)
{
    if (line < 0 || line >= m_lines.size() || quantity < 1 || quantity > MaxQuantity)
        return false;
    m_lines[line].quantity = quantity;
    return true;
}

void OrderCart::remove(int line)
{
    if (line >= 0 && line < m_lines.size())
        m_lines.removeAt(line);
}

void OrderCart::clear()
{
    m_lines.clear();
    setNoTip();
}

int OrderCart::quantityOf(int line) const
{
    return line >= 0 && line < m_lines.size() ? m_lines.at(line).quantity : 0;
}

int OrderCart::itemCount() const
{
    int n = 0;
    for (const CartLine &l : m_lines)
        n += l.quantity;
    return n;
}

bool OrderCart::refresh(const QList<MenuProduct> &menu)
{
    bool changed = false;
    for (CartLine &l : m_lines) {
        const CartLine before = l;
        checkLine(l, findProduct(menu, l.productId));
        changed = changed || l.problem != before.problem || l.productPrice != before.productPrice
                  || l.optionsPrice != before.optionsPrice || l.productName != before.productName
                  || l.optionNames != before.optionNames || l.problemName != before.problemName
                  || l.problemReason != before.problemReason;
    }
    return changed;
}

void OrderCart::checkLine(CartLine &l, const MenuProduct *p)
{
    l.problem = CartLine::Problem::None;
    l.problemName.clear();
    l.problemReason.clear();
    if (!p) {
        l.problem = CartLine::Problem::ProductGone;
        l.problemName = l.productName;
        return;
    }
    l.productName = p->name;
    l.productPrice = p->price;
    if (!p->isOrderable()) {
        l.problem = CartLine::Problem::ProductUnavailable;
        l.problemName = p->name;
        l.problemReason = p->offSale ? p->offSaleReason : QString();
    }
    l.optionsPrice = 0;
    l.optionNames.clear();
    for (const QString &key : std::as_const(l.optionIds)) {
        const MenuCustomization *o = findOption(*p, key);
        if (!o) {
            if (l.problem == CartLine::Problem::None) {
                l.problem = CartLine::Problem::OptionGone;
                l.problemName = key;
            }
            l.optionNames << key;
            continue;
        }
        l.optionNames << o->name;
        l.optionsPrice += o->price;
        if (!o->isOrderable() && l.problem == CartLine::Problem::None) {
            l.problem = CartLine::Problem::OptionUnavailable;
            l.problemName = o->name;
            l.problemReason = o->offSale ? o->offSaleReason : QString();
        }
    }
}

bool OrderCart::hasProblems() const
{
    for (const CartLine &l : m_lines)
        if (l.problem != CartLine::Problem::None)
            return true;
    return false;
}

void OrderCart::setNoTip()
{
    m_tipKind = TipKind::None;
    m_tipPpm = 0;
    m_tipCents = 0;
}

void OrderCart::setTipRate(qint64 ppm)
{
    m_tipKind = TipKind::Rate;
    m_tipPpm = std::clamp<qint64>(ppm, 0, 1000000);
    m_tipCents = 0;
}

void OrderCart::setTipAmount(Cents cents)
{
    m_tipKind = TipKind::Amount;
    m_tipPpm = 0;
    m_tipCents = std::clamp<Cents>(cents, 0, MaxTip);
}

Cents OrderCart::subtotal() const
{
    Cents sum = 0;
    for (const CartLine &l : m_lines)
        sum += l.total();
    return sum;
}

Cents OrderCart::tax() const
{
    return MoneyCents::mulDivRound(subtotal(), m_taxPpm, 1000000);
}

Cents OrderCart::tip() const
{
    switch (m_tipKind) {
    case TipKind::Rate:
        return MoneyCents::mulDivRound(subtotal(), m_tipPpm, 1000000);
    case TipKind::Amount:
        return m_tipCents;
    case TipKind::None:
        break;
    }
    return 0;
}

QJsonArray OrderCart::itemsJson() const
{
    QJsonArray items;
    for (const CartLine &l : m_lines) {
        QJsonObject item{{QStringLiteral("product_id"), l.productId},
                         {QStringLiteral("quantity"), l.quantity}};
        if (!l.optionIds.isEmpty())
            item.insert(QStringLiteral("customizations"), QJsonArray::fromStringList(l.optionIds));
        items.append(item);
    }
    return items;
}

void OrderCart::addTipTo(QJsonObject &payload) const
{
    if (m_tipKind == TipKind::Rate)
        payload.insert(QStringLiteral("tip_rate"), MoneyCents::rateToJson(m_tipPpm));
    else if (m_tipKind == TipKind::Amount)
        payload.insert(QStringLiteral("tip_amount"), MoneyCents::toJson(m_tipCents));
}

bool OrderCart::rateToPpm(const QVariant &value, qint64 maxPpm, qint64 *ppm)
{
    bool ok = false;
    const double d = value.toDouble(&ok);
    return ok && MoneyCents::rateFromJson(QJsonValue(d), maxPpm, ppm);
}

} // namespace TableTap
