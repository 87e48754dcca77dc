// The order entry view.
#include "orderentryview.h"

#include "consolesession.h"
#include "entrypaymentpanel.h"
#include "plaintext.h"
#include "plaintextdelegate.h"
#include "touchtarget.h"

#include <QApplication>
#include <QButtonGroup>
#include <QCheckBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QJsonObject>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QShortcut>
#include <QSplitter>
#include <QStackedWidget>
#include <QTabBar>
#include <QVBoxLayout>

namespace TableTap {

namespace {
constexpr int ProductIdRole = Qt::UserRole + 1;

QString percent(qint64 ppm)
{
    // 0.15 -> "15 %", 0.0825 -> "8.25 %"
    return QString::number(double(ppm) / 10000.0, 'g', 6) + QStringLiteral(" %");
}

bool isPlus(const QKeyEvent *e)
{
    return e->key() == Qt::Key_Plus;
}

bool isMinus(const QKeyEvent *e)
{
    return e->key() == Qt::Key_Minus;
}

bool isEnter(const QKeyEvent *e)
{
    return (e->key() == Qt::Key_Return || e->key() == Qt::Key_Enter)
           && !(e->modifiers() & Qt::ControlModifier);
}
} // namespace

OrderEntryView::OrderEntryView(ConsoleSession *session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_search(new QLineEdit(this))
    , m_categories(new QTabBar(this))
    , m_grid(new QListWidget(this))
    , m_cartList(new QListWidget(this))
    , m_minus(new QPushButton(QStringLiteral("−"), this))
    , m_plus(new QPushButton(QStringLiteral("+"), this))
    , m_remove(new QPushButton(tr("Remove"), this))
    , m_optionsBox(new QGroupBox(this))
    , m_optionsLayout(new QVBoxLayout(m_optionsBox))
    , m_stack(new QStackedWidget(this))
    , m_name(new QLineEdit(this))
    , m_phone(new QLineEdit(this))
    , m_notes(new QLineEdit(this))
    , m_counter(new QLabel(this))
    , m_tipRow(new QHBoxLayout)
    , m_tipGroup(new QButtonGroup(this))
    , m_noTip(new QPushButton(tr("No tip"), this))
    , m_customTip(new QPushButton(tr("Custom"), this))
    , m_tipAmount(new QDoubleSpinBox(this))
    , m_subtotal(new QLabel(this))
    , m_tax(new QLabel(this))
    , m_tip(new QLabel(this))
    , m_total(new QLabel(this))
    , m_place(new QPushButton(tr("Place &order"), this))
    , m_status(new QLabel(this))
    , m_payment(new EntryPaymentPanel(session, this))
    , m_next(new QPushButton(tr("Next customer"), this))
{
    setObjectName(QStringLiteral("orderEntryView"));
    m_touch = TouchTarget::nineMillimetres(this);

    // The menu: search, categories, the grid.
    m_search->setObjectName(QStringLiteral("entrySearch"));
    m_search->setPlaceholderText(tr("Search the menu (Ctrl+F or /)"));
    m_search->setAccessibleName(tr("Search the menu"));
    m_search->setClearButtonEnabled(true);
    m_search->setMinimumHeight(m_touch);
    m_categories->setObjectName(QStringLiteral("entryCategories"));
    m_categories->setAccessibleName(tr("Menu categories"));
    m_categories->setExpanding(false);
    m_categories->setDocumentMode(true);
    m_categories->setFocusPolicy(Qt::TabFocus);
    m_grid->setObjectName(QStringLiteral("entryGrid"));
    // Names and reasons come from the hub: drawn and tipped as plain text.
    PlainTextDelegate::install(m_grid);
    PlainTextDelegate::install(m_cartList);
    m_grid->setAccessibleName(tr("Menu"));
    m_grid->setViewMode(QListView::IconMode);
    m_grid->setMovement(QListView::Static);
    m_grid->setResizeMode(QListView::Adjust);
    m_grid->setWrapping(true);
    m_grid->setWordWrap(true);
    m_grid->setUniformItemSizes(true);
    m_grid->setSelectionMode(QAbstractItemView::SingleSelection);
    m_grid->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_grid->setSpacing(4);
    QFont gridFont = m_grid->font();
    gridFont.setPointSizeF(gridFont.pointSizeF() * 1.1);
    m_grid->setFont(gridFont);
    const QFontMetrics gm(gridFont);
    // Two lines of name, the price and a reason fit; never smaller than 9 mm either way.
    m_grid->setGridSize(
        QSize(qMax(m_touch * 3, gm.horizontalAdvance(QStringLiteral("Almond Milk Latte")) + 24),
              qMax(m_touch * 2, gm.height() * 4 + 16)));
    m_grid->setStyleSheet(QStringLiteral(
        "QListWidget#entryGrid::item { border: 1px solid palette(mid); border-radius: 6px; }"
        "QListWidget#entryGrid::item:selected { background: palette(highlight); "
        "color: palette(highlighted-text); }"));

    auto *menuSide = new QWidget(this);
    auto *menuLayout = new QVBoxLayout(menuSide);
    menuLayout->setContentsMargins(0, 0, 0, 0);
    menuLayout->addWidget(m_search);
    menuLayout->addWidget(m_categories);
    menuLayout->addWidget(m_grid, 1);

    // The cart and the selected line's customizations.
    m_cartList->setObjectName(QStringLiteral("entryCart"));
    m_cartList->setAccessibleName(tr("Order lines"));
    m_cartList->setWordWrap(true);
    m_cartList->setSelectionMode(QAbstractItemView::SingleSelection);
    m_minus->setObjectName(QStringLiteral("entryMinus"));
    m_plus->setObjectName(QStringLiteral("entryPlus"));
    m_remove->setObjectName(QStringLiteral("entryRemove"));
    m_minus->setAccessibleName(tr("One less"));
    m_plus->setAccessibleName(tr("One more"));
    m_minus->setToolTip(tr("One less of the selected line (-)"));
    m_plus->setToolTip(tr("One more of the selected line (+)"));
    m_remove->setToolTip(tr("Remove the selected line (Delete)"));
    for (QPushButton *b : {m_minus, m_plus, m_remove}) {
        b->setMinimumSize(m_touch, m_touch);
        b->setAutoDefault(false);
    }
    m_optionsBox->setObjectName(QStringLiteral("entryOptions"));
    auto *lineButtons = new QHBoxLayout;
    lineButtons->addWidget(m_minus);
    lineButtons->addWidget(m_plus);
    lineButtons->addStretch(1);
    lineButtons->addWidget(m_remove);

    // The customer, tip, totals and Place order; after it, the payment.
    m_name->setObjectName(QStringLiteral("entryName"));
    m_phone->setObjectName(QStringLiteral("entryPhone"));
    m_notes->setObjectName(QStringLiteral("entryNotes"));
    m_name->setMaxLength(100);
    m_phone->setMaxLength(32);
    m_notes->setMaxLength(500);
    m_phone->setPlaceholderText(tr("optional, e.g. +1 555 0100"));
    m_notes->setPlaceholderText(tr("optional"));
    for (QLineEdit *e : {m_name, m_phone, m_notes})
        e->setMinimumHeight(m_touch);
    PlainText::makePlain(m_counter);
    m_counter->setWordWrap(true);
    m_counter->setObjectName(QStringLiteral("entryCounter"));
    m_tipGroup->setExclusive(true);
    for (QPushButton *b : {m_noTip, m_customTip}) {
        b->setCheckable(true);
        b->setAutoDefault(false);
        b->setMinimumHeight(m_touch);
    }
    m_noTip->setObjectName(QStringLiteral("tipNone"));
    m_customTip->setObjectName(QStringLiteral("tipCustom"));
    m_noTip->setChecked(true);
    m_tipAmount->setObjectName(QStringLiteral("tipAmount"));
    m_tipAmount->setAccessibleName(tr("Custom tip amount"));
    m_tipAmount->setDecimals(2);
    m_tipAmount->setRange(0, double(OrderCart::MaxTip) / 100.0);
    m_tipAmount->setMinimumHeight(m_touch);
    m_tipAmount->setEnabled(false);
    m_tipGroup->addButton(m_noTip);
    m_tipGroup->addButton(m_customTip);
    auto *form = new QFormLayout;
    form->addRow(tr("Customer &name:"), m_name);
    form->addRow(tr("Phone:"), m_phone);
    form->addRow(tr("Notes:"), m_notes);
    form->addRow(tr("Counter:"), m_counter);
    form->addRow(tr("Tip:"), m_tipRow);
    auto *totals = new QGridLayout;
    const QList<std::pair<QString, QLabel *>> rows{{tr("Subtotal"), m_subtotal},
                                                   {tr("Tax"), m_tax},
                                                   {tr("Tip"), m_tip},
                                                   {tr("Total"), m_total}};
    for (int r = 0; r < rows.size(); ++r) {
        auto *caption = new QLabel(rows.at(r).first, this);
        totals->addWidget(caption, r, 0);
        totals->addWidget(rows.at(r).second, r, 1, Qt::AlignRight);
        if (rows.at(r).second == m_total) {
            QFont big = caption->font();
            big.setBold(true);
            big.setPointSizeF(big.pointSizeF() * 1.4);
            caption->setFont(big);
            m_total->setFont(big);
        }
    }
    m_total->setObjectName(QStringLiteral("entryTotal"));
    m_tax->setObjectName(QStringLiteral("entryTax"));
    m_place->setObjectName(QStringLiteral("entryPlace"));
    m_place->setToolTip(tr("Send the order to the hub (Ctrl+Enter)"));
    m_place->setMinimumHeight(m_touch);
    m_place->setAutoDefault(false);
    m_status->setObjectName(QStringLiteral("entryStatus"));
    PlainText::makePlain(m_status);
    m_status->setWordWrap(true);
    m_next->setObjectName(QStringLiteral("entryNext"));
    m_next->setToolTip(tr("Leave this order to be paid later and start the next (Esc)"));
    m_next->setMinimumHeight(m_touch);
    m_next->setAutoDefault(false);

    auto *orderPage = new QWidget(m_stack);
    auto *orderLayout = new QVBoxLayout(orderPage);
    orderLayout->setContentsMargins(0, 0, 0, 0);
    orderLayout->addLayout(form);
    orderLayout->addLayout(totals);
    orderLayout->addWidget(m_place);
    orderLayout->addStretch(1);
    auto *payPage = new QWidget(m_stack);
    auto *payLayout = new QVBoxLayout(payPage);
    payLayout->setContentsMargins(0, 0, 0, 0);
    payLayout->addWidget(m_payment, 1);
    payLayout->addWidget(m_next);
    m_stack->addWidget(orderPage);
    m_stack->addWidget(payPage);

    auto *orderSide = new QWidget(this);
    auto *orderSideLayout = new QVBoxLayout(orderSide);
    orderSideLayout->setContentsMargins(0, 0, 0, 0);
    orderSideLayout->addWidget(m_cartList, 2);
    orderSideLayout->addLayout(lineButtons);
    orderSideLayout->addWidget(m_optionsBox);
    orderSideLayout->addWidget(m_stack, 3);
    orderSideLayout->addWidget(m_status);

    auto *split = new QSplitter(Qt::Horizontal, this);
    split->addWidget(menuSide);
    split->addWidget(orderSide);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    split->setChildrenCollapsible(false);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(split);

    setTabOrder(m_search, m_categories);
    setTabOrder(m_categories, m_grid);
    setTabOrder(m_grid, m_cartList);
    setTabOrder(m_cartList, m_minus);
    setTabOrder(m_minus, m_plus);
    setTabOrder(m_plus, m_remove);
    setTabOrder(m_remove, m_optionsBox);
    setTabOrder(m_optionsBox, m_name);
    setTabOrder(m_name, m_phone);
    setTabOrder(m_phone, m_notes);
    setTabOrder(m_notes, m_noTip);

    // Keys: see docs/console.md#order-entry.
    auto shortcut = [this](const QKeySequence &keys, auto slot) {
        auto *s = new QShortcut(keys, this);
        s->setContext(Qt::WidgetWithChildrenShortcut);
        connect(s, &QShortcut::activated, this, slot);
    };
    auto focusSearch = [this] {
        m_search->setFocus(Qt::ShortcutFocusReason);
        m_search->selectAll();
    };
    shortcut(QKeySequence::Find, focusSearch);
    shortcut(QKeySequence(Qt::Key_Slash), focusSearch);
    shortcut(QKeySequence(Qt::CTRL | Qt::Key_Return), [this] { placeOrder(); });
    shortcut(QKeySequence(Qt::CTRL | Qt::Key_Enter), [this] { placeOrder(); });
    shortcut(QKeySequence(Qt::Key_Escape), [this] { clearOrder(); });
    for (QWidget *w : {static_cast<QWidget *>(m_search), static_cast<QWidget *>(m_grid),
                       static_cast<QWidget *>(m_cartList)})
        w->installEventFilter(this);

    connect(m_search, &QLineEdit::textChanged, this, &OrderEntryView::rebuildGrid);
    connect(m_categories, &QTabBar::currentChanged, this, &OrderEntryView::rebuildGrid);
    connect(m_grid, &QListWidget::itemClicked, this,
            [this](QListWidgetItem *item) { addProduct(item->data(ProductIdRole).toString()); });
    connect(m_cartList, &QListWidget::currentRowChanged, this, &OrderEntryView::rebuildOptions);
    connect(m_minus, &QPushButton::clicked, this, [this] { changeQuantity(-1); });
    connect(m_plus, &QPushButton::clicked, this, [this] { changeQuantity(1); });
    connect(m_remove, &QPushButton::clicked, this, &OrderEntryView::removeCurrentLine);
    connect(m_name, &QLineEdit::textChanged, this, &OrderEntryView::updatePlace);
    connect(m_tipGroup, &QButtonGroup::buttonClicked, this, [this](QAbstractButton *b) {
        m_tipAmount->setEnabled(b == m_customTip);
        if (b == m_noTip) {
            m_cart.setNoTip();
        } else if (b == m_customTip) {
            m_cart.setTipAmount(centsFromNumber(m_tipAmount->value()));
            m_tipAmount->setFocus();
            m_tipAmount->selectAll();
        } else {
            m_cart.setTipRate(b->property("ppm").toLongLong());
        }
        updateTotals();
    });
    connect(m_tipAmount, &QDoubleSpinBox::valueChanged, this, [this](double v) {
        if (m_customTip->isChecked()) {
            m_cart.setTipAmount(centsFromNumber(v));
            updateTotals();
        }
    });
    connect(m_place, &QPushButton::clicked, this, &OrderEntryView::placeOrder);
    connect(m_next, &QPushButton::clicked, this, &OrderEntryView::resetForm);
    connect(m_payment, &EntryPaymentPanel::paid, this, &OrderEntryView::onPaid);
    connect(session, &ConsoleSession::menuChanged, this, &OrderEntryView::onMenuChanged);
    connect(session, &ConsoleSession::settingsChanged, this, &OrderEntryView::onSettingsChanged);
    connect(session, &ConsoleSession::commandAnswered, this, &OrderEntryView::onAnswered);
    connect(session, &ConsoleSession::commandFinished, this, &OrderEntryView::onFinished);
    connect(session, &ConsoleSession::commandUnconfirmed, this,
            [this](const QString &requestId, const QString &why) {
                if (requestId.isEmpty() || requestId != m_createRequest)
                    return;
                m_createRequest.clear();
                setStatus(tr("No answer from the hub (%1): look for the order in the queue before "
                             "placing it again.")
                              .arg(PlainText::display(why)),
                          true);
                updatePlace();
            });
    connect(session->counters(), &QAbstractItemModel::dataChanged, this,
            &OrderEntryView::updateCounter);
    connect(session->counters(), &QAbstractItemModel::modelReset, this,
            &OrderEntryView::updateCounter);
    connect(session->counters(), &QAbstractItemModel::rowsInserted, this,
            &OrderEntryView::updateCounter);

    onSettingsChanged();
    onMenuChanged();
    updateCounter();
}

QList<QPushButton *> OrderEntryView::tipButtons() const
{
    QList<QPushButton *> all{m_noTip};
    all << m_tipRates << m_customTip;
    return all;
}

QString OrderEntryView::statusText() const
{
    return m_status->text();
}

QString OrderEntryView::totalText() const
{
    return m_total->text();
}

QString OrderEntryView::counterText() const
{
    return m_counter->text();
}

QStringList OrderEntryView::shownProducts() const
{
    QStringList ids;
    for (int i = 0; i < m_grid->count(); ++i)
        ids << m_grid->item(i)->data(ProductIdRole).toString();
    return ids;
}

const MenuProduct *OrderEntryView::product(const QString &id) const
{
    for (const MenuProduct &p : m_session->menu())
        if (p.id == id)
            return &p;
    return nullptr;
}

QString OrderEntryView::unavailableText(const MenuProduct &p) const
{
    if (p.offSale) {
        QString text = p.offSaleReason.isEmpty()
                           ? tr("Off the menu")
                           : tr("Off the menu: %1").arg(PlainText::display(p.offSaleReason));
        if (p.offSaleUntil.isValid())
            text += QLatin1Char(' ')
                    + tr("(until %1)")
                          .arg(QLocale().toString(p.offSaleUntil.toLocalTime(),
                                                  QLocale::ShortFormat));
        return text;
    }
    if (p.disabled)
        return tr("Out of stock");
    return tr("Not enough stock");
}

void OrderEntryView::onMenuChanged()
{
    rebuildCategories();
    rebuildGrid();
    m_cart.refresh(m_session->menu());
    rebuildCart(currentLine());
}

void OrderEntryView::onSettingsChanged()
{
    const QVariantHash settings = m_session->settings();
    qint64 ppm = 0;
    m_taxKnown = settings.contains(QStringLiteral("tax_rate"))
                 && OrderCart::rateToPpm(settings.value(QStringLiteral("tax_rate")), 500000, &ppm);
    m_cart.setTaxRatePpm(m_taxKnown ? ppm : 0);
    rebuildTips();
    updateTotals();
}

void OrderEntryView::rebuildCategories()
{
    const QString current = m_categories->currentIndex() > 0
                                ? m_categories->tabData(m_categories->currentIndex()).toString()
                                : QString();
    QStringList categories;
    for (const MenuProduct &p : m_session->menu())
        if (!p.category.isEmpty() && !categories.contains(p.category))
            categories << p.category;
    QStringList shown;
    for (int i = 1; i < m_categories->count(); ++i)
        shown << m_categories->tabData(i).toString();
    if (m_categories->count() > 0 && shown == categories)
        return;
    const QSignalBlocker block(m_categories);
    while (m_categories->count() > 0)
        m_categories->removeTab(0);
    m_categories->addTab(tr("All"));
    for (const QString &c : std::as_const(categories)) {
        QString title = PlainText::display(c);
        if (!title.isEmpty())
            title[0] = title.at(0).toUpper();
        const int i = m_categories->addTab(PlainText::mnemonicSafe(title));
        m_categories->setTabData(i, c);
    }
    m_categories->setCurrentIndex(qMax(0, categories.indexOf(current) + 1));
}

void OrderEntryView::rebuildGrid()
{
    const QString keep
        = m_grid->currentItem() ? m_grid->currentItem()->data(ProductIdRole).toString() : QString();
    const QString search = m_search->text().trimmed();
    // A search looks through the whole menu, whatever category is open.
    const QString category = search.isEmpty() && m_categories->currentIndex() > 0
                                 ? m_categories->tabData(m_categories->currentIndex()).toString()
                                 : QString();
    const QSignalBlocker block(m_grid);
    m_grid->clear();
    QListWidgetItem *current = nullptr;
    QListWidgetItem *firstOrderable = nullptr;
    for (const MenuProduct &p : m_session->menu()) {
        if (!category.isEmpty() && p.category != category)
            continue;
        if (!search.isEmpty() && !p.name.contains(search, Qt::CaseInsensitive)
            && !p.category.contains(search, Qt::CaseInsensitive))
            continue;
        QString text = PlainText::display(p.name) + QLatin1Char('\n') + formatCents(p.price);
        auto *item = new QListWidgetItem(m_grid);
        // The whole cell is the button, not just the text's box.
        item->setSizeHint(m_grid->gridSize() - QSize(8, 8));
        item->setData(ProductIdRole, p.id);
        item->setTextAlignment(Qt::AlignCenter);
        if (p.isOrderable()) {
            item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
            if (!firstOrderable)
                firstOrderable = item;
            if (p.id == keep)
                current = item;
            item->setToolTip(tr("Add %1 to the order (Enter)").arg(PlainText::display(p.name)));
        } else {
            const QString why = unavailableText(p);
            text += QLatin1Char('\n') + why;
            item->setFlags(Qt::NoItemFlags);
            item->setToolTip(tr("%1 cannot be ordered: %2").arg(PlainText::display(p.name), why));
        }
        item->setText(PlainText::neutralised(text));
    }
    if (m_grid->count() == 0) {
        auto *empty = new QListWidgetItem(
            m_session->menu().isEmpty() ? tr("No menu yet: it appears once the hub is connected.")
                                        : tr("Nothing on the menu matches."),
            m_grid);
        empty->setFlags(Qt::NoItemFlags);
        empty->setTextAlignment(Qt::AlignCenter);
    }
    if (!current)
        current = firstOrderable;
    if (current)
        m_grid->setCurrentItem(current);
}

int OrderEntryView::currentLine() const
{
    const int row = m_cartList->currentRow();
    return row >= 0 && row < m_cart.lines().size() ? row : -1;
}

void OrderEntryView::rebuildCart(int select)
{
    {
        const QSignalBlocker block(m_cartList);
        m_cartList->clear();
        for (const CartLine &l : m_cart.lines()) {
            QString text = tr("%1 × %2").arg(l.quantity).arg(PlainText::display(l.productName))
                           + QStringLiteral("   ") + formatCents(l.total());
            if (!l.optionNames.isEmpty()) {
                QStringList names;
                for (const QString &n : l.optionNames)
                    names << PlainText::display(n);
                text += QStringLiteral("\n    ") + names.join(QStringLiteral(", "));
            }
            if (l.problem != CartLine::Problem::None) {
                QString why;
                switch (l.problem) {
                case CartLine::Problem::ProductGone:
                    why = tr("%1 is no longer on the menu").arg(PlainText::display(l.problemName));
                    break;
                case CartLine::Problem::OptionGone:
                    why = tr("%1 is no longer offered").arg(PlainText::display(l.problemName));
                    break;
                default:
                    why = l.problemReason.isEmpty()
                              ? tr("%1 is now unavailable").arg(PlainText::display(l.problemName))
                              : tr("%1 is now unavailable: %2")
                                    .arg(PlainText::display(l.problemName),
                                         PlainText::display(l.problemReason));
                    break;
                }
                text += QStringLiteral("\n    ") + tr("⚠ %1; remove it or change it").arg(why);
            }
            auto *item = new QListWidgetItem(PlainText::neutralised(text), m_cartList);
            if (l.problem != CartLine::Problem::None) {
                item->setBackground(QColor(0xff, 0xeb, 0xee));
                item->setForeground(QColor(0xb7, 0x1c, 0x1c));
            }
        }
        if (m_cart.isEmpty()) {
            auto *empty = new QListWidgetItem(
                tr("No order yet: pick from the menu (click, or Enter on a product)."), m_cartList);
            empty->setFlags(Qt::NoItemFlags);
        }
        if (select >= m_cart.lines().size())
            select = int(m_cart.lines().size()) - 1;
        if (select >= 0)
            m_cartList->setCurrentRow(select);
    }
    rebuildOptions();
    updateTotals();
}

void OrderEntryView::rebuildOptions()
{
    // A box ticked from the keyboard keeps the focus across the rebuild.
    QWidget *focus = QApplication::focusWidget();
    const QString focused
        = focus && m_optionsBox->isAncestorOf(focus) ? focus->objectName() : QString();
    while (QLayoutItem *item = m_optionsLayout->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    const int line = currentLine();
    const MenuProduct *p = line >= 0 ? product(m_cart.lines().at(line).productId) : nullptr;
    m_minus->setEnabled(line >= 0 && m_cart.quantityOf(line) > 1);
    m_plus->setEnabled(line >= 0 && m_cart.quantityOf(line) < OrderCart::MaxQuantity);
    m_remove->setEnabled(line >= 0);
    if (!p || p->options.isEmpty()) {
        m_optionsBox->setTitle(tr("Customizations"));
        auto *hint = new QLabel(line < 0 ? tr("Select an order line to customize it.")
                                         : tr("This product has no customizations."),
                                m_optionsBox);
        hint->setEnabled(false);
        m_optionsLayout->addWidget(hint);
        return;
    }
    m_optionsBox->setTitle(tr("Customizations for %1").arg(PlainText::display(p->name)));
    const CartLine &l = m_cart.lines().at(line);
    for (const MenuCustomization &o : p->options) {
        const QString key = OrderCart::optionKey(o);
        const bool on = l.optionIds.contains(key);
        QString text = o.price > 0
                           ? tr("%1 (+%2)").arg(PlainText::display(o.name), formatCents(o.price))
                           : PlainText::display(o.name);
        if (!o.isOrderable())
            text += QStringLiteral(" — ")
                    + (o.offSale && !o.offSaleReason.isEmpty()
                           ? tr("off the menu: %1").arg(PlainText::display(o.offSaleReason))
                           : tr("unavailable"));
        auto *box
            = new QCheckBox(PlainText::mnemonicSafe(PlainText::neutralised(text)), m_optionsBox);
        box->setObjectName(QStringLiteral("option:") + key);
        box->setChecked(on);
        box->setMinimumHeight(m_touch * 2 / 3);
        // One that cannot be sold can only be taken off a line, never put on.
        box->setEnabled(o.isOrderable() || on);
        connect(box, &QCheckBox::toggled, this, [this, line, key](bool checked) {
            const MenuProduct *p = line < m_cart.lines().size()
                                       ? product(m_cart.lines().at(line).productId)
                                       : nullptr;
            if (!p || !m_cart.setOption(line, *p, key, checked))
                setStatus(tr("That customization cannot be added."), true);
            updateTotals();
            // After the slot: the box that sent this is rebuilt.
            QMetaObject::invokeMethod(
                this, [this, line] { rebuildCart(line); }, Qt::QueuedConnection);
        });
        m_optionsLayout->addWidget(box);
    }
    // The boxes come after the line's buttons and before the customer in Tab order.
    QWidget *before = m_remove;
    for (QCheckBox *box : m_optionsBox->findChildren<QCheckBox *>()) {
        setTabOrder(before, box);
        before = box;
    }
    setTabOrder(before, m_name);
    if (!focused.isEmpty()) {
        if (QCheckBox *box = m_optionsBox->findChild<QCheckBox *>(focused))
            box->setFocus(Qt::OtherFocusReason);
    }
}

void OrderEntryView::rebuildTips()
{
    for (QPushButton *b : std::as_const(m_tipRates)) {
        m_tipGroup->removeButton(b);
        delete b;
    }
    m_tipRates.clear();
    while (m_tipRow->count() > 0)
        delete m_tipRow->takeAt(0);
    m_tipRow->addWidget(m_noTip);
    const QVariantList suggestions
        = m_session->settings().value(QStringLiteral("tip_suggestions")).toList();
    bool rateKept = false;
    for (const QVariant &v : suggestions) {
        qint64 ppm = 0;
        if (!OrderCart::rateToPpm(v, 1000000, &ppm) || ppm == 0 || m_tipRates.size() >= 6)
            continue;
        auto *b = new QPushButton(percent(ppm), this);
        b->setObjectName(QStringLiteral("tip%1").arg(ppm));
        b->setProperty("ppm", ppm);
        b->setCheckable(true);
        b->setAutoDefault(false);
        b->setMinimumHeight(m_touch);
        b->setAccessibleName(tr("Tip %1").arg(percent(ppm)));
        m_tipGroup->addButton(b);
        m_tipRow->addWidget(b);
        m_tipRates << b;
        if (m_cart.tipKind() == OrderCart::TipKind::Rate && m_cart.tipRatePpm() == ppm) {
            b->setChecked(true);
            rateKept = true;
        }
    }
    // A suggestion the settings took away falls back to no tip rather than a hidden rate.
    if (m_cart.tipKind() == OrderCart::TipKind::Rate && !rateKept) {
        m_cart.setNoTip();
        m_noTip->setChecked(true);
    }
    m_tipRow->addWidget(m_customTip);
    m_tipRow->addWidget(m_tipAmount);
    m_tipRow->addStretch(1);
    QWidget *before = m_noTip;
    for (QPushButton *b : std::as_const(m_tipRates)) {
        setTabOrder(before, b);
        before = b;
    }
    setTabOrder(before, m_customTip);
    setTabOrder(m_customTip, m_tipAmount);
    setTabOrder(m_tipAmount, m_place);
}

void OrderEntryView::updateTotals()
{
    m_subtotal->setText(formatCents(m_cart.subtotal()));
    m_tax->setText(m_taxKnown
                       ? tr("%1 (%2)").arg(formatCents(m_cart.tax()), percent(m_cart.taxRatePpm()))
                       : tr("rate not known yet"));
    m_tip->setText(formatCents(m_cart.tip()));
    m_total->setText(formatCents(m_cart.total()));
    updatePlace();
}

void OrderEntryView::updateCounter()
{
    // create_order has no counter field: the hub gives the order to the active counter with the
    // fewest pending and preparing orders (the first of them in the counters' order on a tie).
    const CounterInfo *least = nullptr;
    for (const CounterInfo &c : m_session->counters()->rows()) {
        if (!c.isActive())
            continue;
        if (!least || c.pending + c.preparing < least->pending + least->preparing)
            least = &c;
    }
    if (!least)
        m_counter->setText(m_session->counters()->rowCount() == 0
                               ? tr("The hub gives the order to its least busy active counter.")
                               : tr("No counter is active: the hub will refuse the order."));
    else
        m_counter->setText(tr("%1 (the least busy active counter; the hub decides when the "
                              "order is placed)")
                               .arg(PlainText::display(least->name)));
}

void OrderEntryView::updatePlace()
{
    const bool busy = !m_createRequest.isEmpty();
    m_place->setEnabled(!busy && !m_cart.isEmpty() && !m_cart.hasProblems()
                        && !m_name->text().trimmed().isEmpty());
    m_place->setToolTip(m_cart.isEmpty()       ? tr("Add something from the menu first")
                        : m_cart.hasProblems() ? tr("Remove the lines marked unavailable first")
                        : m_name->text().trimmed().isEmpty()
                            ? tr("Enter the customer's name first")
                            : tr("Send the order to the hub (Ctrl+Enter)"));
}

bool OrderEntryView::addProduct(const QString &productId)
{
    if (!m_createRequest.isEmpty() || m_stack->currentIndex() != 0)
        return false;
    const MenuProduct *p = product(productId);
    if (!p)
        return false;
    if (!p->isOrderable()) {
        setStatus(
            tr("%1 cannot be ordered: %2").arg(PlainText::display(p->name), unavailableText(*p)),
            true);
        return false;
    }
    int line = -1;
    switch (m_cart.add(*p, {}, &line)) {
    case OrderCart::AddResult::Added:
    case OrderCart::AddResult::Merged:
        setStatus({}, false);
        rebuildCart(line);
        return true;
    case OrderCart::AddResult::QuantityLimit:
        setStatus(tr("At most %1 of one line.").arg(OrderCart::MaxQuantity), true);
        break;
    case OrderCart::AddResult::TooManyLines:
        setStatus(tr("At most %1 lines in one order.").arg(OrderCart::MaxLines), true);
        break;
    case OrderCart::AddResult::NotOrderable:
        setStatus(tr("%1 cannot be ordered now.").arg(PlainText::display(p->name)), true);
        break;
    }
    return false;
}

void OrderEntryView::addCurrent()
{
    if (QListWidgetItem *item = m_grid->currentItem())
        addProduct(item->data(ProductIdRole).toString());
}

void OrderEntryView::changeQuantity(int delta)
{
    const int line = currentLine();
    if (line < 0 || m_stack->currentIndex() != 0 || !m_createRequest.isEmpty())
        return;
    if (m_cart.changeQuantity(line, delta))
        rebuildCart(line);
}

void OrderEntryView::removeCurrentLine()
{
    const int line = currentLine();
    if (line < 0 || m_stack->currentIndex() != 0 || !m_createRequest.isEmpty())
        return;
    m_cart.remove(line);
    rebuildCart(line);
    updatePlace();
}

void OrderEntryView::placeOrder()
{
    if (m_stack->currentIndex() != 0 || !m_createRequest.isEmpty())
        return;
    const QString name = m_name->text().trimmed();
    if (m_cart.isEmpty()) {
        setStatus(tr("Add something from the menu first."), true);
        m_search->setFocus();
        return;
    }
    if (m_cart.hasProblems()) {
        setStatus(tr("Remove the lines marked unavailable before placing the order."), true);
        m_cartList->setFocus();
        return;
    }
    if (name.isEmpty()) {
        setStatus(tr("Enter the customer's name."), true);
        m_name->setFocus();
        return;
    }
    QJsonObject payload{{QStringLiteral("customer_name"), name},
                        {QStringLiteral("items"), m_cart.itemsJson()}};
    const QString phone = m_phone->text().trimmed();
    if (!phone.isEmpty())
        payload.insert(QStringLiteral("customer_phone"), phone);
    const QString notes = m_notes->text().trimmed();
    if (!notes.isEmpty())
        payload.insert(QStringLiteral("notes"), notes);
    m_cart.addTipTo(payload);
    m_createRequest = m_session->sendCommand(Contract::Command::CreateOrder, payload,
                                             tr("order for %1").arg(name));
    const OutboxEntry *entry = m_session->outbox()->entry(m_createRequest);
    if (entry && entry->state == OutboxEntry::State::Refused) {
        m_createRequest.clear();
        setStatus(tr("The order could not be queued: too many actions are waiting."), true);
        return;
    }
    setStatus(tr("Placing the order…"), false);
    updatePlace();
}

void OrderEntryView::onAnswered(const QString &requestId, const QJsonValue &data)
{
    if (requestId.isEmpty() || requestId != m_createRequest)
        return;
    m_createRequest.clear();
    const QJsonObject order = data.toObject().value(QLatin1String("order")).toObject();
    if (order.value(QLatin1String("id")).toString().isEmpty()) {
        placedWithoutOrder();
        return;
    }
    const Cents total = centsFromNumber(order.value(QLatin1String("totals"))
                                            .toObject()
                                            .value(QLatin1String("total_amount"))
                                            .toDouble());
    const QString number = order.value(QLatin1String("order_number")).toString();
    m_payment->setOrder(order.value(QLatin1String("id")).toString(), number,
                        order.value(QLatin1String("customer_name")).toString(),
                        order.value(QLatin1String("assigned_counter")).toString(), total);
    m_stack->setCurrentIndex(1);
    if (total != m_cart.total())
        // The menu or the tax rate changed on the way; the hub's total is the one to charge.
        setStatus(
            tr("Order %1 placed. The hub's total is %2 (this screen showed %3).")
                .arg(PlainText::display(number), formatCents(total), formatCents(m_cart.total())),
            true);
    else
        setStatus(tr("Order %1 placed.").arg(PlainText::display(number)), false);
    for (QWidget *w : {static_cast<QWidget *>(m_grid), static_cast<QWidget *>(m_cartList),
                       static_cast<QWidget *>(m_optionsBox), static_cast<QWidget *>(m_minus),
                       static_cast<QWidget *>(m_plus), static_cast<QWidget *>(m_remove)})
        w->setEnabled(false);
    m_payment->cashButton()->setFocus();
}

void OrderEntryView::onFinished(const QString &requestId, bool ok, const QString &errorType,
                                const QString &message)
{
    if (requestId.isEmpty() || requestId != m_createRequest)
        return;
    m_createRequest.clear();
    if (ok) {
        placedWithoutOrder();
        return;
    }
    setStatus(tr("The hub refused the order: %1 (%2)")
                  .arg(PlainText::display(message), PlainText::display(errorType)),
              true);
    updatePlace();
}

void OrderEntryView::placedWithoutOrder()
{
    // Applied without an answer carrying the order (a server whose acks hold no data, or that
    // sends none): the order is in the queue, and its payment is taken from there.
    resetForm();
    setStatus(tr("The order was placed; take its payment from the queue."), false);
}

void OrderEntryView::onPaid(const QString &paidNumber, const QString &method, Cents changeDue)
{
    Q_UNUSED(method)
    // A copy: the panel's own number (which the signal passes) is cleared with the form.
    const QString orderNumber = paidNumber;
    resetForm();
    setStatus(
        changeDue > 0
            ? tr("Order %1 is paid; change due: %2. Next customer, please.")
                  .arg(PlainText::display(orderNumber), formatCents(changeDue))
            : tr("Order %1 is paid. Next customer, please.").arg(PlainText::display(orderNumber)),
        false);
}

void OrderEntryView::clearOrder()
{
    if (m_search->hasFocus() && !m_search->text().isEmpty()) {
        m_search->clear();
        return;
    }
    // An order on its way stays: its answer must find this screen waiting for it.
    if (!m_createRequest.isEmpty())
        return;
    resetForm();
    setStatus({}, false);
}

void OrderEntryView::resetForm()
{
    m_cart.clear();
    m_payment->clear();
    m_stack->setCurrentIndex(0);
    m_name->clear();
    m_phone->clear();
    m_notes->clear();
    m_search->clear();
    m_tipAmount->setValue(0);
    m_tipAmount->setEnabled(false);
    m_noTip->setChecked(true);
    for (QWidget *w : {static_cast<QWidget *>(m_grid), static_cast<QWidget *>(m_cartList),
                       static_cast<QWidget *>(m_optionsBox)})
        w->setEnabled(true);
    rebuildCart();
    m_search->setFocus();
}

void OrderEntryView::setStatus(const QString &text, bool error)
{
    PlainText::setText(m_status, text);
    m_status->setStyleSheet(error ? QStringLiteral("color: #c62828;") : QString());
}

bool OrderEntryView::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() != QEvent::KeyPress)
        return QWidget::eventFilter(watched, event);
    const auto *key = static_cast<QKeyEvent *>(event);
    if (watched == m_search) {
        if (key->key() == Qt::Key_Down) {
            m_grid->setFocus(Qt::OtherFocusReason);
            return true;
        }
        if (isEnter(key)) {
            addCurrent();
            return true;
        }
        return false;
    }
    if (isPlus(key) || isMinus(key)) {
        changeQuantity(isPlus(key) ? 1 : -1);
        return true;
    }
    if (watched == m_grid && isEnter(key)) {
        addCurrent();
        return true;
    }
    if (watched == m_cartList
        && (key->key() == Qt::Key_Delete || key->key() == Qt::Key_Backspace)) {
        removeCurrentLine();
        return true;
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace TableTap
