#pragma once

#include <exegia/auth/AuthOptions.h>
#include <exegia/auth/CurrentUser.h>
#include <exegia/auth/Mfa.h>
#include <exegia/auth/Session.h>
#include <exegia/auth/TokenStore.h>

#include <QElapsedTimer>
#include <QFuture>
#include <QObject>

#include <chrono>
#include <exception>
#include <functional>
#include <memory>
#include <optional>

namespace exegia::auth {

class AuthClient;
namespace detail {
template <typename T> class Completion;
}

struct SessionManagerOptions
{
    // Refresh this long before the access token expires; a short-lived
    // token uses a quarter of its lifetime instead (5 s -> after 3.75 s).
    std::chrono::seconds refreshMargin{90};
    // After a failed refresh (network, 5xx, 429) wait this long, doubling
    // per failure up to retryMaxDelay, and keep trying while signed in.
    std::chrono::milliseconds retryInitialDelay{500};
    std::chrono::milliseconds retryMaxDelay{60000};
    // One refresh attempt ends after this, whatever the request timeout:
    // the server may have rotated the token and lost the answer, and the
    // spent token is only honoured again within the reuse interval.
    std::chrono::milliseconds refreshAttemptTimeout{5000};
    // The server's reuse interval for a spent refresh token (GoTrue's
    // default, and hosted Supabase's, is 10 s). Inside it a refresh whose
    // answer was lost is sent again at once with the same token (the server
    // answers with the current session); after it, only with backoff.
    std::chrono::milliseconds refreshReuseInterval{10000};
    // How often to compare the wall clock with the monotonic clock to
    // notice that the machine slept (0: never).
    std::chrono::milliseconds wakeCheckInterval{30000};
};

// What restore() found. Only Restored leaves the manager signed in.
struct RestoreResult
{
    enum class Status {
        Restored,         // signed in; currentUser is set (profile may be missing: Register)
        NoStoredSession,  // nothing stored: show Sign in
        Refused,          // the server refused the stored session; the store was cleared
        NetworkFailure,   // could not ask the server; the store is kept: offer Retry
        StoreUnavailable, // no keychain (persistenceUnavailable was emitted)
    };
    Status status = Status::NoStoredSession;
    std::optional<CurrentUser> currentUser;
    QString errorCode; // Refused: e.g. refresh_token_not_found, user_not_found
    // What failed (for every status but Restored and NoStoredSession): the
    // error to word for a person, and its English what() for logs.
    std::exception_ptr error;
    QString message;
};

// The one owner of the signed-in session: hands out valid access tokens,
// refreshes them before they expire, keeps the refresh token in a
// TokenStore and restores it at start. Use it on the AuthClient's thread.
//
// Tokens: accessToken() is immediate while the token is good, otherwise it
// joins the single refresh in flight (twenty callers, one request).
// Refresh: scheduled before expiry; the new refresh token is saved before
// the old one is dropped; each attempt has its own short deadline, and a
// lost answer (network error, 5xx) is retried at once with the same token
// while the server's reuse interval lasts, then with backoff; network
// failures never sign anyone out. Only answers that mean the session is
// over (AuthApiError::endsSession: refresh_token_not_found,
// refresh_token_already_used, session_not_found, session_expired,
// user_banned, user_not_found, invalid_grant) clear the store and emit
// signedOut; a gateway 401 about the API key keeps the session. After a sleep past expiry a
// watchdog (and checkNow(), which the app calls when it becomes active) refreshes at once.
// Persistence: if the store fails, persistenceUnavailable is emitted once
// and the session carries on in memory only.
class SessionManager : public QObject
{
    Q_OBJECT
    Q_PROPERTY(bool signedIn READ isSignedIn NOTIFY sessionChanged)
public:
    enum class SignOutReason {
        Requested, // signOut() was called
        Refused,   // the server refused the refresh token or session
        UserGone,  // the user no longer exists (deleted)
    };
    Q_ENUM(SignOutReason)

    // `client` is not owned and must outlive the manager. A null `store`
    // keeps everything in memory without complaint.
    SessionManager(AuthClient *client, std::unique_ptr<TokenStore> store,
                   const SessionManagerOptions &options = {}, QObject *parent = nullptr);
    ~SessionManager() override;

    // At start: stored refresh token -> refresh -> GET /user + profile. Emits
    // signedIn once the refreshed session is current. Already signed in:
    // only fetches the user again (so Retry after a NetworkFailure works).
    // Concurrent calls share one run. Never fails; see RestoreResult.
    QFuture<RestoreResult> restore();

