// AuthModel against the emulator: the sign-in half of the state machine.
#include "auth_model_fixture.h"

#include <exegia/auth/ClientConfig.h>

#include <QSignalSpy>

using namespace exegia::signin;

using namespace guitest;

TEST_F(AuthModelTest, BackendMakesTheModelReady)
{
    start();
    EXPECT_TRUE(model.isBackendReady());
    EXPECT_TRUE(model.isLocalBackend());
    EXPECT_EQ(model.backendDescription(), QStringLiteral("Local backend"));
    EXPECT_EQ(model.page(), AuthModel::Page::SignIn);
}

TEST_F(AuthModelTest, ServiceRoleKeyPutsTheModelInError)
{
    start();
    exegia::auth::ClientConfig config = configFor(emulator);
    config.publishableKey = emulator.serviceRoleKey();
    model.setBackend(config, QStringLiteral("Local backend"), true);
    EXPECT_EQ(model.state(), State::Error);
    EXPECT_FALSE(model.isBackendReady());
    EXPECT_TRUE(model.signInError().contains(QStringLiteral("service_role")))
        << model.signInError().toStdString();
    // Intents are ignored without a backend.
    model.continueAsGuest();
    EXPECT_EQ(model.state(), State::Error);
}

TEST_F(AuthModelTest, BackendErrorAndStartingStates)
{
    model.setBackendStarting(QStringLiteral("Starting"));
    EXPECT_EQ(model.state(), State::Busy);
    EXPECT_EQ(model.busyAction(), AuthModel::Action::StartingBackend);
    model.setBackendError(QStringLiteral("Local backend"), QStringLiteral("No emulator."));
    EXPECT_EQ(model.state(), State::Error);
    EXPECT_EQ(model.signInError(), QStringLiteral("No emulator."));
    model.requestCode(QStringLiteral("a@example.test"));
    EXPECT_EQ(model.state(), State::Error);
}

TEST_F(AuthModelTest, GuestGetsASessionAndAProfile)
{
    start();
    QSignalSpy states(&model, &AuthModel::stateChanged);
    model.continueAsGuest();
    EXPECT_EQ(model.state(), State::Busy);
    EXPECT_EQ(model.busyAction(), AuthModel::Action::Guest);
    EXPECT_TRUE(model.isBusy());
    ASSERT_TRUE(waitState(State::SignedInGuest)) << model.signInError().toStdString();
    EXPECT_TRUE(model.isGuest());
    EXPECT_FALSE(model.userId().isEmpty());
    EXPECT_FALSE(model.displayName().isEmpty());
    EXPECT_TRUE(model.providers().isEmpty());
    EXPECT_EQ(model.page(), AuthModel::Page::Account);
    EXPECT_GE(states.count(), 2);
}

TEST_F(AuthModelTest, GuestRefusedWhenAnonymousSignInsAreOff)
{
    start({QStringLiteral("--disable-anonymous")});
    model.continueAsGuest();
    ASSERT_TRUE(waitIdle());
    EXPECT_EQ(model.state(), State::SignedOut);
    EXPECT_TRUE(model.signInError().contains(QStringLiteral("Guest access is turned off")))
        << model.signInError().toStdString();
}

TEST_F(AuthModelTest, MalformedEmailIsRefusedWithoutARequest)
{
    start();
    model.requestCode(QStringLiteral("not-an-address"));
    EXPECT_EQ(model.state(), State::SignedOut);
    EXPECT_FALSE(model.emailError().isEmpty());
    model.requestCode(QStringLiteral("   "));
    EXPECT_EQ(model.emailError(), QStringLiteral("Enter your email address."));
    EXPECT_EQ(requestCount(emulator, QStringLiteral("POST /auth/v1/otp")), 0);
}

TEST_F(AuthModelTest, RequestCodeGoesThroughSendingToAwaitingCode)
{
    start();
    const QString email = uniqueEmail(QStringLiteral("send"));
    model.requestCode(QStringLiteral("  ") + email + QStringLiteral(" "));
    EXPECT_EQ(model.state(), State::SendingCode);
    EXPECT_EQ(model.page(), AuthModel::Page::SignIn);
    ASSERT_TRUE(waitState(State::AwaitingCode)) << model.emailError().toStdString();
    EXPECT_EQ(model.email(), email);
    EXPECT_EQ(model.page(), AuthModel::Page::Code);
    EXPECT_TRUE(model.notice().contains(email));
    EXPECT_EQ(model.resendCooldown(), 0);
    EXPECT_FALSE(latestCode(mailbox(), email).isEmpty());
}

