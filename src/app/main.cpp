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

using namespace exegia::signin;
using namespace Qt::StringLiterals;

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

void setApplicationIdentity()
{
    QCoreApplication::setOrganizationName(u"Exegia"_s);
    QCoreApplication::setOrganizationDomain(u"exegia.example"_s);
    QCoreApplication::setApplicationName(u"exegia-signin"_s);
    QCoreApplication::setApplicationVersion(QStringLiteral(EXEGIA_APP_VERSION));
    QGuiApplication::setApplicationDisplayName(u"Exegia Sign-In"_s);
    QGuiApplication::setDesktopFileName(u"exegia-signin"_s);
}

struct Arguments
{
    CommandLineOptions backend;
    QLocale locale;
};

Arguments parseArguments(const QApplication &app)
{
    QCommandLineParser parser;
    const QCommandLineOption urlOption(
        u"url"_s, u"Supabase project URL (overrides SUPABASE_URL)."_s, u"url"_s);
    const QCommandLineOption keyOption(
        u"key"_s, u"Publishable (anon) key (overrides SUPABASE_PUBLISHABLE_KEY)."_s, u"key"_s);
    const QCommandLineOption localOption(u"local"_s, u"Use the local backend on this computer."_s);
    const QCommandLineOption langOption(
        u"lang"_s, u"User interface language, e.g. de or fr (default: the system's)."_s,
        u"language"_s);
    parser.setApplicationDescription(
        u"Sign in to an Exegia (Supabase) project from the desktop."_s);
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addOptions({urlOption, keyOption, localOption, langOption});
    parser.process(app);
    return {{parser.value(urlOption), parser.value(keyOption), parser.isSet(localOption)},
            parser.isSet(langOption) ? QLocale(parser.value(langOption)) : QLocale::system()};
}

// For start-up measurements: the wall clock at the first painted frame.
void installStartupProbe(MainWindow &window)
{
    QObject::connect(&window, &MainWindow::firstPainted, &window, [] {
        std::fprintf(stderr, "first-paint-epoch-ms %lld\n",
                     static_cast<long long>(QDateTime::currentMSecsSinceEpoch()));
        std::fflush(stderr);
    });
}

// Signed in just before quitting: give the keychain a moment to take the
// session, or the next start would ask to sign in again.
void waitForKeychain(const MainWindow &window)
{
    QFuture<bool> saved = window.model()->sessionSaved();
    if (saved.isFinished())
        return;
    QEventLoop wait;
    saved.then(&wait, [&wait](bool) { wait.quit(); });
    QTimer::singleShot(3000, &wait, &QEventLoop::quit);
    wait.exec();
}

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    setApplicationIdentity();
    // The language must be known before anything translatable is created.
    const Arguments arguments = parseArguments(app);
    Translations::install(arguments.locale);

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
        arguments.backend, QProcessEnvironment::systemEnvironment(), SavedSettings::load(settings));
    options.localDataDir = QDir(dataDir).filePath(u"local-backend"_s);

    MainWindow window(options);
    instance.listen([&window] {
        window.setWindowState((window.windowState() & ~Qt::WindowMinimized) | Qt::WindowActive);
        window.show();
        window.raise();
        window.activateWindow();
    });
    if (const QByteArray probe = qgetenv("EXEGIA_TEST_PROBE"); !probe.isEmpty())
        installTestProbe(window, probe);
    if (qEnvironmentVariableIsSet("EXEGIA_STARTUP_PROBE"))
        installStartupProbe(window);
    window.show();
    const int status = app.exec();
    waitForKeychain(window);
    return status;
}
