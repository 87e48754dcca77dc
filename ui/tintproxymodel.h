// A pass-through proxy that adds row colours (Qt::BackgroundRole) computed from the source
// model's own roles (stock state, alert rank, payment status...) and shows data words in the
// console's language. Views get colours and words, models stay free of GUI types.
#pragma once

#include <QColor>
#include <QHash>
#include <QIdentityProxyModel>

#include <functional>

namespace TableTap {

class TintProxyModel final : public QIdentityProxyModel
{
    Q_OBJECT
public:
    // Gets the source index (any column of the row) and returns the row's background; an
    // invalid colour leaves the row as it is.
    using Tint = std::function<QColor(const QModelIndex &sourceIndex)>;

    explicit TintProxyModel(Tint background, QObject *parent = nullptr);
    void setForeground(Tint foreground) { m_foreground = std::move(foreground); }
    // A column's text in the console's words (the source keeps the wire's words).
    using Words = std::function<QString(const QString &display)>;
    void setDisplay(int column, Words words) { m_words.insert(column, std::move(words)); }

    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

private:
    Tint m_background;
    Tint m_foreground;
    QHash<int, Words> m_words;
};

} // namespace TableTap
