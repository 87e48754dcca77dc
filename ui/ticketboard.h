// The counter display's tile area: tickets flow like a newspaper, down the first column, then
// the next, oldest first; what does not fit goes on the next page. The column count follows
// the width (a column never narrower than the text needs), so a big screen shows more tickets,
// and the text size does not shrink to make them fit.
#pragma once

#include <QList>
#include <QPointer>
#include <QWidget>

namespace TableTap {

class TicketTile;

class TicketBoard final : public QWidget
{
    Q_OBJECT
public:
    explicit TicketBoard(QWidget *parent = nullptr);

    // The tiles in the order they flow (the board lays them out; it does not own them).
    void setTiles(const QList<TicketTile *> &tiles);
    const QList<TicketTile *> &tiles() const { return m_tiles; }
    // The narrowest column (px); the view sets it from the text size.
    void setMinimumColumnWidth(int pixels);
    int columnCount() const { return m_columns; }

    int page() const { return m_page; }
    int pageCount() const { return int(m_pages.size()); }
    void setPage(int page);
    // The page a tile is on (-1 when it is not on the board).
    int pageOf(const TicketTile *tile) const;
    // The tiles of the current page, in reading order (digit 1 is the first).
    QList<TicketTile *> visibleTiles() const;
    // Lays the tiles out again (after tiles changed size or text).
    void relayout();

Q_SIGNALS:
    // Page count or current page changed.
    void pagesChanged();

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    QList<TicketTile *> m_tiles;
    QList<QList<TicketTile *>> m_pages;
    int m_page = 0;
    int m_columns = 1;
    int m_minColumn = 320;
};

} // namespace TableTap
