// Verifying and removing factors, and the admin API's factor routes.
#include "MfaApi.h"

#include "AuthApi.h"
#include "Backend.h"
#include "Crypto.h"
#include "Errors.h"
#include "Factors.h"
#include "Sessions.h"
#include "Totp.h"

using namespace Qt::StringLiterals;

namespace exegia::emulator {

namespace {

// validateChallenge: the challenge must be this factor's, unused and fresh.
std::optional<Reply> checkChallenge(const Request &request, Database &db,
                                    const QString &challengeId, const QString &factorId,
                                    int lifetime)
{
    const auto row = db.row(u"SELECT * FROM mfa_challenges WHERE id = ? AND factor_id = ?"_s,
                            {challengeId, factorId});
    if (!row)
        return authError(request, 422, u"mfa_factor_not_found"_s,
                         u"MFA factor with the provided challenge ID not found"_s);
    // GoTrue answers a spent challenge with its IP-mismatch error.
    if (!(*row)[u"verified_at"_s].isNull())
        return authError(request, 422, u"mfa_ip_address_mismatch"_s,
                         u"Challenge and verify IP addresses mismatch."_s);
    if ((*row)[u"created_at"_s].toLongLong() + lifetime < Backend::now()) {
        db.exec(u"DELETE FROM mfa_challenges WHERE id = ?"_s, {challengeId});
        return authError(request, 422, u"mfa_challenge_expired"_s,
                         u"MFA challenge %1 has expired, verify against another challenge or "
                         "create a new challenge."_s.arg(challengeId));
    }
    return std::nullopt;
}

} // namespace

Reply MfaApi::verify(const Request &request, const Caller &caller, const QVariantMap &factor)
{
    auto parsed = jsonObjectBody(request);
    if (auto *error = std::get_if<Reply>(&parsed))
        return *error;
    const QJsonObject body = std::get<QJsonObject>(parsed);
    QString challengeId, code;
    if (!optionalString(body, u"challenge_id"_s, &challengeId) ||
        !optionalString(body, u"code"_s, &code) ||
        (!challengeId.isEmpty() && !crypto::isUuid(challengeId)))
        return wrongFieldType(request);
    if (code.isEmpty())
        return authError(request, 400, u"validation_failed"_s, u"Code needs to be non-empty"_s);

    Database &db = m_backend.db();
    Database::Transaction tx(db);
    const QString factorId = factor[u"id"_s].toString();
    if (auto refused = checkChallenge(request, db, challengeId, factorId,
                                      m_backend.config().mfaChallengeExp)) {
        tx.commit(); // keeps the deletion of an expired challenge
        return *refused;
    }
    const auto secret = totp::fromBase32(factor[u"secret"_s].toString());
    const std::optional<quint64> match =
        secret ? totp::matchingStep(*secret, code, Backend::now()) : std::nullopt;
    const qint64 step = match ? qint64(*match) : -1;
    // RFC 6238 section 5.2: a code accepted once is not accepted again (GoTrue
    // itself only refuses a spent challenge).
    const QVariant lastUsed = factor[u"last_used_step"_s];
    if (step < 0 || (!lastUsed.isNull() && step <= lastUsed.toLongLong()))
        return authError(request, 422, u"mfa_verification_failed"_s,
                         u"Invalid TOTP code entered"_s);

    const qint64 now = Backend::now();
    db.exec(u"UPDATE mfa_challenges SET verified_at = ? WHERE id = ?"_s, {now, challengeId});
    db.exec(u"UPDATE mfa_factors SET status = 'verified', last_used_step = ?, updated_at = ? "
            "WHERE id = ?"_s,
            {step, Backend::isoNow(), factorId});
    // DeleteUnverifiedFactors: the other pending TOTP enrolments go.
    db.exec(u"DELETE FROM mfa_factors WHERE user_id = ? AND status = 'unverified' AND "
            "factor_type = 'totp'"_s,
            {caller.userId});
    const QJsonObject session = m_sessions.addSecondFactor(caller, u"totp"_s, factorId);
    tx.commit();
    return Reply::json(200, session);
}

Reply MfaApi::unenroll(const Request &request, const Caller &caller, const QVariantMap &factor)
{
    if (factor[u"status"_s].toString() == u"verified" &&
        mfa::sessionAssurance(m_backend.db(), caller.sessionId) != u"aal2")
        return authError(request, 422, u"insufficient_aal"_s,
                         u"AAL2 required to unenroll verified factor"_s);
    Database &db = m_backend.db();
    Database::Transaction tx(db);
    mfa::deleteFactor(db, factor[u"id"_s].toString());
    tx.commit();
    return Reply::json(200, QJsonObject{{u"id"_s, factor[u"id"_s].toString()}});
}

Reply MfaApi::adminFactors(const Request &request)
{
    // /auth/v1/admin/users/{user_id}/factors[/{factor_id}][/]
    QStringList parts = request.path.split(u'/');
    if (parts.last().isEmpty())
        parts.removeLast();
    const QString userId = parts.value(5);
    const QString factorId = parts.value(7);
    const bool known = parts.size() <= 8 && parts.value(6) == u"factors" &&
                       (request.method == "GET" ? parts.size() == 7 : parts.size() == 8);
    if (request.bearerToken() != m_backend.serviceRoleKey())
        return authError(request, 403, u"not_admin"_s, u"User not allowed"_s);
    if (!known)
        return authError(request, 404, u"not_found"_s, u"Not Found"_s);
    Database &db = m_backend.db();
    if (!crypto::isUuid(userId))
        return authError(request, 404, u"validation_failed"_s, u"user_id must be an UUID"_s);
    if (db.value(u"SELECT 1 FROM users WHERE id = ?"_s, {userId}).isNull())
        return authError(request, 404, u"user_not_found"_s, u"User not found"_s);
    if (request.method == "GET")
        return Reply::json(200, mfa::factorsJson(db, userId));
    if (!crypto::isUuid(factorId))
        return authError(request, 404, u"validation_failed"_s, u"factor_id must be an UUID"_s);
    const auto factor = mfa::ownedFactor(db, userId, factorId);
    if (!factor)
        return authError(request, 404, u"mfa_factor_not_found"_s, u"Factor not found"_s);
    Database::Transaction tx(db);
    mfa::deleteFactor(db, factorId);
    tx.commit();
    return Reply::json(200, mfa::factorJson(*factor));
}

} // namespace exegia::emulator
