#include "sessions.h"

#include "accounts.h"
#include "backend.h"
#include "crypto.h"
#include "errors.h"
#include "jwt.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace exegia::emulator {

namespace {

bool claimTypesValid(const QJsonObject &claims)
{
    auto is = [&](const QString &key, QJsonValue::Type type) {
        const QJsonValue value = claims.value(key);
        return value.isUndefined() || value.isNull() || value.type() == type;
    };
    for (const QString &key :
         {u"sub"_qs, u"role"_qs, u"email"_qs, u"phone"_qs, u"session_id"_qs, u"aal"_qs, u"iss"_qs})
        if (!is(key, QJsonValue::String))
            return false;
    return is(u"is_anonymous"_qs, QJsonValue::Bool) && is(u"app_metadata"_qs, QJsonValue::Object) &&
           is(u"user_metadata"_qs, QJsonValue::Object) && is(u"amr"_qs, QJsonValue::Array) &&
           is(u"iat"_qs, QJsonValue::Double);
}

} // namespace

Sessions::Sessions(Backend &backend, Accounts &accounts)
    : m_backend(backend)
    , m_accounts(accounts)
{}

QByteArray Sessions::newRefreshToken(const QString &sessionId, const QString &parent)
{
    QByteArray token = crypto::randomToken(24);
    m_backend.db().exec(
        u"INSERT INTO refresh_tokens (token, session_id, parent, created_at) VALUES (?, ?, ?, ?)"_qs,
        {QString::fromLatin1(token), sessionId, parent.isEmpty() ? QVariant() : QVariant(parent),
         Backend::now()});
    return token;
}

QJsonObject Sessions::start(const QString &userId, const QString &amrMethod)
{
    const QString sessionId = crypto::uuid();
    const QString now = Backend::isoNow();
    const QJsonArray amr{QJsonObject{{u"method"_qs, amrMethod}, {u"timestamp"_qs, Backend::now()}}};
    Database &db = m_backend.db();
    db.exec(
        u"INSERT INTO sessions (id, user_id, amr, created_at, updated_at) VALUES (?, ?, ?, ?, ?)"_qs,
        {sessionId, userId, QString::fromUtf8(QJsonDocument(amr).toJson(QJsonDocument::Compact)),
         now, now});
    m_accounts.recordSignIn(userId);
    return tokenResponse(userId, sessionId, newRefreshToken(sessionId, {}));
}

QJsonObject Sessions::tokenResponse(const QString &userId, const QString &sessionId,
                                    const QByteArray &refreshToken)
{
    const QJsonObject user = m_accounts.userJson(userId);
    const QByteArray amr = m_backend.db()
                               .value(u"SELECT amr FROM sessions WHERE id = ?"_qs, {sessionId})
                               .toByteArray();
    const qint64 iat = Backend::now();
    const qint64 exp = iat + m_backend.config().jwtExp;
    const QJsonObject claims{{u"iss"_qs, m_backend.authIssuer()},
                             {u"sub"_qs, userId},
                             {u"aud"_qs, u"authenticated"_qs},
                             {u"exp"_qs, exp},
                             {u"iat"_qs, iat},
                             {u"email"_qs, user.value(u"email")},
                             {u"phone"_qs, u""_qs},
                             {u"app_metadata"_qs, user.value(u"app_metadata")},
                             {u"user_metadata"_qs, user.value(u"user_metadata")},
                             {u"role"_qs, u"authenticated"_qs},
                             {u"aal"_qs, u"aal1"_qs},
                             {u"amr"_qs, QJsonDocument::fromJson(amr).array()},
                             {u"session_id"_qs, sessionId},
                             {u"is_anonymous"_qs, user.value(u"is_anonymous")}};
    return {{u"access_token"_qs,
             QString::fromLatin1(jwt::signHs256(claims, m_backend.config().jwtSecret))},
            {u"token_type"_qs, u"bearer"_qs},
            {u"expires_in"_qs, m_backend.config().jwtExp},
            {u"expires_at"_qs, exp},
            {u"refresh_token"_qs, QString::fromLatin1(refreshToken)},
            {u"user"_qs, user}};
}

