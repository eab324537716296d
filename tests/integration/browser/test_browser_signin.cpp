// Browser sign-in and linking end to end against the emulator: the
// "browser" follows every redirect over real HTTP (the emulator's
// /authorize, its identity provider with login_hint, /callback, and the
// loopback listener), as a person's browser would.
#include "Await.h"
#include "EmulatorProcess.h"
#include "HeadlessBrowser.h"

#include <exegia/auth/AuthClient.h>
#include <exegia/auth/BrowserSignIn.h>
#include <exegia/auth/Errors.h>

#include <QCoreApplication>
#include <QUrlQuery>

#include <gtest/gtest.h>

#include <memory>

using namespace exegia;
using namespace std::chrono_literals;

namespace {

const QString kSignedIn = QStringLiteral("You are signed in to Exegia Sign-In");
const QString kFailed = QStringLiteral("Sign-in failed \u2014 return to Exegia Sign-In");

// The page the browser ended on, once it has loaded `count` pages.
QString pageAfter(const test::HeadlessBrowser &browser, int count)
{
    QDeadlineTimer deadline(5000);
    while (browser.pagesLoaded() < count && !deadline.hasExpired())
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 20);
    return QString::fromUtf8(browser.lastPage());
}

// A launcher for someone who skips the provider and sends the browser
// straight to the loopback listener with made-up values.
auth::BrowserLauncher forging(test::HeadlessBrowser &browser, const QString &redirectParam,
                              const QString &query)
{
    return [&browser, redirectParam, query](const QUrl &authorize) {
        QUrl redirect(QUrlQuery(authorize).queryItemValue(redirectParam, QUrl::FullyDecoded));
        redirect.setQuery(query);
        browser.open(redirect);
        return true;
    };
}

class BrowserSignInTest : public ::testing::Test
{
protected:
    void startEmulator(const QStringList &args = {})
    {
        QString error;
        ASSERT_TRUE(emulator.start(args, &error)) << error.toStdString();
        auth::ClientConfig config;
        config.projectUrl = emulator.url();
        config.publishableKey = emulator.publishableKey();
        client = std::make_unique<auth::AuthClient>(config);
        signIn = std::make_unique<auth::BrowserSignIn>(client.get());
        signIn->setLauncher(browser.launcher());
    }
    void SetUp() override { startEmulator(); }

    static auth::OAuthSignInOptions as(const QString &email)
    {
        auth::OAuthSignInOptions options;
        options.queryParams.insert(u"login_hint"_qs, email);
        return options;
    }
    static auth::LinkIdentityOptions linkAs(const QString &email)
    {
        auth::LinkIdentityOptions options;
        options.queryParams.insert(u"login_hint"_qs, email);
        return options;
    }
    // A guest with a profile row (user_type anonymous).
    auth::Session registeredGuest()
    {
        auth::SignUpOptions options;
        options.anonymous = true;
        options.profileFields.insert(u"display_name"_qs, u"Guest"_qs);
        const auth::SignUpResult result = test::await(client->signUp(options));
        EXPECT_TRUE(result.ok);
        EXPECT_EQ(result.currentUser->userType(), u"anonymous");
        return *result.session;
    }
    auth::Session registeredUser(const QString &provider, const QString &email)
    {
        const auth::SignInResult first =
            test::await(signIn->signInWithProvider(provider, as(email)));
        EXPECT_TRUE(first.needsSignup);
        auth::SignUpOptions options;
        options.accessToken = first.session->accessToken;
        options.profileFields.insert(u"display_name"_qs, email.section(u'@', 0, 0));
        EXPECT_TRUE(test::await(client->signUp(options)).ok);
        return *first.session;
    }

    test::EmulatorProcess emulator;
    test::HeadlessBrowser browser;
    std::unique_ptr<auth::AuthClient> client;
    std::unique_ptr<auth::BrowserSignIn> signIn;
};

} // namespace

TEST_F(BrowserSignInTest, GoogleViaAuthorizeNeedsSignupThenSignsIn)
{
    const auth::SignInResult first =
        test::await(signIn->signInWithProvider(u"google"_qs, as(u"nell@example.com"_qs)));
    EXPECT_FALSE(first.ok);
    EXPECT_TRUE(first.needsSignup);
    ASSERT_TRUE(first.session.has_value());
    EXPECT_EQ(first.session->user.email, u"nell@example.com");
    EXPECT_TRUE(first.message->contains(u"Google"));
    EXPECT_TRUE(pageAfter(browser, 1).contains(kSignedIn));

    auth::SignUpOptions options;
    options.accessToken = first.session->accessToken;
    options.profileFields.insert(u"display_name"_qs, u"Nell"_qs);
    ASSERT_TRUE(test::await(client->signUp(options)).ok);

    const auth::SignInResult again =
        test::await(signIn->signInWithProvider(u"google"_qs, as(u"nell@example.com"_qs)));
    EXPECT_TRUE(again.ok);
    EXPECT_EQ(again.currentUser->displayName(), u"Nell");
    EXPECT_TRUE(again.currentUser->hasProvider(u"google"_qs));
}

