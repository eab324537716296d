// AuthModel against the emulator: registering, the account and signing out.
#include "auth_model_fixture.h"

#include <exegia/auth/AuthClient.h>

#include <QSignalSpy>

using namespace exegia::signin;

using namespace guitest;

class AccountModelTest : public AuthModelTest
{
protected:
    void needsSignUp(const QString &email)
    {
        const QString code = requestFreshCode(email);
        ASSERT_FALSE(code.isEmpty());
        model.verifyCode(code);
        ASSERT_TRUE(waitState(State::NeedsSignUp)) << model.codeError().toStdString();
    }
};

TEST_F(AccountModelTest, CreateProfileChecksItsFieldsFirst)
{
    start();
    needsSignUp(uniqueEmail(QStringLiteral("fields")));
    model.createProfile(QStringLiteral("   "), QStringLiteral("ftp://example.test/x"));
    EXPECT_EQ(model.state(), State::NeedsSignUp);
    EXPECT_FALSE(model.displayNameError().isEmpty());
    EXPECT_FALSE(model.avatarUrlError().isEmpty());
    model.createProfile(QString(81, u'x'), {});
    EXPECT_TRUE(model.displayNameError().contains(QStringLiteral("80")));
    EXPECT_TRUE(model.avatarUrlError().isEmpty());
    EXPECT_EQ(requestCount(emulator, QStringLiteral("POST /rest/v1/users")), 0);
}

TEST_F(AccountModelTest, CreateProfileServerFailureStaysOnRegister)
{
    start();
    needsSignUp(uniqueEmail(QStringLiteral("insertfail")));
    ASSERT_TRUE(
        injectFault(emulator, QStringLiteral("POST"), QStringLiteral("/rest/v1/users"), 500));
    model.createProfile(QStringLiteral("Name"), {});
    ASSERT_TRUE(waitIdle());
    EXPECT_EQ(model.state(), State::NeedsSignUp);
    EXPECT_FALSE(model.registerError().isEmpty());
    // Trying again works.
    model.createProfile(QStringLiteral("Name"), {});
    ASSERT_TRUE(waitState(State::SignedIn)) << model.registerError().toStdString();
}

TEST_F(AccountModelTest, CancelSignUpSignsTheSessionOut)
{
    start();
    needsSignUp(uniqueEmail(QStringLiteral("cancel")));
    const int before = requestCount(emulator, QStringLiteral("POST /auth/v1/logout"));
    model.cancelSignUp();
    EXPECT_EQ(model.busyAction(), AuthModel::Action::CancelSignUp);
    ASSERT_TRUE(waitState(State::SignedOut));
    EXPECT_EQ(requestCount(emulator, QStringLiteral("POST /auth/v1/logout")), before + 1);
    EXPECT_TRUE(model.userId().isEmpty());
}

TEST_F(AccountModelTest, CancelSignUpEndsLocallyEvenWhenTheServerFails)
{
    start();
    needsSignUp(uniqueEmail(QStringLiteral("cancelfail")));
    ASSERT_TRUE(
        injectFault(emulator, QStringLiteral("POST"), QStringLiteral("/auth/v1/logout"), 500));
    model.cancelSignUp();
    ASSERT_TRUE(waitState(State::SignedOut));
    EXPECT_TRUE(model.userId().isEmpty());
}

TEST_F(AccountModelTest, UpdateDisplayNamePatchesTheOwnRow)
{
    start();
    signInAsGuest();
    QSignalSpy user(&model, &AuthModel::userChanged);
    model.updateDisplayName(QStringLiteral("Renamed Guest"));
    EXPECT_EQ(model.busyAction(), AuthModel::Action::SaveDisplayName);
    EXPECT_EQ(model.page(), AuthModel::Page::Account);
    ASSERT_TRUE(waitState(State::SignedInGuest));
    EXPECT_EQ(model.displayName(), QStringLiteral("Renamed Guest"));
    EXPECT_FALSE(model.notice().isEmpty());
    EXPECT_GE(user.count(), 1);
    EXPECT_EQ(requestCount(emulator, QStringLiteral("PATCH /rest/v1/users")), 1);
}

TEST_F(AccountModelTest, UpdateDisplayNameRefusesAnEmptyName)
{
    start();
    signInAsGuest();
    model.updateDisplayName(QStringLiteral("  "));
    EXPECT_EQ(model.state(), State::SignedInGuest);
    EXPECT_FALSE(model.displayNameError().isEmpty());
}

