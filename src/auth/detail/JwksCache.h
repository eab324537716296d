#pragma once

#include "detail/TokenVerifier.h"

#include <exegia/auth/Transport.h>

#include <QDeadlineTimer>
#include <QFuture>
#include <QList>
#include <QObject>

#include <chrono>
#include <optional>

namespace exegia::auth::detail {

// The project's JWT signing keys (GET /auth/v1/.well-known/jwks.json, with
// the API key, through the client's Transport), cached as the server's
// Cache-Control allows (docs/wire.md "JWT signing keys / getClaims").
// Calls made while a fetch is under way share it. Lives on the client's
// thread; one per AuthClient.
class JwksCache : public QObject
{
    Q_OBJECT
public:
    // The longest a JWKS is kept, whatever max-age says (auth-js: 10 min),
    // and the default when the server gives no max-age.
    static constexpr std::chrono::seconds kMaxAge{600};
    // A token with a kid the cache lacks makes one fetch; another such
    // token within this interval uses the cached keys (an attacker's
    // random kids cannot make the client hammer the server).
    static constexpr std::chrono::seconds kUnknownKidInterval{30};

    explicit JwksCache(Transport *transport, QObject *parent = nullptr);

    // The cached keys while fresh, else the one fetch in flight (started
    // when none is).
    QFuture<QList<PublicKey>> keys();
    // For a token whose kid the keys of keys() lack: a new fetch, unless an
    // unknown kid caused one within kUnknownKidInterval (then keys()).
    QFuture<QList<PublicKey>> refreshForUnknownKid();
    // JWKS requests sent so far (tests, logs).
    int fetchCount() const { return m_fetches; }

    // How long a reply with this Cache-Control may be used: 0 for no-store
    // or no-cache, else max-age bounded to [0, kMaxAge]; kMaxAge without it.
    static std::chrono::seconds lifetime(const QByteArray &cacheControl);

private:
    QFuture<QList<PublicKey>> fetch();
    void store(const HttpReply &reply);

    Transport *m_transport;
    QList<PublicKey> m_keys;
    QDeadlineTimer m_freshUntil;             // expired: fetch on the next call
    QDeadlineTimer m_unknownKidBlockedUntil; // expired: an unknown kid may fetch
    std::optional<QFuture<QList<PublicKey>>> m_inFlight;
    int m_fetches = 0;
};

} // namespace exegia::auth::detail