TEST_F(BrowserSignInTest, AppleViaAuthorizeForNewAndRegisteredUsers)
{
    registeredUser(u"apple"_qs, u"ada@example.com"_qs);
    const auth::SignInResult again =
        test::await(signIn->signInWithProvider(u"apple"_qs, as(u"ada@example.com"_qs)));
    EXPECT_TRUE(again.ok);
    EXPECT_TRUE(again.currentUser->hasProvider(u"apple"_qs));
}

TEST_F(BrowserSignInTest, GooglesOwnOAuthGivesAnIdTokenWithTheNonce)
{
    auth::GoogleOAuthConfig google;
    google.clientId = emulator.clientId(u"google"_qs);
    google.authorizationEndpoint = QUrl(emulator.issuer(u"google"_qs) + u"/authorize"_qs);
    google.tokenEndpoint = QUrl(emulator.issuer(u"google"_qs) + u"/token"_qs);
    google.extraParams.insert(u"login_hint"_qs, u"grace@example.com"_qs);

    const auth::SignInResult first = test::await(signIn->signInWithGoogle(google));
    EXPECT_TRUE(first.needsSignup);
    ASSERT_TRUE(first.session.has_value());
    // The emulator refuses the grant unless the token's nonce is the hash
    // of the raw nonce sent with it, so getting here proves the nonce rule.
    EXPECT_EQ(first.session->user.email, u"grace@example.com");

    auth::SignUpOptions options;
    options.accessToken = first.session->accessToken;
    ASSERT_TRUE(test::await(client->signUp(options)).ok);
    EXPECT_TRUE(test::await(signIn->signInWithGoogle(google)).ok);
}

TEST_F(BrowserSignInTest, LinkingGoogleMakesAGuestPermanent)
{
    const auth::Session guest = registeredGuest();
    const auth::LinkResult linked = test::await(
        signIn->linkIdentity(guest.accessToken, u"google"_qs, linkAs(u"kim@example.com"_qs)));
    EXPECT_TRUE(linked.currentUser.isPermanent());
    EXPECT_TRUE(linked.currentUser.hasProvider(u"google"_qs));
    EXPECT_EQ(linked.currentUser.email(), u"kim@example.com");
    EXPECT_EQ(linked.currentUser.userType(), u"registered");
    EXPECT_EQ(linked.currentUser.id(), guest.user.id);
    EXPECT_FALSE(linked.session.accessToken.isEmpty());
}

TEST_F(BrowserSignInTest, LinkingAppleToAGoogleUser)
{
    const auth::Session user = registeredUser(u"google"_qs, u"lin@example.com"_qs);
    const auth::LinkResult linked = test::await(
        signIn->linkIdentity(user.accessToken, u"apple"_qs, linkAs(u"lin@example.com"_qs)));
    EXPECT_TRUE(linked.currentUser.hasProvider(u"google"_qs));
    EXPECT_TRUE(linked.currentUser.hasProvider(u"apple"_qs));
}

TEST_F(BrowserSignInTest, AnIdentityOfAnotherUserIsRefusedAndNothingChanges)
{
    registeredUser(u"google"_qs, u"owner@example.com"_qs);
    const auth::Session guest = registeredGuest();
    const auto error = test::awaitError<auth::AuthApiError>(
        signIn->linkIdentity(guest.accessToken, u"google"_qs, linkAs(u"owner@example.com"_qs)));
    ASSERT_TRUE(error.has_value());
    EXPECT_EQ(error->errorCode(), u"identity_already_exists");
    const auto after = test::await(client->getCurrentUserRecord(guest.accessToken));
    ASSERT_TRUE(after.has_value());
    EXPECT_TRUE(after->isAnonymous());
    EXPECT_TRUE(after->providers().isEmpty());
    EXPECT_EQ(after->userType(), u"anonymous");
}

TEST_F(BrowserSignInTest, AnAlreadyLinkedProviderIsReportedWithoutABrowser)
{
    const auth::Session user = registeredUser(u"google"_qs, u"twice@example.com"_qs);
    const int pagesBefore = browser.pagesLoaded();
    const auto error = test::awaitError<auth::AuthApiError>(
        signIn->linkIdentity(user.accessToken, u"google"_qs, linkAs(u"twice@example.com"_qs)));
    ASSERT_TRUE(error.has_value());
    EXPECT_EQ(error->errorCode(), u"identity_already_exists");
    EXPECT_EQ(browser.pagesLoaded(), pagesBefore);
}

TEST_F(BrowserSignInTest, AnUnverifiedEmailCannotBeLinked)
{
    const auth::Session guest = registeredGuest();
    const auto error = test::awaitError<auth::AuthApiError>(signIn->linkIdentity(
        guest.accessToken, u"google"_qs, linkAs(u"sam+unverified@example.com"_qs)));
    ASSERT_TRUE(error.has_value());
    EXPECT_EQ(error->errorCode(), u"email_not_confirmed");
}

