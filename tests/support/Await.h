#pragma once

// Tests only: the library's await (exegia/auth/Await.h) with a timeout in
// milliseconds, and awaitError for the failure a test expects.

#include <exegia/auth/Await.h>

#include <optional>
#include <stdexcept>
#include <string>

namespace exegia::test {

using auth::await;

template <typename T> T await(QFuture<T> future, int timeoutMs)
{
    return auth::await(future, std::chrono::milliseconds(timeoutMs));
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