TEST_F(AccountModelTest, UpdateDisplayNameServerErrorIsInline)
{
    start();
    signInAsGuest();
    ASSERT_TRUE(
        injectFault(emulator, QStringLiteral("PATCH"), QStringLiteral("/rest/v1/users"), 500, 3));
    model.updateDisplayName(QStringLiteral("Nope"));
    ASSERT_TRUE(waitIdle());
    EXPECT_EQ(model.state(), State::SignedInGuest);
    EXPECT_FALSE(model.displayNameError().isEmpty());
    EXPECT_NE(model.displayName(), QStringLiteral("Nope"));
}

TEST_F(AccountModelTest, ARefusedTokenIsCheckedByARefreshBeforeSigningOut)
{
    start();
    signInAsGuest();
    // One 401 while the session is fine: the manager refreshes and the
    // person stays signed in, with the failed save explained.
    ASSERT_TRUE(
        injectFault(emulator, QStringLiteral("PATCH"), QStringLiteral("/rest/v1/users"), 401));
    model.updateDisplayName(QStringLiteral("Kept"));
    ASSERT_TRUE(waitIdle());
    ASSERT_TRUE(waitFor([&] { return !model.sessionManager()->isRefreshing(); }));
    EXPECT_EQ(model.state(), State::SignedInGuest);
    EXPECT_EQ(
        requestCount(emulator, QStringLiteral("POST /auth/v1/token?grant_type=refresh_token")), 1);
}

TEST_F(AccountModelTest, RevokedSessionSignsOutWithAnExplanation)
{
    start();
    signInAsGuest();
    // Signed out everywhere from elsewhere: the refresh token is dead too.
    exegia::auth::AuthClient other(configFor(emulator));
    QFuture<void> revoked = other.signOut(model.sessionManager()->validAccessToken(),
                                          exegia::auth::SignOutScope::Global);
    ASSERT_TRUE(waitFor([&] { return revoked.isFinished(); }));
    ASSERT_TRUE(
        injectFault(emulator, QStringLiteral("PATCH"), QStringLiteral("/rest/v1/users"), 401));
    model.updateDisplayName(QStringLiteral("Gone"));
    ASSERT_TRUE(waitState(State::SignedOut));
    EXPECT_TRUE(model.signInError().contains(QStringLiteral("sign in again")))
        << model.signInError().toStdString();
    EXPECT_FALSE(model.sessionManager()->isSignedIn());
}

TEST_F(AccountModelTest, SignOutReturnsToSignIn)
{
    start();
    signInAsGuest();
    model.signOut();
    EXPECT_EQ(model.busyAction(), AuthModel::Action::SignOut);
    ASSERT_TRUE(waitState(State::SignedOut));
    EXPECT_TRUE(model.userId().isEmpty());
    EXPECT_TRUE(model.signInError().isEmpty());
    EXPECT_EQ(requestCount(emulator, QStringLiteral("POST /auth/v1/logout")), 1);
}

TEST_F(AccountModelTest, SignOutEverywhereReportsAnUnreachableServer)
{
    start();
    signInAsGuest();
    ASSERT_TRUE(
        injectFault(emulator, QStringLiteral("POST"), QStringLiteral("/auth/v1/logout"), 500));
    model.signOutEverywhere();
    EXPECT_EQ(model.busyAction(), AuthModel::Action::SignOutEverywhere);
    ASSERT_TRUE(waitState(State::SignedOut));
    EXPECT_TRUE(model.userId().isEmpty());
    EXPECT_TRUE(model.signInError().contains(QStringLiteral("other devices")))
        << model.signInError().toStdString();
}

TEST_F(AccountModelTest, SignOutEverywhereSucceeds)
{
    start();
    registerUser(uniqueEmail(QStringLiteral("global")), QStringLiteral("Global"));
    model.signOutEverywhere();
    ASSERT_TRUE(waitState(State::SignedOut));
    EXPECT_TRUE(model.signInError().isEmpty());
}

TEST_F(AccountModelTest, ChangingTheBackendSignsOut)
{
    start();
    signInAsGuest();
    model.setBackend(configFor(emulator), QStringLiteral("Again"), true);
    EXPECT_EQ(model.state(), State::SignedOut);
    EXPECT_TRUE(model.userId().isEmpty());
}
