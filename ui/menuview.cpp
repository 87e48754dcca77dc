// The menu view.
#include "menuview.h"

#include "consoleclock.h"
#include "consolesession.h"
#include "offsaledialog.h"
#include "plaintext.h"
#include "producteditordialog.h"

#include <QDialog>
#include <QDialogButtonBox>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QListWidget>
#include <QMessageBox>
#include <QPointer>
#include <QPushButton>
#include <QSaveFile>
#include <QScrollArea>
#include <QSplitter>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace TableTap {

namespace {
constexpr int kNameColumn = 0;
constexpr int kPriceColumn = 1;
constexpr int kStatusColumn = 2;
constexpr int kProductRole = Qt::UserRole + 1;
constexpr int kCustomizationRole = Qt::UserRole + 2;

void warn(QWidget *parent, const QString &title, const QString &text)
{
    QMessageBox box(QMessageBox::Warning, title, PlainText::neutralised(text), QMessageBox::Ok,
                    parent);
    box.setTextFormat(Qt::PlainText);
    box.exec();
}
} // namespace

MenuView::MenuView(ConsoleSession *session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_tree(new QTreeWidget(this))
    , m_details(new QLabel(this))
    , m_offSale(new QPushButton(tr("&86: take off sale…"), this))
    , m_backOnSale(new QPushButton(tr("Back &on sale"), this))
    , m_add(new QPushButton(tr("&New product…"), this))
    , m_edit(new QPushButton(tr("Ch&ange…"), this))
    , m_retire(new QPushButton(tr("Reti&re"), this))
    , m_retired(new QPushButton(tr("Bring bac&k…"), this))
    , m_import(new QPushButton(tr("Import &file…"), this))
    , m_export(new QPushButton(tr("E&xport…"), this))
{
    setObjectName(QStringLiteral("menuView"));
    m_tree->setObjectName(QStringLiteral("menuTree"));
    m_tree->setAccessibleName(tr("Menu"));
    m_tree->setHeaderLabels({tr("Product"), tr("Price"), tr("Status")});
    m_tree->setRootIsDecorated(true);
    m_tree->setUniformRowHeights(true);
    m_tree->setAlternatingRowColors(true);
    m_tree->header()->setSectionResizeMode(kNameColumn, QHeaderView::Stretch);
    m_tree->header()->setSectionResizeMode(kPriceColumn, QHeaderView::ResizeToContents);
    m_tree->header()->setSectionResizeMode(kStatusColumn, QHeaderView::Stretch);
    m_tree->header()->setStretchLastSection(false);
    m_details->setObjectName(QStringLiteral("menuDetails"));
    PlainText::makePlain(m_details);
    m_details->setWordWrap(true);
    m_details->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_details->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_details->setMargin(8);

    const std::pair<QPushButton *, const char *> names[]
        = {{m_offSale, "offSaleButton"}, {m_backOnSale, "backOnSaleButton"},
           {m_add, "addButton"},         {m_edit, "editButton"},
           {m_retire, "retireButton"},   {m_retired, "retiredButton"},
           {m_import, "importButton"},   {m_export, "exportButton"}};
    for (const auto &[button, name] : names)
        button->setObjectName(QLatin1String(name));
    connect(m_offSale, &QPushButton::clicked, this, &MenuView::takeOffSale);
    connect(m_backOnSale, &QPushButton::clicked, this, &MenuView::putBackOnSale);
    connect(m_add, &QPushButton::clicked, this, &MenuView::addProduct);
    connect(m_edit, &QPushButton::clicked, this, &MenuView::editProduct);
    connect(m_retire, &QPushButton::clicked, this, &MenuView::retireProduct);
    connect(m_retired, &QPushButton::clicked, this, &MenuView::showRetired);
    connect(m_import, &QPushButton::clicked, this, &MenuView::importMenu);
    connect(m_export, &QPushButton::clicked, this, &MenuView::exportMenu);
    connect(m_tree, &QTreeWidget::itemActivated, this, [this] {
        if (m_manager && currentCustomizationId().isEmpty() && currentProduct())
            editProduct();
    });

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_offSale);
    buttons->addWidget(m_backOnSale);
    buttons->addStretch(1);
    for (QPushButton *b : {m_add, m_edit, m_retire, m_retired, m_import, m_export})
        buttons->addWidget(b);

    auto *split = new QSplitter(Qt::Horizontal, this);
    split->addWidget(m_tree);
    auto *scroll = new QScrollArea(split);
    scroll->setWidget(m_details);
    scroll->setWidgetResizable(true);
    split->addWidget(scroll);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    split->setSizes({760, 440});

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(buttons);
    layout->addWidget(split, 1);

    connect(session, &ConsoleSession::menuChanged, this, &MenuView::rebuild);
    connect(session->inventory(), &QAbstractItemModel::modelReset, this, &MenuView::updateDetails);
    connect(m_tree, &QTreeWidget::currentItemChanged, this, [this] {
        updateDetails();
        updateButtons();
    });
    setFocusProxy(m_tree);
    setManager(false);
    rebuild();
}

