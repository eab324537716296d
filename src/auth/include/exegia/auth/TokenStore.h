#pragma once

#include <QDateTime>
#include <QFuture>
#include <QString>

#include <optional>

namespace exegia::auth {

// What survives a restart. The access token is deliberately not kept: it is
// short-lived and a refresh at start gives a fresh one together with the
// user, so only the refresh token (the one long-lived secret) needs a safe
// place. userId and expiresAt let a caller tell whose session it is and how
// old it is without asking the server.
struct StoredSession
{
    QString refreshToken;
    QString userId;
    QDateTime expiresAt; // the access token's expiry when it was saved

    bool operator==(const StoredSession &) const = default;
};

// Where SessionManager keeps the stored session for one project. Calls are
// asynchronous because OS keychains are (they may even ask the person to
// unlock them); they finish on the caller's thread. Failures are
// TokenStoreError on the future. Implementations must apply calls in the
// order they were made, so a clear() after a save() always wins.
class TokenStore
{
public:
    virtual ~TokenStore() = default;

    // Nothing when no session is stored.
    virtual QFuture<std::optional<StoredSession>> load() = 0;
    // Replaces whatever was stored, in one step.
    virtual QFuture<void> save(const StoredSession &session) = 0;
    // Succeeds when nothing was stored.
    virtual QFuture<void> clear() = 0;
};

} // namespace exegia::auth
