// SessionManager::restore() against the emulator: each RestoreResult, and
// what happens to the stored session in each case.
#include "session_fixture.h"

#include <exegia/auth/SessionManager.h>

#include <gtest/gtest.h>

using namespace exegia;
using namespace exegia::test;
using auth::RestoreResult;
using auth::SessionManager;

namespace {

class SessionRestoreTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        QString error;
        ASSERT_TRUE(emu.start({}, &error)) << error.toStdString();
    }
    // A fresh manager on the shared store: what a restarted app would have.
    std::unique_ptr<SessionManager> restartedApp()
    {
        return std::make_unique<SessionManager>(&emu.client(),
                                                std::make_unique<SharedStore>(&store));
    }
    // Signs a guest in through one manager and drops it, leaving the store.
    auth::Session previousRun()
    {
        const auth::Session s = emu.guestSession();
        EXPECT_TRUE(await(restartedApp()->signIn(s)));
        return s;
    }

    SessionEmulator emu;
    auth::MemoryTokenStore store;
};

} // namespace

TEST_F(SessionRestoreTest, RestoresTheStoredSessionAndTheUser)
{
    const auth::Session before = previousRun();
    auto m = restartedApp();
    QStringList signedIn;
    QObject::connect(m.get(), &SessionManager::signedIn,
                     [&](const auth::User &u) { signedIn.append(u.id); });
    const RestoreResult r = await(m->restore());
    ASSERT_EQ(r.status, RestoreResult::Status::Restored) << r.message.toStdString();
    ASSERT_TRUE(r.currentUser.has_value());
    EXPECT_EQ(r.currentUser->id(), before.user.id);
    EXPECT_TRUE(r.currentUser->isAnonymous());
    EXPECT_FALSE(r.currentUser->hasProfile()); // the app goes to Register
    EXPECT_EQ(signedIn, QStringList{before.user.id});
    EXPECT_TRUE(m->isSignedIn());
    // The stored token was spent by the refresh: the new one replaced it.
    ASSERT_TRUE(store.stored().has_value());
    EXPECT_NE(store.stored()->refreshToken, before.refreshToken);
    EXPECT_EQ(store.stored()->refreshToken, m->session()->refreshToken);
    EXPECT_EQ(emu.refreshCount(), 1);
}

TEST_F(SessionRestoreTest, NothingStored)
{
    auto m = restartedApp();
    const RestoreResult r = await(m->restore());
    EXPECT_EQ(r.status, RestoreResult::Status::NoStoredSession);
    EXPECT_FALSE(m->isSignedIn());
    EXPECT_EQ(emu.refreshCount(), 0);
}

TEST_F(SessionRestoreTest, RefusedTokenClearsTheStore)
{
    await(store.save({QStringLiteral("no-such-refresh-token"), QString(), QDateTime()}));
    auto m = restartedApp();
    int signedOut = 0;
    QObject::connect(m.get(), &SessionManager::signedOut, [&] { ++signedOut; });
    const RestoreResult r = await(m->restore());
    EXPECT_EQ(r.status, RestoreResult::Status::Refused);
    EXPECT_EQ(r.errorCode, u"refresh_token_not_found");
    EXPECT_FALSE(r.message.isEmpty());
    EXPECT_FALSE(store.stored().has_value());
    EXPECT_FALSE(m->isSignedIn());
    EXPECT_EQ(signedOut, 0) << "nobody was signed in";
}

TEST_F(SessionRestoreTest, DeletedUserIsRefusedAndTheStoreCleared)
{
    const auth::Session before = previousRun();
    ASSERT_TRUE(emu.deleteUser(before.user.id));
    auto m = restartedApp();
    const RestoreResult r = await(m->restore());
    EXPECT_EQ(r.status, RestoreResult::Status::Refused);
    EXPECT_FALSE(r.errorCode.isEmpty());
    EXPECT_FALSE(store.stored().has_value());
    EXPECT_FALSE(m->isSignedIn());
}

