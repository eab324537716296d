#include "SingleInstance.h"

#include <QDir>

namespace exegia::signin {

SingleInstance::SingleInstance(const QString &directory)
    : m_path(QDir(directory).filePath(QStringLiteral("exegia-signin.lock")))
{
    QDir().mkpath(directory);
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
