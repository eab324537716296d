#include "LocalBackend.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>

#ifdef Q_OS_LINUX
#include <csignal>
#include <sys/prctl.h>
#endif

namespace {

const QString kEmulatorName = QStringLiteral("exegia-auth-emulator");

bool isExecutable(const QString &path)
{
    const QFileInfo info(path);
    return info.isFile() && info.isExecutable();
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
         {appDir.filePath(kEmulatorName),
          appDir.filePath(QStringLiteral("../emulator/") + kEmulatorName)}) {
        if (isExecutable(candidate))
            return QDir::cleanPath(candidate);
    }
    return QStandardPaths::findExecutable(kEmulatorName);
}

void LocalBackend::start(const QString &dataDir)
{
    stop();
    m_started = false;
    const QString program = m_executable.isEmpty() ? findExecutable() : m_executable;
    if (program.isEmpty()) {
        // Let the failure arrive after start() returns, like every other outcome.
        QMetaObject::invokeMethod(
            this,
            [this] {
                emit failed(tr("The local backend (%1) is not installed next to this app or "
                               "on the PATH.")
                                .arg(kEmulatorName));
            },
            Qt::QueuedConnection);
        return;
    }

    QStringList args{QStringLiteral("--port"), QStringLiteral("0")};
    if (dataDir.isEmpty()) {
        args << QStringLiteral("--in-memory");
    } else if (!QDir().mkpath(dataDir)) {
        QMetaObject::invokeMethod(
            this,
            [this, dataDir] {
                emit failed(tr("The folder for local data (%1) could not be created.")
                                .arg(QDir::toNativeSeparators(dataDir)));
            },
            Qt::QueuedConnection);
        return;
    } else {
        args << QStringLiteral("--data") << dataDir;
    }

    args << m_extraArguments;
    m_process = new QProcess(this);
    // The emulator's log goes to our stderr, where a developer can see it.
    m_process->setProcessChannelMode(QProcess::ForwardedErrorChannel);
#ifdef Q_OS_LINUX
    // If the app dies without running its destructors (SIGTERM at logout, a
    // crash, kill -9), the kernel stops the emulator too instead of leaving
    // it running with the user's data folder open. Runs in the child between
    // fork and exec: only async-signal-safe calls.
    m_process->setChildProcessModifier([] { ::prctl(PR_SET_PDEATHSIG, SIGTERM); });
#endif
    connect(m_process, &QProcess::readyReadStandardOutput, this, &LocalBackend::readStartLine);
    connect(m_process, &QProcess::errorOccurred, this, [this](QProcess::ProcessError error) {
        if (error == QProcess::FailedToStart)
            fail(tr("The local backend could not be started: %1").arg(m_process->errorString()));
    });
    connect(m_process, &QProcess::finished, this, [this](int exitCode, QProcess::ExitStatus) {
        if (!m_started)
            fail(tr("The local backend stopped while starting (exit code %1). Another copy of "
                    "this app may be using its data folder.")
                     .arg(exitCode));
    });
    m_startTimeout.start();
    m_process->start(program, args, QIODevice::ReadOnly);
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
    m_mailbox = QUrl(info.value(u"mailbox").toString(), QUrl::StrictMode);
    m_googleIssuer =
        QUrl(info.value(u"issuers").toObject().value(u"google").toString(), QUrl::StrictMode);
    m_googleClientId = info.value(u"client_ids").toObject().value(u"google").toString();
    emit ready();
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
