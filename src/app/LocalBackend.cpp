#include "LocalBackend.h"

#include <exegia/auth/Redaction.h>

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QStandardPaths>

#ifdef Q_OS_LINUX
#include <csignal>
#include <sys/prctl.h>
#endif

using namespace Qt::StringLiterals;

namespace exegia::signin {

namespace {

Q_LOGGING_CATEGORY(lcBackend, "exegia.signin.backend", QtInfoMsg)

const QString kEmulatorName = u"exegia-auth-emulator"_s;
// Enough for the "could not restart" page to show why.
constexpr qsizetype kRecentLogLines = 20;
// A log line longer than this is cut: the page and the log stay readable.
constexpr qsizetype kMaxLogLine = 2000;

bool isExecutable(const QString &path)
{
    const QFileInfo info(path);
    return info.isFile() && info.isExecutable();
}

// The one place the child's log is cleaned (the library's redaction: JWTs,
// API keys, Bearer credentials, token and code fields).
QString redactedLogLine(const QByteArray &line)
{
    return exegia::auth::Redaction::redact(QString::fromUtf8(line.left(kMaxLogLine)).trimmed());
}

} // namespace

LocalBackend::LocalBackend(QObject *parent)
    : QObject(parent)
{
    m_startTimeout.setSingleShot(true);
    m_startTimeout.setInterval(15000);
    connect(&m_startTimeout, &QTimer::timeout, this,
            [this] { fail(tr("The local backend did not report that it was ready in time.")); });
}

LocalBackend::~LocalBackend()
{
    stop();
}

QString LocalBackend::findExecutable()
{
    const QString fromEnv = qEnvironmentVariable("EXEGIA_EMULATOR");
    if (!fromEnv.isEmpty())
        return fromEnv;
    const QDir appDir(QCoreApplication::applicationDirPath());
    for (const QString &candidate :
         {appDir.filePath(kEmulatorName), appDir.filePath(u"../emulator/"_s + kEmulatorName)}) {
        if (isExecutable(candidate))
            return QDir::cleanPath(candidate);
    }
    return QStandardPaths::findExecutable(kEmulatorName);
}

QProcessEnvironment LocalBackend::childEnvironment(const QProcessEnvironment &ours)
{
    QProcessEnvironment env = ours;
    for (const char *name : {"QT_LOGGING_RULES", "QT_LOGGING_CONF", "QT_DEBUG_PLUGINS",
                             "QT_LOGGING_TO_CONSOLE", "QT_MESSAGE_PATTERN", "QT_FATAL_WARNINGS"})
        env.remove(QString::fromLatin1(name));
    env.insert(u"QT_LOGGING_RULES"_s, u"*.debug=false;qt.httpserver*=false"_s);
    return env;
}

QStringList LocalBackend::arguments(const QString &dataDir, quint16 port) const
{
    QStringList args{u"--port"_s, QString::number(port)};
    if (dataDir.isEmpty())
        args << u"--in-memory"_s;
    else
        args << u"--data"_s << dataDir;
    return args << m_extraArguments;
}

void LocalBackend::failLater(const QString &reason)
{
    // Let the failure arrive after start() returns, like every other outcome.
    QMetaObject::invokeMethod(
        this, [this, reason] { emit failed(reason); }, Qt::QueuedConnection);
}

void LocalBackend::start(const QString &dataDir, quint16 port)
{
    stop();
    m_started = false;
    m_recentLog.clear();
    m_partialLine.clear();
    const QString program = m_executable.isEmpty() ? findExecutable() : m_executable;
    if (program.isEmpty()) {
        failLater(tr("The local backend (%1) is not installed next to this app or on the PATH.")
                      .arg(kEmulatorName));
        return;
    }
    if (!dataDir.isEmpty() && !QDir().mkpath(dataDir)) {
        failLater(tr("The folder for local data (%1) could not be created.")
                      .arg(QDir::toNativeSeparators(dataDir)));
        return;
    }
    startProcess(program, arguments(dataDir, port));
}

void LocalBackend::startProcess(const QString &program, const QStringList &arguments)
{
    m_process = new QProcess(this);
    m_process->setProcessEnvironment(childEnvironment(QProcessEnvironment::systemEnvironment()));
    // The start-up line arrives on stdout; the log on stderr is read here
    // (redacted) instead of going straight to ours.
    m_process->setProcessChannelMode(QProcess::SeparateChannels);
#ifdef Q_OS_LINUX
    // If the app dies without running its destructors (SIGTERM at logout, a
    // crash, kill -9), the kernel stops the emulator too instead of leaving
    // it running with the user's data folder open. Runs in the child between
    // fork and exec: only async-signal-safe calls.
    m_process->setChildProcessModifier([] { ::prctl(PR_SET_PDEATHSIG, SIGTERM); });
#endif
    connect(m_process, &QProcess::readyReadStandardOutput, this, &LocalBackend::readStartLine);
    connect(m_process, &QProcess::readyReadStandardError, this, &LocalBackend::readLog);
    connect(m_process, &QProcess::errorOccurred, this, [this](QProcess::ProcessError error) {
        if (error == QProcess::FailedToStart)
            fail(tr("The local backend could not be started: %1").arg(m_process->errorString()));
    });
    connect(m_process, &QProcess::finished, this, &LocalBackend::processFinished);
    m_startTimeout.start();
    m_process->start(program, arguments, QIODevice::ReadOnly);
}

void LocalBackend::readStartLine()
{
    if (m_started || !m_process->canReadLine())
        return;
    const QByteArray line = m_process->readLine();
    const QJsonObject info = QJsonDocument::fromJson(line).object();
    const QUrl url(info.value(u"url").toString(), QUrl::StrictMode);
    const QString key = info.value(u"publishable_key").toString();
    if (!url.isValid() || url.host().isEmpty() || key.isEmpty()) {
        fail(tr("The local backend started but did not say where it listens."));
        return;
    }
    m_started = true;
    m_startTimeout.stop();
    m_url = url;
    m_publishableKey = key;
    // Newer emulators name the mailbox key secret_key; older ones only
    // print their service_role key, which opens it too.
    m_mailboxKey = info.value(u"secret_key").toString();
    if (m_mailboxKey.isEmpty())
        m_mailboxKey = info.value(u"service_role_key").toString();
    m_mailbox = QUrl(info.value(u"mailbox").toString(), QUrl::StrictMode);
    m_googleIssuer =
        QUrl(info.value(u"issuers").toObject().value(u"google").toString(), QUrl::StrictMode);
    m_googleClientId = info.value(u"client_ids").toObject().value(u"google").toString();
    emit ready();
}

void LocalBackend::readLog()
{
    if (!m_process)
        return;
    m_partialLine += m_process->readAllStandardError();
    qsizetype end;
    while ((end = m_partialLine.indexOf('\n')) >= 0 || m_partialLine.size() > kMaxLogLine) {
        const qsizetype cut = end >= 0 ? end : kMaxLogLine;
        const QString line = redactedLogLine(m_partialLine.left(cut));
        m_partialLine.remove(0, end >= 0 ? cut + 1 : cut);
        if (line.isEmpty())
            continue;
        qCInfo(lcBackend).noquote() << line;
        m_recentLog.append(line);
        if (m_recentLog.size() > kRecentLogLines)
            m_recentLog.removeFirst();
    }
}

void LocalBackend::processFinished(int exitCode, QProcess::ExitStatus status)
{
    readLog();
    if (!m_started) {
        fail(tr("The local backend stopped while starting (exit code %1). Another copy of "
                "this app may be using its data folder.")
                 .arg(exitCode));
        return;
    }
    // Ended by itself: the owner decides whether to start it again.
    QProcess *process = m_process;
    m_process = nullptr;
    m_started = false;
    process->disconnect(this);
    process->deleteLater();
    emit exited(exitCode, status);
}

void LocalBackend::fail(const QString &reason)
{
    if (m_started || !m_process)
        return;
    m_startTimeout.stop();
    // Report once: the process signals below may fire again as it dies.
    QProcess *process = m_process;
    m_process = nullptr;
    process->disconnect(this);
    if (process->state() != QProcess::NotRunning) {
        process->kill();
        process->waitForFinished(1000);
    }
    process->deleteLater();
    emit failed(reason);
}

void LocalBackend::stop()
{
    m_startTimeout.stop();
    if (!m_process)
        return;
    QProcess *process = m_process;
    m_process = nullptr;
    m_started = false;
    process->disconnect(this);
    if (process->state() != QProcess::NotRunning) {
        // The emulator closes its database cleanly on SIGTERM.
        process->terminate();
        if (!process->waitForFinished(3000)) {
            process->kill();
            process->waitForFinished(1000);
        }
    }
    delete process;
}

} // namespace exegia::signin
