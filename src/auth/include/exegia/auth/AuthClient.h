#pragma once

#include <exegia/auth/AuthOptions.h>
#include <exegia/auth/AuthResults.h>
#include <exegia/auth/ClientConfig.h>
#include <exegia/auth/Transport.h>

#include <QFuture>
#include <QObject>
#include <QUrlQuery>

#include <memory>

namespace exegia::auth {

class ProfileStore;

// The user-facing calls of exegia.auth, for a program on the user's own
// machine: only the publishable key and the user's own tokens are ever sent.
//
// Asynchronous style (the whole library uses it): every call returns at
// once with a QFuture<T>. Expected outcomes are fields of T (needsSignup,
// alreadyRegistered); failures are exceptions stored in the future, all
// derived from exegia::auth::Error (Errors.h): AuthApiError, ApiError,
// NetworkError, ConfigError, ... Each tells its family (domain()) and kind;
// the program words them (the library has no sentences for people).
//
//   client->verifyEmailOtp(email, code)
//       .then(this, [this](const SignInResult &r) { ... r.needsSignup ... })
//       .onFailed(this, [this](const AuthApiError &e) { if (e.isSessionGone()) ... })
//       .onFailed(this, [this](const Error &e) { show(myWording(e)); });
//
// Inside the library, a call that needs several requests is one chain of
// detail::step (detail/Chain.h): each step runs after the previous future
// succeeded; a failure anywhere fails the call's future:
//
//   Completion<CurrentUser> done;
//   step(this, done, getUser(token), [=, this](const HttpReply &reply) {
//       const User user = detail::authUser(reply);  // a throw fails `done`
//       step(this, done, m_profiles->fetch(token, user.id),
//            [=](const auto &row) { done.succeed(CurrentUser{user, row}); });
//   });
//   return done.future();
//
// Every request goes through one Transport (Transport.h): the default sends
// HTTP over QNetworkAccessManager; tests pass a fake one.
//
// Calls must be made on the client's thread, whose event loop must run; the
// futures finish on that thread. Destroying the client cancels pending
// futures. Never block the GUI thread on a future.
class AuthClient : public QObject
{
    Q_OBJECT
public:
    // Throws ConfigError when config.validate() does. The first sends over
    // HTTP (QNetworkAccessManager); the second through `transport`, which it
    // takes ownership of (a fake for tests, a proxy, ...).
    explicit AuthClient(const ClientConfig &config, QObject *parent = nullptr);
    AuthClient(const ClientConfig &config, Transport *transport, QObject *parent = nullptr);
    ~AuthClient() override;

    const ClientConfig &config() const { return m_config; }
    // Every request of this client and of what is built on it
    // (SessionManager, BrowserSignIn) goes through this one.
    Transport *transport() const { return m_transport; }

    // provider "google" or "apple" (or "custom:<id>"): POST
    // /token?grant_type=id_token, then the profile check. 2 requests.
    QFuture<SignInResult> signInWithIdToken(const QString &provider, const QString &idToken,
                                            const IdTokenOptions &options = {});

    // POST /otp: sends the code; no session, no profile check.
    QFuture<OtpResponse> requestEmailOtp(const QString &email, const EmailOtpOptions &options = {});

    // POST /verify (type email), then the profile check. 2 requests.
    QFuture<SignInResult> verifyEmailOtp(const QString &email, const QString &code,
                                         const VerifyOtpOptions &options = {});

    // Creates the public.users row under the user's own token. With
    // session (the one the caller holds): the insert alone, 1 request. With
    // accessToken only: GET /user first (it gives the user to return), 2
    // requests. With anonymous: POST /signup first, 2 requests. The server
    // checks the token either way (RLS: the row's id must be the token's
    // user). On 23505 the existing row is read back (alreadyRegistered, one
    // more request). Both or neither of a token/anonymous, a session whose
    // token differs from accessToken, or profileFields naming id or
    // user_type: ok=false with a message, nothing sent.
    QFuture<SignUpResult> signUp(const SignUpOptions &options);

