#pragma once

#include <QCoreApplication>
#include <QLockFile>
#include <QString>

#include <functional>
#include <memory>

class QLocalServer;
namespace exegia::signin {

// One running copy per user: two copies would share one keychain entry
// and, with single-use refresh tokens, could revoke each other's session
// (and would share the local backend's data folder). A QLockFile in the
// app's data folder says who runs; a lock left by a copy that crashed is
// taken over, because QLockFile checks whether its process still lives.
class SingleInstance
{
    Q_DECLARE_TR_FUNCTIONS(SingleInstance)
public:
    // `directory` holds the lock file (created if missing).
    explicit SingleInstance(const QString &directory);
    ~SingleInstance();

    // True when this copy now holds the lock (until destruction).
    bool acquire();
    // The running copy's process id, when acquire() failed because of it.
    qint64 otherPid() const { return m_otherPid; }
    QString lockFilePath() const { return m_path; }
    // What the second copy tells the person (when the first cannot be asked
    // to come to the front).
    static QString alreadyRunningMessage();

    // The running copy (after acquire()): calls `activate` whenever another
    // copy starts, so it can bring its window to the front.
    bool listen(std::function<void()> activate);
    // A second copy: asks the running one to come to the front. True when
    // the message was delivered.
    bool askRunningToShow(int timeoutMs = 2000) const;

private:
    QString m_path;
    std::unique_ptr<QLockFile> m_lock;
    // A local socket next to the lock file: only this user can reach it.
    QString m_socketPath;
    std::unique_ptr<QLocalServer> m_server;
    qint64 m_otherPid = 0;
};

} // namespace exegia::signin
