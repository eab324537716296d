#include "Factors.h"

#include "Database.h"

#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace exegia::emulator::mfa {

bool isSecondFactorMethod(const QString &method)
{
    return method == u"totp" || method == u"mfa/phone" || method == u"mfa/webauthn";
}

QString assuranceLevel(const QJsonArray &amr)
{
    for (const QJsonValue &claim : amr)
        if (isSecondFactorMethod(claim.toObject().value(u"method").toString()))
            return u"aal2"_s;
    return u"aal1"_s;
}

QString sessionAssurance(Database &db, const QString &sessionId)
{
    return assuranceLevel(
        QJsonDocument::fromJson(
            db.value(u"SELECT amr FROM sessions WHERE id = ?"_s, {sessionId}).toByteArray())
            .array());
}

QJsonObject factorJson(const QVariantMap &row)
{
    QJsonObject json{{u"id"_s, row[u"id"_s].toString()},
                     {u"created_at"_s, row[u"created_at"_s].toString()},
                     {u"updated_at"_s, row[u"updated_at"_s].toString()},
                     {u"status"_s, row[u"status"_s].toString()},
                     {u"factor_type"_s, row[u"factor_type"_s].toString()},
                     {u"phone"_s, u""_s},
                     {u"last_challenged_at"_s, QJsonValue::Null}};
    // friendly_name is omitempty in GoTrue's model.
    if (const QString name = row[u"friendly_name"_s].toString(); !name.isEmpty())
        json.insert(u"friendly_name"_s, name);
    if (!row[u"last_challenged_at"_s].isNull())
        json.insert(u"last_challenged_at"_s, row[u"last_challenged_at"_s].toString());
    return json;
}

QJsonArray factorsJson(Database &db, const QString &userId)
{
    QJsonArray factors;
    const auto rows = db.rows(
        u"SELECT * FROM mfa_factors WHERE user_id = ? ORDER BY created_unix, rowid"_s, {userId});
    for (const QVariantMap &row : rows)
        factors.append(factorJson(row));
    return factors;
}

std::optional<QVariantMap> ownedFactor(Database &db, const QString &userId, const QString &factorId)
{
    return db.row(u"SELECT * FROM mfa_factors WHERE id = ? AND user_id = ?"_s, {factorId, userId});
}

bool hasVerifiedFactor(Database &db, const QString &userId)
{
    return !db.value(u"SELECT 1 FROM mfa_factors WHERE user_id = ? AND status = 'verified'"_s,
                     {userId})
                .isNull();
}

void downgradeSessions(Database &db, const QString &factorId)
{
    const auto sessions = db.rows(u"SELECT s.id, s.amr FROM sessions s JOIN session_factors f "
                                  "ON f.session_id = s.id WHERE f.factor_id = ?"_s,
                                  {factorId});
    for (const QVariantMap &session : sessions) {
        QJsonArray kept;
        for (const QJsonValue &claim :
             QJsonDocument::fromJson(session[u"amr"_s].toByteArray()).array()) {
            if (!isSecondFactorMethod(claim.toObject().value(u"method").toString()))
                kept.append(claim);
        }
        db.exec(u"UPDATE sessions SET amr = ? WHERE id = ?"_s,
                {QString::fromUtf8(QJsonDocument(kept).toJson(QJsonDocument::Compact)),
                 session[u"id"_s]});
    }
}

void deleteFactor(Database &db, const QString &factorId)
{
    downgradeSessions(db, factorId);
    db.exec(u"DELETE FROM mfa_factors WHERE id = ?"_s, {factorId});
}

} // namespace exegia::emulator::mfa
