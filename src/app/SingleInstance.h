#pragma once

#include <QCoreApplication>
#include <QLockFile>
#include <QString>

#include <memory>

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

    // True when this copy now holds the lock (until destruction).
    bool acquire();
    // The running copy's process id, when acquire() failed because of it.
    qint64 otherPid() const { return m_otherPid; }
    QString lockFilePath() const { return m_path; }
    // What the second copy tells the person.
    static QString alreadyRunningMessage();

private:
    QString m_path;
    std::unique_ptr<QLockFile> m_lock;
    qint64 m_otherPid = 0;
};

} // namespace exegia::signin
