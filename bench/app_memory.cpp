// exegia-signin-memory: the app's memory after a sign-in. It opens the real
// MainWindow in local mode (exegia-signin-core, as the app and tests/gui do),
// presses "Continue as guest" and, once signed in, prints the resident set
// of this process (the app) and of the emulator it started. A benchmark, not
// a test: it prints numbers and asserts nothing. Run it under Xvfb or with
// QT_QPA_PLATFORM=offscreen (bench/app_startup.sh does both).
#include "AuthModel.h"
#include "MainWindow.h"

#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QPushButton>
#include <QStandardPaths>
#include <QTimer>

#include <cstdio>
#include <functional>

namespace {

// kB from a /proc/<pid>/status line such as "VmRSS:   51234 kB".
long statusKb(const QString &pid, const QByteArray &field)
{
    QFile file(QStringLiteral("/proc/%1/status").arg(pid));
    if (!file.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : file.readAll().split('\n')) {
        if (line.startsWith(field + ':'))
            return line.mid(field.size() + 1).trimmed().split(' ').value(0).toLong();
    }
    return -1;
}

// The emulator is our only child process; /proc lists children per thread.
QStringList childPids()
{
    QStringList pids;
    const QString self = QString::number(QCoreApplication::applicationPid());
    const QDir tasks(QStringLiteral("/proc/%1/task").arg(self));
    for (const QString &task : tasks.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        QFile children(tasks.filePath(task + QStringLiteral("/children")));
        if (children.open(QIODevice::ReadOnly))
            pids << QString::fromLatin1(children.readAll()).split(u' ', Qt::SkipEmptyParts);
    }
    return pids;
}

// Spins the event loop until `done` or the timeout; true when done.
bool waitFor(const std::function<bool()> &done, int timeoutMs)
{
    QElapsedTimer timer;
    timer.start();
    while (!done() && timer.elapsed() < timeoutMs)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 10);
    return done();
}

} // namespace

using namespace exegia::signin;

int main(int argc, char **argv)
{
    // The app finds the emulator beside itself; this binary lives elsewhere.
    if (!qEnvironmentVariableIsSet("EXEGIA_EMULATOR"))
        qputenv("EXEGIA_EMULATOR", EXEGIA_EMULATOR_PATH);
    // Settings and the keychain entry go to a throw-away test location.
    QStandardPaths::setTestModeEnabled(true);
    QApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("ExegiaBench"));
    QCoreApplication::setApplicationName(QStringLiteral("exegia-signin-memory"));

    MainWindow::Options options;
    options.backend.kind = BackendChoice::Kind::Local;
    options.rememberGeometry = false;
    MainWindow window(options);
    window.show();
    AuthModel *model = window.model();
    if (!waitFor([&] { return model->state() == AuthModel::State::SignedOut; }, 30000)) {
        std::fprintf(stderr, "the local backend did not come up\n");
        return 1;
    }
    const QString self = QString::number(QCoreApplication::applicationPid());
    const long signedOutKb = statusKb(self, "VmRSS");

    auto *guest = window.findChild<QPushButton *>(QStringLiteral("guestButton"));
    if (!guest) {
        std::fprintf(stderr, "no guestButton on the sign-in page\n");
        return 1;
    }
    QElapsedTimer signIn;
    signIn.start();
    guest->click();
    if (!waitFor([&] { return model->state() == AuthModel::State::SignedInGuest; }, 30000)) {
        std::fprintf(stderr, "the guest sign-in did not finish\n");
        return 1;
    }
    const qint64 signInMs = signIn.elapsed();
    // Let the account page lay out and paint before reading the numbers.
    waitFor([] { return false; }, 500);

    std::printf("signed-out window RSS: %ld kB\n", signedOutKb);
    std::printf("guest sign-in took: %lld ms\n", static_cast<long long>(signInMs));
    std::printf("after sign-in, app RSS: %ld kB (peak %ld kB)\n", statusKb(self, "VmRSS"),
                statusKb(self, "VmHWM"));
    for (const QString &pid : childPids())
        std::printf("after sign-in, emulator (pid %s) RSS: %ld kB\n", qUtf8Printable(pid),
                    statusKb(pid, "VmRSS"));
    return 0;
}
