// The product editor.
#include "producteditordialog.h"

#include "inventorymodel.h"
#include "plaintext.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace TableTap {

namespace {
constexpr int kItemColumn = 0;
constexpr int kQuantityColumn = 1;
constexpr int kNameColumn = 0;
constexpr int kPriceColumn = 1;
constexpr int kIdRole = Qt::UserRole + 1;

QDoubleSpinBox *moneyBox(QWidget *parent)
{
    auto *box = new QDoubleSpinBox(parent);
    box->setRange(0, double(MenuFile::kMaxPriceCents) / 100);
    box->setDecimals(2);
    box->setSingleStep(0.1);
    return box;
}

Cents centsOf(const QDoubleSpinBox *box)
{
    return qRound64(box->value() * 100);
}

QTableWidget *table(const QStringList &headers, const QString &accessibleName, QWidget *parent)
{
    auto *t = new QTableWidget(0, int(headers.size()), parent);
    t->setHorizontalHeaderLabels(headers);
    t->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    t->verticalHeader()->hide();
    t->setSelectionBehavior(QAbstractItemView::SelectRows);
    t->setAccessibleName(accessibleName);
    t->setTabKeyNavigation(false);
    return t;
}
} // namespace

ProductEditorDialog::ProductEditorDialog(const MenuProduct *product, const QStringList &categories,
                                         const InventoryModel *inventory, QWidget *parent)
    : QDialog(parent)
    , m_productId(product ? product->id : QString())
    , m_inventory(inventory)
    , m_originalOptions(product ? product->options : QList<MenuCustomization>())
    , m_name(new QLineEdit(this))
    , m_category(new QComboBox(this))
    , m_price(moneyBox(this))
    , m_recipe(table({tr("Ingredient"), tr("Quantity")}, tr("Recipe"), this))
    , m_customs(table({tr("Customization"), tr("Surcharge")}, tr("Customizations"), this))
    , m_problem(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this))
{
    setObjectName(QStringLiteral("productEditor"));
    setWindowTitle(product ? tr("Edit %1").arg(PlainText::neutralised(product->name))
                           : tr("New product"));
    m_name->setObjectName(QStringLiteral("name"));
    m_name->setMaxLength(120);
    m_category->setObjectName(QStringLiteral("category"));
    m_category->setEditable(true);
    m_category->addItems(categories);
    m_category->lineEdit()->setMaxLength(60);
    m_price->setObjectName(QStringLiteral("price"));
    m_recipe->setObjectName(QStringLiteral("recipe"));
    m_customs->setObjectName(QStringLiteral("customizations"));

    auto *form = new QFormLayout;
    form->addRow(tr("&Name:"), m_name);
    form->addRow(tr("&Category:"), m_category);
    form->addRow(tr("&Price:"), m_price);

    const auto buttonsFor = [this](QTableWidget *t, const QString &addText,
                                   const QString &removeText, const std::function<void()> &add) {
        auto *row = new QHBoxLayout;
        auto *addButton = new QPushButton(addText, this);
        auto *removeButton = new QPushButton(removeText, this);
        addButton->setObjectName(t->objectName() + QStringLiteral("Add"));
        removeButton->setObjectName(t->objectName() + QStringLiteral("Remove"));
        connect(addButton, &QPushButton::clicked, this, add);
        connect(removeButton, &QPushButton::clicked, this, [this, t] { removeSelected(t); });
        row->addWidget(addButton);
        row->addWidget(removeButton);
        row->addStretch(1);
        return row;
    };
    auto *recipeLabel = new QLabel(tr("&Recipe (per unit sold):"), this);
    recipeLabel->setBuddy(m_recipe);
    auto *customLabel = new QLabel(tr("C&ustomizations:"), this);
    customLabel->setBuddy(m_customs);
    m_problem->setObjectName(QStringLiteral("problem"));
    PlainText::makePlain(m_problem);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(recipeLabel);
    layout->addWidget(m_recipe, 1);
    layout->addLayout(buttonsFor(m_recipe, tr("Add &ingredient"), tr("Re&move ingredient"),
                                 [this] { addIngredient(); }));
    layout->addWidget(customLabel);
    layout->addWidget(m_customs, 1);
    layout->addLayout(buttonsFor(m_customs, tr("Add customi&zation"), tr("Remove customizati&on"),
                                 [this] { addCustomization(); }));
    layout->addWidget(m_problem);
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, [this] {
        if (problem().isEmpty())
            accept();
    });
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_name, &QLineEdit::textChanged, this, &ProductEditorDialog::updateState);
    connect(m_customs, &QTableWidget::itemChanged, this, &ProductEditorDialog::updateState);

    if (product) {
        m_name->setText(product->name);
        m_category->setEditText(product->category);
        m_price->setValue(double(product->price) / 100);
        QStringList ids = product->recipe.keys();
        std::sort(ids.begin(), ids.end());
        for (const QString &id : std::as_const(ids))
            addIngredient(id, qMax<qint64>(1, qRound64(product->recipe.value(id))));
        for (const MenuCustomization &c : product->options) {
            addCustomization(c.name, c.price);
            m_customs->item(m_customs->rowCount() - 1, kNameColumn)->setData(kIdRole, c.id);
        }
    } else {
        m_category->setEditText(categories.value(0, QStringLiteral("coffee")));
    }
    resize(560, 560);
    updateState();
}

