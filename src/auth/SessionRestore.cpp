#include <exegia/auth/AuthClient.h>
#include <exegia/auth/SessionManager.h>

#include "detail/Async.h"
#include "detail/Chain.h"
#include "detail/Logging.h"
#include "detail/SessionManagerPrivate.h"

// restore(): the start-up path, from the stored refresh token to the
// signed-in user (or a reason why not).

namespace exegia::auth {

using detail::Completion;
using detail::failedRestore;
using detail::reasonFor;
using detail::result;
using detail::step;
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
    auto unreadable = [this, finish](std::exception_ptr error) {
        RestoreResult r = failedRestore(error);
        qCWarning(lcAuth) << "could not read the stored session:" << r.message;
        markUnavailable(r.message);
        r.status = RestoreResult::Status::StoreUnavailable;
        finish(r);
    };
    step(
        this, done, d->store->load(),
        [this, finish](const std::optional<StoredSession> &stored) { restoreFrom(stored, finish); },
        unreadable);
    return done.future();
}

void SessionManager::restoreFrom(const std::optional<StoredSession> &stored, const Finish &finish)
{
    if (d->session) // signed in meanwhile: that session wins
        return fetchUser(finish);
    if (!stored)
        return finish(result(RestoreResult::Status::NoStoredSession));
    const quint64 generation = d->generation;
    const QString storedUserId = stored->userId;
    auto refused = [this, finish](std::exception_ptr error) {
        const RestoreResult failed = failedRestore(error);
        if (failed.status == RestoreResult::Status::Refused && !d->session)
            clearStore();
        finish(failed);
    };
    step(
        this, *d->restoring, spend(stored->refreshToken),
        [=, this](const Session &fresh) {
            if (!storedUserId.isEmpty() && storedUserId != fresh.user.id)
                qCWarning(lcAuth) << "stored session belonged to another user id";
            // As for every refresh: the rotated token is saved before the
            // spent one is forgotten.
            whenFinished(this, persist(fresh), [=, this](QFuture<bool>) {
                if (generation == d->generation && !d->session) {
                    ++d->generation;
                    adopt(fresh, true);
                }
                fetchUser(finish);
            });
        },
        refused);
}

void SessionManager::fetchUser(const Finish &finish)
{
    // Every way here runs inside restore(), which made the flow's Completion.
    const Completion<RestoreResult> done = *d->restoring;
    auto noToken = [finish](std::exception_ptr error) { finish(failedRestore(error)); };
    step(
        this, done, accessToken(),
        [=, this](const QString &token) {
            const quint64 generation = d->generation;
            auto refused = [=, this](std::exception_ptr error) {
                const RestoreResult failed = failedRestore(error);
                if (failed.status == RestoreResult::Status::Refused && generation == d->generation)
                    endSession(reasonFor(failed.errorCode), failed.errorCode);
                finish(failed);
            };
            auto fetched = [=, this](std::optional<CurrentUser> user) {
                if (!user) { // the user was deleted
                    const QString code = wire::kUserNotFound;
                    if (generation == d->generation)
                        endSession(SignOutReason::UserGone, code);
                    return finish(result(RestoreResult::Status::Refused,
                                         QStringLiteral("the user no longer exists"), code));
                }
                RestoreResult ok = result(RestoreResult::Status::Restored);
                ok.currentUser = std::move(user);
                finish(ok);
            };
            step(this, done, d->client->getCurrentUserRecord(token), fetched, refused);
        },
        noToken);
}

} // namespace exegia::auth
