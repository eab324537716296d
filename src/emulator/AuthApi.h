#pragma once

#include "Database.h"
#include "Http.h"

#include <QJsonObject>

#include <functional>
#include <optional>
#include <variant>

namespace exegia::emulator {

class Accounts;
class Backend;
class IdentityProvider;
class Mailbox;
class Server;
class Sessions;
struct ProviderIdentity;

// Supabase Auth under /auth/v1 (docs/wire.md "Operations").
class AuthApi
{
public:
    AuthApi(Backend &backend, Accounts &accounts, Sessions &sessions, Mailbox &mailbox,
            IdentityProvider &idp);
    void registerRoutes(Server &server);
    // Serves /admin/users/{id}/factors[/...] (MfaApi), under the admin user prefix.
    void setAdminFactors(std::function<Reply(const Request &)> handler)
    {
        m_adminFactors = std::move(handler);
    }

private:
    // AuthApi.cpp
    Reply health(const Request &request);
    Reply settings(const Request &request);
    Reply signup(const Request &request, const QJsonObject &body);
    Reply otp(const Request &request, const QJsonObject &body);
    std::optional<Reply> emailCooldown(const Request &request, const QString &email);
    void mailCode(const Request &request, const QString &email, bool confirmed);
    Reply verify(const Request &request, const QJsonObject &body);
    Reply user(const Request &request);
    Reply logout(const Request &request);
    Reply adminUser(const Request &request);
    // Starts a session for `userId` signed in by `method`, commits `tx` and
    // answers with the session.
    Reply sessionReply(Database::Transaction &tx, const QString &userId, const QString &method);

    // AuthApiToken.cpp
    Reply token(const Request &request);
    Reply refreshGrant(const Request &request, const QJsonObject &body);
    Reply idTokenGrant(const Request &request, const QJsonObject &body);
    std::optional<Reply> checkIdTokenBinding(const QJsonObject &claims, const QString &nonce,
                                             const QString &accessToken) const;
    std::variant<QString, Reply> linkToCaller(const Request &request, const QString &provider,
                                              const ProviderIdentity &identity);
    Reply pkceGrant(const Request &request, const QJsonObject &body);

    // AuthApiOAuth.cpp
    Reply authorize(const Request &request);
    Reply linkAuthorize(const Request &request);
    // The signed-in caller's id when manual linking is on, else the refusal.
    std::variant<QString, Reply> linkingCaller(const Request &request);
    Reply callback(const Request &request);
    Reply verifyLink(const Request &request);
    Reply startFlow(const Request &request, const QString &kind, const QString &userId,
                    bool skipRedirect);
    QString safeRedirect(const QString &requested) const;

    // AuthApiUser.cpp: account changes (issue 13).
    Reply updateUser(const Request &request);
    std::optional<Reply> sendEmailChange(const Request &request, const QString &userId,
                                         const QString &newEmail);
    Reply verifyEmailChange(const Request &request, const QString &email, const QString &token);
    Reply reauthenticate(const Request &request);
    std::optional<Reply> checkNonce(const Request &request, const QString &userId,
                                    const QString &nonce);
    Reply resend(const Request &request, const QJsonObject &body);
    Reply unlinkIdentity(const Request &request);

    Backend &m_backend;
    Accounts &m_accounts;
    Sessions &m_sessions;
    Mailbox &m_mailbox;
    IdentityProvider &m_idp;
    std::function<Reply(const Request &)> m_adminFactors;
};

// A request body that must be a JSON object, or the bad_json error.
std::variant<QJsonObject, Reply> jsonObjectBody(const Request &request);
// Reads an optional string member; false when it is there with another type.
bool optionalString(const QJsonObject &object, const QString &key, QString *out);
// GoTrue's shape check for an address, without control or format characters.
bool isEmailAddress(const QString &email);

} // namespace exegia::emulator
