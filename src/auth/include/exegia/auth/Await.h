#pragma once

// Waiting for a library future by spinning a local event loop, so the
// client's network replies and timers keep running meanwhile.
//
// For command-line programs and tests only; never on a GUI thread (a nested
// event loop there re-enters the GUI's handlers; use .then(context, ...)).

#include <QEventLoop>
#include <QFuture>
#include <QFutureWatcher>
#include <QTimer>

#include <chrono>
#include <stdexcept>
#include <string>
#include <type_traits>

namespace exegia::auth {

// The value of `future`, or its exception rethrown. Throws
// std::runtime_error when it does not finish within `timeout`, or finishes
// cancelled (its producer went away) without an exception.
template <typename T>
T await(QFuture<T> future, std::chrono::milliseconds timeout = std::chrono::seconds(20))
{
    if (!future.isFinished()) {
        QEventLoop loop;
        QFutureWatcher<T> watcher;
        QTimer deadline;
        deadline.setSingleShot(true);
        QObject::connect(&watcher, &QFutureWatcherBase::finished, &loop, &QEventLoop::quit);
        QObject::connect(&deadline, &QTimer::timeout, &loop, &QEventLoop::quit);
        watcher.setFuture(future);
        deadline.start(timeout);
        if (!future.isFinished())
            loop.exec();
    }
    if (!future.isFinished())
        throw std::runtime_error("future did not finish within " + std::to_string(timeout.count()) +
                                 " ms");
    if constexpr (std::is_void_v<T>) {
        future.waitForFinished(); // rethrows
        if (future.isCanceled())
            throw std::runtime_error("future was cancelled");
    } else {
        if (future.resultCount() == 0) {
            future.waitForFinished(); // rethrows
            throw std::runtime_error("future finished without a result");
        }
        return future.result();
    }
}

} // namespace exegia::auth
