#include "Sessions.h"

#include "Accounts.h"
#include "Backend.h"
#include "Crypto.h"
#include "Errors.h"
#include "Jwt.h"

#include <QJsonArray>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace exegia::emulator {

namespace {

bool claimTypesValid(const QJsonObject &claims)
{
    auto is = [&](const QString &key, QJsonValue::Type type) {
        const QJsonValue value = claims.value(key);
        return value.isUndefined() || value.isNull() || value.type() == type;
    };
    for (const QString &key :
         {u"sub"_s, u"role"_s, u"email"_s, u"phone"_s, u"session_id"_s, u"aal"_s, u"iss"_s})
        if (!is(key, QJsonValue::String))
            return false;
    return is(u"is_anonymous"_s, QJsonValue::Bool) && is(u"app_metadata"_s, QJsonValue::Object) &&
           is(u"user_metadata"_s, QJsonValue::Object) && is(u"amr"_s, QJsonValue::Array) &&
           is(u"iat"_s, QJsonValue::Double);
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
        u"INSERT INTO refresh_tokens (token, session_id, parent, created_at) VALUES (?, ?, ?, ?)"_s,
        {QString::fromLatin1(token), sessionId, parent.isEmpty() ? QVariant() : QVariant(parent),
         Backend::now()});
    return token;
}

QJsonObject Sessions::start(const QString &userId, const QString &amrMethod)
{
    const QString sessionId = crypto::uuid();
    const QString now = Backend::isoNow();
    const QJsonArray amr{QJsonObject{{u"method"_s, amrMethod}, {u"timestamp"_s, Backend::now()}}};
    Database &db = m_backend.db();
    db.exec(
        u"INSERT INTO sessions (id, user_id, amr, created_at, updated_at) VALUES (?, ?, ?, ?, ?)"_s,
        {sessionId, userId, QString::fromUtf8(QJsonDocument(amr).toJson(QJsonDocument::Compact)),
         now, now});
    m_accounts.recordSignIn(userId);
    return tokenResponse(userId, sessionId, newRefreshToken(sessionId, {}));
}

QJsonObject Sessions::tokenResponse(const QString &userId, const QString &sessionId,
                                    const QByteArray &refreshToken)
{
    const QJsonObject user = m_accounts.userJson(userId);
    const QByteArray amr =
        m_backend.db().value(u"SELECT amr FROM sessions WHERE id = ?"_s, {sessionId}).toByteArray();
    const qint64 iat = Backend::now();
    const qint64 exp = iat + m_backend.config().jwtExp;
    const QJsonObject claims{{u"iss"_s, m_backend.authIssuer()},
                             {u"sub"_s, userId},
                             {u"aud"_s, u"authenticated"_s},
                             {u"exp"_s, exp},
                             {u"iat"_s, iat},
                             {u"email"_s, user.value(u"email")},
                             {u"phone"_s, u""_s},
                             {u"app_metadata"_s, user.value(u"app_metadata")},
                             {u"user_metadata"_s, user.value(u"user_metadata")},
                             {u"role"_s, u"authenticated"_s},
                             {u"aal"_s, u"aal1"_s},
                             {u"amr"_s, QJsonDocument::fromJson(amr).array()},
                             {u"session_id"_s, sessionId},
                             {u"is_anonymous"_s, user.value(u"is_anonymous")}};
    return {{u"access_token"_s,
             QString::fromLatin1(jwt::signHs256(claims, m_backend.config().jwtSecret))},
            {u"token_type"_s, u"bearer"_s},
            {u"expires_in"_s, m_backend.config().jwtExp},
            {u"expires_at"_s, exp},
            {u"refresh_token"_s, QString::fromLatin1(refreshToken)},
            {u"user"_s, user}};
}

