#include "Translations.h"

#include <QCoreApplication>
#include <QDir>
#include <QLibraryInfo>
#include <QTranslator>

namespace exegia::signin {

namespace Translations {

namespace {

QTranslator *&appTranslator()
{
    static QTranslator *translator = nullptr;
    return translator;
}

QTranslator *&qtTranslator()
{
    static QTranslator *translator = nullptr;
    return translator;
}

void remove(QTranslator *&translator)
{
    if (!translator)
        return;
    QCoreApplication::removeTranslator(translator);
    delete translator;
    translator = nullptr;
}

} // namespace

bool install(const QLocale &locale)
{
    remove(appTranslator());
    remove(qtTranslator());

    auto *app = new QTranslator;
    // QTranslator::load(QLocale, ...) tries each of the locale's UI languages
    // ("de-CH", "de", ...) and stops at the first that exists.
    if (!app->load(locale, QStringLiteral("exegia-signin"), QStringLiteral("_"),
                   QStringLiteral(":/i18n"))) {
        // No translation (C.UTF-8, Spanish, ...): the texts stay English,
        // and English needs its plural forms ("1 second", not "second(s)").
        if (app->load(QStringLiteral(":/i18n/exegia-signin_en.qm"))) {
            QCoreApplication::installTranslator(app);
            appTranslator() = app;
        } else {
            delete app;
        }
        return false;
    }
    QCoreApplication::installTranslator(app);
    appTranslator() = app;

    auto *qt = new QTranslator;
    if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
        QCoreApplication::installTranslator(qt);
        qtTranslator() = qt;
    } else {
        delete qt;
    }
    return true;
}

QStringList available()
{
    QStringList languages;
    const QStringList files = QDir(QStringLiteral(":/i18n")).entryList({QStringLiteral("*.qm")});
    for (const QString &file : files)
        languages << file.section(u'_', -1).section(u'.', 0, 0);
    return languages;
}

} // namespace Translations

} // namespace exegia::signin
