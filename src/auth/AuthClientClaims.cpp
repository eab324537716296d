// AuthClient::getClaims: local verification of an access token against the
// project's JWT signing keys (docs/wire.md "JWT signing keys / getClaims").
#include <exegia/auth/AuthClient.h>

#include <exegia/auth/Errors.h>

#include "detail/Chain.h"
#include "detail/JwksCache.h"
#include "detail/Replies.h"
#include "detail/TokenVerifier.h"
#include "detail/Wire.h"

using namespace Qt::StringLiterals;

namespace exegia::auth {

using detail::Completion;
using detail::JwksCache;
using detail::PublicKey;
using detail::SignedToken;
using detail::step;
using detail::TokenVerifier;

namespace {

const PublicKey *keyWithId(const QList<PublicKey> &keys, const QString &kid)
{
    for (const PublicKey &key : keys) {
        if (key.kid == kid)
            return &key;
    }
    return nullptr;
}

QString issuerOf(const ClientConfig &config)
{
    return config.projectUrl.toString(QUrl::StripTrailingSlash) + wire::kAuthPrefix;
}

Claims verified(const SignedToken &token, const PublicKey &key, const QString &issuer)
{
    TokenVerifier::verifySignature(token, key);
    return TokenVerifier::checkClaims(token.payload, issuer, QDateTime::currentDateTimeUtc());
}

} // namespace

JwksCache *AuthClient::jwks()
{
    if (!m_jwks)
        m_jwks = new JwksCache(m_transport, this);
    return m_jwks;
}

QFuture<Claims> AuthClient::claimsFromServer(const QString &accessToken, const QJsonObject &payload)
{
    // As auth-js does for a token it cannot verify itself: the claims are
    // checked here, the signature by the server, whose GET /user accepting
    // the token vouches for it.
    Completion<Claims> done;
    done.guard([&] {
        const Claims claims = TokenVerifier::checkClaims(payload, issuerOf(m_config),
                                                         QDateTime::currentDateTimeUtc());
        step(this, done, getUser(accessToken), [done, claims](const HttpReply &reply) {
            detail::authUser(reply); // throws AuthApiError when the server refuses the token
            done.succeed(claims);
        });
    });
    return done.future();
}

QFuture<Claims> AuthClient::getClaims(const QString &accessToken)
{
    Completion<Claims> done;
    done.guard([&] {
        const SignedToken token = TokenVerifier::split(accessToken);
        const QString alg = token.alg();
        if (alg != wire::kAlgEs256 && alg != wire::kAlgRs256 && alg != wire::kAlgHs256)
            throw ClaimsError(ClaimsError::Kind::UnsupportedAlgorithm, u"alg "_s + alg.left(16));
        if (alg == wire::kAlgHs256 || token.kid().isEmpty()) // a legacy project's token
            return detail::forward(this, done, claimsFromServer(accessToken, token.payload));
        const QString issuer = issuerOf(m_config);
        step(this, done, jwks()->keys(), [=, this](const QList<PublicKey> &keys) {
            if (const PublicKey *key = keyWithId(keys, token.kid()))
                return done.succeed(verified(token, *key, issuer));
            // A kid the cache lacks: the keys may have rotated since.
            step(this, done, jwks()->refreshForUnknownKid(),
                 [=, this](const QList<PublicKey> &fresh) {
                     if (const PublicKey *key = keyWithId(fresh, token.kid()))
                         done.succeed(verified(token, *key, issuer));
                     else if (fresh.isEmpty()) // no usable key: the server decides
                         detail::forward(this, done, claimsFromServer(accessToken, token.payload));
                     else
                         throw ClaimsError(ClaimsError::Kind::UnknownKey,
                                           u"no key has the token's kid"_s);
                 });
        });
    });
    return done.future();
}

} // namespace exegia::auth
