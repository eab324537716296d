#pragma once

#include <exegia/auth/AuthOptions.h>
#include <exegia/auth/AuthResults.h>
#include <exegia/auth/Claims.h>
#include <exegia/auth/ClientConfig.h>
#include <exegia/auth/Mfa.h>
#include <exegia/auth/Transport.h>

#include <QFuture>
#include <QObject>
#include <QUrlQuery>

#include <memory>

namespace exegia::auth {

class ProfileStore;
namespace detail {
class JwksCache;
}

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
    // accessToken, GET /user first (it proves the token is live and gives the
    // user to return); with anonymous, POST /signup first. Then the insert;
    // on 23505 the existing row is read back (alreadyRegistered). Both or
    // neither of accessToken/anonymous, or profileFields naming id or
    // user_type: ok=false with a message, nothing sent.
    QFuture<SignUpResult> signUp(const SignUpOptions &options);

    // POST /signup with no email: a guest session, no profile row.
    QFuture<AuthResponse> startAnonymousSession(const AnonymousOptions &options = {});

    // GET /user, then the profile row. Nothing when the server says the
    // token's user does not exist (403 user_not_found, e.g. deleted);
    // AuthApiError for a bad or expired token or a signed-out session
    // (bad_jwt, session_not_found: see AuthApiError::isSessionGone()).
    QFuture<std::optional<CurrentUser>> getCurrentUserRecord(const QString &accessToken);

    // Uses exactly the token given. GET /user (the token's user and its
    // identities); if `provider` is already linked, alreadyLinked=true and
    // nothing more is sent; else GET /user/identities/authorize with a fresh
    // PKCE challenge. Reserved queryParams fail with ConfigError.
    QFuture<LinkIdentityRequest> linkIdentityToCurrentUser(const QString &accessToken,
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

    // The token's claims, verified locally (auth-js getClaims): an ES256 or
    // RS256 signature against the project's JWKS (fetched once, cached as
    // its Cache-Control says, fetched again once for an unknown kid), then
    // exp/nbf/iat (30 s skew), iss (the project's /auth/v1) and aud
    // "authenticated". An HS256 token (a legacy project), one without kid,
    // or a JWKS without a usable key: GET /user, and the claims when the
    // server accepts the token. ClaimsError for a refusal, AuthApiError when
    // the server refuses on the fallback. 0 or 1 requests (or 2 on a new kid).
    QFuture<Claims> getClaims(const QString &accessToken);

    // "Google", "Apple", "email", or the provider id itself.
    static QString providerDisplayName(const QString &provider);

    // --- Two-step verification (AuthClientMfa.cpp; docs/wire.md) ----------
    // Every call takes the user's own access token.

    // POST /factors (factor_type totp). The factor starts unverified: it
    // counts only after challengeFactor + verifyFactor with a code from the
    // authenticator app. Beside a verified factor it needs an aal2 session.
    QFuture<TotpEnrollment> enrollTotp(const QString &accessToken,
                                       const TotpEnrollOptions &options = {});
    // POST /factors/{id}/challenge.
    QFuture<MfaChallenge> challengeFactor(const QString &accessToken, const QString &factorId);
    // POST /factors/{id}/verify: the same session raised to aal2, with a new
    // refresh token (hand it to SessionManager::adoptSession). A wrong or
    // already used code: AuthApiError Kind::MfaVerificationFailed.
    QFuture<Session> verifyFactor(const QString &accessToken, const QString &factorId,
                                  const QString &challengeId, const QString &code);
    // challengeFactor then verifyFactor. 2 requests.
    QFuture<Session> challengeAndVerify(const QString &accessToken, const QString &factorId,
                                        const QString &code);
    // DELETE /factors/{id}. A verified factor needs an aal2 session
    // (Kind::InsufficientAal at aal1); the sessions it raised fall to aal1.
    QFuture<void> unenrollFactor(const QString &accessToken, const QString &factorId);
    // GET /user: the user's factors, verified or not.
    QFuture<QList<Factor>> listFactors(const QString &accessToken);
    // No request: the session's access token's own aal/amr claims (not
    // verified here: the token came from the server with the session) and
    // session.user's factors. next is aal2 when a verified factor exists.
    static AssuranceInfo assuranceLevel(const Session &session);

    // --- Identities and email (AuthClientAccount.cpp; docs/wire.md) -------

    // GET /user: the identities linked to the token's user.
    QFuture<QList<Identity>> listIdentities(const QString &accessToken);
    // DELETE /user/identities/{identityId} (Identity::identityId). The server
    // rules: the last identity cannot be removed
    // (Kind::SingleIdentityNotDeletable), nor any with linking turned off
    // (Kind::ManualLinkingDisabled). Get a fresh session afterwards
    // (SessionManager::refresh) for the token's amr and app_metadata.
    QFuture<void> unlinkIdentity(const QString &accessToken, const QString &identityId);
    // PUT /user {email}: a code goes to the new address; the user comes back
    // with newEmail set. Same address as now: no change and no code (the
    // server sends no error), so newEmail comes back empty. Taken:
    // Kind::EmailExists; cooldown: Kind::EmailRateLimited; a user with a
    // verified factor at aal1: Kind::InsufficientAal. `nonce`: a code from
    // reauthenticate(), for servers that ask for one.
    QFuture<User> requestEmailChange(const QString &accessToken, const QString &newEmail,
                                     const QString &nonce = {});
    // POST /verify {type email_change, email: the new address, token}: a new
    // session whose user has the new address (adopt it).
    QFuture<Session> verifyEmailChange(const QString &newEmail, const QString &code);
    // GET /reauthenticate: a code by email to the user's current address.
    QFuture<void> reauthenticate(const QString &accessToken);
    // POST /resend: the sign-up code again (`email` unconfirmed), or the
    // pending email change's code (`email`: the current address). The
    // server answers alike whether or not anything was sent; within the
    // cooldown Kind::EmailRateLimited with retryAfterSeconds().
    QFuture<void> resend(ResendType type, const QString &email);

private:
    QFuture<HttpReply> post(QLatin1StringView path, const QUrlQuery &query, const QJsonObject &body,
                            const QString &bearer = {});
    QFuture<HttpReply> getUser(const QString &accessToken);
    // One request to the auth server with the user's token (AuthClientMfa.cpp).
    QFuture<HttpReply> send(QByteArray method, const QString &path, const QJsonObject &body,
                            const QString &bearer);
    // The session of a token response (AuthClientMfa.cpp).
    QFuture<Session> sessionFrom(const QFuture<HttpReply> &reply);
    // A success whose body is not read, else AuthApiError (AuthClientMfa.cpp).
    QFuture<void> sendExpectingSuccess(QByteArray method, const QString &path,
                                       const QJsonObject &body, const QString &bearer);
    QFuture<Session> tokenGrant(QLatin1StringView grantType, const QJsonObject &body,
                                std::chrono::milliseconds timeout = {});
    QFuture<SignInResult> checkProfile(QFuture<HttpReply> tokenReply, const QString &provider);
    QFuture<SignUpResult> insertProfile(const QString &bearer,
                                        const std::optional<Session> &session, const User &user,
                                        QJsonObject fields);

    detail::JwksCache *jwks(); // made on first use, a child
    QFuture<Claims> claimsFromServer(const QString &accessToken, const QJsonObject &payload);

    ClientConfig m_config;
    Transport *m_transport = nullptr; // a child
    std::unique_ptr<ProfileStore> m_profiles;
    detail::JwksCache *m_jwks = nullptr;
};

} // namespace exegia::auth
