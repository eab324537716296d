#pragma once

#include <exegia/auth/User.h>

namespace exegia::auth {

// What every token-issuing call returns (docs/wire.md "Session and user"). Holds
// secrets: never log it, and persist only the refresh token, in the keychain.
struct Session
{
    QString accessToken;
    QString tokenType;    // "bearer"
    qint64 expiresIn = 0; // seconds
    QDateTime expiresAt;  // from expires_at, else computed from expires_in
    QString refreshToken;
    User user;
    QString providerToken;
    QString providerRefreshToken;

    // True when the access token expires within `marginSeconds` of `now`.
    bool expiresWithin(qint64 marginSeconds,
                       const QDateTime &now = QDateTime::currentDateTimeUtc()) const;

    static std::optional<Session> fromJson(const QJsonValue &value, QString *error = nullptr);
};

} // namespace exegia::auth
