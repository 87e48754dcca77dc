// Menu commands: the list_menu snapshot, editing products (save, retire, restore, import) and
// taking a product or customization off sale by hand ("86"), apart from the automatic
// out-of-stock flag, with the timer that puts it back on sale by itself.
#pragma once

#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QString>

namespace TableTap {

class CafeContext;
class PayloadReader;
class StoreConnection;

class MenuDesk final
{
public:
    static QJsonObject listMenu(CafeContext &ctx, const PayloadReader &p);
    static QJsonObject saveProduct(CafeContext &ctx, const PayloadReader &p);
    static QJsonObject retireProduct(CafeContext &ctx, const PayloadReader &p);
    static QJsonObject restoreProduct(CafeContext &ctx, const PayloadReader &p);
    static QJsonObject setAvailability(CafeContext &ctx, const PayloadReader &p);
    static QJsonObject importMenu(CafeContext &ctx, const PayloadReader &p);

    // Timer work: puts the product or customization of `key` (offSaleKey()) back on sale if its
    // time has come; re-arms itself when it fired early.
    static void endOffSale(CafeContext &ctx, const QString &key);
    // Everything off sale until a time, as (key, until ms), to re-arm the timers at start.
    static QList<QPair<QString, qint64>> offSaleDeadlines(StoreConnection &db);
    static QString offSaleKey(bool customization, const QString &id);

    // One product as list_menu answers it and menu:updated carries it.
    static QJsonObject productJson(StoreConnection &db, const QString &productId);
};

} // namespace TableTap
