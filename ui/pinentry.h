// A new PIN for someone: typed twice (hidden), or generated here to be shown once after the hub
// took it. Used by the Staff view's Add and Reset PIN dialogs.
#pragma once

#include <QWidget>

class QLineEdit;
class QRadioButton;

namespace TableTap {

class PinEntry final : public QWidget
{
    Q_OBJECT
public:
    explicit PinEntry(QWidget *parent = nullptr);

    // The PIN to send: the typed one, or the generated one.
    QString pin() const;
    bool isGenerated() const;
    void setGenerated(bool generated);
    void setTyped(const QString &first, const QString &second);
    // Why the PIN cannot be sent yet (translated), empty when it can.
    QString problem() const;

    // Six random digits from the system's generator.
    static QString generate();

Q_SIGNALS:
    void changed();

private:
    QRadioButton *m_typeIt;
    QRadioButton *m_generateIt;
    QLineEdit *m_first;
    QLineEdit *m_second;
    QString m_generated;
};

} // namespace TableTap
