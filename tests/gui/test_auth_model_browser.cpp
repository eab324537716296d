// AuthModel's browser flows against the emulator: the "browser" is the
// headless one that follows every redirect over real HTTP, through the
// emulator's identity provider (login_hint picks the account).
#include "HeadlessBrowser.h"
#include "auth_model_fixture.h"

#include <exegia/auth/AuthClient.h>
#include <exegia/auth/SessionManager.h>

using namespace exegia::signin;

using namespace guitest;
using namespace std::chrono_literals;

namespace {

class BrowserModelTest : public AuthModelTest
{
protected:
    // The browser signs in as `email` at the provider.
    void startAs(const QString &email, const QStringList &args = {
                                           QStringLiteral("--email-cooldown"), QStringLiteral("1")})
    {
        env.launcher = [this, open = browser.launcher()](const QUrl &url) {
            launched.append(url);
            return open(url);
        };
        env.providerParams.insert(QStringLiteral("login_hint"), email);
        start(args);
    }
    // A browser that never comes back (or cannot be opened at all).
    void startWithIdleBrowser(bool opens = true)
    {
        env.launcher = [this, opens](const QUrl &url) {
            launched.append(url);
            return opens;
        };
        start();
    }
    // Provider sign-in of a new user through Register to Account.
    void registerWith(const QString &provider, const QString &name)
    {
        model.signInWithProvider(provider);
        ASSERT_TRUE(waitState(State::NeedsSignUp)) << model.signInError().toStdString();
        model.createProfile(name, {});
        ASSERT_TRUE(waitState(State::SignedIn)) << model.registerError().toStdString();
    }

    exegia::test::HeadlessBrowser browser;
    QList<QUrl> launched;
};

} // namespace

TEST_F(BrowserModelTest, GoogleViaAuthorizeForANewUserNeedsSignUpThenAccount)
{
    startAs(uniqueEmail(QStringLiteral("nell")));
    model.signInWithProvider(QStringLiteral("google"));
    EXPECT_EQ(model.state(), State::WaitingForBrowser);
    EXPECT_EQ(model.page(), AuthModel::Page::Browser);
    EXPECT_EQ(model.browserProvider(), QStringLiteral("google"));
    ASSERT_TRUE(waitState(State::NeedsSignUp)) << model.signInError().toStdString();
    EXPECT_EQ(model.page(), AuthModel::Page::Register);
    EXPECT_TRUE(model.sessionManager()->isSignedIn());
    // Through Supabase's /authorize, opened once: counted where the app
    // opens it. The server counted two GETs in two runs under load (one
    // under the sanitizers); Qt may resend a GET whose connection closed
    // before an answer, so the server's count is only a lower bound.
    ASSERT_EQ(launched.size(), 1);
    EXPECT_EQ(launched.first().path(), QStringLiteral("/auth/v1/authorize"));
    EXPECT_GE(requestCount(emulator, QStringLiteral("GET /auth/v1/authorize")), 1);
    model.createProfile(QStringLiteral("Nell"), {});
    ASSERT_TRUE(waitState(State::SignedIn)) << model.registerError().toStdString();
    EXPECT_EQ(model.displayName(), QStringLiteral("Nell"));
    EXPECT_TRUE(model.providers().contains(QStringLiteral("google")));
    EXPECT_TRUE(model.browserUrl().isEmpty()); // the panel's state is gone
}

TEST_F(BrowserModelTest, AppleViaAuthorizeSignsARegisteredUserStraightIn)
{
    startAs(uniqueEmail(QStringLiteral("ada")));
    registerWith(QStringLiteral("apple"), QStringLiteral("Ada"));
    model.signOut();
    ASSERT_TRUE(waitState(State::SignedOut));
    model.signInWithProvider(QStringLiteral("apple"));
    ASSERT_TRUE(waitState(State::SignedIn)) << model.signInError().toStdString();
    EXPECT_EQ(model.displayName(), QStringLiteral("Ada"));
    EXPECT_TRUE(model.providers().contains(QStringLiteral("apple")));
}

TEST_F(BrowserModelTest, GooglesOwnOAuthWithTheLocalIdentityProvider)
{
    startAs(uniqueEmail(QStringLiteral("grace")));
    AuthModel::BackendOptions backend;
    exegia::auth::GoogleOAuthConfig google;
    google.clientId = emulator.clientId(QStringLiteral("google"));
    google.authorizationEndpoint =
        QUrl(emulator.issuer(QStringLiteral("google")) + QStringLiteral("/authorize"));
    google.tokenEndpoint =
        QUrl(emulator.issuer(QStringLiteral("google")) + QStringLiteral("/token"));
    backend.google = google;
    model.setBackend(configFor(emulator), QStringLiteral("Local backend"), true, backend);
    registerWith(QStringLiteral("google"), QStringLiteral("Grace"));
    EXPECT_TRUE(model.providers().contains(QStringLiteral("google")));
    // The ID-token grant, not Supabase's /authorize.
    EXPECT_EQ(requestCount(emulator, QStringLiteral("GET /auth/v1/authorize")), 0);
}

