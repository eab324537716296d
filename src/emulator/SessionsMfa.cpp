// The MFA side of Sessions: raising a session to aal2 after a verified factor.
#include "Sessions.h"

#include "Backend.h"
#include "Factors.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace exegia::emulator {

namespace {

// GoTrue keeps one claim per method (a repeat only moves its timestamp) and
// hands them out most recent first.
QJsonArray withClaim(const QJsonArray &amr, const QString &method, qint64 now)
{
    // The new claim goes first so that it stays first on a tie of seconds.
    QList<QJsonObject> claims{{{u"method"_s, method}, {u"timestamp"_s, now}}};
    for (const QJsonValue &claim : amr)
        if (claim.toObject().value(u"method").toString() != method)
            claims.append(claim.toObject());
    std::stable_sort(claims.begin(), claims.end(), [](const QJsonObject &a, const QJsonObject &b) {
        return a.value(u"timestamp").toInteger() > b.value(u"timestamp").toInteger();
    });
    QJsonArray sorted;
    for (const QJsonObject &claim : claims)
        sorted.append(claim);
    return sorted;
}

} // namespace

QJsonObject Sessions::addSecondFactor(const Caller &caller, const QString &method,
                                      const QString &factorId)
{
    Database &db = m_backend.db();
    const QJsonArray amr = withClaim(
        QJsonDocument::fromJson(
            db.value(u"SELECT amr FROM sessions WHERE id = ?"_s, {caller.sessionId}).toByteArray())
            .array(),
        method, Backend::now());
    db.exec(u"UPDATE sessions SET amr = ?, updated_at = ? WHERE id = ?"_s,
            {QString::fromUtf8(QJsonDocument(amr).toJson(QJsonDocument::Compact)),
             Backend::isoNow(), caller.sessionId});
    db.exec(u"INSERT OR REPLACE INTO session_factors (session_id, factor_id) VALUES (?, ?)"_s,
            {caller.sessionId, factorId});

    // A new refresh token, as GoTrue swaps it: the aal1 one is spent.
    const QString parent =
        db.value(u"SELECT token FROM refresh_tokens WHERE session_id = ? AND revoked = 0 "
                 "ORDER BY id DESC LIMIT 1"_s,
                 {caller.sessionId})
            .toString();
    db.exec(u"UPDATE refresh_tokens SET revoked = 1, revoked_at = ? WHERE session_id = ? AND "
            "revoked = 0"_s,
            {Backend::now(), caller.sessionId});
    const QByteArray next = newRefreshToken(caller.sessionId, parent);

    // InvalidateSessionsWithAALLessThan: the user's other aal1 sessions end.
    const auto others = db.rows(u"SELECT id, amr FROM sessions WHERE user_id = ? AND id <> ?"_s,
                                {caller.userId, caller.sessionId});
    for (const QVariantMap &other : others) {
        if (mfa::assuranceLevel(QJsonDocument::fromJson(other[u"amr"_s].toByteArray()).array()) !=
            u"aal2")
            db.exec(u"DELETE FROM sessions WHERE id = ?"_s, {other[u"id"_s]});
    }
    return tokenResponse(caller.userId, caller.sessionId, next);
}

} // namespace exegia::emulator
