// The counter display's tile flow.
#include "ticketboard.h"

#include "tickettile.h"

#include <QResizeEvent>

namespace TableTap {

namespace {
constexpr int Gap = 10;
} // namespace

TicketBoard::TicketBoard(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("ticketBoard"));
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
}

void TicketBoard::setTiles(const QList<TicketTile *> &tiles)
{
    m_tiles = tiles;
    relayout();
}

void TicketBoard::setMinimumColumnWidth(int pixels)
{
    m_minColumn = qMax(80, pixels);
    relayout();
}

void TicketBoard::setPage(int page)
{
    page = qBound(0, page, qMax(0, pageCount() - 1));
    if (page == m_page)
        return;
    m_page = page;
    relayout();
    Q_EMIT pagesChanged();
}

int TicketBoard::pageOf(const TicketTile *tile) const
{
    for (int p = 0; p < m_pages.size(); ++p)
        if (m_pages.at(p).contains(const_cast<TicketTile *>(tile)))
            return p;
    return -1;
}

QList<TicketTile *> TicketBoard::visibleTiles() const
{
    return m_pages.value(m_page);
}

void TicketBoard::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    relayout();
}

void TicketBoard::relayout()
{
    const int oldCount = pageCount();
    const int oldPage = m_page;
    const int w = qMax(1, width());
    const int h = qMax(1, height());
    m_columns = qMax(1, (w + Gap) / (m_minColumn + Gap));
    const int columnWidth = (w - (m_columns - 1) * Gap) / m_columns;

    // Flow: fill a column top to bottom, then the next; a full page starts a new one. A tile
    // taller than the board gets a column of its own and is cut at the bottom.
    struct Placed
    {
        TicketTile *tile;
        QRect rect;
    };
    QList<QList<Placed>> pages;
    QList<Placed> current;
    int column = 0;
    int y = 0;
    for (TicketTile *tile : std::as_const(m_tiles)) {
        const int th = qMin(h, tile->heightForWidth(columnWidth));
        if (y > 0 && y + th > h) {
            ++column;
            y = 0;
        }
        if (column >= m_columns) {
            pages.append(current);
            current.clear();
            column = 0;
            y = 0;
        }
        current.append({tile, QRect(column * (columnWidth + Gap), y, columnWidth, th)});
        y += th + Gap;
    }
    if (!current.isEmpty() || pages.isEmpty())
        pages.append(current);

    m_pages.clear();
    for (const QList<Placed> &page : std::as_const(pages)) {
        QList<TicketTile *> tiles;
        for (const Placed &p : page)
            tiles.append(p.tile);
        m_pages.append(tiles);
    }
    m_page = qBound(0, m_page, int(m_pages.size()) - 1);
    for (int p = 0; p < pages.size(); ++p)
        for (const Placed &placed : pages.at(p)) {
            if (p == m_page) {
                placed.tile->setGeometry(placed.rect);
                placed.tile->show();
            } else {
                placed.tile->hide();
            }
        }
    if (oldCount != pageCount() || oldPage != m_page)
        Q_EMIT pagesChanged();
}

} // namespace TableTap