TEST_F(AuthModelTest, NewAddressNeedsSignUpThenRegisters)
{
    start();
    const QString email = uniqueEmail(QStringLiteral("new"));
    const QString code = requestFreshCode(email);
    ASSERT_EQ(code.size(), 6);
    model.verifyCode(code.left(3) + QStringLiteral(" - ") + code.mid(3));
    EXPECT_EQ(model.state(), State::Verifying);
    ASSERT_TRUE(waitState(State::NeedsSignUp)) << model.codeError().toStdString();
    EXPECT_EQ(model.page(), AuthModel::Page::Register);
    EXPECT_EQ(model.userEmail(), email);
    EXPECT_EQ(model.suggestedDisplayName(), email.section(u'@', 0, 0));

    model.createProfile(QStringLiteral("  Ada   Lovelace "),
                        QStringLiteral("https://example.test/a.png"));
    EXPECT_EQ(model.busyAction(), AuthModel::Action::CreateProfile);
    ASSERT_TRUE(waitState(State::SignedIn)) << model.registerError().toStdString();
    EXPECT_EQ(model.displayName(), QStringLiteral("Ada Lovelace"));
    EXPECT_EQ(model.avatarUrl(), QStringLiteral("https://example.test/a.png"));
    EXPECT_FALSE(model.isGuest());
    EXPECT_EQ(model.providers(), QStringList{QStringLiteral("email")});
}

TEST_F(AuthModelTest, RegisteredAddressSignsInDirectly)
{
    start();
    const QString email = uniqueEmail(QStringLiteral("known"));
    registerUser(email, QStringLiteral("Known Person"));
    model.signOut();
    ASSERT_TRUE(waitState(State::SignedOut));

    const QString code = requestFreshCode(email);
    ASSERT_FALSE(code.isEmpty());
    model.verifyCode(code);
    ASSERT_TRUE(waitState(State::SignedIn)) << model.codeError().toStdString();
    EXPECT_EQ(model.displayName(), QStringLiteral("Known Person"));
}

TEST_F(AuthModelTest, WrongCodeStaysOnTheCodeWithAMessage)
{
    start();
    const QString email = uniqueEmail(QStringLiteral("wrong"));
    const QString code = requestFreshCode(email);
    ASSERT_FALSE(code.isEmpty());
    model.verifyCode(otherCode(code));
    ASSERT_TRUE(waitIdle());
    EXPECT_EQ(model.state(), State::AwaitingCode);
    EXPECT_TRUE(model.codeError().contains(QStringLiteral("wrong or has expired")))
        << model.codeError().toStdString();
    model.verifyCode(code);
    ASSERT_TRUE(waitState(State::NeedsSignUp)) << model.codeError().toStdString();
    EXPECT_TRUE(model.codeError().isEmpty());
}

TEST_F(AuthModelTest, CodeThatIsNotSixDigitsIsRefusedLocally)
{
    start();
    ASSERT_FALSE(requestFreshCode(uniqueEmail(QStringLiteral("short"))).isEmpty());
    model.verifyCode(QStringLiteral("12a456"));
    EXPECT_EQ(model.state(), State::AwaitingCode);
    EXPECT_EQ(model.codeError(), QStringLiteral("Enter the 6-digit code from the email."));
    model.verifyCode(QStringLiteral("12345"));
    EXPECT_EQ(model.state(), State::AwaitingCode);
    EXPECT_EQ(requestCount(emulator, QStringLiteral("POST /auth/v1/verify")), 0);
}

TEST_F(AuthModelTest, ResendDuringCooldownStartsTheServersCountdown)
{
    start({}); // the emulator's default 60 s per address
    const QString email = uniqueEmail(QStringLiteral("cooldown"));
    model.requestCode(email);
    ASSERT_TRUE(waitState(State::AwaitingCode));
    QSignalSpy ticks(&model, &AuthModel::resendCooldownChanged);
    model.resendCode();
    EXPECT_EQ(model.state(), State::SendingCode);
    EXPECT_EQ(model.page(), AuthModel::Page::Code);
    ASSERT_TRUE(waitIdle());
    EXPECT_EQ(model.state(), State::AwaitingCode);
    const int first = model.resendCooldown();
    EXPECT_GT(first, 50);
    EXPECT_LE(first, 60);
    // A second resend inside the cooldown sends nothing.
    const int sends = requestCount(emulator, QStringLiteral("POST /auth/v1/otp"));
    model.resendCode();
    EXPECT_EQ(model.state(), State::AwaitingCode);
    EXPECT_EQ(requestCount(emulator, QStringLiteral("POST /auth/v1/otp")), sends);
    // The countdown is live: the model ticks, and the value goes down. (The
    // value alone can drop before the first tick, as it is rounded up.)
    ASSERT_TRUE(
        waitFor([&] { return ticks.count() >= 2 && model.resendCooldown() < first; }, 3000));
}

