// Language resolution and catalogue installation.
#include "languagemanager.h"

#include "uilogging.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

namespace TableTap {

LanguageManager::LanguageManager(QObject *parent)
    : QObject(parent)
{}

LanguageManager::~LanguageManager()
{
    removeInstalled();
}

QStringList LanguageManager::available()
{
    return {QStringLiteral("en"), QStringLiteral("de")};
}

QString LanguageManager::nativeName(const QString &code)
{
    if (code == QLatin1String("de"))
        return QStringLiteral("Deutsch");
    if (code == QLatin1String("en"))
        return QStringLiteral("English");
    return code;
}

static QString baseLanguage(const QString &code)
{
    QString c = code.trimmed().toLower();
    c.replace(QLatin1Char('-'), QLatin1Char('_'));
    return c.section(QLatin1Char('_'), 0, 0);
}

QString LanguageManager::resolve(const QString &requested)
{
    const QStringList known = available();
    const QString wanted = baseLanguage(requested);
    if (known.contains(wanted))
        return wanted;
    for (const QString &ui : QLocale::system().uiLanguages()) {
        const QString b = baseLanguage(ui);
        if (known.contains(b))
            return b;
    }
    return QStringLiteral("en");
}

void LanguageManager::removeInstalled()
{
    for (QTranslator **t : {&m_app, &m_qt}) {
        if (*t) {
            QCoreApplication::removeTranslator(*t);
            delete *t;
            *t = nullptr;
        }
    }
}

bool LanguageManager::install(const QString &code)
{
    auto *app = new QTranslator;
    if (!app->load(QStringLiteral(":/i18n/tabletap_%1.qm").arg(code))) {
        qCWarning(lcUi) << "no catalogue for language" << code;
        delete app;
        return false;
    }
    removeInstalled();
    m_app = app;
    QCoreApplication::installTranslator(m_app);
    // Qt's own strings (standard buttons, context menus) in the same language, when installed.
    auto *qt = new QTranslator;
    if (qt->load(QLocale(code), QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
        m_qt = qt;
        QCoreApplication::installTranslator(m_qt);
    } else {
        delete qt;
    }
    m_current = code;
    QLocale::setDefault(QLocale(code));
    qCDebug(lcUi) << "language" << code << (m_qt ? "with Qt's own strings" : "");
    return true;
}

} // namespace TableTap
