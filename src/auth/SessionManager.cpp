#include <exegia/auth/SessionManager.h>

#include <exegia/auth/AuthClient.h>
#include <exegia/auth/Errors.h>

#include "detail/Async.h"
#include "detail/Logging.h"
#include "detail/SessionManagerPrivate.h"

#include <limits>
#include <utility>

namespace exegia::auth {

using detail::Completion;
using detail::reasonFor;
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
    ++d->generation;
    const std::optional<Completion<QString>> waiting = std::exchange(d->flight, std::nullopt);
    d->persistent = true;
    QFuture<bool> stored = persist(session);
    adopt(session, true);
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
    whenFinished(this, d->client->refreshSession(d->session->refreshToken),
                 [this, done, generation](QFuture<Session> f) {
                     if (generation != d->generation)
                         return; // ended or replaced meanwhile: its callers were told
                     Session fresh;
                     try {
                         fresh = valueOf(f);
                     } catch (...) {
                         onRefreshFailed(std::current_exception());
                         return;
                     }
                     // Save first: if we stopped right after the server
                     // rotated the token, the store must already hold the
                     // new one (the old one is spent).
                     whenFinished(this, persist(fresh),
                                  [this, done, generation, fresh](QFuture<bool>) {
                                      if (generation != d->generation)
                                          return;
                                      d->flight.reset();
                                      adopt(fresh, false);
                                      done.succeed(fresh.accessToken);
                                  });
                 });
    return done.future();
}

void SessionManager::onRefreshFailed(std::exception_ptr error)
{
    const Completion<QString> done = *d->flight;
    QString message = QStringLiteral("could not renew the session; retrying");
    try {
        std::rethrow_exception(error);
    } catch (const AuthApiError &e) {
        if (e.isSessionGone()) {
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
    return cleared;
}

QFuture<void> SessionManager::signOut(SignOutScope scope)
{
    Completion<void> done;
    if (!d->session) {
        // Nothing current, but a stored session may be left (e.g. restore
        // failed for the network): "sign out" must not leave it behind.
        whenFinished(this, clearStore(), [done](QFuture<void> f) {
            done.guard([&] {
                valueOf(f);
                done.succeed();
            });
        });
        return done.future();
    }
    const Session old = *d->session;
    const bool tokenGood = usable();
    // Signed out here first, whatever the server says next.
    const QFuture<void> cleared = endSession(SignOutReason::Requested, {});

    auto tellServer = [this, scope, cleared, done](const QString &accessToken) {
        whenFinished(this, d->client->signOut(accessToken, scope),
                     [this, cleared, done](QFuture<void> told) {
                         whenFinished(this, cleared, [done, told](QFuture<void> c) {
                             done.guard([&] {
                                 valueOf(c); // the store's failure matters most
                                 valueOf(told);
                                 done.succeed();
                             });
                         });
                     });
    };
    if (tokenGood) {
        tellServer(old.accessToken);
    } else {
        // POST /logout needs a live access token; an expired one would get
        // 403 and leave the session alive on the server.
        whenFinished(this, d->client->refreshSession(old.refreshToken),
                     [this, cleared, done, tellServer](QFuture<Session> f) {
                         try {
                             tellServer(valueOf(f).accessToken);
                         } catch (const AuthApiError &e) {
                             if (!e.isSessionGone()) {
                                 done.fail(std::current_exception());
                                 return;
                             }
                             // Already gone on the server: nothing to tell.
                             whenFinished(this, cleared, [done](QFuture<void> c) {
                                 done.guard([&] {
                                     valueOf(c);
                                     done.succeed();
                                 });
                             });
                         } catch (...) {
                             done.fail(std::current_exception());
                         }
                     });
    }
    return done.future();
}

} // namespace exegia::auth
