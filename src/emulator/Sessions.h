#pragma once

#include "Http.h"

#include <QJsonObject>
#include <QString>

#include <variant>

namespace exegia::emulator {

class Accounts;
class Backend;

// The user and session behind a valid access token.
struct Caller
{
    QString userId;
    QString sessionId;
    QJsonObject claims;
};

// Sessions, refresh-token rotation and access tokens (docs/wire.md operations
// 8 and 9, and the access token claims).
class Sessions
{
public:
    Sessions(Backend &backend, Accounts &accounts);

    // A new session for `userId`, signed in by `amrMethod` (otp, oauth,
    // anonymous); answers the token response body.
    QJsonObject start(const QString &userId, const QString &amrMethod);

    // POST /token?grant_type=refresh_token.
    Reply refresh(const Request &request, const QByteArray &refreshToken);

    // GoTrue's requireAuthentication: a valid, unexpired token whose user and
    // session still exist; otherwise the error reply.
    std::variant<Caller, Reply> authenticate(const Request &request);

    void logout(const Caller &caller, const QString &scope);

    // SessionsMfa.cpp: GoTrue's updateMFASessionAndClaims. Adds `method` to
    // the caller's session, tied to `factorId`, rotates its refresh token and
    // answers the new token response.
    QJsonObject addSecondFactor(const Caller &caller, const QString &method,
                                const QString &factorId);

private:
    QJsonObject tokenResponse(const QString &userId, const QString &sessionId,
                              const QByteArray &refreshToken);
    QByteArray newRefreshToken(const QString &sessionId, const QString &parent);

    Backend &m_backend;
    Accounts &m_accounts;
};

} // namespace exegia::emulator
