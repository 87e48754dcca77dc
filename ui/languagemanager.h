// Which language the console speaks: resolves --lang, the saved choice or the system locale to
// one of the compiled-in catalogues (:/i18n/tabletap_<code>.qm) and installs it with Qt's own.
#pragma once

#include <QObject>
#include <QStringList>

class QTranslator;

namespace TableTap {

class LanguageManager final : public QObject
{
    Q_OBJECT
public:
    explicit LanguageManager(QObject *parent = nullptr);
    ~LanguageManager() override;

    // Language codes with a catalogue in the binary ("en", "de").
    static QStringList available();
    // The language's own name ("Deutsch"), so a user finds it whatever the current language.
    static QString nativeName(const QString &code);
    // requested when available; otherwise the first available of the system's UI languages;
    // otherwise English. "de_AT" and "de-CH" resolve to "de".
    static QString resolve(const QString &requested);

    // Installs the catalogue (and Qt's for the same language) in the application, replacing the
    // previous one. Returns false when the catalogue for code is missing or cannot be loaded.
    bool install(const QString &code);
    QString current() const { return m_current; }

private:
    void removeInstalled();

    QTranslator *m_app = nullptr;
    QTranslator *m_qt = nullptr;
    QString m_current;
};

} // namespace TableTap
