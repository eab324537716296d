#pragma once

#include <exegia/auth/TokenStore.h>

namespace exegia::auth {

// A TokenStore that lives as long as the object: for tests, and for a
// program that must not persist anything. Calls finish at once.
// failNextCalls() makes it behave like a keychain that is not there.
class MemoryTokenStore : public TokenStore
{
public:
    QFuture<std::optional<StoredSession>> load() override;
    QFuture<void> save(const StoredSession &session) override;
    QFuture<void> clear() override;

    // Test hooks: what is stored right now, how many saves happened, and a
    // switch that makes the next `count` calls fail with Unavailable.
    const std::optional<StoredSession> &stored() const { return m_stored; }
    int saveCount() const { return m_saves; }
    void failNextCalls(int count) { m_failures = count; }

private:
    bool takeFailure();

    std::optional<StoredSession> m_stored;
    int m_saves = 0;
    int m_failures = 0;
};

} // namespace exegia::auth
