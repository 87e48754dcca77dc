// The cafe settings view.
#include "cafesettingsview.h"

#include "consolesession.h"
#include "plaintext.h"
#include "plaintextdelegate.h"
#include "settingrules.h"
#include "snapshotnotice.h"

#include <QCompleter>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QScrollArea>
#include <QSplitter>
#include <QTableWidget>
#include <QTimeZone>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace TableTap {

namespace {
enum LevelColumn { ItemColumn, UnitColumn, StockColumn, ReorderColumn, MaxColumn, LevelColumns };
constexpr int kItemIdRole = Qt::UserRole + 1;
const QColor kErrorColour(0xc6, 0x28, 0x28);

// Text typed into a number field as the hub would get it: a number when it reads as one (in
// the C locale, as JSON has it), else the text itself, which the rules then refuse.
QJsonValue numberOrText(const QString &text)
{
    bool ok = false;
    const double d = text.trimmed().toDouble(&ok);
    return ok ? QJsonValue(d) : QJsonValue(text.trimmed());
}
} // namespace

QString CafeSettingsView::label(const QString &key)
{
    static const QHash<QString, const char *> labels{
        {QStringLiteral("tax_rate"), QT_TR_NOOP("Tax rate")},
        {QStringLiteral("tip_suggestions"), QT_TR_NOOP("Tip suggestions")},
        {QStringLiteral("prep_time_minutes"), QT_TR_NOOP("Preparation time")},
        {QStringLiteral("queue_minutes_per_order"), QT_TR_NOOP("Added per waiting order")},
        {QStringLiteral("stock_update_interval_ms"), QT_TR_NOOP("Stock update interval")},
        {QStringLiteral("drink_allowance_default"), QT_TR_NOOP("Staff drinks a month")},
        {QStringLiteral("qr_expiry_minutes"), QT_TR_NOOP("QR code valid for")},
        {QStringLiteral("recall_window_seconds"), QT_TR_NOOP("Recall window")},
        {QStringLiteral("age_warning_seconds"), QT_TR_NOOP("Order waiting long after")},
        {QStringLiteral("age_late_seconds"), QT_TR_NOOP("Order late after")},
        {QStringLiteral("business_day_start"), QT_TR_NOOP("Business day starts at")},
        {QStringLiteral("break_after_minutes"), QT_TR_NOOP("Break needed after")},
        {QStringLiteral("break_minimum_minutes"), QT_TR_NOOP("Shortest break that counts")},
        {QStringLiteral("timezone"), QT_TR_NOOP("Time zone")},
        {QStringLiteral("currency"), QT_TR_NOOP("Currency")},
    };
    const char *text = labels.value(key);
    return text ? tr(text) : key;
}

QString CafeSettingsView::hint(const QString &key)
{
    const SettingRules::Rule *rule = SettingRules::find(key);
    if (!rule)
        return {};
    using K = SettingRules::Kind;
    const QString unit = rule->unit == QLatin1String("minutes")   ? tr("min")
                         : rule->unit == QLatin1String("seconds") ? tr("s")
                         : rule->unit == QLatin1String("ms")      ? tr("ms")
                         : rule->unit == QLatin1String("drinks")  ? tr("drinks")
                                                                  : QString();
    switch (rule->kind) {
    case K::Integer:
        return tr("%1 to %2 %3").arg(rule->minimum).arg(rule->maximum).arg(unit);
    case K::Rate:
        return tr("fraction, 0 to %1 (0.0825 = 8.25 %)").arg(double(rule->maximum) / 1e6);
    case K::RateList:
        return tr("up to %1 fractions, comma-separated (0.15 = 15 %)")
            .arg(SettingRules::kTipSuggestionsMax);
    case K::TimeOfDay:
        return tr("HH:MM, cafe time; before it, it is still the day before");
    case K::TimeZone:
        return tr("IANA zone, e.g. Europe/Berlin, or UTC");
    case K::Currency:
        return tr("ISO 4217 code, e.g. EUR");
    }
    return {};
}

