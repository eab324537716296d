#pragma once

// The library's one asynchronous idiom: a flow owns
// one Completion (its public future) and chains its requests with step();
// each step runs when the previous future succeeded, and any failure or
// throw ends the flow by failing the Completion. No nesting, no watchers
// by hand:
//
//   Completion<Session> done;
//   step(this, done, transport->request(a), [=, this](const HttpReply &r) {
//       const User user = authUser(r);           // throws: fails `done`
//       forward(this, done, exchange(user));     // the flow's last future
//   });
//   return done.future();

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

// The same, with `recover(error)` deciding what a failure of `future` means
// (it may settle `done`, start another step, or rethrow to fail `done`).
template <typename R, typename T, typename F, typename G>
void step(QObject *context, const Completion<R> &done, const QFuture<T> &future, F next, G recover)
{
    whenFinished(
        context, future,
        [done, next = std::move(next), recover = std::move(recover)](QFuture<T> f) mutable {
            std::exception_ptr failure;
            done.guard([&] {
                if constexpr (std::is_void_v<T>) {
                    try {
                        valueOf(f);
                    } catch (...) {
                        failure = std::current_exception();
                    }
                    if (!failure)
                        next();
                } else {
                    std::optional<T> value;
                    try {
                        value = valueOf(f);
                    } catch (...) {
                        failure = std::current_exception();
                    }
                    if (!failure)
                        next(std::move(*value));
                }
                if (failure)
                    recover(failure);
            });
        });
}

// Finishes `done` with whatever `future` ends with.
template <typename T>
void forward(QObject *context, const Completion<T> &done, const QFuture<T> &future)
{
    if constexpr (std::is_void_v<T>)
        step(context, done, future, [done] { done.succeed(); });
    else
        step(context, done, future, [done](T value) { done.succeed(std::move(value)); });
}

} // namespace exegia::auth::detail