TEST_F(AuthModelTest, AskingAgainInsideTheCooldownStillOpensTheCodePage)
{
    start({});
    const QString email = uniqueEmail(QStringLiteral("again"));
    model.requestCode(email);
    ASSERT_TRUE(waitState(State::AwaitingCode));
    model.useAnotherEmail();
    EXPECT_EQ(model.state(), State::SignedOut);
    EXPECT_EQ(model.email(), email); // kept for the email field
    model.requestCode(email);
    ASSERT_TRUE(waitIdle());
    EXPECT_EQ(model.state(), State::AwaitingCode);
    EXPECT_GT(model.resendCooldown(), 0);
    EXPECT_TRUE(model.notice().contains(QStringLiteral("already sent")));
}

TEST_F(AuthModelTest, ResendAfterTheCooldownSendsANewCode)
{
    start();
    const QString email = uniqueEmail(QStringLiteral("resend"));
    const QString first = requestFreshCode(email);
    ASSERT_FALSE(first.isEmpty());
    model.resendCode();
    ASSERT_TRUE(waitIdle());
    if (model.resendCooldown() > 0) { // the emulator's one-second cooldown was still running
        ASSERT_TRUE(waitFor([&] { return model.resendCooldown() == 0; }, 5000));
        model.resendCode();
        ASSERT_TRUE(waitIdle());
    }
    EXPECT_EQ(model.state(), State::AwaitingCode);
    EXPECT_TRUE(model.notice().contains(QStringLiteral("new code")))
        << model.notice().toStdString();
    const QString second = waitForNewCode(mailbox(), email, first);
    ASSERT_FALSE(second.isEmpty());
    model.verifyCode(second);
    ASSERT_TRUE(waitState(State::NeedsSignUp)) << model.codeError().toStdString();
}

TEST_F(AuthModelTest, ServerErrorOnSendIsShownUnderTheEmail)
{
    start();
    ASSERT_TRUE(injectFault(emulator, QStringLiteral("POST"), QStringLiteral("/auth/v1/otp"), 500));
    model.requestCode(uniqueEmail(QStringLiteral("fault")));
    ASSERT_TRUE(waitIdle());
    EXPECT_EQ(model.state(), State::SignedOut);
    EXPECT_TRUE(model.emailError().contains(QStringLiteral("try again")))
        << model.emailError().toStdString();
}

TEST_F(AuthModelTest, UnreachableServerIsANetworkMessage)
{
    start();
    emulator.stop();
    model.requestCode(uniqueEmail(QStringLiteral("down")));
    ASSERT_TRUE(waitIdle(40000));
    EXPECT_EQ(model.state(), State::SignedOut);
    EXPECT_FALSE(model.emailError().isEmpty());
    EXPECT_FALSE(model.emailError().contains(u'{'));
}

TEST_F(AuthModelTest, ANetworkErrorInLocalModeNamesTheLocalBackend)
{
    start();
    const auto config = guitest::configFor(emulator);
    emulator.kill();
    // A project: the address may be wrong, so Settings is where to look.
    model.setBackend(config, QStringLiteral("Project"), false);
    model.requestCode(QStringLiteral("nobody@example.test"));
    ASSERT_TRUE(waitIdle());
    EXPECT_TRUE(model.emailError().contains(QStringLiteral("Settings")))
        << model.emailError().toStdString();
    // The local backend: Settings would not help; it restarts by itself.
    model.setBackend(config, QStringLiteral("Local backend"), true);
    model.requestCode(QStringLiteral("nobody@example.test"));
    ASSERT_TRUE(waitIdle());
    EXPECT_TRUE(model.emailError().contains(QStringLiteral("local backend")))
        << model.emailError().toStdString();
    EXPECT_FALSE(model.emailError().contains(QStringLiteral("Settings")));
}