Reply Sessions::refresh(const Request &request, const QByteArray &refreshToken)
{
    Database &db = m_backend.db();
    Database::Transaction tx(db);
    const auto row = db.row(u"SELECT r.*, s.user_id FROM refresh_tokens r JOIN sessions s "
                            "ON s.id = r.session_id WHERE r.token = ?"_qs,
                            {QString::fromLatin1(refreshToken)});
    if (!row)
        return authError(request, 400, u"refresh_token_not_found"_qs,
                         u"Invalid Refresh Token: Refresh Token Not Found"_qs);
    const QString sessionId = (*row)[u"session_id"_qs].toString();
    const QString userId = (*row)[u"user_id"_qs].toString();
    const QString token = (*row)[u"token"_qs].toString();

    if ((*row)[u"revoked"_qs].toBool()) {
        // Inside the reuse interval a spent token answers with the session's
        // current token (concurrent refreshes); outside it, reuse looks like
        // theft and the whole session goes.
        const qint64 revokedAt = (*row)[u"revoked_at"_qs].toLongLong();
        if (Backend::now() - revokedAt <= m_backend.config().refreshReuseInterval) {
            const QByteArray active =
                db.value(u"SELECT token FROM refresh_tokens WHERE session_id = ? AND revoked = 0 "
                         "ORDER BY id DESC LIMIT 1"_qs,
                         {sessionId})
                    .toByteArray();
            if (!active.isEmpty()) {
                tx.commit();
                return Reply::json(200, tokenResponse(userId, sessionId, active));
            }
        }
        db.exec(u"DELETE FROM sessions WHERE id = ?"_qs, {sessionId});
        tx.commit();
        return authError(request, 400, u"refresh_token_already_used"_qs,
                         u"Invalid Refresh Token: Already Used"_qs);
    }

    db.exec(u"UPDATE refresh_tokens SET revoked = 1, revoked_at = ? WHERE token = ?"_qs,
            {Backend::now(), token});
    const QByteArray next = newRefreshToken(sessionId, token);
    db.exec(u"UPDATE sessions SET updated_at = ? WHERE id = ?"_qs, {Backend::isoNow(), sessionId});
    m_accounts.recordSignIn(userId);
    tx.commit();
    return Reply::json(200, tokenResponse(userId, sessionId, next));
}

std::variant<Caller, Reply> Sessions::authenticate(const Request &request)
{
    const QByteArray token = request.bearerToken();
    if (token.isEmpty())
        return authError(request, 401, u"no_authorization"_qs,
                         u"This endpoint requires a valid Bearer token"_qs);
    const jwt::Decoded decoded =
        jwt::verifyHs256(token, m_backend.config().jwtSecret, Backend::now());
    switch (decoded.status) {
    case jwt::Status::Ok:
        break;
    case jwt::Status::Expired:
        return authError(request, 403, u"bad_jwt"_qs,
                         u"invalid JWT: unable to parse or verify signature, token has invalid "
                         "claims: token is expired"_qs);
    case jwt::Status::BadSignature:
        return authError(
            request, 403, u"bad_jwt"_qs,
            u"invalid JWT: unable to parse or verify signature, signature is invalid"_qs);
    default:
        return authError(
            request, 403, u"bad_jwt"_qs,
            u"invalid JWT: unable to parse or verify signature, token is malformed"_qs);
    }
    // GoTrue decodes the claims into typed fields; a claim of the wrong type
    // makes the whole token unreadable.
    if (!claimTypesValid(decoded.payload))
        return authError(request, 403, u"bad_jwt"_qs,
                         u"invalid JWT: unable to parse or verify signature, token claims have the "
                         "wrong types"_qs);
    const QString sub = decoded.payload.value(u"sub").toString();
    if (!crypto::isUuid(sub))
        return authError(request, 403, u"bad_jwt"_qs, u"invalid claim: missing sub claim"_qs);
    if (!m_accounts.user(sub))
        return authError(request, 403, u"user_not_found"_qs,
                         u"User from sub claim in JWT does not exist"_qs);
    const QString sessionId = decoded.payload.value(u"session_id").toString();
    if (sessionId.isEmpty() ||
        m_backend.db()
            .value(u"SELECT 1 FROM sessions WHERE id = ? AND user_id = ?"_qs, {sessionId, sub})
            .isNull())
        return authError(request, 403, u"session_not_found"_qs,
                         u"Session from session_id claim in JWT does not exist"_qs);
    return Caller{sub, sessionId, decoded.payload};
}

void Sessions::logout(const Caller &caller, const QString &scope)
{
    Database &db = m_backend.db();
    if (scope == u"global")
        db.exec(u"DELETE FROM sessions WHERE user_id = ?"_qs, {caller.userId});
    else if (scope == u"others")
        db.exec(u"DELETE FROM sessions WHERE user_id = ? AND id <> ?"_qs,
                {caller.userId, caller.sessionId});
    else
        db.exec(u"DELETE FROM sessions WHERE id = ?"_qs, {caller.sessionId});
}

} // namespace exegia::emulator
