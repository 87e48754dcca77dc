// The tint proxy.
#include "tintproxymodel.h"

namespace TableTap {

TintProxyModel::TintProxyModel(Tint background, QObject *parent)
    : QIdentityProxyModel(parent)
    , m_background(std::move(background))
{}

QVariant TintProxyModel::data(const QModelIndex &index, int role) const
{
    if (role == Qt::BackgroundRole && m_background) {
        const QColor c = m_background(mapToSource(index));
        if (c.isValid())
            return c;
    } else if (role == Qt::DisplayRole && m_words.contains(index.column())) {
        return m_words.value(index.column())(QIdentityProxyModel::data(index, role).toString());
    } else if (role == Qt::ForegroundRole && m_foreground) {
        const QColor c = m_foreground(mapToSource(index));
        if (c.isValid())
            return c;
    }
    return QIdentityProxyModel::data(index, role);
}

} // namespace TableTap
