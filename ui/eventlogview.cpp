// The event log view.
#include "eventlogview.h"

#include "consolesession.h"
#include "contract.h"
#include "eventlogfiltermodel.h"
#include "plaintextdelegate.h"

#include <QCheckBox>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QScrollBar>
#include <QTableView>
#include <QVBoxLayout>

namespace TableTap {

EventLogView::EventLogView(ConsoleSession *session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_filter(new EventLogFilterModel(this))
    , m_view(new QTableView(this))
    , m_nsp(new QComboBox(this))
    , m_text(new QLineEdit(this))
    , m_follow(new QCheckBox(tr("&Follow new events"), this))
    , m_count(new QLabel(this))
{
    setObjectName(QStringLiteral("eventLogView"));
    m_filter->setSourceModel(session->eventLog());
    m_nsp->addItem(tr("All namespaces"), QString());
    for (const QString &n : ConsoleSession::namespaces())
        m_nsp->addItem(n, n);
    m_nsp->setObjectName(QStringLiteral("nspFilter"));
    m_text->setPlaceholderText(tr("Filter by event or text"));
    m_text->setAccessibleName(tr("Filter the event log"));
    m_text->setClearButtonEnabled(true);
    m_text->setObjectName(QStringLiteral("textFilter"));
    m_follow->setChecked(true);
    connect(m_nsp, &QComboBox::currentIndexChanged, this, [this] {
        m_filter->setNamespace(m_nsp->currentData().toString());
        updateCount();
    });
    connect(m_text, &QLineEdit::textChanged, this, [this](const QString &t) {
        m_filter->setText(t.trimmed());
        updateCount();
    });

    m_view->setModel(m_filter);
    PlainTextDelegate::install(m_view);
    m_view->setObjectName(QStringLiteral("eventLogTable"));
    m_view->setAccessibleName(tr("Event log"));
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setWordWrap(false);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 6);
    m_view->horizontalHeader()->setStretchLastSection(true);
    const QFontMetrics fm = m_view->fontMetrics();
    m_view->horizontalHeader()->resizeSection(
        EventLogModel::TimeColumn, fm.horizontalAdvance(QStringLiteral("00:00:00.000")) + 16);
    m_view->horizontalHeader()->resizeSection(
        EventLogModel::NamespaceColumn,
        fm.horizontalAdvance(Contract::path(Contract::Namespace::Employees)) + 16);
    m_view->horizontalHeader()->resizeSection(
        EventLogModel::EventColumn,
        fm.horizontalAdvance(Contract::name(Contract::Event::OrderAssignedCounter)) + 16);

    // Remember whether the user sat at the bottom before rows arrive; follow only then.
    connect(m_filter, &QAbstractItemModel::rowsAboutToBeInserted, this, [this] {
        const QScrollBar *sb = m_view->verticalScrollBar();
        m_atBottom = sb->value() >= sb->maximum() - 1;
    });
    connect(m_filter, &QAbstractItemModel::rowsInserted, this, [this] {
        if (m_follow->isChecked() && m_atBottom)
            m_view->scrollToBottom();
        updateCount();
    });
    connect(m_filter, &QAbstractItemModel::rowsRemoved, this, &EventLogView::updateCount);

    auto *bar = new QHBoxLayout;
    auto *nspLabel = new QLabel(tr("&Namespace:"), this);
    nspLabel->setBuddy(m_nsp);
    bar->addWidget(nspLabel);
    bar->addWidget(m_nsp);
    bar->addWidget(m_text, 1);
    bar->addWidget(m_follow);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(bar);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_count);
    updateCount();
}

void EventLogView::updateCount()
{
    m_count->setText(tr("%1 shown of %2 kept; %3 events received this session")
                         .arg(m_filter->rowCount())
                         .arg(m_session->eventLog()->rowCount())
                         .arg(m_session->eventLog()->totalReceived()));
}

} // namespace TableTap