CafeSettingsView::CafeSettingsView(ConsoleSession *session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_status(new QLabel(this))
    , m_save(new QPushButton(tr("Save setti&ngs"), this))
    , m_revert(new QPushButton(tr("&Revert"), this))
    , m_levels(new QTableWidget(0, LevelColumns, this))
    , m_levelsStatus(new QLabel(this))
    , m_saveLevels(new QPushButton(tr("Save stoc&k levels"), this))
    , m_history(new QTreeWidget(this))
{
    setObjectName(QStringLiteral("cafeSettingsView"));

    // The form: one row per setting, its hint (unit and range) and its error under it.
    auto *formBox = new QGroupBox(tr("Cafe settings"), this);
    // Label, field and its unit and range in columns; the error under the field.
    auto *form = new QGridLayout;
    form->setColumnStretch(2, 1);
    form->setVerticalSpacing(2);
    int gridRow = 0;
    for (const SettingRules::Rule &rule : SettingRules::rules()) {
        const QString key = rule.key;
        auto *edit = new QLineEdit(formBox);
        edit->setObjectName(key);
        edit->setAccessibleName(label(key));
        edit->setToolTip(label(key) + QStringLiteral(": ") + hint(key));
        edit->setPlaceholderText(hint(key));
        if (rule.kind == SettingRules::Kind::TimeZone) {
            QStringList zones{QStringLiteral("UTC")};
            for (const QByteArray &id : QTimeZone::availableTimeZoneIds())
                zones.append(QString::fromLatin1(id));
            auto *completer = new QCompleter(zones, edit);
            completer->setCaseSensitivity(Qt::CaseInsensitive);
            completer->setFilterMode(Qt::MatchContains);
            edit->setCompleter(completer);
        }
        auto *hintLabel = new QLabel(hint(key), formBox);
        hintLabel->setEnabled(false); // the palette's quieter text
        auto *error = new QLabel(formBox);
        error->setObjectName(QStringLiteral("error_") + key);
        PlainText::makePlain(error); // a hub's message
        error->setWordWrap(true);
        QPalette p = error->palette();
        p.setColor(QPalette::WindowText, kErrorColour);
        error->setPalette(p);
        error->hide();
        edit->setMinimumWidth(edit->fontMetrics().horizontalAdvance(QLatin1Char('0')) * 22);
        auto *rowLabel = new QLabel(label(key) + QLatin1Char(':'), formBox);
        rowLabel->setBuddy(edit);
        form->addWidget(rowLabel, gridRow, 0);
        form->addWidget(edit, gridRow, 1);
        form->addWidget(hintLabel, gridRow, 2);
        form->addWidget(error, gridRow + 1, 1, 1, 2);
        gridRow += 2;
        m_editors.insert(key, edit);
        m_errors.insert(key, error);
        connect(edit, &QLineEdit::textEdited, this, [this, key] {
            // Checked as typed, by the hub's own rules.
            const auto problem = SettingRules::check(key, fieldValue(key));
            setError(key, problem ? problem->message : QString());
        });
    }
    m_save->setObjectName(QStringLiteral("saveSettings"));
    m_revert->setObjectName(QStringLiteral("revertSettings"));
    m_status->setObjectName(QStringLiteral("settingsStatus"));
    m_status->setWordWrap(true);
    PlainText::makePlain(m_status);
    connect(m_save, &QPushButton::clicked, this, &CafeSettingsView::save);
    connect(m_revert, &QPushButton::clicked, this, &CafeSettingsView::revert);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_status, 1);
    buttons->addWidget(m_revert);
    buttons->addWidget(m_save);
    auto *formLayout = new QVBoxLayout(formBox);
    formLayout->addLayout(form);
    formLayout->addStretch(1);
    formLayout->addLayout(buttons);
    auto *scroll = new QScrollArea(this);
    scroll->setWidget(formBox);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);

    // Stock levels: reorder level and maximum per inventory item.
    auto *levelsBox = new QGroupBox(tr("Low-stock levels"), this);
    m_levels->setObjectName(QStringLiteral("stockLevels"));
    PlainTextDelegate::install(m_levels); // item names and units from the hub
    m_levels->setAccessibleName(tr("Low-stock levels"));
    m_levels->setHorizontalHeaderLabels(
        {tr("Item"), tr("Unit"), tr("In stock"), tr("Reorder below"), tr("Fill up to")});
    m_levels->verticalHeader()->hide();
    m_levels->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_levels->horizontalHeader()->setSectionResizeMode(ItemColumn, QHeaderView::Stretch);
    m_levels->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_levels->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed
                              | QAbstractItemView::AnyKeyPressed);
    m_levelsStatus->setObjectName(QStringLiteral("levelsStatus"));
    m_levelsStatus->setWordWrap(true);
    PlainText::makePlain(m_levelsStatus);
    m_saveLevels->setObjectName(QStringLiteral("saveStockLevels"));
    connect(m_saveLevels, &QPushButton::clicked, this, &CafeSettingsView::saveStockLevels);
    connect(m_levels, &QTableWidget::itemChanged, this, [this](QTableWidgetItem *item) {
        if (!m_filling && (item->column() == ReorderColumn || item->column() == MaxColumn))
            m_levelsEdited.insert(
                m_levels->item(item->row(), ItemColumn)->data(kItemIdRole).toString());
    });
    auto *levelButtons = new QHBoxLayout;
    levelButtons->addWidget(m_levelsStatus, 1);
    levelButtons->addWidget(m_saveLevels);
    auto *levelsLayout = new QVBoxLayout(levelsBox);
    levelsLayout->addWidget(m_levels, 1);
    levelsLayout->addLayout(levelButtons);

    // Who changed what, newest first.
    auto *historyBox = new QGroupBox(tr("Changes"), this);
    m_history->setObjectName(QStringLiteral("settingsHistory"));
    PlainTextDelegate::install(m_history); // who changed it
    m_history->setAccessibleName(tr("Settings changes"));
    m_history->setRootIsDecorated(false);
    m_history->setHeaderLabels({tr("When"), tr("Who"), tr("Setting"), tr("Old → new")});
    m_history->header()->setStretchLastSection(true);
    auto *historyLayout = new QVBoxLayout(historyBox);
    historyLayout->addWidget(m_history);

    auto *right = new QSplitter(Qt::Vertical, this);
    right->addWidget(levelsBox);
    right->addWidget(historyBox);
    auto *split = new QSplitter(Qt::Horizontal, this);
    split->addWidget(scroll);
    split->addWidget(right);
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(new SnapshotNotice(
        session,
        tr("Live events only: this server offers no settings. The cafe's settings can be changed "
           "here with the Table Tap hub."),
        this));
    layout->addWidget(split, 1);

    connect(session, &ConsoleSession::settingsChanged, this, [this] {
        loadSettings();
        loadHistory();
    });
    connect(session->inventory(), &BatchedTableModel::flushed, this,
            &CafeSettingsView::loadStockLevels);
    connect(session, &ConsoleSession::commandFinished, this, &CafeSettingsView::onCommandFinished);
    loadSettings();
    loadStockLevels();
    loadHistory();
}

