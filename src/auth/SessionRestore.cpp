#include <exegia/auth/AuthClient.h>
#include <exegia/auth/SessionManager.h>

#include "detail/Async.h"
#include "detail/Logging.h"
#include "detail/SessionManagerPrivate.h"

// restore(): the start-up path, from the stored refresh token to the
// signed-in user (or a reason why not).

namespace exegia::auth {

using detail::Completion;
using detail::failedRestore;
using detail::reasonFor;
using detail::result;
using detail::valueOf;
using detail::whenFinished;

QFuture<RestoreResult> SessionManager::restore()
{
    if (d->restoring)
        return d->restoring->future();
    Completion<RestoreResult> done;
    d->restoring = done;
    auto finish = [this, done](const RestoreResult &r) {
        d->restoring.reset();
        done.succeed(r);
    };
    if (d->session) {
        fetchUser(finish);
        return done.future();
    }
    if (!d->store) {
        finish(result(RestoreResult::Status::NoStoredSession));
        return done.future();
    }
    d->persistent = true;
    whenFinished(this, d->store->load(), [this, finish](QFuture<std::optional<StoredSession>> f) {
        std::optional<StoredSession> stored;
        try {
            stored = valueOf(f);
        } catch (const Error &e) {
            qCWarning(lcAuth) << "could not read the stored session:" << e.what();
            markUnavailable(QString::fromUtf8(e.what()));
            RestoreResult r =
                result(RestoreResult::Status::StoreUnavailable, QString::fromUtf8(e.what()));
            r.error = std::current_exception();
            finish(r);
            return;
        }
        if (d->session) { // signed in meanwhile: that session wins
            fetchUser(finish);
            return;
        }
        if (!stored) {
            finish(result(RestoreResult::Status::NoStoredSession));
            return;
        }
        const quint64 generation = d->generation;
        const QString storedUserId = stored->userId;
        whenFinished(this, d->client->refreshSession(stored->refreshToken),
                     [this, finish, generation, storedUserId](QFuture<Session> r) {
                         Session fresh;
                         try {
                             fresh = valueOf(r);
                         } catch (...) {
                             RestoreResult failed = failedRestore(std::current_exception());
                             if (failed.status == RestoreResult::Status::Refused && !d->session)
                                 clearStore();
                             finish(failed);
                             return;
                         }
                         if (!storedUserId.isEmpty() && storedUserId != fresh.user.id)
                             qCWarning(lcAuth) << "stored session belonged to another user id";
                         // As for every refresh: the rotated token is saved before
                         // the spent one is forgotten.
                         whenFinished(this, persist(fresh),
                                      [this, finish, generation, fresh](QFuture<bool>) {
                                          if (generation == d->generation && !d->session) {
                                              ++d->generation;
                                              adopt(fresh, true);
                                          }
                                          fetchUser(finish);
                                      });
                     });
    });
    return done.future();
}

void SessionManager::fetchUser(const std::function<void(RestoreResult)> &finish)
{
    whenFinished(this, accessToken(), [this, finish](QFuture<QString> t) {
        QString token;
        try {
            token = valueOf(t);
        } catch (...) {
            finish(failedRestore(std::current_exception()));
            return;
        }
        const quint64 generation = d->generation;
        whenFinished(this, d->client->getCurrentUserRecord(token),
                     [this, finish, generation](QFuture<std::optional<CurrentUser>> u) {
                         std::optional<CurrentUser> user;
                         try {
                             user = valueOf(u);
                         } catch (...) {
                             RestoreResult failed = failedRestore(std::current_exception());
                             if (failed.status == RestoreResult::Status::Refused &&
                                 generation == d->generation)
                                 endSession(reasonFor(failed.errorCode), failed.errorCode);
                             finish(failed);
                             return;
                         }
                         if (!user) { // the user was deleted
                             const QString code = wire::kUserNotFound;
                             if (generation == d->generation)
                                 endSession(SignOutReason::UserGone, code);
                             finish(result(RestoreResult::Status::Refused,
                                           QStringLiteral("the user no longer exists"), code));
                             return;
                         }
                         RestoreResult ok = result(RestoreResult::Status::Restored);
                         ok.currentUser = std::move(user);
                         finish(ok);
                     });
    });
}

} // namespace exegia::auth
