#pragma once

#include <exegia/auth/MemoryTokenStore.h>

#include <memory>

namespace guitest {

// A TokenStore that forwards to one MemoryTokenStore owned by the test, so
// a second AuthModel (a "restarted app") finds what the first one stored,
// as two runs of the app share one keychain entry.
class SharedStore : public exegia::auth::TokenStore
{
public:
    explicit SharedStore(exegia::auth::MemoryTokenStore *store)
        : m_store(store)
    {}
    QFuture<std::optional<exegia::auth::StoredSession>> load() override { return m_store->load(); }
    QFuture<void> save(const exegia::auth::StoredSession &s) override { return m_store->save(s); }
    QFuture<void> clear() override { return m_store->clear(); }

    static auto factory(exegia::auth::MemoryTokenStore *store)
    {
        return [store](const QUrl &) -> std::unique_ptr<exegia::auth::TokenStore> {
            return std::make_unique<SharedStore>(store);
        };
    }

private:
    exegia::auth::MemoryTokenStore *m_store;
};

} // namespace guitest