QString CafeSettingsView::valueText(const QJsonValue &value)
{
    if (value.isArray()) {
        QStringList parts;
        for (const QJsonValue &v : value.toArray())
            parts.append(valueText(v));
        return parts.join(QStringLiteral(", "));
    }
    if (value.isDouble())
        return QString::number(value.toDouble(), 'g', 10);
    if (value.isString())
        return value.toString();
    return {};
}

QJsonValue CafeSettingsView::fieldValue(const QString &key) const
{
    const SettingRules::Rule *rule = SettingRules::find(key);
    const QString text = m_editors.value(key)->text();
    switch (rule->kind) {
    case SettingRules::Kind::Integer:
    case SettingRules::Kind::Rate:
        return numberOrText(text);
    case SettingRules::Kind::RateList: {
        QJsonArray a;
        for (const QString &part : text.split(QLatin1Char(','), Qt::SkipEmptyParts))
            if (!part.trimmed().isEmpty())
                a.append(numberOrText(part));
        return a;
    }
    default:
        return text.trimmed();
    }
}

QJsonObject CafeSettingsView::changes() const
{
    QJsonObject out;
    const QVariantHash cafe = m_session->settings();
    for (auto it = m_editors.constBegin(); it != m_editors.constEnd(); ++it) {
        const QJsonValue current = QJsonValue::fromVariant(cafe.value(it.key()));
        // A setting the server never named is only sent once something is typed into it.
        if (current.isNull() && it.value()->text().trimmed().isEmpty())
            continue;
        const QJsonValue typed = fieldValue(it.key());
        if (typed != current)
            out.insert(it.key(), typed);
    }
    return out;
}

