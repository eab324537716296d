#pragma once

#include <exegia/auth/AuthOptions.h>
#include <exegia/auth/AuthResults.h>
#include <exegia/auth/BrowserFlow.h>

#include <QFuture>
#include <QObject>
#include <QPointer>
#include <QUrl>

namespace exegia::auth {

class AuthClient;
namespace detail {
template <typename T> class Completion;
}

// Google's own OAuth for a desktop client id (the ID-token path). The
// endpoints are configurable so the same code runs against a local
// identity provider in tests and local mode.
struct GoogleOAuthConfig
{
    QString clientId;
    // Google issues desktop clients a "secret" that cannot be kept secret;
    // send it when the client has one, it protects nothing.
    QString clientSecret;
    QUrl authorizationEndpoint{QStringLiteral("https://accounts.google.com/o/oauth2/v2/auth")};
    QUrl tokenEndpoint{QStringLiteral("https://oauth2.googleapis.com/token")};
    QString scope = QStringLiteral("openid email profile");
    QMap<QString, QString> extraParams; // e.g. login_hint
};

// Options of Supabase's /authorize browser sign-in.
struct OAuthSignInOptions
{
    QString scopes;
    QMap<QString, QString> queryParams; // e.g. login_hint
};

// After linking: the new session (the old one still works until it expires)
// and the updated user, whose providers now include the linked one.
struct LinkResult
{
    Session session;
    CurrentUser currentUser;
};

// The browser flows of PRODUCT.md, each one BrowserFlow loop:
//  - signInWithProvider: Supabase's /authorize?provider=... PKCE flow
//    (Apple always; Google without a desktop client id);
//  - signInWithGoogle: Google's own OAuth with PKCE and a hashed nonce,
//    whose ID token goes to the ID-token grant;
//  - linkIdentity: /user/identities/authorize with the given token, then
//    the code exchange and the profile check again.
// Each ends like every other sign-in (SignInResult, needsSignup included)
// and fails with the library's typed errors (BrowserFlowError for cancel,
// timeout and a declined consent; AuthApiError for what the server said).
// One flow at a time: starting another cancels the running one.
class BrowserSignIn : public QObject
{
    Q_OBJECT
public:
    explicit BrowserSignIn(AuthClient *client, QObject *parent = nullptr);
    ~BrowserSignIn() override;

    void setLauncher(BrowserLauncher launcher);
    void setTimeout(std::chrono::milliseconds timeout);
    // What the browser tab says at the end (translated by the app). It
    // says "signed in" only once the code exchange has worked.
    void setPageTexts(const BrowserPageTexts &texts);

    QFuture<SignInResult> signInWithProvider(const QString &provider,
                                             const OAuthSignInOptions &options = {});
    QFuture<SignInResult> signInWithGoogle(const GoogleOAuthConfig &config);
    QFuture<LinkResult> linkIdentity(const QString &accessToken, const QString &provider,
                                     const LinkIdentityOptions &options = {});
    // The same with the session the caller holds: no GET /user first
    // (AuthClient::linkIdentityToCurrentUser(const Session &, ...)).
    QFuture<LinkResult> linkIdentity(const Session &session, const QString &provider,
                                     const LinkIdentityOptions &options = {});

    bool isRunning() const { return !m_flow.isNull(); }
    // The URL the browser was sent to, for "copy this link".
    QUrl authorizationUrl() const;
    bool reopenBrowser();

public Q_SLOTS:
    void cancel();

Q_SIGNALS:
    // The browser has been sent to `url`; the app shows "Finish in your browser".
    void waitingForBrowser(const QUrl &url);
    void browserOpenFailed(const QUrl &url);
    void finished();

private:
    struct GoogleRequest
    {
        GoogleOAuthConfig config;
        QString verifier;
        QString state;
        QString nonce; // raw
        QString redirectUri;
    };
    BrowserFlow *newFlow();
    QFuture<LinkResult>
    link(const QString &provider, const LinkIdentityOptions &options,
         const std::function<QFuture<LinkIdentityRequest>(const LinkIdentityOptions &)> &authorize);
    void finishLink(const detail::Completion<LinkResult> &done, const Session &fresh);
    void exchangeGoogleCode(const detail::Completion<SignInResult> &done,
                            const GoogleRequest &request, const QString &code);

    AuthClient *m_client;
    QPointer<BrowserFlow> m_flow;
    BrowserLauncher m_launcher;
    std::chrono::milliseconds m_timeout = BrowserFlow::kDefaultTimeout;
    BrowserPageTexts m_pageTexts;
};

} // namespace exegia::auth