    // Makes a freshly issued session (from a sign-in, sign-up or link call)
    // the current one and stores it; emits signedIn. A current session is
    // replaced without signedOut (linking an identity gives a new session).
    // The future says whether it was stored (false: memory only).
    QFuture<bool> signIn(const Session &session);

    // Makes an upgraded session of the signed-in user current: the aal2
    // session of AuthClient::verifyFactor, the one verifyEmailChange gives.
    // Stored like a refresh's; emits refreshed (not signedIn) and
    // assuranceChanged when the level moved. Not signed in, or another
    // user's session: the same as signIn().
    QFuture<bool> adoptSession(const Session &session);

    // A valid access token. Fails with SessionError (not signed in, or
    // signed out while waiting), AuthApiError (token refused: signedOut was
    // emitted) or NetworkError (expired and the server unreachable; the
    // session is kept and retried).
    QFuture<QString> accessToken();
    // Refreshes now (or joins the refresh in flight); same results.
    QFuture<QString> refresh();

    // Local: this device; Global: every session of the user. Signed out at
    // once here and the store cleared whatever the server answers; the
    // future fails only to say the store could not be cleared
    // (TokenStoreError) or the server was not told (e.g. NetworkError: with
    // Global, other devices may stay signed in).
    QFuture<void> signOut(SignOutScope scope = SignOutScope::Local);

    bool isSignedIn() const;
    // The current session (holds secrets: never log it).
    std::optional<Session> session() const;
    // The current access token if it is still good now, else empty.
    QString validAccessToken() const;
    // False once the store failed (reset by signIn() and restore()).
    bool isPersistent() const;
    bool isRefreshing() const;
    // The current session's assurance level (None when signed out), from
    // its access token's claims: AuthClient::assuranceLevel. A refresh
    // keeps aal2 (the server carries it in the session).
    AssuranceLevel assuranceLevel() const;
    AssuranceInfo assurance() const;

    // Tests only: replace the wall clock to simulate a sleep.
    void setWallClockForTesting(std::function<QDateTime()> now);

public Q_SLOTS:
    // Re-reads the clocks and refreshes if the token is due; resets the
    // retry backoff. Call it when the application becomes active
    // (QGuiApplication::applicationStateChanged): this library has no GUI.
    void checkNow();
    // Another call was told the session is over (AuthApiError::isSessionGone
    // with this code): a code that ends the session (AuthApiError::endsSession:
    // user_not_found, session_not_found, ...) signs out (signedOut, store
    // cleared); for anything else (bad_jwt) the access token may be what is
    // wrong, so a refresh decides.
    void reportRejected(const QString &errorCode);

Q_SIGNALS:
    void signedIn(const exegia::auth::User &user);
    void refreshed();
    void signedOut(exegia::auth::SessionManager::SignOutReason reason, const QString &errorCode);
    // Any of the three above.
    void sessionChanged();
    // A refresh failed for a reason that is not the session's fault (no
    // network, 5xx, 429); the session is kept and the refresh retried.
    // `detail` is the error's what(): English, for logs.
    void refreshFailed(const QString &detail);
    // The session's assurance level changed: after adoptSession (verify),
    // a sign-in, a refresh that changed it (a factor removed elsewhere), or
    // None on sign-out.
    void assuranceChanged(exegia::auth::AssuranceLevel level);
    // The store failed: the session will not survive a restart. `detail`
    // is the error's what(), for logs.
    void persistenceUnavailable(const QString &detail);

private:
    struct Private;
    void adopt(const Session &session, bool isNew);
    void setAssurance(AssuranceLevel level);
    QFuture<bool> replaceSession(const Session &session, bool isNew);
    QFuture<bool> persist(const Session &session);
    QFuture<void> clearStore();
    void markUnavailable(const QString &message);
    QFuture<QString> startRefresh();
    QFuture<Session> spend(const QString &refreshToken);
    void spendAttempt(const detail::Completion<Session> &done, const QString &refreshToken,
                      QElapsedTimer since, int attempt);
    void onRefreshFailed(std::exception_ptr error);
    void reschedule();
    QFuture<void> endSession(SignOutReason reason, const QString &errorCode);
    using Finish = std::function<void(RestoreResult)>;
    void restoreFrom(const std::optional<StoredSession> &stored, const Finish &finish);
    void fetchUser(const Finish &finish);
    QFuture<QString> liveAccessToken(const Session &old, bool tokenGood);
    bool usable() const;

    std::unique_ptr<Private> d;
};

} // namespace exegia::auth
