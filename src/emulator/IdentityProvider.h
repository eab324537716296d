#pragma once

#include "Accounts.h"
#include "Http.h"

#include <QUrlQuery>

#include <optional>

namespace exegia::emulator {

class Backend;
class Server;

// A local OpenID Connect provider standing in for Google and Apple:
// discovery, JWKS, an authorization page, a token endpoint issuing RS256
// ID tokens. Supabase's own endpoints use it as their upstream provider.
class IdentityProvider
{
public:
    explicit IdentityProvider(Backend &backend);
    void registerRoutes(Server &server);

    // Where to send a browser that signs in with `provider` (Supabase leg).
    QUrl authorizationUrl(const QString &provider, const QString &state, const QString &redirectUri,
                          const QString &codeChallenge, const QString &scopes,
                          const QList<QPair<QString, QString>> &extra) const;

    // Redeems an authorization code without HTTP (the emulator's callback
    // talks to its own provider). Empty on a bad code.
    std::optional<ProviderIdentity> redeem(const QString &provider, const QString &code,
                                           const QString &redirectUri, const QString &verifier,
                                           QVariantMap *codeRow = nullptr);

    struct Verified
    {
        QString error; // OAuth error description; empty when valid
        QJsonObject claims;
    };
    // Checks an ID token the way GoTrue checks Google's and Apple's.
    Verified verifyIdToken(const QString &provider, const QByteArray &token) const;
    static ProviderIdentity identityFromClaims(const QString &provider, const QJsonObject &claims);

private:
    Reply discovery(const QString &provider);
    Reply jwks();
    Reply authorize(const QString &provider, const Request &request);
    Reply token(const QString &provider, const Request &request);
    Reply avatar(const Request &request);
    QByteArray loginPage(const QString &provider, const Request &request) const;

    Backend &m_backend;
};

} // namespace exegia::emulator
