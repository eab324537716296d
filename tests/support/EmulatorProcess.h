#pragma once

#include <QJsonObject>
#include <QProcess>
#include <QString>
#include <QStringList>
#include <QUrl>

namespace exegia::test {

// Runs exegia-auth-emulator as a child process on a free loopback port and
// exposes what it printed on its start-up line. Stopped on destruction.
class EmulatorProcess
{
public:
    EmulatorProcess() = default;
    ~EmulatorProcess();
    EmulatorProcess(const EmulatorProcess &) = delete;
    EmulatorProcess &operator=(const EmulatorProcess &) = delete;

    // Which project the suites run against (a CTest fixture parameter, see
    // tests/CMakeLists.txt): EXEGIA_EMULATOR_MODE=legacy is a project still
    // on the legacy keys (--legacy-keys --signing-key hs256, the client
    // configured with the anon JWT key); unset, a project created today
    // (opaque sb_ keys, ES256 tokens).
    static bool legacyMode();
    // The flags legacyMode() adds to `args` (none outside it): also for an
    // emulator the app starts itself (its local backend, in the GUI tests).
    static QStringList modeArguments(const QStringList &args);

    // Starts with --port 0 and, unless `args` names --data, --in-memory.
    // In legacyMode() also with --legacy-keys and, unless `args` name a
    // signing key, --signing-key hs256.
    // Returns false (and fills `error`) when it does not print its JSON line
    // within `timeoutMs`.
    bool start(const QStringList &args = {}, QString *error = nullptr, int timeoutMs = 15000);
    // SIGTERM and wait; returns the exit code (or -1 when it had to be killed).
    int stop(int timeoutMs = 10000);
    // SIGKILL, as a crash would.
    void kill();
    bool isRunning() const;

    static QString executablePath();

    QUrl url() const { return QUrl(m_info.value(u"url").toString()); }
    QString urlString() const { return m_info.value(u"url").toString(); }
    // The key a client of this project is configured with: the opaque
    // sb_publishable_ key, or in legacyMode() the legacy anon JWT key.
    QString publishableKey() const
    {
        return m_info
            .value(m_legacy ? QStringLiteral("anon_key") : QStringLiteral("publishable_key"))
            .toString();
    }
    // The opaque sb_publishable_ key, in either mode.
    QString opaquePublishableKey() const { return m_info.value(u"publishable_key").toString(); }
    // The legacy JWT keys: only on the start line with --legacy-keys.
    QString anonKey() const { return m_info.value(u"anon_key").toString(); }
    QString serviceRoleKey() const { return m_info.value(u"service_role_key").toString(); }
    // Opens the mailbox and the test hooks (as apikey and Bearer).
    QString secretKey() const { return m_info.value(u"secret_key").toString(); }
    // Only on the start line with --dev-keys or --jwt-secret.
    QString jwtSecret() const { return m_info.value(u"jwt_secret").toString(); }
    QString mailbox() const { return m_info.value(u"mailbox").toString(); }
    QString issuer(const QString &provider) const;
    QString clientId(const QString &provider) const;
    const QJsonObject &info() const { return m_info; }
    QByteArray standardError() const;

private:
    QProcess *m_process = nullptr;
    QJsonObject m_info;
    QByteArray m_stderr;
    bool m_legacy = false;
};

} // namespace exegia::test