void CafeSettingsView::loadSettings()
{
    const QVariantHash cafe = m_session->settings();
    for (auto it = m_editors.constBegin(); it != m_editors.constEnd(); ++it) {
        const QString text = valueText(QJsonValue::fromVariant(cafe.value(it.key())));
        // What someone is typing stays; untouched fields follow the cafe (another console).
        if (it.value()->text() == m_shown.value(it.key()))
            it.value()->setText(text);
        m_shown.insert(it.key(), text);
    }
    m_save->setEnabled(!cafe.isEmpty());
}

void CafeSettingsView::revert()
{
    m_shown.clear();
    for (QLineEdit *edit : std::as_const(m_editors))
        edit->clear();
    loadSettings();
    clearErrors();
    m_status->clear();
}

void CafeSettingsView::setError(const QString &key, const QString &message)
{
    QLabel *error = m_errors.value(key);
    if (!error)
        return;
    error->setText(message);
    error->setVisible(!message.isEmpty());
}

void CafeSettingsView::clearErrors()
{
    for (auto it = m_errors.constBegin(); it != m_errors.constEnd(); ++it)
        setError(it.key(), {});
}

QString CafeSettingsView::errorText(const QString &key) const
{
    const QLabel *error = m_errors.value(key);
    return error && !error->isHidden() ? error->text() : QString();
}

QString CafeSettingsView::statusText() const
{
    return m_status->text();
}

bool CafeSettingsView::save()
{
    clearErrors();
    const QJsonObject changed = changes();
    if (changed.isEmpty()) {
        m_status->setText(tr("Nothing changed."));
        return false;
    }
    // The same rules as the hub, field by field and then together, before anything is sent.
    bool valid = true;
    QJsonObject after = QJsonObject::fromVariantHash(m_session->settings());
    for (auto it = changed.constBegin(); it != changed.constEnd(); ++it) {
        after.insert(it.key(), it.value());
        if (const auto problem = SettingRules::check(it.key(), it.value())) {
            setError(it.key(), problem->message);
            valid = false;
        }
    }
    if (valid) {
        if (const auto problem = SettingRules::checkTogether(after)) {
            setError(problem->field, problem->message);
            valid = false;
        }
    }
    if (!valid) {
        m_status->setText(tr("Not saved: correct the marked fields."));
        return false;
    }
    m_pendingKeys = changed.keys();
    m_pendingSettings = m_session->updateSettings(changed);
    QStringList names;
    for (const QString &k : std::as_const(m_pendingKeys))
        names.append(label(k));
    m_status->setText(tr("Saving: %1…").arg(names.join(QStringLiteral(", "))));
    return true;
}

void CafeSettingsView::onCommandFinished(const QString &requestId, bool ok,
                                         const QString &errorType, const QString &message)
{
    Q_UNUSED(errorType)
    if (requestId == m_pendingSettings) {
        m_pendingSettings.clear();
        if (ok) {
            m_status->setText(tr("Saved."));
            return;
        }
        // The hub's message names the field first (SettingRules' wording).
        QString field;
        for (const QString &k : std::as_const(m_pendingKeys))
            if (message.startsWith(k) && k.size() > field.size())
                field = k;
        if (!field.isEmpty())
            setError(field, message);
        m_status->setText(tr("Not saved: %1").arg(message));
        return;
    }
    if (m_pendingLevels.remove(requestId)) {
        if (!ok)
            m_levelsStatus->setText(tr("Not saved: %1").arg(message));
        else if (m_pendingLevels.isEmpty())
            m_levelsStatus->setText(tr("Stock levels saved."));
    }
}

