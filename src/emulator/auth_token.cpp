// POST /auth/v1/token: the refresh, ID-token and PKCE grants.
#include "accounts.h"
#include "auth_api.h"
#include "backend.h"
#include "crypto.h"
#include "errors.h"
#include "identity_provider.h"
#include "jwt.h"
#include "sessions.h"

namespace exegia::emulator {

Reply AuthApi::token(const Request &request)
{
    const QString grant = request.param(u"grant_type"_qs);
    if (grant != u"refresh_token" && grant != u"id_token" && grant != u"pkce")
        return authError(
            request, 400, u"validation_failed"_qs,
            u"unsupported_grant_type: %1"_qs.arg(grant.isEmpty() ? u"(none)"_qs : grant));
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
    if (!optionalString(body, u"refresh_token"_qs, &refreshToken))
        return authError(
            request, 400, u"bad_json"_qs,
            u"Could not parse request body as JSON: refresh_token must be a string"_qs);
    if (refreshToken.isEmpty())
        return authError(request, 400, u"validation_failed"_qs, u"refresh_token required"_qs);
    return m_sessions.refresh(request, refreshToken.toUtf8());
}

Reply AuthApi::idTokenGrant(const Request &request, const QJsonObject &body)
{
    QString provider, idToken, accessToken, nonce;
    if (!optionalString(body, u"provider"_qs, &provider) ||
        !optionalString(body, u"id_token"_qs, &idToken) ||
        !optionalString(body, u"access_token"_qs, &accessToken) ||
        !optionalString(body, u"nonce"_qs, &nonce))
        return authError(request, 400, u"bad_json"_qs,
                         u"Could not parse request body as JSON: a field has the wrong type"_qs);
    const QJsonValue link = body.value(u"link_identity");
    if (!link.isUndefined() && !link.isNull() && !link.isBool())
        return authError(
            request, 400, u"bad_json"_qs,
            u"Could not parse request body as JSON: link_identity must be a boolean"_qs);
    if (idToken.isEmpty())
        return oauthError(u"invalid request"_qs, u"id_token required"_qs);
    if (provider.isEmpty())
        return oauthError(u"invalid request"_qs, u"provider or client_id and issuer required"_qs);
    if (!Backend::isIdpProvider(provider))
        return authError(request, 400, u"provider_disabled"_qs,
                         u"Custom OIDC provider \"%1\" not allowed"_qs.arg(provider));

    const IdentityProvider::Verified verified = m_idp.verifyIdToken(provider, idToken.toUtf8());
    if (!verified.error.isEmpty())
        return oauthError(u"invalid request"_qs, verified.error);

    // Nonce rule: both absent, or the token carries SHA-256 hex of the raw one.
    const QString tokenNonce = verified.claims.value(u"nonce").toString();
    if (tokenNonce.isEmpty() != nonce.isEmpty())
        return oauthError(
            u"invalid request"_qs,
            u"Passed nonce and nonce in id_token should either both exist or not."_qs);
    if (!nonce.isEmpty() &&
        !crypto::constantTimeEquals(crypto::sha256Hex(nonce.toUtf8()), tokenNonce.toUtf8()))
        return oauthError(u"invalid nonce"_qs, u"Nonces mismatch"_qs);

    const QString atHash = verified.claims.value(u"at_hash").toString();
    if (!accessToken.isEmpty() && !atHash.isEmpty() &&
        !crypto::constantTimeEquals(
            crypto::base64Url(crypto::sha256(accessToken.toUtf8()).left(16)), atHash.toUtf8()))
        return oauthError(u"invalid request"_qs, u"Bad ID token"_qs);

    const ProviderIdentity identity =
        IdentityProvider::identityFromClaims(provider, verified.claims);
    Database::Transaction tx(m_backend.db());
    QString userId;
    if (link.toBool()) {
        if (!m_backend.config().linkingEnabled)
            return authError(request, 404, u"manual_linking_disabled"_qs,
                             u"Manual linking is disabled"_qs);
        auto caller = m_sessions.authenticate(request);
        if (auto *error = std::get_if<Reply>(&caller))
            return *error;
        userId = std::get<Caller>(caller).userId;
        const QString failure = m_accounts.linkIdentity(userId, identity);
        if (failure == u"identity_already_exists")
            return authError(request, 422, failure,
                             u"Identity is already linked to another user"_qs);
        if (failure == u"email_not_confirmed")
            return authError(
                request, 422, failure,
                u"Unverified email with %1. A confirmation email has been sent to your "
                "%1 email"_qs.arg(provider));
        if (!failure.isEmpty())
            return authError(request, 403, failure,
                             u"User from sub claim in JWT does not exist"_qs);
    } else {
        userId = m_accounts.signInWithIdentity(identity);
    }
    const QJsonObject session = m_sessions.start(userId, u"oauth"_qs);
    tx.commit();
    return Reply::json(200, session);
}

Reply AuthApi::pkceGrant(const Request &request, const QJsonObject &body)
{
    QString authCode, verifier;
    if (!optionalString(body, u"auth_code"_qs, &authCode) ||
        !optionalString(body, u"code_verifier"_qs, &verifier))
        return authError(request, 400, u"bad_json"_qs,
                         u"Could not parse request body as JSON: a field has the wrong type"_qs);
    if (authCode.isEmpty() || verifier.isEmpty())
        return authError(
            request, 400, u"validation_failed"_qs,
            u"invalid request: both auth code and code verifier should be non-empty"_qs);

    Database &db = m_backend.db();
    Database::Transaction tx(db);
    const auto flow = db.row(u"SELECT * FROM flow_states WHERE auth_code = ?"_qs, {authCode});
    if (!flow)
        return authError(request, 404, u"flow_state_not_found"_qs,
                         u"invalid flow state, no valid flow state found"_qs);
    if ((*flow)[u"created_at"_qs].toLongLong() + m_backend.config().flowExp < Backend::now()) {
        db.exec(u"DELETE FROM flow_states WHERE id = ?"_qs, {(*flow)[u"id"_qs]});
        tx.commit();
        return authError(request, 422, u"flow_state_expired"_qs,
                         u"invalid flow state, flow state has expired"_qs);
    }
    const QByteArray challenge = (*flow)[u"code_challenge"_qs].toByteArray();
    const QByteArray computed = (*flow)[u"challenge_method"_qs].toString() == u"plain"
                                    ? verifier.toUtf8()
                                    : crypto::base64Url(crypto::sha256(verifier.toUtf8()));
    if (!crypto::constantTimeEquals(computed, challenge))
        return authError(request, 400, u"bad_code_verifier"_qs,
                         u"code challenge does not match previously saved code verifier"_qs);
    const QString userId = (*flow)[u"user_id"_qs].toString();
    db.exec(u"DELETE FROM flow_states WHERE id = ?"_qs, {(*flow)[u"id"_qs]});
    if (!m_accounts.user(userId))
        return authError(request, 404, u"user_not_found"_qs, u"User not found"_qs);
    const QJsonObject session = m_sessions.start(userId, u"oauth"_qs);
    tx.commit();
    return Reply::json(200, session);
}

} // namespace exegia::emulator
