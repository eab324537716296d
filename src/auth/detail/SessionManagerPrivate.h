#pragma once

// SessionManager's state, shared by SessionManager.cpp (tokens, refresh,
// sign-out) and SessionRestore.cpp (start-up restore).

#include <exegia/auth/Errors.h>
#include <exegia/auth/SessionManager.h>

#include "detail/Logging.h"
#include "detail/Wire.h"

#include "detail/Completion.h"
#include "detail/TokenClock.h"

#include <QElapsedTimer>
#include <QTimer>

#include <algorithm>

namespace exegia::auth {

namespace detail {

inline SessionManager::SignOutReason reasonFor(const QString &errorCode)
{
    return errorCode == wire::kUserNotFound ? SessionManager::SignOutReason::UserGone
                                            : SessionManager::SignOutReason::Refused;
}

inline RestoreResult result(RestoreResult::Status status, const QString &message = {},
                            const QString &errorCode = {})
{
    RestoreResult r;
    r.status = status;
    r.message = message;
    r.errorCode = errorCode;
    return r;
}

// The result of a failed step of restore(): refused means signed out for
// good; anything else is worth a Retry and keeps the stored session.
inline RestoreResult failedRestore(std::exception_ptr error)
{
    RestoreResult r;
    r.status = RestoreResult::Status::NetworkFailure;
    r.error = error;
    try {
        std::rethrow_exception(error);
    } catch (const AuthApiError &e) {
        if (e.isSessionGone()) {
            r.status = RestoreResult::Status::Refused;
            r.errorCode = e.errorCode();
        }
        r.message = QString::fromUtf8(e.what());
    } catch (const SessionError &e) {
        r.status = RestoreResult::Status::Refused;
        r.message = QString::fromUtf8(e.what());
    } catch (const std::exception &e) {
        r.message = QString::fromUtf8(e.what());
    } catch (...) {
        r.message = QStringLiteral("could not restore the session");
    }
    return r;
}

} // namespace detail

struct SessionManager::Private
{
    Private(SessionManager *q, AuthClient *client, std::unique_ptr<TokenStore> store,
            const SessionManagerOptions &options)
        : client(client)
        , store(std::move(store))
        , options(options)
        , clock(q, options.wakeCheckInterval, [q](qint64 jumpMs) {
            qCInfo(lcAuth) << "clock jumped by" << jumpMs / 1000 << "s (sleep?); checking session";
            q->checkNow();
        })
    {
        refreshTimer.setSingleShot(true);
        // Coarse timers may fire 5% late: 3 minutes on an hour-long token,
        // more than the whole margin.
        refreshTimer.setTimerType(Qt::PreciseTimer);
    }

    AuthClient *client;
    std::unique_ptr<TokenStore> store;
    SessionManagerOptions options;
    std::optional<Session> session;
    detail::TokenClock clock;
    QTimer refreshTimer;
    // Bumped whenever the session is replaced or ended, so answers that
    // arrive for an older one are dropped.
    quint64 generation = 0;
    std::optional<detail::Completion<QString>> flight;
    int failures = 0;
    QElapsedTimer sinceFailure;
    bool persistent = true;
    // The current session's aal, to emit assuranceChanged only on a change.
    AssuranceLevel assurance = AssuranceLevel::None;
    std::optional<detail::Completion<RestoreResult>> restoring;

    qint64 marginMs() const
    {
        return std::min<qint64>(std::chrono::milliseconds(options.refreshMargin).count(),
                                clock.lifetimeMs() / 4);
    }
    // Below this a token is too close to expiry to hand out: the request
    // it is for could arrive after it expired.
    qint64 minUsableMs() const { return std::min<qint64>(10000, clock.lifetimeMs() / 10); }
    qint64 backoffMs() const
    {
        if (failures == 0)
            return 0;
        const qint64 first = options.retryInitialDelay.count();
        const qint64 delay = first << std::min(failures - 1, 20);
        return std::min(delay, qint64(options.retryMaxDelay.count()));
    }
};

} // namespace exegia::auth
