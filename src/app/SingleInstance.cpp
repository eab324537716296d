#include "SingleInstance.h"

#include <QDir>
#include <QLocalServer>
#include <QLocalSocket>

namespace {
// The whole message: "come to the front". Nothing else is ever read.
constexpr char kShow[] = "show\n";
} // namespace

namespace exegia::signin {

SingleInstance::SingleInstance(const QString &directory)
    : m_path(QDir(directory).filePath(QStringLiteral("exegia-signin.lock")))
    , m_socketPath(QDir(directory).filePath(QStringLiteral("exegia-signin.socket")))
{
    QDir().mkpath(directory);
}

SingleInstance::~SingleInstance() = default;

bool SingleInstance::listen(std::function<void()> activate)
{
    if (!m_lock || !m_lock->isLocked())
        return false;
    m_server = std::make_unique<QLocalServer>();
    m_server->setSocketOptions(QLocalServer::UserAccessOption);
    // Holding the lock means a socket file left here belongs to a copy that
    // died.
    QLocalServer::removeServer(m_socketPath);
    if (!m_server->listen(m_socketPath)) {
        m_server.reset();
        return false;
    }
    QLocalServer *server = m_server.get();
    QObject::connect(server, &QLocalServer::newConnection, server, [server, activate] {
        while (QLocalSocket *socket = server->nextPendingConnection()) {
            QObject::connect(socket, &QLocalSocket::disconnected, socket, &QObject::deleteLater);
            QObject::connect(socket, &QLocalSocket::readyRead, socket, [socket, activate] {
                if (socket->readAll() == QByteArrayView(kShow))
                    activate();
                socket->disconnectFromServer();
            });
        }
    });
    return true;
}

bool SingleInstance::askRunningToShow(int timeoutMs) const
{
    QLocalSocket socket;
    socket.connectToServer(m_socketPath);
    if (!socket.waitForConnected(timeoutMs))
        return false;
    socket.write(kShow);
    return socket.waitForBytesWritten(timeoutMs);
}

bool SingleInstance::acquire()
{
    if (m_lock && m_lock->isLocked())
        return true;
    m_lock = std::make_unique<QLockFile>(m_path);
    // Never stale by age: the app may run for days. A dead owner is still
    // detected (QLockFile compares the pid, host and program name).
    m_lock->setStaleLockTime(0);
    if (m_lock->tryLock(0))
        return true;
    qint64 pid = 0;
    QString host;
    QString app;
    if (m_lock->error() == QLockFile::LockFailedError && m_lock->getLockInfo(&pid, &host, &app))
        m_otherPid = pid;
    m_lock.reset();
    return false;
}

QString SingleInstance::alreadyRunningMessage()
{
    return tr("Exegia Sign-In is already running. Switch to its window: two copies would share "
              "one saved session and could sign each other out.");
}

} // namespace exegia::signin
