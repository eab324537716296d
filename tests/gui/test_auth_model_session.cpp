// AuthModel with the library's SessionManager: restore at start (each
// outcome), sign-out through the manager, and the memory-only notice. A
// MemoryTokenStore shared by two models stands in for the keychain that
// two runs of the app share.
#include "HeadlessBrowser.h"
#include "auth_model_fixture.h"
#include "shared_store.h"

#include <exegia/auth/SessionManager.h>

using namespace exegia::signin;

using namespace guitest;

namespace {

class SessionModelTest : public AuthModelTest
{
protected:
    void SetUp() override { env.storeFactory = SharedStore::factory(&store); }

    // The app started again: a new model on the same store and emulator.
    std::unique_ptr<AuthModel> restart()
    {
        auto next = std::make_unique<AuthModel>();
        next->setEnvironment(env);
        next->setBackend(configFor(emulator), QStringLiteral("Local backend"), true);
        return next;
    }
    static bool settle(AuthModel &m, int timeoutMs = 20000)
    {
        return waitFor([&] { return !m.isBusy(); }, timeoutMs);
    }

    exegia::auth::MemoryTokenStore store;
};

} // namespace

TEST_F(SessionModelTest, AStoredSessionOpensTheAccountAtStart)
{
    start();
    signInAsGuest();
    ASSERT_TRUE(store.stored().has_value());
    auto next = restart();
    EXPECT_EQ(next->state(), State::Restoring);
    EXPECT_EQ(next->page(), AuthModel::Page::Restore);
    ASSERT_TRUE(settle(*next));
    EXPECT_EQ(next->state(), State::SignedInGuest) << next->signInError().toStdString();
    EXPECT_EQ(next->userId(), model.userId());
    EXPECT_EQ(next->displayName(), model.displayName());
}

TEST_F(SessionModelTest, AStoredSessionWithoutAProfileOpensRegister)
{
    exegia::test::HeadlessBrowser browser;
    env.launcher = browser.launcher();
    env.providerParams.insert(QStringLiteral("login_hint"), uniqueEmail(QStringLiteral("half")));
    start();
    model.signInWithProvider(QStringLiteral("google"));
    ASSERT_TRUE(waitState(State::NeedsSignUp)) << model.signInError().toStdString();
    auto next = restart();
    ASSERT_TRUE(settle(*next));
    EXPECT_EQ(next->state(), State::NeedsSignUp);
    EXPECT_EQ(next->page(), AuthModel::Page::Register);
    EXPECT_EQ(next->userId(), model.userId());
}

TEST_F(SessionModelTest, ARefusedSessionLandsOnSignInWithAReason)
{
    start();
    exegia::auth::StoredSession bogus;
    bogus.refreshToken = QStringLiteral("no-such-refresh-token");
    store.save(bogus);
    auto next = restart();
    ASSERT_TRUE(settle(*next));
    EXPECT_EQ(next->state(), State::SignedOut);
    EXPECT_FALSE(next->signInError().isEmpty());
    EXPECT_FALSE(store.stored().has_value());
}

TEST_F(SessionModelTest, ANetworkFailureOffersRetryAndKeepsTheSession)
{
    start();
    signInAsGuest();
    const QString id = model.userId();
    const QString base = emulator.urlString();
    // The server stops answering; the stored session must survive that.
    emulator.stop();
    auto next = std::make_unique<AuthModel>();
    next->setEnvironment(env);
    auto config = configFor(emulator);
    config.projectUrl = QUrl(base);
    next->setBackend(config, QStringLiteral("Local backend"), true);
    ASSERT_TRUE(settle(*next, 60000));
    EXPECT_EQ(next->state(), State::RestoreFailed);
    EXPECT_EQ(next->page(), AuthModel::Page::Restore);
    EXPECT_FALSE(next->restoreError().isEmpty());
    EXPECT_TRUE(store.stored().has_value());
    next->retryRestore();
    EXPECT_EQ(next->state(), State::Restoring);
    ASSERT_TRUE(settle(*next, 60000));
    EXPECT_EQ(next->state(), State::RestoreFailed);
    EXPECT_TRUE(store.stored().has_value());
    EXPECT_FALSE(id.isEmpty());
}

TEST_F(SessionModelTest, NoKeychainMeansANoticeAndMemoryOnly)
{
    store.failNextCalls(100);
    start();
    EXPECT_FALSE(model.persistenceNotice().isEmpty());
    signInAsGuest();
    EXPECT_TRUE(model.persistenceNotice().contains(QStringLiteral("sign in again next time")))
        << model.persistenceNotice().toStdString();
    EXPECT_TRUE(model.sessionManager()->isSignedIn());
}

TEST_F(SessionModelTest, SignOutGoesThroughTheManagerAndClearsTheStore)
{
    start();
    signInAsGuest();
    ASSERT_TRUE(store.stored().has_value());
    model.signOut();
    ASSERT_TRUE(waitState(State::SignedOut));
    EXPECT_FALSE(store.stored().has_value());
    EXPECT_FALSE(model.sessionManager()->isSignedIn());
    EXPECT_EQ(requestCount(emulator, QStringLiteral("POST /auth/v1/logout")), 1);
}

TEST_F(SessionModelTest, SignOutEverywhereEndsTheOtherCopysSession)
{
    start();
    signInAsGuest();
    auto other = restart(); // a second device with the same account
    ASSERT_TRUE(settle(*other));
    ASSERT_EQ(other->state(), State::SignedInGuest);
    model.signOutEverywhere();
    ASSERT_TRUE(waitState(State::SignedOut));
    EXPECT_TRUE(model.signInError().isEmpty()) << model.signInError().toStdString();
    EXPECT_FALSE(store.stored().has_value());
    // The other copy finds out at its next refresh.
    other->sessionManager()->refresh();
    ASSERT_TRUE(waitFor([&] { return other->state() == State::SignedOut; }));
    EXPECT_FALSE(other->signInError().isEmpty());
}

TEST_F(SessionModelTest, AnUnknownPublishableKeyIsWordedAndTheSessionKept)
{
    // The app is configured with a key the project does not know (rotated,
    // mistyped): an opaque sb_publishable_ key, in either emulator mode.
    start();
    signInAsGuest();
    auto next = std::make_unique<AuthModel>();
    next->setEnvironment(env);
    auto config = configFor(emulator);
    config.publishableKey = QStringLiteral("sb_publishable_not-this-projects-key");
    next->setBackend(config, QStringLiteral("Local backend"), true);
    ASSERT_TRUE(settle(*next, 60000));
    EXPECT_TRUE(next->restoreError().startsWith(QStringLiteral("The project key was refused")))
        << next->restoreError().toStdString();
    EXPECT_NE(next->state(), State::SignedOut);
    EXPECT_TRUE(store.stored().has_value()); // the session is kept
}