void MenuView::setManager(bool manager)
{
    m_manager = manager;
    for (QPushButton *b : {m_add, m_edit, m_retire, m_retired, m_import, m_export})
        b->setVisible(manager);
    updateButtons();
}

QString MenuView::currentProductId() const
{
    const QTreeWidgetItem *item = m_tree->currentItem();
    return item ? item->data(kNameColumn, kProductRole).toString() : QString();
}

QString MenuView::currentCustomizationId() const
{
    const QTreeWidgetItem *item = m_tree->currentItem();
    return item ? item->data(kNameColumn, kCustomizationRole).toString() : QString();
}

const MenuProduct *MenuView::currentProduct() const
{
    const QString id = currentProductId();
    for (const MenuProduct &p : m_session->menu())
        if (p.id == id && !id.isEmpty())
            return &p;
    return nullptr;
}

bool MenuView::select(const QString &productId, const QString &customizationId)
{
    if (productId.isEmpty())
        return false;
    for (QTreeWidgetItemIterator it(m_tree); *it; ++it) {
        if ((*it)->data(kNameColumn, kProductRole).toString() == productId
            && (*it)->data(kNameColumn, kCustomizationRole).toString() == customizationId) {
            m_tree->setCurrentItem(*it);
            return true;
        }
    }
    return false;
}

QString MenuView::offSaleText(const QString &reason, const QDateTime &until) const
{
    if (!until.isValid())
        return tr("Off sale: %1").arg(PlainText::display(reason));
    // Today's end as a time of day, a later one with its date.
    const QDateTime local = until.toLocalTime();
    const QString when = local.date() == m_session->clock()->now().toLocalTime().date()
                             ? QLocale().toString(local.time(), QLocale::ShortFormat)
                             : QLocale().toString(local, QLocale::ShortFormat);
    return tr("Off sale: %1 (until %2)").arg(PlainText::display(reason), when);
}

QString MenuView::statusText(const MenuProduct &p) const
{
    if (p.offSale)
        return offSaleText(p.offSaleReason, p.offSaleUntil);
    if (p.disabled)
        return tr("Out of stock");
    if (!p.available)
        return tr("Low stock");
    return tr("On sale");
}

