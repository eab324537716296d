#pragma once

#include <exegia/auth/Errors.h>

#include <QFuture>
#include <QFutureWatcher>
#include <QObject>

namespace exegia::auth::detail {

// Calls `next(future)` on `context`'s thread once `future` is finished,
// whether it succeeded, failed or was cancelled. Unlike QFuture::then(context)
// on Qt 6.4, a destroyed context is safe: the watcher goes with it and `next`
// never runs.
template <typename T, typename F>
void whenFinished(QObject *context, const QFuture<T> &future, F next)
{
    auto *watcher = new QFutureWatcher<T>(context);
    QObject::connect(watcher, &QFutureWatcherBase::finished, context,
                     [watcher, next = std::move(next)]() mutable {
                         watcher->deleteLater();
                         next(watcher->future());
                     });
    watcher->setFuture(future);
}

// The value of a finished future; rethrows its exception. A cancelled future
// (its producer went away) becomes a NetworkError so callers see a failure.
template <typename T> T valueOf(QFuture<T> future)
{
    if constexpr (std::is_void_v<T>) {
        future.waitForFinished(); // rethrows
        if (future.isCanceled())
            throw NetworkError(NetworkError::Kind::Other, QStringLiteral("request cancelled"));
    } else {
        if (future.isCanceled() && future.resultCount() == 0) {
            future.waitForFinished(); // rethrows a stored exception, if any
            throw NetworkError(NetworkError::Kind::Other, QStringLiteral("request cancelled"));
        }
        return future.result();
    }
}

} // namespace exegia::auth::detail
