#pragma once

#include <exegia/auth/TokenStore.h>

#include <QUrl>

namespace exegia::auth {

// The stored session in the OS keychain through QtKeychain (libsecret /
// Secret Service on Linux, Keychain on macOS, Credential Manager on
// Windows). One entry per project URL, so sessions of several projects
// never mix: service `serviceName`, key keyFor(projectUrl), value a small
// JSON object {v, refresh_token, user_id, expires_at}.
//
// Never falls back to a plain file (setInsecureFallback(false)): without a
// keychain every call fails with TokenStoreError(Unavailable) and the caller
// keeps the session in memory only.
class KeychainTokenStore : public TokenStore
{
public:
    explicit KeychainTokenStore(const QUrl &projectUrl,
                                const QString &serviceName = defaultServiceName());

    QFuture<std::optional<StoredSession>> load() override;
    QFuture<void> save(const StoredSession &session) override;
    QFuture<void> clear() override;

    const QString &serviceName() const { return m_service; }
    const QString &key() const { return m_key; }

    static QString defaultServiceName() { return QStringLiteral("Exegia Sign-In"); }
    // "session:<scheme>://<host>[:<port>]<path>", lower-cased host, no
    // trailing slash, no query, user info or fragment: two spellings of the
    // same project share one entry, two projects never do. Readable on
    // purpose, since people see it in their keychain manager.
    static QString keyFor(const QUrl &projectUrl);

    // The JSON value, both ways; nothing when `json` is not ours.
    static QByteArray encode(const StoredSession &session);
    static std::optional<StoredSession> decode(const QByteArray &json);

private:
    QString m_service;
    QString m_key;
};

} // namespace exegia::auth