void MenuView::rebuild()
{
    const QString productId = currentProductId();
    const QString customizationId = currentCustomizationId();
    m_tree->clear();
    QHash<QString, QTreeWidgetItem *> categories;
    for (const MenuProduct &p : m_session->menu()) {
        QTreeWidgetItem *&category = categories[p.category];
        if (!category) {
            category = new QTreeWidgetItem(m_tree, {PlainText::display(p.category)});
            QFont bold = category->font(kNameColumn);
            bold.setBold(true);
            category->setFont(kNameColumn, bold);
            category->setFirstColumnSpanned(true);
            category->setExpanded(true);
        }
        auto *row = new QTreeWidgetItem(
            category, {PlainText::display(p.name), formatCents(p.price), statusText(p)});
        row->setData(kNameColumn, kProductRole, p.id);
        row->setTextAlignment(kPriceColumn, Qt::AlignRight | Qt::AlignVCenter);
        if (!p.isOrderable())
            row->setForeground(kStatusColumn,
                               p.offSale ? QColor(0xb0, 0x1c, 0x1c) : QColor(0x80, 0x80, 0x80));
        for (const MenuCustomization &c : p.options) {
            QString status = tr("On sale");
            if (c.offSale)
                status = offSaleText(c.offSaleReason, c.offSaleUntil);
            else if (!c.available)
                status = tr("Low stock");
            auto *option
                = new QTreeWidgetItem(row, {QStringLiteral("+ ") + PlainText::display(c.name),
                                            QStringLiteral("+") + formatCents(c.price), status});
            option->setData(kNameColumn, kProductRole, p.id);
            option->setData(kNameColumn, kCustomizationRole, c.id);
            option->setTextAlignment(kPriceColumn, Qt::AlignRight | Qt::AlignVCenter);
            if (!c.isOrderable())
                option->setForeground(kStatusColumn, QColor(0xb0, 0x1c, 0x1c));
        }
        row->setExpanded(true);
    }
    if (!select(productId, customizationId) && m_tree->topLevelItemCount() > 0)
        m_tree->setCurrentItem(m_tree->topLevelItem(0)->child(0));
    updateDetails();
    updateButtons();
}

void MenuView::updateDetails()
{
    const MenuProduct *p = currentProduct();
    if (!p) {
        m_details->setText(m_session->menu().isEmpty() ? tr("No menu loaded yet.")
                                                       : tr("Choose a product."));
        return;
    }
    const auto ingredients = [this](const QHash<QString, double> &recipe) {
        QStringList lines;
        for (auto it = recipe.constBegin(); it != recipe.constEnd(); ++it) {
            const StockItem *s = m_session->inventory()->item(it.key());
            lines << tr("%1 %2 %3")
                         .arg(QLocale().toString(it.value()), s ? s->unit : QString(),
                              PlainText::display(s ? s->name : it.key()));
        }
        lines.sort(Qt::CaseInsensitive);
        return lines;
    };
    QStringList text;
    text << QStringLiteral("%1 — %2 — %3")
                .arg(PlainText::display(p->name), PlainText::display(p->category),
                     formatCents(p->price));
    text << statusText(*p);
    text << QString() << tr("Recipe (per unit):");
    const QStringList recipe = ingredients(p->recipe);
    text << (recipe.isEmpty() ? tr("  none")
                              : QStringLiteral("  ") + recipe.join(QStringLiteral("\n  ")));
    text << QString() << tr("Customizations:");
    if (p->options.isEmpty())
        text << tr("  none");
    for (const MenuCustomization &c : p->options) {
        text << tr("  %1: +%2").arg(PlainText::display(c.name), formatCents(c.price));
        for (const QString &line : ingredients(c.recipe))
            text << QStringLiteral("      ") + line;
        if (c.offSale)
            text << QStringLiteral("      ") + offSaleText(c.offSaleReason, c.offSaleUntil);
    }
    m_details->setText(text.join(u'\n'));
}

void MenuView::updateButtons()
{
    const MenuProduct *p = currentProduct();
    const QString cid = currentCustomizationId();
    bool offSale = p && p->offSale;
    if (p && !cid.isEmpty()) {
        offSale = false;
        for (const MenuCustomization &c : p->options)
            if (c.id == cid)
                offSale = c.offSale;
    }
    m_offSale->setEnabled(p != nullptr);
    m_backOnSale->setEnabled(offSale);
    m_edit->setEnabled(m_manager && p);
    m_retire->setEnabled(m_manager && p && cid.isEmpty());
}

void MenuView::takeOffSale()
{
    const MenuProduct *p = currentProduct();
    if (!p)
        return;
    const QString productId = p->id;
    const QString customizationId = currentCustomizationId();
    QString what = p->name;
    for (const MenuCustomization &c : p->options)
        if (c.id == customizationId && !customizationId.isEmpty())
            what = QStringLiteral("%1 (%2)").arg(c.name, p->name);
    QTime opening = QTime::fromString(
        m_session->settings().value(QStringLiteral("business_day_start")).toString(),
        QStringLiteral("HH:mm"));
    auto *dialog = new OffSaleDialog(what, m_session->clock()->now(), opening, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog, productId, customizationId] {
        m_session->setAvailability(productId, customizationId, false, dialog->reason(),
                                   dialog->until());
    });
    dialog->open();
}