TEST_F(SessionRestoreTest, NetworkFailureKeepsTheStoreForRetry)
{
    const auth::Session before = previousRun();
    // Past the immediate same-token retries (4) that absorb a lost answer.
    ASSERT_TRUE(emu.injectFault(QStringLiteral("POST"), QStringLiteral("/auth/v1/token"), 503, 4));
    auto m = restartedApp();
    const RestoreResult failed = await(m->restore());
    EXPECT_EQ(failed.status, RestoreResult::Status::NetworkFailure);
    EXPECT_FALSE(failed.message.isEmpty());
    EXPECT_FALSE(m->isSignedIn());
    ASSERT_TRUE(store.stored().has_value());
    EXPECT_EQ(store.stored()->refreshToken, before.refreshToken);

    const RestoreResult retried = await(m->restore()); // the Retry button
    EXPECT_EQ(retried.status, RestoreResult::Status::Restored) << retried.message.toStdString();
    EXPECT_TRUE(m->isSignedIn());
}

TEST_F(SessionRestoreTest, UserFetchFailureKeepsTheNewSessionAndRetriesOnlyTheFetch)
{
    previousRun();
    // 500, not 503: the transport itself retries GETs on 502-504.
    ASSERT_TRUE(emu.injectFault(QStringLiteral("GET"), QStringLiteral("/auth/v1/user"), 500, 1));
    auto m = restartedApp();
    const RestoreResult failed = await(m->restore());
    EXPECT_EQ(failed.status, RestoreResult::Status::NetworkFailure);
    EXPECT_EQ(store.stored()->refreshToken, m->session()->refreshToken);
    const RestoreResult retried = await(m->restore());
    EXPECT_EQ(retried.status, RestoreResult::Status::Restored);
    EXPECT_EQ(emu.refreshCount(), 1) << "the retry must not spend another refresh token";
}

TEST_F(SessionRestoreTest, ConcurrentRestoresShareOneRun)
{
    previousRun();
    auto m = restartedApp();
    auto a = m->restore();
    auto b = m->restore();
    EXPECT_EQ(await(a).status, RestoreResult::Status::Restored);
    EXPECT_EQ(await(b).status, RestoreResult::Status::Restored);
    EXPECT_EQ(emu.refreshCount(), 1);
}

TEST_F(SessionRestoreTest, UnavailableStoreIsReportedAndTheSessionStaysInMemory)
{
    auto m = restartedApp();
    int unavailable = 0;
    QObject::connect(m.get(), &SessionManager::persistenceUnavailable, [&] { ++unavailable; });
    store.failNextCalls(1);
    EXPECT_EQ(await(m->restore()).status, RestoreResult::Status::StoreUnavailable);
    EXPECT_EQ(unavailable, 1);

    store.failNextCalls(1);
    EXPECT_FALSE(await(m->signIn(emu.guestSession()))) << "not stored";
    EXPECT_EQ(unavailable, 2);
    EXPECT_FALSE(m->isPersistent());
    // Memory only from now on: refreshes work and never touch the store.
    const int saves = store.saveCount();
    EXPECT_FALSE(await(m->refresh()).isEmpty());
    EXPECT_EQ(store.saveCount(), saves);
    EXPECT_FALSE(store.stored().has_value());
}

TEST_F(SessionRestoreTest, SignInReplacesTheSessionWithoutSigningOut)
{
    auto m = restartedApp();
    int signedOut = 0;
    int signedIn = 0;
    QObject::connect(m.get(), &SessionManager::signedOut, [&] { ++signedOut; });
    QObject::connect(m.get(), &SessionManager::signedIn, [&] { ++signedIn; });
    const auth::Session first = emu.guestSession();
    const auth::Session second = emu.guestSession();
    m->signIn(expiredCopy(first));
    auto waiting = m->accessToken(); // joins a refresh of the first session
    // ...which is still on its way when a new session arrives (e.g. a guest
    // linked Google).
    EXPECT_TRUE(await(m->signIn(second)));
    EXPECT_EQ(await(waiting), second.accessToken);
    EXPECT_EQ(signedOut, 0);
    EXPECT_EQ(signedIn, 2);
    EXPECT_EQ(store.stored()->refreshToken, second.refreshToken);
    letTimePass(200); // the first session's refresh answer arrives and is dropped
    EXPECT_EQ(m->session()->refreshToken, second.refreshToken);
    EXPECT_EQ(store.stored()->refreshToken, second.refreshToken);
}
