// exegia-signin: sign in to an Exegia (Supabase) project from the desktop.
#include "AppConfig.h"
#include "MainWindow.h"
#include "Translations.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDateTime>
#include <QDir>
#include <QSettings>
#include <QStandardPaths>

#include <cstdio>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("Exegia"));
    QCoreApplication::setOrganizationDomain(QStringLiteral("exegia.example"));
    QCoreApplication::setApplicationName(QStringLiteral("exegia-signin"));
    QCoreApplication::setApplicationVersion(QStringLiteral(EXEGIA_APP_VERSION));
    QGuiApplication::setApplicationDisplayName(QStringLiteral("Exegia Sign-In"));
    QGuiApplication::setDesktopFileName(QStringLiteral("exegia-signin"));

    // --lang must be known before anything translatable is created, so read
    // it with a first, silent pass over the arguments.
    QCommandLineParser parser;
    const QCommandLineOption urlOption(
        QStringLiteral("url"), QStringLiteral("Supabase project URL (overrides SUPABASE_URL)."),
        QStringLiteral("url"));
    const QCommandLineOption keyOption(
        QStringLiteral("key"),
        QStringLiteral("Publishable (anon) key (overrides SUPABASE_PUBLISHABLE_KEY)."),
        QStringLiteral("key"));
    const QCommandLineOption localOption(QStringLiteral("local"),
                                         QStringLiteral("Use the local backend on this computer."));
    const QCommandLineOption langOption(
        QStringLiteral("lang"),
        QStringLiteral("User interface language, e.g. de or fr (default: the system's)."),
        QStringLiteral("language"));
    parser.setApplicationDescription(
        QStringLiteral("Sign in to an Exegia (Supabase) project from the desktop."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addOptions({urlOption, keyOption, localOption, langOption});
    parser.process(app);

    const QLocale locale =
        parser.isSet(langOption) ? QLocale(parser.value(langOption)) : QLocale::system();
    Translations::install(locale);

    QSettings settings;
    MainWindow::Options options;
    options.backend = AppConfig::resolve(
        {parser.value(urlOption), parser.value(keyOption), parser.isSet(localOption)},
        QProcessEnvironment::systemEnvironment(), SavedSettings::load(settings));
    options.localDataDir = QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation))
                               .filePath(QStringLiteral("local-backend"));

    MainWindow window(options);
    // For start-up measurements: the wall clock at the first painted frame.
    if (qEnvironmentVariableIsSet("EXEGIA_STARTUP_PROBE")) {
        QObject::connect(&window, &MainWindow::firstPainted, &window, [] {
            std::fprintf(stderr, "first-paint-epoch-ms %lld\n",
                         static_cast<long long>(QDateTime::currentMSecsSinceEpoch()));
            std::fflush(stderr);
        });
    }
    window.show();
    return app.exec();
}