void MenuView::putBackOnSale()
{
    if (const MenuProduct *p = currentProduct())
        m_session->setAvailability(p->id, currentCustomizationId(), true);
}

void MenuView::addProduct()
{
    if (!m_manager)
        return;
    QStringList categories;
    for (const MenuProduct &p : m_session->menu())
        if (!categories.contains(p.category))
            categories << p.category;
    auto *dialog = new ProductEditorDialog(nullptr, categories, m_session->inventory(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this,
            [this, dialog] { m_session->saveProduct({}, dialog->product()); });
    dialog->open();
}

void MenuView::editProduct()
{
    const MenuProduct *p = currentProduct();
    if (!m_manager || !p)
        return;
    QStringList categories;
    for (const MenuProduct &m : m_session->menu())
        if (!categories.contains(m.category))
            categories << m.category;
    auto *dialog = new ProductEditorDialog(p, categories, m_session->inventory(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        MenuFile::Product product = dialog->product();
        m_session->saveProduct(dialog->productId(), product);
    });
    dialog->open();
}

void MenuView::retireProduct()
{
    const MenuProduct *p = currentProduct();
    if (!m_manager || !p || !currentCustomizationId().isEmpty())
        return;
    QMessageBox ask(QMessageBox::Question, tr("Retire product"),
                    tr("Take %1 off the menu for good? Past orders keep it; it can be brought "
                       "back with \"Bring back…\".")
                        .arg(PlainText::display(p->name)),
                    QMessageBox::Yes | QMessageBox::Cancel, this);
    ask.setTextFormat(Qt::PlainText);
    ask.button(QMessageBox::Yes)->setText(tr("&Retire"));
    if (ask.exec() == QMessageBox::Yes)
        m_session->retireProduct(p->id);
}

void MenuView::showRetired()
{
    if (!m_manager)
        return;
    QPointer<MenuView> self(this);
    m_session->fetchMenu(true, this, [self](const ConsoleSession::MenuFetch &fetch) {
        if (!self)
            return;
        if (!fetch.ok) {
            warn(self, tr("Retired products"), tr("The hub did not answer: %1").arg(fetch.error));
            return;
        }
        QSet<QString> onMenu;
        for (const MenuProduct &p : self->m_session->menu())
            onMenu.insert(p.id);
        QDialog dialog(self);
        dialog.setWindowTitle(tr("Retired products"));
        auto *list = new QListWidget(&dialog);
        list->setObjectName(QStringLiteral("retiredList"));
        list->setAccessibleName(tr("Retired products"));
        for (const MenuProduct &p : fetch.products) {
            if (onMenu.contains(p.id))
                continue;
            auto *item = new QListWidgetItem(
                QStringLiteral("%1 — %2").arg(PlainText::display(p.name), formatCents(p.price)),
                list);
            item->setData(Qt::UserRole, p.id);
            item->setData(Qt::UserRole + 1, p.name);
        }
        auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, &dialog);
        QPushButton *restore = buttons->addButton(tr("&Bring back"), QDialogButtonBox::ActionRole);
        restore->setEnabled(list->count() > 0);
        list->setCurrentRow(0);
        connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
        connect(restore, &QPushButton::clicked, &dialog, [&] {
            if (QListWidgetItem *item = list->currentItem()) {
                self->m_session->restoreProduct(item->data(Qt::UserRole).toString(),
                                                item->data(Qt::UserRole + 1).toString());
                delete item;
                restore->setEnabled(list->count() > 0);
            }
        });
        auto *layout = new QVBoxLayout(&dialog);
        layout->addWidget(list->count() > 0
                              ? static_cast<QWidget *>(list)
                              : PlainText::label(tr("No retired products."), &dialog));
        if (list->count() == 0)
            list->hide();
        layout->addWidget(buttons);
        dialog.exec();
    });
}

