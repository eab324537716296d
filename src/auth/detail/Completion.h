#pragma once

#include <QFuture>
#include <QPromise>

#include <exception>
#include <memory>
#include <type_traits>

namespace exegia::auth::detail {

// The producing end of one public QFuture. Copies share the promise so the
// steps of a multi-request flow can each hold it; the first outcome wins.
// If every copy is dropped unfinished (the client was destroyed), QPromise's
// destructor cancels the future, so a waiting caller is never left hanging.
template <typename T> class Completion
{
public:
    Completion()
        : m_promise(std::make_shared<QPromise<T>>())
    {
        m_promise->start();
    }

    QFuture<T> future() const { return m_promise->future(); }
    bool isDone() const { return m_promise->future().isFinished(); }

    template <typename U = T>
    requires(!std::is_void_v<U>) void succeed(std::type_identity_t<U> value) const
    {
        if (isDone())
            return;
        m_promise->addResult(std::move(value));
        m_promise->finish();
    }

    void succeed() const requires std::is_void_v<T>
    {
        if (isDone())
            return;
        m_promise->finish();
    }

    void fail(std::exception_ptr error) const
    {
        if (isDone())
            return;
        m_promise->setException(error);
        m_promise->finish();
    }

    // Runs one step of the flow; whatever it throws (a typed error, a parse
    // failure) fails the future instead of escaping into the event loop.
    template <typename F> void guard(F &&step) const
    {
        try {
            step();
        } catch (...) {
            fail(std::current_exception());
        }
    }

private:
    std::shared_ptr<QPromise<T>> m_promise;
};

template <typename T> QFuture<T> readyFuture(T value)
{
    Completion<T> completion;
    completion.succeed(std::move(value));
    return completion.future();
}

template <typename T, typename E> QFuture<T> failedFuture(const E &error)
{
    Completion<T> completion;
    completion.fail(std::make_exception_ptr(error));
    return completion.future();
}

} // namespace exegia::auth::detail
