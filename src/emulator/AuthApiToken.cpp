// POST /auth/v1/token: the refresh, ID-token and PKCE grants.
#include "Accounts.h"
#include "AuthApi.h"
#include "Backend.h"
#include "Crypto.h"
#include "Errors.h"
#include "IdentityProvider.h"
#include "Jwt.h"
#include "Sessions.h"

using namespace Qt::StringLiterals;

namespace exegia::emulator {

Reply AuthApi::token(const Request &request)
{
    const QString grant = request.param(u"grant_type"_s);
    if (grant != u"refresh_token" && grant != u"id_token" && grant != u"pkce")
        // As supabase/auth's Token handler answers any grant it lacks.
        return authError(request, 400, u"invalid_credentials"_s, u"unsupported_grant_type"_s);
    auto parsed = jsonObjectBody(request);
    if (auto *error = std::get_if<Reply>(&parsed))
        return *error;
    const QJsonObject body = std::get<QJsonObject>(parsed);
    if (grant == u"refresh_token")
        return refreshGrant(request, body);
    if (grant == u"id_token")
        return idTokenGrant(request, body);
    return pkceGrant(request, body);
}

Reply AuthApi::refreshGrant(const Request &request, const QJsonObject &body)
{
    QString refreshToken;
    if (!optionalString(body, u"refresh_token"_s, &refreshToken))
        return authError(request, 400, u"bad_json"_s,
                         u"Could not parse request body as JSON: refresh_token must be a string"_s);
    if (refreshToken.isEmpty())
        return authError(request, 400, u"validation_failed"_s, u"refresh_token required"_s);
    return m_sessions.refresh(request, refreshToken.toUtf8());
}

Reply AuthApi::idTokenGrant(const Request &request, const QJsonObject &body)
{
    QString provider, idToken, accessToken, nonce;
    if (!optionalString(body, u"provider"_s, &provider) ||
        !optionalString(body, u"id_token"_s, &idToken) ||
        !optionalString(body, u"access_token"_s, &accessToken) ||
        !optionalString(body, u"nonce"_s, &nonce))
        return wrongFieldType(request);
    const QJsonValue link = body.value(u"link_identity");
    if (!link.isUndefined() && !link.isNull() && !link.isBool())
        return authError(
            request, 400, u"bad_json"_s,
            u"Could not parse request body as JSON: link_identity must be a boolean"_s);
    if (idToken.isEmpty())
        return oauthError(u"invalid request"_s, u"id_token required"_s);
    if (provider.isEmpty())
        return oauthError(u"invalid request"_s, u"provider or client_id and issuer required"_s);
    if (!Backend::isIdpProvider(provider))
        return authError(request, 400, u"provider_disabled"_s,
                         u"Custom OIDC provider \"%1\" not allowed"_s.arg(provider));

    const IdentityProvider::Verified verified = m_idp.verifyIdToken(provider, idToken.toUtf8());
    if (!verified.error.isEmpty())
        return oauthError(u"invalid request"_s, verified.error);

    if (auto refused = checkIdTokenBinding(verified.claims, nonce, accessToken))
        return *refused;

    const ProviderIdentity identity =
        IdentityProvider::identityFromClaims(provider, verified.claims);
    Database::Transaction tx(m_backend.db());
    QString userId;
    if (link.toBool()) {
        auto linked = linkToCaller(request, provider, identity);
        if (auto *error = std::get_if<Reply>(&linked))
            return *error;
        userId = std::get<QString>(linked);
    } else {
        userId = m_accounts.signInWithIdentity(identity);
    }
    return sessionReply(tx, userId, u"oauth"_s);
}

// The ID token must be bound to this request: the nonce rule (both absent,
// or the token carries SHA-256 hex of the raw one) and the access token's at_hash.
std::optional<Reply> AuthApi::checkIdTokenBinding(const QJsonObject &claims, const QString &nonce,
                                                  const QString &accessToken) const
{
    const QString tokenNonce = claims.value(u"nonce").toString();
    if (tokenNonce.isEmpty() != nonce.isEmpty())
        return oauthError(u"invalid request"_s,
                          u"Passed nonce and nonce in id_token should either both exist or not."_s);
    if (!nonce.isEmpty() &&
        !crypto::constantTimeEquals(crypto::sha256Hex(nonce.toUtf8()), tokenNonce.toUtf8()))
        return oauthError(u"invalid nonce"_s, u"Nonces mismatch"_s);

    const QString atHash = claims.value(u"at_hash").toString();
    if (!accessToken.isEmpty() && !atHash.isEmpty() &&
        !crypto::constantTimeEquals(
            crypto::base64Url(crypto::sha256(accessToken.toUtf8()).left(16)), atHash.toUtf8()))
        return oauthError(u"invalid request"_s, u"Bad ID token"_s);

    return std::nullopt;
}

// link_identity=true: adds the identity to the signed-in caller.
std::variant<QString, Reply> AuthApi::linkToCaller(const Request &request, const QString &provider,
                                                   const ProviderIdentity &identity)
{
    auto caller = linkingCaller(request);
    if (auto *error = std::get_if<Reply>(&caller))
        return *error;
    const QString userId = std::get<QString>(caller);
    const QString failure = m_accounts.linkIdentity(userId, identity);
    if (failure == u"identity_already_exists")
        return authError(request, 422, failure, u"Identity is already linked to another user"_s);
    if (failure == u"email_not_confirmed")
        return authError(request, 422, failure,
                         u"Unverified email with %1. A confirmation email has been sent to your "
                         "%1 email"_s.arg(provider));
    if (!failure.isEmpty())
        return authError(request, 403, failure, u"User from sub claim in JWT does not exist"_s);
    return userId;
}

Reply AuthApi::pkceGrant(const Request &request, const QJsonObject &body)
{
    QString authCode, verifier;
    if (!optionalString(body, u"auth_code"_s, &authCode) ||
        !optionalString(body, u"code_verifier"_s, &verifier))
        return wrongFieldType(request);
    if (authCode.isEmpty() || verifier.isEmpty())
        return authError(
            request, 400, u"validation_failed"_s,
            u"invalid request: both auth code and code verifier should be non-empty"_s);

    Database &db = m_backend.db();
    Database::Transaction tx(db);
    const auto flow = db.row(u"SELECT * FROM flow_states WHERE auth_code = ?"_s, {authCode});
    if (!flow)
        return authError(request, 404, u"flow_state_not_found"_s,
                         u"invalid flow state, no valid flow state found"_s);
    if ((*flow)[u"created_at"_s].toLongLong() + m_backend.config().flowExp < Backend::now()) {
        db.exec(u"DELETE FROM flow_states WHERE id = ?"_s, {(*flow)[u"id"_s]});
        tx.commit();
        return authError(request, 422, u"flow_state_expired"_s,
                         u"invalid flow state, flow state has expired"_s);
    }
    const QByteArray challenge = (*flow)[u"code_challenge"_s].toByteArray();
    const QByteArray computed = (*flow)[u"challenge_method"_s].toString() == u"plain"
                                    ? verifier.toUtf8()
                                    : crypto::base64Url(crypto::sha256(verifier.toUtf8()));
    if (!crypto::constantTimeEquals(computed, challenge))
        return authError(request, 400, u"bad_code_verifier"_s,
                         u"code challenge does not match previously saved code verifier"_s);
    const QString userId = (*flow)[u"user_id"_s].toString();
    db.exec(u"DELETE FROM flow_states WHERE id = ?"_s, {(*flow)[u"id"_s]});
    if (!m_accounts.user(userId))
        return authError(request, 404, u"user_not_found"_s, u"User not found"_s);
    return sessionReply(tx, userId, u"oauth"_s);
}

} // namespace exegia::emulator
