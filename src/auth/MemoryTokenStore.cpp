#include <exegia/auth/MemoryTokenStore.h>

#include <exegia/auth/Errors.h>

#include "detail/Completion.h"

namespace exegia::auth {

namespace {

TokenStoreError unavailable()
{
    return TokenStoreError(TokenStoreError::Kind::Unavailable,
                           QStringLiteral("memory store told to fail"));
}

} // namespace

bool MemoryTokenStore::takeFailure()
{
    if (m_failures <= 0)
        return false;
    --m_failures;
    return true;
}

QFuture<std::optional<StoredSession>> MemoryTokenStore::load()
{
    if (takeFailure())
        return detail::failedFuture<std::optional<StoredSession>>(unavailable());
    return detail::readyFuture(m_stored);
}

QFuture<void> MemoryTokenStore::save(const StoredSession &session)
{
    detail::Completion<void> done;
    if (takeFailure()) {
        done.fail(std::make_exception_ptr(unavailable()));
    } else {
        m_stored = session;
        ++m_saves;
        done.succeed();
    }
    return done.future();
}

QFuture<void> MemoryTokenStore::clear()
{
    detail::Completion<void> done;
    if (takeFailure()) {
        done.fail(std::make_exception_ptr(unavailable()));
    } else {
        m_stored.reset();
        done.succeed();
    }
    return done.future();
}

} // namespace exegia::auth