    // POST /signup with no email: a guest session, no profile row.
    QFuture<AuthResponse> startAnonymousSession(const AnonymousOptions &options = {});

    // GET /user and the profile row side by side (2 requests, one wait):
    // the row is asked for with the token's sub claim, and read again with
    // GET /user's id should they differ; a token without a usable sub waits
    // for GET /user first. Both must succeed. Nothing when the server says
    // the token's user does not exist (403 user_not_found, e.g. deleted);
    // AuthApiError for a bad or expired token or a signed-out session
    // (bad_jwt, session_not_found: see AuthApiError::isSessionGone()).
    QFuture<std::optional<CurrentUser>> getCurrentUserRecord(const QString &accessToken);

    // Uses exactly the token given. GET /user (the token's user and its
    // identities); if `provider` is already linked, alreadyLinked=true and
    // nothing more is sent; else GET /user/identities/authorize with a fresh
    // PKCE challenge. 2 requests. Reserved queryParams fail with ConfigError.
    QFuture<LinkIdentityRequest> linkIdentityToCurrentUser(const QString &accessToken,
                                                           const QString &provider,
                                                           const LinkIdentityOptions &options = {});
    // The same for the session the caller holds: its user's identities decide
    // alreadyLinked, so only the authorize request is sent (1 request, none
    // when already linked). The server still checks the token.
    QFuture<LinkIdentityRequest> linkIdentityToCurrentUser(const Session &session,
                                                           const QString &provider,
                                                           const LinkIdentityOptions &options = {});

    // POST /token?grant_type=pkce: finishes a browser flow (linking or OAuth
    // sign-in) with the code from the redirect and the kept verifier.
    QFuture<Session> exchangeCodeForSession(const QString &authCode, const QString &codeVerifier);

    // The profile check alone, for a session obtained elsewhere (the code
    // exchange at the end of a browser sign-in), or to retry one that failed.
    // 1 request. Every sign-in call runs it; when it fails after the sign-in
    // worked, the failure is a ProfileCheckError that still carries the
    // session, so nothing is lost.
    QFuture<SignInResult> completeSignIn(const Session &session, const QString &provider);

    // POST /token?grant_type=refresh_token. The old refresh token is spent.
    // `timeout` (zero: the config's requestTimeout) bounds this one attempt.
    QFuture<Session> refreshSession(const QString &refreshToken,
                                    std::chrono::milliseconds timeout = {});

    // POST /logout?scope=. 401/403/404 also count as signed out.
    QFuture<void> signOut(const QString &accessToken, SignOutScope scope = SignOutScope::Local);

    // PATCH the caller's own row (id from the token's sub claim; RLS
    // enforces it). Nothing when the user has no row. id/user_type refused.
    QFuture<std::optional<QJsonObject>> updateProfile(const QString &accessToken,
                                                      const QJsonObject &fields);

    // "Google", "Apple", "email", or the provider id itself.
    static QString providerDisplayName(const QString &provider);

private:
    QFuture<HttpReply> post(QLatin1StringView path, const QUrlQuery &query, const QJsonObject &body,
                            const QString &bearer = {});
    QFuture<HttpReply> getUser(const QString &accessToken);
    QFuture<Session> tokenGrant(QLatin1StringView grantType, const QJsonObject &body,
                                std::chrono::milliseconds timeout = {});
    QFuture<SignInResult> checkProfile(QFuture<HttpReply> tokenReply, const QString &provider);
    static std::optional<QFuture<LinkIdentityRequest>>
    refusedLink(const QString &provider, const LinkIdentityOptions &options);
    QFuture<LinkIdentityRequest> authorizeLink(const QString &accessToken, const User &user,
                                               const QString &provider,
                                               const LinkIdentityOptions &options);
    QFuture<SignUpResult> insertProfile(const QString &bearer,
                                        const std::optional<Session> &session, const User &user,
                                        QJsonObject fields);

    ClientConfig m_config;
    Transport *m_transport = nullptr; // a child
    std::unique_ptr<ProfileStore> m_profiles;
};

} // namespace exegia::auth
