// exegia-signin: sign in to an Exegia (Supabase) project from the desktop.
#include "AppConfig.h"
#include "AuthModel.h"
#include "MainWindow.h"
#include "SingleInstance.h"
#include "Translations.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDateTime>
#include <QDir>
#include <QEventLoop>
#include <QMessageBox>
#include <QMetaEnum>
#include <QSettings>
#include <QStandardPaths>
#include <QTimer>

#include <cstdio>

namespace {

// For the second-launch test only (EXEGIA_TEST_PROBE): once the model has
// settled, print where the app landed and quit. "guest" first continues as
// a guest from the sign-in page, as a person would click it; "hold" only
// keeps the app running (it holds the single-instance lock).
void installTestProbe(MainWindow &window, const QByteArray &mode)
{
    if (mode == "hold")
        return;
    AuthModel *model = window.model();
    auto check = [model, mode] {
        if (model->isBusy() || model->state() == AuthModel::State::Error)
            return;
        if (mode == "guest" && model->state() == AuthModel::State::SignedOut) {
            model->continueAsGuest();
            return;
        }
        const char *page = QMetaEnum::fromType<AuthModel::Page>().valueToKey(int(model->page()));
        std::printf("settled page=%s user=%s guest=%d\n", page, qPrintable(model->userId()),
                    model->isGuest() ? 1 : 0);
        std::fflush(stdout);
        // Quit once the keychain has the session (the next run restores it).
        QFuture<bool> saved = model->sessionSaved();
        if (saved.isFinished())
            QCoreApplication::exit(0);
        else
            saved.then(model, [](bool) { QCoreApplication::exit(0); });
    };
    QObject::connect(model, &AuthModel::stateChanged, model, check, Qt::QueuedConnection);
}

} // namespace

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

    const QString dataDir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    SingleInstance instance(dataDir);
    if (!instance.acquire()) {
        // The running copy comes to the front; this one leaves quietly.
        if (instance.askRunningToShow())
            return 3;
        const QString message = SingleInstance::alreadyRunningMessage();
        std::fprintf(stderr, "exegia-signin: %s\n", qPrintable(message));
        if (!qEnvironmentVariableIsSet("EXEGIA_TEST_PROBE"))
            QMessageBox::information(nullptr, QGuiApplication::applicationDisplayName(), message);
        return 3;
    }

    QSettings settings;
    MainWindow::Options options;
    options.backend = AppConfig::resolve(
        {parser.value(urlOption), parser.value(keyOption), parser.isSet(localOption)},
        QProcessEnvironment::systemEnvironment(), SavedSettings::load(settings));
    options.localDataDir = QDir(dataDir).filePath(QStringLiteral("local-backend"));

    MainWindow window(options);
    instance.listen([&window] {
        window.setWindowState((window.windowState() & ~Qt::WindowMinimized) | Qt::WindowActive);
        window.show();
        window.raise();
        window.activateWindow();
    });
    if (const QByteArray probe = qgetenv("EXEGIA_TEST_PROBE"); !probe.isEmpty())
        installTestProbe(window, probe);
    // For start-up measurements: the wall clock at the first painted frame.
    if (qEnvironmentVariableIsSet("EXEGIA_STARTUP_PROBE")) {
        QObject::connect(&window, &MainWindow::firstPainted, &window, [] {
            std::fprintf(stderr, "first-paint-epoch-ms %lld\n",
                         static_cast<long long>(QDateTime::currentMSecsSinceEpoch()));
            std::fflush(stderr);
        });
    }
    window.show();
    const int status = app.exec();
    // Signed in just before quitting: give the keychain a moment to take
    // the session, or the next start would ask to sign in again.
    if (QFuture<bool> saved = window.model()->sessionSaved(); !saved.isFinished()) {
        QEventLoop wait;
        saved.then(&wait, [&wait](bool) { wait.quit(); });
        QTimer::singleShot(3000, &wait, &QEventLoop::quit);
        wait.exec();
    }
    return status;
}