TEST_F(BrowserModelTest, LinkingGoogleSavesAGuest)
{
    startAs(uniqueEmail(QStringLiteral("kim")));
    signInAsGuest();
    const QString id = model.userId();
    const QString before = model.sessionManager()->session()->refreshToken;
    const int userRequests = requestCount(emulator, QStringLiteral("GET /auth/v1/user"));
    model.linkProvider(QStringLiteral("google"));
    EXPECT_EQ(model.state(), State::WaitingForBrowser);
    ASSERT_TRUE(waitState(State::SignedIn)) << model.accountError().toStdString();
    // The model's session named the user: no GET /user before the authorize
    // request, only the profile check's after the code exchange.
    EXPECT_EQ(requestCount(emulator, QStringLiteral("GET /auth/v1/user")) - userRequests, 1);
    EXPECT_EQ(model.userId(), id);
    EXPECT_FALSE(model.isGuest());
    EXPECT_TRUE(model.providers().contains(QStringLiteral("google")));
    EXPECT_TRUE(model.notice().contains(QStringLiteral("Google")));
    // The link's new session went to the manager.
    EXPECT_NE(model.sessionManager()->session()->refreshToken, before);
    EXPECT_FALSE(model.sessionManager()->session()->user.isAnonymous);
}

TEST_F(BrowserModelTest, AnIdentityOfAnotherAccountIsExplainedWithAnOffer)
{
    const QString email = uniqueEmail(QStringLiteral("taken"));
    startAs(email);
    registerWith(QStringLiteral("google"), QStringLiteral("Owner"));
    const QString owner = model.userId();
    model.signOut();
    ASSERT_TRUE(waitState(State::SignedOut));
    signInAsGuest();
    const QString guest = model.userId();
    model.linkProvider(QStringLiteral("google"));
    ASSERT_TRUE(waitState(State::SignedInGuest));
    EXPECT_EQ(model.userId(), guest);
    EXPECT_TRUE(model.accountError().contains(QStringLiteral("another Exegia account")))
        << model.accountError().toStdString();
    EXPECT_EQ(model.offeredProvider(), QStringLiteral("google"));
    model.signInInstead();
    ASSERT_TRUE(waitState(State::SignedIn)) << model.signInError().toStdString();
    EXPECT_EQ(model.userId(), owner);
    EXPECT_TRUE(model.offeredProvider().isEmpty());
}

TEST_F(BrowserModelTest, LinkingTurnedOffIsExplained)
{
    startAs(uniqueEmail(QStringLiteral("off")),
            {QStringLiteral("--disable-linking"), QStringLiteral("--email-cooldown"),
             QStringLiteral("1")});
    signInAsGuest();
    model.linkProvider(QStringLiteral("apple"));
    ASSERT_TRUE(waitState(State::SignedInGuest));
    EXPECT_TRUE(model.accountError().contains(QStringLiteral("turned off")))
        << model.accountError().toStdString();
}

TEST_F(BrowserModelTest, CancelReturnsQuietly)
{
    startWithIdleBrowser();
    model.signInWithProvider(QStringLiteral("apple"));
    ASSERT_TRUE(waitFor([&] { return !model.browserUrl().isEmpty(); }));
    EXPECT_EQ(launched.size(), 1);
    EXPECT_TRUE(model.browserUrl().toString().contains(QStringLiteral("provider=apple")));
    model.cancelBrowser();
    ASSERT_TRUE(waitState(State::SignedOut));
    EXPECT_TRUE(model.signInError().isEmpty());
    EXPECT_FALSE(model.sessionManager()->isSignedIn());
}

TEST_F(BrowserModelTest, ABrowserThatNeverComesBackTimesOut)
{
    env.browserTimeout = 300ms;
    startWithIdleBrowser();
    model.signInWithProvider(QStringLiteral("google"));
    ASSERT_TRUE(waitState(State::SignedOut, 10000));
    EXPECT_TRUE(model.signInError().contains(QStringLiteral("did not come back in time")))
        << model.signInError().toStdString();
}

TEST_F(BrowserModelTest, ABrowserThatCannotOpenShowsTheLink)
{
    startWithIdleBrowser(false);
    model.signInWithProvider(QStringLiteral("google"));
    ASSERT_TRUE(waitFor([&] { return model.browserOpenFailed(); }));
    EXPECT_EQ(model.state(), State::WaitingForBrowser);
    EXPECT_TRUE(model.browserUrl().toString().contains(QStringLiteral("/auth/v1/authorize")));
    EXPECT_FALSE(model.reopenBrowser());
    EXPECT_TRUE(model.browserOpenFailed());
    model.cancelBrowser();
    ASSERT_TRUE(waitState(State::SignedOut));
}
