#pragma once

#include "Http.h"

#include <QJsonObject>
#include <QVariantMap>

#include <optional>
#include <variant>

namespace exegia::emulator {

class Backend;
class Server;
class Sessions;
struct Caller;

// GoTrue's multi-factor API (internal/api/mfa.go) for TOTP factors:
// /auth/v1/factors and the admin API's /admin/users/{id}/factors.
class MfaApi
{
public:
    MfaApi(Backend &backend, Sessions &sessions);
    void registerRoutes(Server &server);

    // GET /admin/users/{id}/factors and DELETE /admin/users/{id}/factors/{factor_id};
    // the admin user route hands these paths over.
    Reply adminFactors(const Request &request);

private:
    Reply enroll(const Request &request);
    // POST /factors/{id}/challenge|verify and DELETE /factors/{id}.
    Reply factorRequest(const Request &request);
    Reply challenge(const Request &request, const QVariantMap &factor);
    Reply verify(const Request &request, const Caller &caller, const QVariantMap &factor);
    Reply unenroll(const Request &request, const Caller &caller, const QVariantMap &factor);

    // requireAuthentication and requireNotAnonymous.
    std::variant<Caller, Reply> signedInCaller(const Request &request);
    // validateFactors: name conflicts, limits, aal2 to add a second factor.
    std::optional<Reply> checkNewFactor(const Request &request, const Caller &caller,
                                        const QString &friendlyName);
    QString defaultIssuer() const;

    Backend &m_backend;
    Sessions &m_sessions;
};

} // namespace exegia::emulator