Reply Sessions::refresh(const Request &request, const QByteArray &refreshToken)
{
    Database &db = m_backend.db();
    Database::Transaction tx(db);
    const auto row = db.row(u"SELECT r.*, s.user_id FROM refresh_tokens r JOIN sessions s "
                            "ON s.id = r.session_id WHERE r.token = ?"_s,
                            {QString::fromLatin1(refreshToken)});
    if (!row)
        return authError(request, 400, u"refresh_token_not_found"_s,
                         u"Invalid Refresh Token: Refresh Token Not Found"_s);
    const QString sessionId = (*row)[u"session_id"_s].toString();
    const QString userId = (*row)[u"user_id"_s].toString();
    const QString token = (*row)[u"token"_s].toString();

    if ((*row)[u"revoked"_s].toBool()) {
        // Inside the reuse interval a spent token answers with the session's
        // current token (concurrent refreshes); outside it, reuse looks like
        // theft and the whole session goes.
        const qint64 revokedAt = (*row)[u"revoked_at"_s].toLongLong();
        if (Backend::now() - revokedAt <= m_backend.config().refreshReuseInterval) {
            const QByteArray active =
                db.value(u"SELECT token FROM refresh_tokens WHERE session_id = ? AND revoked = 0 "
                         "ORDER BY id DESC LIMIT 1"_s,
                         {sessionId})
                    .toByteArray();
            if (!active.isEmpty()) {
                tx.commit();
                return Reply::json(200, tokenResponse(userId, sessionId, active));
            }
        }
        db.exec(u"DELETE FROM sessions WHERE id = ?"_s, {sessionId});
        tx.commit();
        return authError(request, 400, u"refresh_token_already_used"_s,
                         u"Invalid Refresh Token: Already Used"_s);
    }

    db.exec(u"UPDATE refresh_tokens SET revoked = 1, revoked_at = ? WHERE token = ?"_s,
            {Backend::now(), token});
    const QByteArray next = newRefreshToken(sessionId, token);
    db.exec(u"UPDATE sessions SET updated_at = ? WHERE id = ?"_s, {Backend::isoNow(), sessionId});
    m_accounts.recordSignIn(userId);
    tx.commit();
    return Reply::json(200, tokenResponse(userId, sessionId, next));
}

std::variant<Caller, Reply> Sessions::authenticate(const Request &request)
{
    const QByteArray token = request.bearerToken();
    if (token.isEmpty())
        return authError(request, 401, u"no_authorization"_s,
                         u"This endpoint requires a valid Bearer token"_s);
    const jwt::Decoded decoded =
        jwt::verifyHs256(token, m_backend.config().jwtSecret, Backend::now());
    switch (decoded.status) {
    case jwt::Status::Ok:
        break;
    case jwt::Status::Expired:
        return authError(request, 403, u"bad_jwt"_s,
                         u"invalid JWT: unable to parse or verify signature, token has invalid "
                         "claims: token is expired"_s);
    case jwt::Status::BadSignature:
        return authError(
            request, 403, u"bad_jwt"_s,
            u"invalid JWT: unable to parse or verify signature, signature is invalid"_s);
    default:
        return authError(request, 403, u"bad_jwt"_s,
                         u"invalid JWT: unable to parse or verify signature, token is malformed"_s);
    }
    // GoTrue decodes the claims into typed fields; a claim of the wrong type
    // makes the whole token unreadable.
    if (!claimTypesValid(decoded.payload))
        return authError(request, 403, u"bad_jwt"_s,
                         u"invalid JWT: unable to parse or verify signature, token claims have the "
                         "wrong types"_s);
    const QString sub = decoded.payload.value(u"sub").toString();
    if (!crypto::isUuid(sub))
        return authError(request, 403, u"bad_jwt"_s, u"invalid claim: missing sub claim"_s);
    if (!m_accounts.user(sub))
        return authError(request, 403, u"user_not_found"_s,
                         u"User from sub claim in JWT does not exist"_s);
    const QString sessionId = decoded.payload.value(u"session_id").toString();
    if (sessionId.isEmpty() ||
        m_backend.db()
            .value(u"SELECT 1 FROM sessions WHERE id = ? AND user_id = ?"_s, {sessionId, sub})
            .isNull())
        return authError(request, 403, u"session_not_found"_s,
                         u"Session from session_id claim in JWT does not exist"_s);
    return Caller{sub, sessionId, decoded.payload};
}

void Sessions::logout(const Caller &caller, const QString &scope)
{
    Database &db = m_backend.db();
    if (scope == u"global")
        db.exec(u"DELETE FROM sessions WHERE user_id = ?"_s, {caller.userId});
    else if (scope == u"others")
        db.exec(u"DELETE FROM sessions WHERE user_id = ? AND id <> ?"_s,
                {caller.userId, caller.sessionId});
    else
        db.exec(u"DELETE FROM sessions WHERE id = ?"_s, {caller.sessionId});
}

} // namespace exegia::emulator