void ProductEditorDialog::addIngredient(const QString &itemId, qint64 quantity)
{
    const int row = m_recipe->rowCount();
    m_recipe->insertRow(row);
    auto *item = new QComboBox(m_recipe);
    item->setAccessibleName(tr("Ingredient"));
    QList<StockItem> items = m_inventory ? m_inventory->rows() : QList<StockItem>();
    std::sort(items.begin(), items.end(), [](const StockItem &a, const StockItem &b) {
        return a.name.localeAwareCompare(b.name) < 0;
    });
    for (const StockItem &s : std::as_const(items))
        item->addItem(QStringLiteral("%1 (%2)").arg(PlainText::display(s.name), s.unit), s.id);
    if (!itemId.isEmpty() && item->findData(itemId) < 0)
        item->addItem(itemId, itemId); // an item this console has not loaded: kept as it is
    if (!itemId.isEmpty())
        item->setCurrentIndex(item->findData(itemId));
    auto *amount = new QSpinBox(m_recipe);
    amount->setRange(1, 1000000000);
    amount->setValue(int(qBound(qint64(1), quantity, qint64(1000000000))));
    amount->setAccessibleName(tr("Quantity"));
    m_recipe->setCellWidget(row, kItemColumn, item);
    m_recipe->setCellWidget(row, kQuantityColumn, amount);
    connect(item, &QComboBox::currentIndexChanged, this, &ProductEditorDialog::updateState);
    updateState();
}

void ProductEditorDialog::addCustomization(const QString &name, Cents price)
{
    const int row = m_customs->rowCount();
    m_customs->insertRow(row);
    auto *nameItem = new QTableWidgetItem(name);
    m_customs->setItem(row, kNameColumn, nameItem);
    auto *priceBox = moneyBox(m_customs);
    priceBox->setValue(double(price) / 100);
    priceBox->setAccessibleName(tr("Surcharge"));
    m_customs->setCellWidget(row, kPriceColumn, priceBox);
    if (name.isEmpty()) {
        m_customs->setCurrentCell(row, kNameColumn);
        m_customs->editItem(nameItem);
    }
    updateState();
}

void ProductEditorDialog::setName(const QString &name)
{
    m_name->setText(name);
}

void ProductEditorDialog::setPrice(Cents price)
{
    m_price->setValue(double(price) / 100);
}

void ProductEditorDialog::removeSelected(QTableWidget *t)
{
    const int row = t->currentRow();
    if (row >= 0)
        t->removeRow(row);
    updateState();
}

MenuFile::Product ProductEditorDialog::product() const
{
    MenuFile::Product p;
    p.name = m_name->text().trimmed();
    p.category = m_category->currentText().trimmed();
    if (p.category.isEmpty())
        p.category = QStringLiteral("other");
    p.priceCents = centsOf(m_price);
    for (int row = 0; row < m_recipe->rowCount(); ++row) {
        const auto *item = qobject_cast<QComboBox *>(m_recipe->cellWidget(row, kItemColumn));
        const auto *amount = qobject_cast<QSpinBox *>(m_recipe->cellWidget(row, kQuantityColumn));
        if (item && amount && !item->currentData().toString().isEmpty())
            p.recipe.append({QString(), item->currentData().toString(), amount->value()});
    }
    for (int row = 0; row < m_customs->rowCount(); ++row) {
        const QTableWidgetItem *name = m_customs->item(row, kNameColumn);
        const auto *price
            = qobject_cast<QDoubleSpinBox *>(m_customs->cellWidget(row, kPriceColumn));
        if (!name || name->text().trimmed().isEmpty() || !price)
            continue;
        MenuFile::Customization c;
        c.id = name->data(kIdRole).toString();
        c.name = name->text().trimmed();
        c.priceCents = centsOf(price);
        // The editor shows names and surcharges; a customization's own recipe stays as it was.
        for (const MenuCustomization &o : m_originalOptions) {
            if (!c.id.isEmpty() && o.id == c.id) {
                for (auto it = o.recipe.constBegin(); it != o.recipe.constEnd(); ++it)
                    c.recipe.append({QString(), it.key(), qMax<qint64>(1, qRound64(it.value()))});
                std::sort(c.recipe.begin(), c.recipe.end(),
                          [](const MenuFile::Line &a, const MenuFile::Line &b) {
                              return a.itemId < b.itemId;
                          });
            }
        }
        p.customizations.append(c);
    }
    return p;
}

QString ProductEditorDialog::problem() const
{
    const MenuFile::Product p = product();
    if (p.name.isEmpty())
        return tr("The product needs a name.");
    // The same rules as the hub (and every menu file): names once, ingredients once.
    const MenuFile::Parsed checked = MenuFile::productFromJson(MenuFile::toJson(p));
    if (!checked.ok()) {
        if (checked.field.startsWith(QLatin1String("recipe")))
            return tr("An ingredient is listed twice.");
        if (checked.field.startsWith(QLatin1String("customizations")))
            return tr("A customization is listed twice.");
        return checked.message;
    }
    return {};
}

void ProductEditorDialog::updateState()
{
    const QString why = problem();
    m_problem->setText(why);
    m_buttons->button(QDialogButtonBox::Save)->setEnabled(why.isEmpty());
}

} // namespace TableTap