void MenuView::exportMenuTo(const QString &path, MenuFile::Format format,
                            const std::function<void(const QString &error)> &done)
{
    m_session->fetchMenu(false, this, [path, format, done](const ConsoleSession::MenuFetch &fetch) {
        if (!fetch.ok) {
            done(tr("The hub did not answer: %1").arg(fetch.error));
            return;
        }
        QSaveFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(MenuFile::encode(fetch.file, format)) < 0
            || !file.commit()) {
            done(tr("Cannot write %1: %2").arg(path, file.errorString()));
            return;
        }
        done({});
    });
}

QString MenuView::importMenuFrom(const QString &path, MenuFile::Format format, bool replace,
                                 QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = tr("Cannot read %1: %2").arg(path, file.errorString());
        return {};
    }
    const MenuFile::Parsed parsed
        = MenuFile::decode(file.read(MenuFile::kMaxFileBytes + 1), format);
    if (!parsed.ok()) {
        *error = tr("%1 is not a menu file: %2").arg(QFileInfo(path).fileName(), parsed.message);
        return {};
    }
    // import_menu goes out as one message; a hub closes a link whose message is over its limit
    // (1 MB by default), and the outbox would send it again and again. Refused here instead.
    const qsizetype bytes = QJsonDocument(QJsonObject{{QStringLiteral("products"),
                                                       MenuFile::toJson(parsed.products)}})
                                .toJson(QJsonDocument::Compact)
                                .size();
    if (bytes > kMaxImportBytes) {
        *error = tr("%1 is too large to send to the hub in one message (%2 KB, at most %3 KB): "
                    "import it on the hub's computer with tabletap-hub menu import.")
                     .arg(QFileInfo(path).fileName())
                     .arg(bytes / 1000)
                     .arg(kMaxImportBytes / 1000);
        return {};
    }
    return m_session->importMenu(parsed.products, replace);
}

static MenuFile::Format formatOf(const QString &path, const QString &filter)
{
    if (path.endsWith(QLatin1String(".json"), Qt::CaseInsensitive))
        return MenuFile::Format::Json;
    if (path.endsWith(QLatin1String(".csv"), Qt::CaseInsensitive))
        return MenuFile::Format::Csv;
    return filter.contains(QLatin1String("json")) ? MenuFile::Format::Json : MenuFile::Format::Csv;
}

void MenuView::importMenu()
{
    if (!m_manager)
        return;
    QString filter;
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Import menu"), QString(),
        tr("Menu files (*.csv *.json);;CSV (*.csv);;JSON (*.json)"), &filter);
    if (path.isEmpty())
        return;
    QMessageBox ask(QMessageBox::Question, tr("Import menu"),
                    tr("Merge the file into the menu (products by name), or replace the menu "
                       "(products not in the file are retired)?"),
                    QMessageBox::Cancel, this);
    QPushButton *merge = ask.addButton(tr("&Merge"), QMessageBox::AcceptRole);
    QPushButton *replace = ask.addButton(tr("&Replace"), QMessageBox::DestructiveRole);
    ask.setDefaultButton(merge);
    ask.exec();
    if (ask.clickedButton() != merge && ask.clickedButton() != replace)
        return;
    QString error;
    if (importMenuFrom(path, formatOf(path, filter), ask.clickedButton() == replace, &error)
            .isEmpty()
        && !error.isEmpty())
        warn(this, tr("Import menu"), error);
}

void MenuView::exportMenu()
{
    if (!m_manager)
        return;
    QString filter;
    const QString path
        = QFileDialog::getSaveFileName(this, tr("Export menu"), QStringLiteral("menu.csv"),
                                       tr("CSV (*.csv);;JSON (*.json)"), &filter);
    if (path.isEmpty())
        return;
    QPointer<MenuView> self(this);
    exportMenuTo(path, formatOf(path, filter), [self](const QString &error) {
        if (self && !error.isEmpty())
            warn(self, tr("Export menu"), error);
    });
}

} // namespace TableTap
