#include <exegia/auth/SessionManager.h>

#include <exegia/auth/AuthClient.h>
#include <exegia/auth/Errors.h>

#include "detail/Async.h"
#include "detail/Chain.h"
#include "detail/Logging.h"
#include "detail/SessionManagerPrivate.h"

#include <limits>
#include <utility>

namespace exegia::auth {

using namespace Qt::StringLiterals;

using detail::Completion;
using detail::reasonFor;
using detail::step;
using detail::valueOf;
using detail::whenFinished;

SessionManager::SessionManager(AuthClient *client, std::unique_ptr<TokenStore> store,
                               const SessionManagerOptions &options, QObject *parent)
    : QObject(parent)
    , d(std::make_unique<Private>(this, client, std::move(store), options))
{
    connect(&d->refreshTimer, &QTimer::timeout, this, [this] { startRefresh(); });
}

SessionManager::~SessionManager() = default;

bool SessionManager::isSignedIn() const
{
    return d->session.has_value();
}
std::optional<Session> SessionManager::session() const
{
    return d->session;
}
bool SessionManager::isPersistent() const
{
    return d->persistent && d->store;
}
bool SessionManager::isRefreshing() const
{
    return d->flight.has_value();
}

bool SessionManager::usable() const
{
    return d->session && d->clock.remainingMs() > d->minUsableMs();
}

QString SessionManager::validAccessToken() const
{
    return usable() ? d->session->accessToken : QString();
}

void SessionManager::setWallClockForTesting(std::function<QDateTime()> now)
{
    d->clock.setWallClock(std::move(now));
}

void SessionManager::adopt(const Session &session, bool isNew)
{
    d->session = session;
    d->clock.start(session);
    d->failures = 0;
    reschedule();
    if (isNew)
        emit signedIn(session.user);
    else
        emit refreshed();
    emit sessionChanged();
    setAssurance(AuthClient::assuranceLevel(session).current);
}

void SessionManager::setAssurance(AssuranceLevel level)
{
    if (std::exchange(d->assurance, level) != level)
        emit assuranceChanged(level);
}

AssuranceLevel SessionManager::assuranceLevel() const
{
    return d->assurance;
}

AssuranceInfo SessionManager::assurance() const
{
    return d->session ? AuthClient::assuranceLevel(*d->session) : AssuranceInfo{};
}

QFuture<bool> SessionManager::adoptSession(const Session &session)
{
    if (!d->session || d->session->user.id != session.user.id)
        return signIn(session);
    // The same user's session, raised (verify) or renewed (email change):
    // told like a refresh; answers in flight for the old tokens are dropped.
    return replaceSession(session, false);
}

void SessionManager::markUnavailable(const QString &message)
{
    if (!d->persistent)
        return;
    d->persistent = false;
    emit persistenceUnavailable(message);
}

QFuture<bool> SessionManager::persist(const Session &session)
{
    if (!d->store || !d->persistent)
        return detail::readyFuture(false);
    Completion<bool> done;
    const StoredSession stored{session.refreshToken, session.user.id, session.expiresAt};
    whenFinished(this, d->store->save(stored), [this, done](QFuture<void> f) {
        try {
            valueOf(f);
            done.succeed(true);
        } catch (const Error &e) {
            qCWarning(lcAuth) << "session kept in memory only:" << e.what();
            markUnavailable(QString::fromUtf8(e.what()));
            done.succeed(false);
        } catch (...) {
            markUnavailable(QStringLiteral("the token store failed"));
            done.succeed(false);
        }
    });
    return done.future();
}

QFuture<void> SessionManager::clearStore()
{
    Completion<void> done;
    if (!d->store) {
        done.succeed();
        return done.future();
    }
    whenFinished(this, d->store->clear(), [done](QFuture<void> f) {
        try {
            valueOf(f);
            done.succeed();
        } catch (const TokenStoreError &e) {
            // No keychain at all: nothing can be stored there, nor read.
            if (e.kind() == TokenStoreError::Kind::Unavailable) {
                qCInfo(lcAuth) << "no stored session to clear:" << e.what();
                done.succeed();
                return;
            }
            qCWarning(lcAuth) << "could not clear the stored session:" << e.what();
            done.fail(std::current_exception());
        } catch (const std::exception &e) {
            // Worth a warning: a refresh token may be left in the keychain.
            qCWarning(lcAuth) << "could not clear the stored session:" << e.what();
            done.fail(std::current_exception());
        }
    });
    return done.future();
}

QFuture<bool> SessionManager::signIn(const Session &session)
{
    // Replacing a session (a guest who linked Google gets a new one) is not
    // a sign-out: no signedOut, and whoever waits for a token gets the new
    // one. Answers still on their way for the old session are dropped.
    d->persistent = true;
    return replaceSession(session, true);
}

QFuture<bool> SessionManager::replaceSession(const Session &session, bool isNew)
{
    ++d->generation;
    const std::optional<Completion<QString>> waiting = std::exchange(d->flight, std::nullopt);
    QFuture<bool> stored = persist(session);
    adopt(session, isNew);
    if (waiting)
        waiting->succeed(session.accessToken);
    return stored;
}

QFuture<QString> SessionManager::accessToken()
{
    if (!d->session)
        return detail::failedFuture<QString>(SessionError(SessionError::Kind::NotSignedIn));
    if (usable())
        return detail::readyFuture(d->session->accessToken);
    return startRefresh();
}

QFuture<QString> SessionManager::refresh()
{
    if (!d->session)
        return detail::failedFuture<QString>(SessionError(SessionError::Kind::NotSignedIn));
    return startRefresh();
}

QFuture<QString> SessionManager::startRefresh()
{
    if (d->flight)
        return d->flight->future();
    if (!d->session)
        return detail::failedFuture<QString>(SessionError(SessionError::Kind::NotSignedIn));
    Completion<QString> done;
    d->flight = done;
    d->refreshTimer.stop();
    const quint64 generation = d->generation;
    qCDebug(lcAuth) << "refreshing the session";
    auto spent = [this, done, generation](const Session &fresh) {
        if (generation != d->generation)
            return; // ended or replaced meanwhile: its callers were told
        // Save first: if we stopped right after the server rotated the
        // token, the store must already hold the new one (the old is spent).
        whenFinished(this, persist(fresh), [this, done, generation, fresh](QFuture<bool>) {
            if (generation != d->generation)
                return;
            d->flight.reset();
            adopt(fresh, false);
            done.succeed(fresh.accessToken);
        });
    };
    auto failed = [this, generation](std::exception_ptr error) {
        if (generation == d->generation)
            onRefreshFailed(error);
    };
    step(this, done, spend(d->session->refreshToken), spent, failed);
    return done.future();
}

namespace {

// An answer that may have been lost after the server acted on the request:
// no answer at all, a gateway or server error, or refresh contention.
bool answerMayBeLost(std::exception_ptr error)
{
    try {
        std::rethrow_exception(error);
    } catch (const NetworkError &) {
        return true;
    } catch (const AuthApiError &e) {
        return e.httpStatus() >= 500 || e.errorCode() == "conflict"_L1;
    } catch (...) {
    }
    return false;
}

constexpr int kMaxSameTokenAttempts = 4;

} // namespace

QFuture<Session> SessionManager::spend(const QString &refreshToken)
{
    Completion<Session> done;
    QElapsedTimer since;
    since.start();
    spendAttempt(done, refreshToken, since, 1);
    return done.future();
}

void SessionManager::spendAttempt(const Completion<Session> &done, const QString &refreshToken,
                                  QElapsedTimer since, int attempt)
{
    const auto timeout = d->options.refreshAttemptTimeout;
    const auto reuse = d->options.refreshReuseInterval;
    auto again = [=, this](std::exception_ptr error) {
        // Sent again only while the next attempt also ends inside the reuse
        // interval: later, a token the server did rotate would be reported
        // as reused and the whole session revoked.
        const bool inside = since.elapsed() + timeout.count() <= reuse.count();
        if (!inside || attempt >= kMaxSameTokenAttempts || !answerMayBeLost(error))
            std::rethrow_exception(error);
        qCInfo(lcAuth) << "refresh attempt" << attempt << "got no usable answer; sending the same"
                       << "token again inside the reuse interval";
        spendAttempt(done, refreshToken, since, attempt + 1);
    };
    step(
        this, done, d->client->refreshSession(refreshToken, timeout),
        [done](const Session &fresh) { done.succeed(fresh); }, again);
}

void SessionManager::onRefreshFailed(std::exception_ptr error)
{
    const Completion<QString> done = *d->flight;
    QString message = QStringLiteral("could not renew the session; retrying");
    try {
        std::rethrow_exception(error);
    } catch (const AuthApiError &e) {
        if (e.endsSession()) {
            qCInfo(lcAuth) << "refresh refused:" << e.errorCode();
            d->flight.reset();
            endSession(reasonFor(e.errorCode()), e.errorCode());
            done.fail(error);
            return;
        }
        qCInfo(lcAuth) << "refresh failed, will retry:" << e.what();
        message = QString::fromUtf8(e.what());
    } catch (const std::exception &e) {
        qCInfo(lcAuth) << "refresh failed, will retry:" << e.what();
        message = QString::fromUtf8(e.what());
    }
    d->flight.reset();
    ++d->failures;
    d->sinceFailure.start();
    // Callers get the current token while it is still good; only once it
    // has expired do they learn that the server cannot be reached.
    if (usable())
        done.succeed(d->session->accessToken);
    else
        done.fail(error);
    reschedule();
    emit refreshFailed(message);
}

void SessionManager::reschedule()
{
    d->refreshTimer.stop();
    if (!d->session || d->flight)
        return;
    qint64 delay = d->clock.remainingMs() - d->marginMs();
    if (d->failures > 0 && d->sinceFailure.isValid())
        delay = std::max(delay, d->backoffMs() - d->sinceFailure.elapsed());
    // Even "now" goes through the timer, so a refresh never starts inside
    // the call (or signal handler) that asked for it.
    d->refreshTimer.start(int(std::clamp<qint64>(delay, 0, std::numeric_limits<int>::max())));
}

void SessionManager::checkNow()
{
    if (!d->session)
        return;
    // Something changed (woke up, came to the front, network back): retry
    // without waiting out the backoff, and re-read the clocks.
    d->sinceFailure.invalidate();
    reschedule();
}

void SessionManager::reportRejected(const QString &errorCode)
{
    if (!d->session)
        return;
    if (AuthApiError::endsSessionCode(errorCode)) {
        qCInfo(lcAuth) << "session rejected by the server:" << errorCode;
        endSession(reasonFor(errorCode), errorCode);
        return;
    }
    startRefresh();
}

QFuture<void> SessionManager::endSession(SignOutReason reason, const QString &errorCode)
{
    const bool wasSignedIn = d->session.has_value();
    ++d->generation;
    d->session.reset();
    d->clock.stop();
    d->refreshTimer.stop();
    d->failures = 0;
    if (d->flight) {
        const Completion<QString> waiting = *d->flight;
        d->flight.reset();
        waiting.fail(std::make_exception_ptr(SessionError(SessionError::Kind::SignedOut)));
    }
    QFuture<void> cleared = clearStore();
    if (wasSignedIn) {
        emit signedOut(reason, errorCode);
        emit sessionChanged();
    }
    setAssurance(AssuranceLevel::None);
    return cleared;
}

QFuture<QString> SessionManager::liveAccessToken(const Session &old, bool tokenGood)
{
    if (tokenGood)
        return detail::readyFuture(old.accessToken);
    // POST /logout needs a live access token; an expired one would get 403
    // and leave the session alive on the server. Empty: already gone there.
    Completion<QString> done;
    step(
        this, done, spend(old.refreshToken),
        [done](const Session &fresh) { done.succeed(fresh.accessToken); },
        [done](std::exception_ptr error) {
            try {
                std::rethrow_exception(error);
            } catch (const AuthApiError &e) {
                if (!e.isSessionGone())
                    throw;
            }
            done.succeed(QString());
        });
    return done.future();
}

QFuture<void> SessionManager::signOut(SignOutScope scope)
{
    // Nothing current, but a stored session may be left (e.g. restore
    // failed for the network): "sign out" must not leave it behind.
    if (!d->session)
        return clearStore();
    const Session old = *d->session;
    const bool tokenGood = usable();
    // Signed out here first, whatever the server says next.
    const QFuture<void> cleared = endSession(SignOutReason::Requested, {});
    Completion<void> done;
    // The store's failure matters most; then whether the server was told.
    auto told = [this, done, cleared] { detail::forward(this, done, cleared); };
    auto notTold = [this, done, cleared](std::exception_ptr error) {
        step(this, done, cleared, [error] { std::rethrow_exception(error); });
    };
    step(this, done, liveAccessToken(old, tokenGood), [=, this](const QString &accessToken) {
        if (accessToken.isEmpty())
            return told();
        step(this, done, d->client->signOut(accessToken, scope), told, notTold);
    });
    return done.future();
}

} // namespace exegia::auth
