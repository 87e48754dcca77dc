// The built-in starter menu, in the menu file format.
#include "startermenu.h"

#include <QJsonDocument>

namespace TableTap::StarterMenu {

static const char kMenu[] = R"json({
  "format": "tabletap-menu",
  "version": 1,
  "ingredients": [
    {"sku": "ESP001", "name": "Espresso Beans", "unit": "g", "stock": 5000, "reorder_level": 1000, "max_stock": 10000},
    {"sku": "MILK001", "name": "Whole Milk", "unit": "ml", "stock": 20000, "reorder_level": 4000, "max_stock": 40000},
    {"sku": "MILK002", "name": "Oat Milk", "unit": "ml", "stock": 8000, "reorder_level": 2000, "max_stock": 16000},
    {"sku": "MILK003", "name": "Almond Milk", "unit": "ml", "stock": 6000, "reorder_level": 1500, "max_stock": 12000},
    {"sku": "TEA001", "name": "Black Tea Bags", "unit": "pcs", "stock": 200, "reorder_level": 40, "max_stock": 400},
    {"sku": "TEA002", "name": "Green Tea Bags", "unit": "pcs", "stock": 150, "reorder_level": 30, "max_stock": 300},
    {"sku": "SYR001", "name": "Vanilla Syrup", "unit": "ml", "stock": 2000, "reorder_level": 400, "max_stock": 4000},
    {"sku": "SYR002", "name": "Caramel Syrup", "unit": "ml", "stock": 2000, "reorder_level": 400, "max_stock": 4000},
    {"sku": "CHO001", "name": "Chocolate Powder", "unit": "g", "stock": 2000, "reorder_level": 400, "max_stock": 4000},
    {"sku": "CUP001", "name": "Paper Cups", "unit": "pcs", "stock": 1000, "reorder_level": 200, "max_stock": 2000},
    {"sku": "PAS001", "name": "Croissants", "unit": "pcs", "stock": 40, "reorder_level": 10, "max_stock": 80},
    {"sku": "PAS002", "name": "Blueberry Muffins", "unit": "pcs", "stock": 30, "reorder_level": 8, "max_stock": 60},
    {"sku": "PAS003", "name": "Chocolate Cookies", "unit": "pcs", "stock": 50, "reorder_level": 10, "max_stock": 100},
    {"sku": "SAN001", "name": "Ham & Cheese Sandwiches", "unit": "pcs", "stock": 20, "reorder_level": 5, "max_stock": 40},
    {"sku": "SAN002", "name": "Veggie Wraps", "unit": "pcs", "stock": 15, "reorder_level": 4, "max_stock": 30}
  ],
  "products": [
    {"name": "Espresso", "category": "coffee", "price": 2.50,
     "recipe": [{"sku": "ESP001", "quantity": 18}, {"sku": "CUP001", "quantity": 1}],
     "customizations": [{"name": "Extra shot", "price": 0.75, "recipe": [{"sku": "ESP001", "quantity": 9}]}]},
    {"name": "Americano", "category": "coffee", "price": 3.00,
     "recipe": [{"sku": "ESP001", "quantity": 18}, {"sku": "CUP001", "quantity": 1}],
     "customizations": [{"name": "Extra shot", "price": 0.75, "recipe": [{"sku": "ESP001", "quantity": 9}]},
                        {"name": "Splash of milk", "price": 0.00, "recipe": [{"sku": "MILK001", "quantity": 30}]}]},
    {"name": "Cappuccino", "category": "coffee", "price": 4.00,
     "recipe": [{"sku": "ESP001", "quantity": 18}, {"sku": "MILK001", "quantity": 150}, {"sku": "CUP001", "quantity": 1}],
     "customizations": [{"name": "Extra shot", "price": 0.75, "recipe": [{"sku": "ESP001", "quantity": 9}]},
                        {"name": "Vanilla syrup", "price": 0.50, "recipe": [{"sku": "SYR001", "quantity": 15}]},
                        {"name": "Caramel syrup", "price": 0.50, "recipe": [{"sku": "SYR002", "quantity": 15}]}]},
    {"name": "Latte", "category": "coffee", "price": 4.50,
     "recipe": [{"sku": "ESP001", "quantity": 18}, {"sku": "MILK001", "quantity": 250}, {"sku": "CUP001", "quantity": 1}],
     "customizations": [{"name": "Extra shot", "price": 0.75, "recipe": [{"sku": "ESP001", "quantity": 9}]},
                        {"name": "Vanilla syrup", "price": 0.50, "recipe": [{"sku": "SYR001", "quantity": 15}]},
                        {"name": "Caramel syrup", "price": 0.50, "recipe": [{"sku": "SYR002", "quantity": 15}]}]},
    {"name": "Flat White", "category": "coffee", "price": 4.25,
     "recipe": [{"sku": "ESP001", "quantity": 27}, {"sku": "MILK001", "quantity": 120}, {"sku": "CUP001", "quantity": 1}]},
    {"name": "Oat Milk Latte", "category": "coffee", "price": 5.00,
     "recipe": [{"sku": "ESP001", "quantity": 18}, {"sku": "MILK002", "quantity": 250}, {"sku": "CUP001", "quantity": 1}],
     "customizations": [{"name": "Extra shot", "price": 0.75, "recipe": [{"sku": "ESP001", "quantity": 9}]},
                        {"name": "Vanilla syrup", "price": 0.50, "recipe": [{"sku": "SYR001", "quantity": 15}]}]},
    {"name": "Almond Milk Latte", "category": "coffee", "price": 5.00,
     "recipe": [{"sku": "ESP001", "quantity": 18}, {"sku": "MILK003", "quantity": 250}, {"sku": "CUP001", "quantity": 1}],
     "customizations": [{"name": "Extra shot", "price": 0.75, "recipe": [{"sku": "ESP001", "quantity": 9}]},
                        {"name": "Caramel syrup", "price": 0.50, "recipe": [{"sku": "SYR002", "quantity": 15}]}]},
    {"name": "Mocha", "category": "coffee", "price": 4.75,
     "recipe": [{"sku": "ESP001", "quantity": 18}, {"sku": "MILK001", "quantity": 200}, {"sku": "CHO001", "quantity": 20}, {"sku": "CUP001", "quantity": 1}],
     "customizations": [{"name": "Extra shot", "price": 0.75, "recipe": [{"sku": "ESP001", "quantity": 9}]}]},
    {"name": "Hot Chocolate", "category": "drinks", "price": 3.75,
     "recipe": [{"sku": "CHO001", "quantity": 30}, {"sku": "MILK001", "quantity": 250}, {"sku": "CUP001", "quantity": 1}],
     "customizations": [{"name": "Oat milk instead", "price": 0.50, "recipe": [{"sku": "MILK002", "quantity": 250}]}]},
    {"name": "Black Tea", "category": "tea", "price": 2.75,
     "recipe": [{"sku": "TEA001", "quantity": 1}, {"sku": "CUP001", "quantity": 1}],
     "customizations": [{"name": "Splash of milk", "price": 0.00, "recipe": [{"sku": "MILK001", "quantity": 30}]}]},
    {"name": "Green Tea", "category": "tea", "price": 2.75,
     "recipe": [{"sku": "TEA002", "quantity": 1}, {"sku": "CUP001", "quantity": 1}]},
    {"name": "Croissant", "category": "pastry", "price": 3.25,
     "recipe": [{"sku": "PAS001", "quantity": 1}],
     "customizations": [{"name": "Warmed", "price": 0.00}]},
    {"name": "Blueberry Muffin", "category": "pastry", "price": 3.50,
     "recipe": [{"sku": "PAS002", "quantity": 1}]},
    {"name": "Chocolate Cookie", "category": "pastry", "price": 2.25,
     "recipe": [{"sku": "PAS003", "quantity": 1}]},
    {"name": "Ham & Cheese Sandwich", "category": "food", "price": 7.50,
     "recipe": [{"sku": "SAN001", "quantity": 1}],
     "customizations": [{"name": "Toasted", "price": 0.00}]},
    {"name": "Veggie Wrap", "category": "food", "price": 7.00,
     "recipe": [{"sku": "SAN002", "quantity": 1}]}
  ]
})json";

QJsonObject json()
{
    return QJsonDocument::fromJson(QByteArray(kMenu)).object();
}

} // namespace TableTap::StarterMenu