TEST_F(BrowserSignInTest, DecliningAtTheProviderEndsTheLoop)
{
    const auth::Session guest = registeredGuest();
    auth::LinkIdentityOptions options;
    options.queryParams.insert(u"deny"_qs, u"1"_qs);
    const auto error = test::awaitError<auth::BrowserFlowError>(
        signIn->linkIdentity(guest.accessToken, u"google"_qs, options));
    ASSERT_TRUE(error.has_value());
    EXPECT_EQ(error->kind(), auth::BrowserFlowError::Kind::ProviderDenied);
    EXPECT_TRUE(pageAfter(browser, 1).contains(kFailed)) << browser.lastPage().toStdString();
}

TEST_F(BrowserSignInTest, AForgedCallbackFailsAndTheTabSaysSo)
{
    signIn->setLauncher(forging(browser, u"redirect_to"_qs, u"code=forged-code"_qs));
    std::string how;
    const auto error = test::awaitError<auth::AuthApiError>(
        signIn->signInWithProvider(u"google"_qs, as(u"mallory@example.com"_qs)), &how);
    EXPECT_TRUE(error.has_value()) << how;
    const QString page = pageAfter(browser, 1);
    EXPECT_TRUE(page.contains(kFailed)) << page.toStdString();
    EXPECT_FALSE(page.contains(u"signed in"_qs));
}

TEST_F(BrowserSignInTest, AWrongStateFailsAndTheTabSaysSo)
{
    auth::GoogleOAuthConfig google;
    google.clientId = emulator.clientId(u"google"_qs);
    google.authorizationEndpoint = QUrl(emulator.issuer(u"google"_qs) + u"/authorize"_qs);
    google.tokenEndpoint = QUrl(emulator.issuer(u"google"_qs) + u"/token"_qs);
    signIn->setLauncher(forging(browser, u"redirect_uri"_qs, u"code=stolen&state=wrong"_qs));
    const auto error = test::awaitError<auth::BrowserFlowError>(signIn->signInWithGoogle(google));
    ASSERT_TRUE(error.has_value());
    EXPECT_EQ(error->kind(), auth::BrowserFlowError::Kind::NoCode);
    EXPECT_TRUE(pageAfter(browser, 1).contains(kFailed)) << browser.lastPage().toStdString();
}

TEST_F(BrowserSignInTest, CancelWhileWaitingForTheBrowser)
{
    signIn->setLauncher([](const QUrl &) { return true; }); // nobody comes back
    auto future = signIn->signInWithProvider(u"apple"_qs, as(u"x@example.com"_qs));
    EXPECT_TRUE(signIn->isRunning());
    EXPECT_TRUE(signIn->authorizationUrl().toString().contains(u"/auth/v1/authorize"_qs));
    QTimer::singleShot(50, signIn.get(), &auth::BrowserSignIn::cancel);
    const auto error = test::awaitError<auth::BrowserFlowError>(future);
    ASSERT_TRUE(error.has_value());
    EXPECT_EQ(error->kind(), auth::BrowserFlowError::Kind::Cancelled);
}

TEST_F(BrowserSignInTest, TimesOutWhenTheBrowserNeverComesBack)
{
    signIn->setLauncher([](const QUrl &) { return true; });
    signIn->setTimeout(300ms);
    const auto error = test::awaitError<auth::BrowserFlowError>(
        signIn->signInWithProvider(u"google"_qs), nullptr, 5000);
    ASSERT_TRUE(error.has_value());
    EXPECT_EQ(error->kind(), auth::BrowserFlowError::Kind::TimedOut);
}

TEST_F(BrowserSignInTest, OpenTheBrowserAgainFinishesTheSameLoop)
{
    int opened = 0;
    signIn->setLauncher([&](const QUrl &url) {
        if (++opened == 2) // the first window was closed by mistake
            browser.open(url);
        return true;
    });
    auto future = signIn->signInWithProvider(u"google"_qs, as(u"again@example.com"_qs));
    EXPECT_TRUE(signIn->reopenBrowser());
    EXPECT_TRUE(test::await(future).needsSignup);
    EXPECT_EQ(opened, 2);
}

TEST(BrowserSignInLinkingOff, ManualLinkingDisabledIsReported)
{
    test::EmulatorProcess emulator;
    QString why;
    ASSERT_TRUE(emulator.start({u"--disable-linking"_qs}, &why)) << why.toStdString();
    auth::ClientConfig config;
    config.projectUrl = emulator.url();
    config.publishableKey = emulator.publishableKey();
    auth::AuthClient client(config);
    auth::BrowserSignIn signIn(&client);
    signIn.setLauncher([](const QUrl &) { return true; });
    const auth::AuthResponse guest = test::await(client.startAnonymousSession());
    const auto error = test::awaitError<auth::AuthApiError>(
        signIn.linkIdentity(guest.session.accessToken, u"google"_qs));
    ASSERT_TRUE(error.has_value());
    EXPECT_EQ(error->errorCode(), u"manual_linking_disabled");
}
