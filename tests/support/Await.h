#pragma once

// Tests only: block on a library future by spinning a local event loop, so
// the client's network replies and timers keep running meanwhile.

#include <QEventLoop>
#include <QFuture>
#include <QFutureWatcher>
#include <QTimer>

#include <optional>
#include <stdexcept>
#include <string>

namespace exegia::test {

template <typename T> T await(QFuture<T> future, int timeoutMs = 20000)
{
    if (!future.isFinished()) {
        QEventLoop loop;
        QFutureWatcher<T> watcher;
        QTimer deadline;
        deadline.setSingleShot(true);
        QObject::connect(&watcher, &QFutureWatcherBase::finished, &loop, &QEventLoop::quit);
        QObject::connect(&deadline, &QTimer::timeout, &loop, &QEventLoop::quit);
        watcher.setFuture(future);
        deadline.start(timeoutMs);
        if (!future.isFinished())
            loop.exec();
    }
    if (!future.isFinished())
        throw std::runtime_error("future did not finish within " + std::to_string(timeoutMs) +
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

// The failure of `future` as an E, or nothing when it succeeded or failed
// otherwise (`other` then says how).
template <typename E, typename T>
std::optional<E> awaitError(QFuture<T> future, std::string *other = nullptr, int timeoutMs = 20000)
{
    try {
        await(future, timeoutMs);
        if (other)
            *other = "succeeded";
    } catch (const E &e) {
        return e;
    } catch (const std::exception &e) {
        if (other)
            *other = std::string("other exception: ") + e.what();
    }
    return std::nullopt;
}

} // namespace exegia::test
