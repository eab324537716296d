#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QString>
#include <QVariantMap>

#include <optional>

namespace exegia::emulator {

class Database;

// auth.mfa_factors and auth.mfa_challenges as GoTrue's models keep them
// (internal/models/factor.go, challenge.go), and the assurance level that
// follows from a session's amr claims.
namespace mfa {

// GoTrue's CalculateAALAndAMR: aal2 once any claim is a second factor.
QString assuranceLevel(const QJsonArray &amr);
bool isSecondFactorMethod(const QString &method);
// The level of the session as stored (GoTrue's session.IsAAL2() reads the
// session row, not the token's claims).
QString sessionAssurance(Database &db, const QString &sessionId);

// The factor as GoTrue serialises it (never the secret).
QJsonObject factorJson(const QVariantMap &row);
// Every factor of the user, oldest first, for the user object and the admin API.
QJsonArray factorsJson(Database &db, const QString &userId);
std::optional<QVariantMap> ownedFactor(Database &db, const QString &userId,
                                       const QString &factorId);
bool hasVerifiedFactor(Database &db, const QString &userId);

// GoTrue's DowngradeSessionsToAAL1: sessions raised with this factor lose
// their second-factor claims.
void downgradeSessions(Database &db, const QString &factorId);
// Deletes the factor, first downgrading the sessions it raised.
void deleteFactor(Database &db, const QString &factorId);

} // namespace mfa
} // namespace exegia::emulator