void CafeSettingsView::loadStockLevels()
{
    if (!m_levelsEdited.isEmpty())
        return; // someone is editing: their values stay until saved
    m_filling = true;
    const QList<StockItem> &items = m_session->inventory()->rows();
    m_levels->setRowCount(int(items.size()));
    int row = 0;
    for (const StockItem &s : items) {
        const auto fixed = [](const QString &text) {
            auto *item = new QTableWidgetItem(text);
            item->setFlags(item->flags() & ~Qt::ItemIsEditable);
            return item;
        };
        QTableWidgetItem *name = fixed(PlainText::display(s.name.isEmpty() ? s.sku : s.name));
        name->setData(kItemIdRole, s.id);
        m_levels->setItem(row, ItemColumn, name);
        m_levels->setItem(row, UnitColumn, fixed(PlainText::display(s.unit)));
        m_levels->setItem(row, StockColumn, fixed(QString::number(s.stock, 'g', 10)));
        auto *reorder = new QTableWidgetItem(QString::number(s.reorderLevel, 'g', 10));
        auto *maximum = new QTableWidgetItem(QString::number(s.maxStock, 'g', 10));
        reorder->setToolTip(tr("Below this the item is low (0: never)"));
        maximum->setToolTip(tr("What a reorder fills up to"));
        m_levels->setItem(row, ReorderColumn, reorder);
        m_levels->setItem(row, MaxColumn, maximum);
        ++row;
    }
    m_levels->sortItems(ItemColumn);
    m_filling = false;
}

bool CafeSettingsView::saveStockLevels()
{
    struct Change
    {
        QString id;
        qint64 reorder, maximum;
    };
    QList<Change> changes;
    for (int row = 0; row < m_levels->rowCount(); ++row) {
        const QString id = m_levels->item(row, ItemColumn)->data(kItemIdRole).toString();
        if (!m_levelsEdited.contains(id))
            continue;
        const QString name = m_levels->item(row, ItemColumn)->text();
        bool okReorder = false, okMax = false;
        const qint64 reorder
            = m_levels->item(row, ReorderColumn)->text().trimmed().toLongLong(&okReorder);
        const qint64 maximum = m_levels->item(row, MaxColumn)->text().trimmed().toLongLong(&okMax);
        QString problem;
        if (!okReorder || reorder < 0)
            problem = tr("%1: reorder_level must be a whole number, 0 or more").arg(name);
        else if (!okMax || maximum < 1)
            problem = tr("%1: max_stock must be a whole number, 1 or more").arg(name);
        else if (maximum < reorder)
            problem
                = tr("%1: max_stock must be at least reorder_level (%2)").arg(name).arg(reorder);
        if (!problem.isEmpty()) {
            m_levelsStatus->setText(problem);
            m_levels->setCurrentCell(row, okReorder && reorder >= 0 ? MaxColumn : ReorderColumn);
            return false;
        }
        const StockItem *s = m_session->inventory()->item(id);
        if (s && qint64(s->reorderLevel) == reorder && qint64(s->maxStock) == maximum)
            continue;
        changes.append({id, reorder, maximum});
    }
    m_levelsEdited.clear();
    if (changes.isEmpty()) {
        m_levelsStatus->setText(tr("No stock level changed."));
        loadStockLevels();
        return false;
    }
    for (const Change &c : std::as_const(changes))
        m_pendingLevels.insert(m_session->setStockLevels(c.id, c.reorder, c.maximum));
    m_levelsStatus->setText(tr("Saving %n stock level(s)…", nullptr, int(changes.size())));
    return true;
}

void CafeSettingsView::loadHistory()
{
    m_history->clear();
    for (const SettingHistoryEntry &h : m_session->settingsHistory()) {
        auto *item = new QTreeWidgetItem(m_history);
        item->setText(0, QLocale().toString(h.at.toLocalTime(), QLocale::ShortFormat));
        item->setText(1, PlainText::display(h.byName.isEmpty() ? h.byId : h.byName));
        item->setText(2, label(h.key));
        item->setToolTip(2, h.key);
        item->setText(
            3, tr("%1 → %2").arg(PlainText::display(valueText(QJsonValue::fromVariant(h.previous))),
                                 PlainText::display(valueText(QJsonValue::fromVariant(h.next)))));
    }
    for (int c = 0; c < 3; ++c)
        m_history->resizeColumnToContents(c);
}

} // namespace TableTap
