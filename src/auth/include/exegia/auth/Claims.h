#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace exegia::auth {

// Authenticator assurance level of a session (docs/wire.md "MFA"): aal1
// after a first factor, aal2 after a verified second factor.
enum class AssuranceLevel { None, Aal1, Aal2 };

// One entry of the token's `amr` claim: how and when the person proved who
// they are ("otp", "oauth", "totp", "anonymous", ...).
struct AuthMethod
{
    QString method;
    QDateTime timestamp;
};

// The typed claims of an access token. AuthClient::getClaims returns them
// only after verifying the token (signature, exp/nbf/iat, iss, aud).
struct Claims
{
    QString subject; // sub: the user's id
    QString email;
    QString phone;
    QString role; // "authenticated", "anon", ...
    QString sessionId;
    QString issuer;
    QStringList audience;
    AssuranceLevel aal = AssuranceLevel::None;
    QList<AuthMethod> amr;
    bool isAnonymous = false;
    QDateTime expiresAt;
    QDateTime issuedAt;
    QDateTime notBefore; // invalid when the token has no nbf
    QJsonObject raw;     // every claim, as sent

    // Reads a decoded payload; nothing (with *error set) when a claim has
    // the wrong type or sub/exp are missing. Does not verify anything.
    static std::optional<Claims> fromPayload(const QJsonObject &payload, QString *error = nullptr);
    static AssuranceLevel levelFromString(const QString &aal);
};

} // namespace exegia::auth
