#pragma once

#include "detail/Async.h"
#include "detail/Completion.h"

namespace exegia::auth::detail {

// One step of a multi-request flow: when `future` succeeds, `next(value)`
// runs on `context`'s thread; a failure of `future`, or anything `next`
// throws, fails `done`. Keeps flows flat instead of nesting callbacks.
template <typename R, typename T, typename F>
void step(QObject *context, const Completion<R> &done, const QFuture<T> &future, F next)
{
    whenFinished(context, future, [done, next = std::move(next)](QFuture<T> f) mutable {
        done.guard([&] {
            if constexpr (std::is_void_v<T>) {
                valueOf(f);
                next();
            } else {
                next(valueOf(f));
            }
        });
    });
}

// Finishes `done` with whatever `future` ends with.
template <typename T>
void forward(QObject *context, const Completion<T> &done, const QFuture<T> &future)
{
    step(context, done, future, [done](T value) { done.succeed(std::move(value)); });
}

} // namespace exegia::auth::detail
