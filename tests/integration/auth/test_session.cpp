// Sessions (refresh, sign-out), identity linking, and what the client does
// when the server fails: a 503 answered then recovered, a server killed.
#include <exegia/auth/Errors.h>

#include "AuthFixture.h"
#include "Await.h"
#include "RecordingServer.h"
#include "detail/Pkce.h"

#include <QUrlQuery>

using namespace exegia::auth;
using exegia::test::await;
using exegia::test::awaitError;

namespace {

class Sessions : public exegia::test::AuthFixture
{
protected:
    Session googleSession(const QString &email)
    {
        const SignInResult r = await(client->signInWithIdToken(
            QStringLiteral("google"), idToken(QStringLiteral("google"), email)));
        EXPECT_TRUE(r.session);
        return r.session.value_or(Session{});
    }
};

class NoReuse : public exegia::test::AuthFixture
{
protected:
    void SetUp() override
    {
        // 0 would be GoTrue's "no grace", but the emulator wants > 0.
        start({QStringLiteral("--refresh-reuse-interval"), QStringLiteral("1")});
    }
};

class NoLinking : public exegia::test::AuthFixture
{
protected:
    void SetUp() override { start({QStringLiteral("--disable-linking")}); }
};

} // namespace

TEST_F(Sessions, RefreshRotatesTokens)
{
    const AuthResponse guest = await(client->startAnonymousSession());
    const Session fresh = await(client->refreshSession(guest.session.refreshToken));
    EXPECT_NE(fresh.refreshToken, guest.session.refreshToken);
    EXPECT_EQ(fresh.user.id, guest.user().id);
    EXPECT_TRUE(await(client->getCurrentUserRecord(fresh.accessToken)));
}

TEST_F(NoReuse, SpentRefreshTokenIsRefused)
{
    const AuthResponse guest = await(client->startAnonymousSession());
    await(client->refreshSession(guest.session.refreshToken));
    advanceServerClock(2);
    auto e = awaitError<AuthApiError>(client->refreshSession(guest.session.refreshToken));
    ASSERT_TRUE(e);
    EXPECT_EQ(e->httpStatus(), 400);
    EXPECT_EQ(e->errorCode(), QStringLiteral("refresh_token_already_used"));
    EXPECT_TRUE(e->isSessionGone());
}

TEST_F(Sessions, UnknownRefreshTokenIsRefused)
{
    auto e = awaitError<AuthApiError>(client->refreshSession(QStringLiteral("nope")));
    ASSERT_TRUE(e);
    EXPECT_EQ(e->errorCode(), QStringLiteral("refresh_token_not_found"));
}

TEST_F(Sessions, GlobalSignOutEndsEverySession)
{
    const QString email = uniqueEmail(QStringLiteral("global"));
    const Session a = googleSession(email);
    const Session b = googleSession(email);
    await(client->signOut(a.accessToken, SignOutScope::Global));
    EXPECT_TRUE(awaitError<AuthApiError>(client->getCurrentUserRecord(b.accessToken)));
    EXPECT_TRUE(awaitError<AuthApiError>(client->refreshSession(b.refreshToken)));
}

TEST_F(Sessions, LinkGoogleUpgradesAGuest)
{
    const AuthResponse guest = await(client->startAnonymousSession());
    const QString email = uniqueEmail(QStringLiteral("upgrade"));
    LinkIdentityOptions options;
    options.redirectTo = QStringLiteral("http://127.0.0.1:9/callback");
    options.queryParams = {{QStringLiteral("login_hint"), email}};
    const LinkIdentityRequest link =
        await(client->linkIdentityToCurrentUser(guest.session.accessToken, u"google"_qs, options));
    ASSERT_FALSE(link.alreadyLinked);
    EXPECT_TRUE(Pkce::isValidVerifier(link.codeVerifier));
    // link.url is the provider's page; our challenge stays with the server's
    // flow state, so only the exchange below can prove it was sent.

    // The browser's part, done by hand: IdP -> /auth/v1/callback -> redirect_to?code=.
    const QUrl landed = followToForeignRedirect(link.url);
    EXPECT_EQ(landed.port(), 9) << landed.toString().toStdString();
    const QString code = QUrlQuery(landed).queryItemValue(QStringLiteral("code"));
    ASSERT_FALSE(code.isEmpty()) << landed.toString().toStdString();
    const Session linked = await(client->exchangeCodeForSession(code, link.codeVerifier));
    EXPECT_EQ(linked.user.id, guest.user().id);
    EXPECT_FALSE(linked.user.isAnonymous);
    EXPECT_EQ(linked.user.email, email);
    EXPECT_TRUE(linked.user.providers().contains(QStringLiteral("google")));

    // The code is single use.
    auto e = awaitError<AuthApiError>(client->exchangeCodeForSession(code, link.codeVerifier));
    ASSERT_TRUE(e);
    EXPECT_EQ(e->errorCode(), QStringLiteral("flow_state_not_found"));
}

TEST_F(Sessions, LinkReportsAlreadyLinkedProvider)
{
    const Session session = googleSession(uniqueEmail(QStringLiteral("linked")));
    const LinkIdentityRequest link =
        await(client->linkIdentityToCurrentUser(session.accessToken, u"google"_qs));
    EXPECT_TRUE(link.alreadyLinked);
    EXPECT_TRUE(link.url.isEmpty());
    // Apple is not linked yet: a URL comes back.
    const LinkIdentityRequest apple =
        await(client->linkIdentityToCurrentUser(session.accessToken, u"apple"_qs));
    EXPECT_FALSE(apple.alreadyLinked);
    EXPECT_TRUE(apple.url.isValid());
}

TEST_F(NoLinking, LinkingDisabledIsAnAuthApiError)
{
    const AuthResponse guest = await(client->startAnonymousSession());
    auto e = awaitError<AuthApiError>(
        client->linkIdentityToCurrentUser(guest.session.accessToken, u"google"_qs));
    ASSERT_TRUE(e);
    EXPECT_EQ(e->httpStatus(), 404);
    EXPECT_EQ(e->errorCode(), QStringLiteral("manual_linking_disabled"));
}

TEST_F(Sessions, GatewayErrorOnGetIsRetriedAndRecovers)
{
    const AuthResponse guest = await(client->startAnonymousSession());
    injectFault("GET", QStringLiteral("/auth/v1/user"), 503, 1);
    const int before = apiRequestCounts().value(u"GET /auth/v1/user").toInt();
    EXPECT_TRUE(await(client->getCurrentUserRecord(guest.session.accessToken)));
    EXPECT_EQ(apiRequestCounts().value(u"GET /auth/v1/user").toInt() - before, 2);
}

TEST_F(Sessions, PersistentGatewayErrorSurfacesAfterThreeTries)
{
    const AuthResponse guest = await(client->startAnonymousSession());
    injectFault("GET", QStringLiteral("/auth/v1/user"), 503, 3);
    auto e = awaitError<AuthApiError>(client->getCurrentUserRecord(guest.session.accessToken));
    ASSERT_TRUE(e);
    EXPECT_EQ(e->httpStatus(), 503);
    EXPECT_FALSE(e->isSessionGone());
}

TEST_F(Sessions, GatewayErrorOnPostIsNotRetried)
{
    injectFault("POST", QStringLiteral("/auth/v1/signup"), 503, 1);
    auto e = awaitError<AuthApiError>(client->startAnonymousSession());
    ASSERT_TRUE(e);
    EXPECT_EQ(e->httpStatus(), 503);
    // The fault is spent and nothing was re-sent: the next call works.
    EXPECT_NO_THROW(await(client->startAnonymousSession()));
}

TEST_F(Sessions, ServerKilledBeforeACall)
{
    const AuthResponse guest = await(client->startAnonymousSession());
    emulator.kill();
    auto e = awaitError<NetworkError>(client->getCurrentUserRecord(guest.session.accessToken));
    ASSERT_TRUE(e);
    EXPECT_EQ(e->kind(), NetworkError::Kind::ConnectionRefused);
    EXPECT_EQ(e->domain(), ErrorDomain::Network);
}

TEST_F(Sessions, ServerKilledMidFlow)
{
    // A proxy in front of the emulator kills it when the profile check
    // (the flow's second request) arrives: the token step has succeeded.
    exegia::test::RecordingServer proxy;
    proxyToEmulator(proxy, [this](const exegia::test::RecordedRequest &r, auto &) {
        if (!r.path.startsWith(u"/rest/v1"))
            return false;
        emulator.kill();
        return true;
    });
    auto proxied = makeClient(proxy.url());
    const QString token = idToken(QStringLiteral("google"), uniqueEmail(QStringLiteral("killed")));
    std::string other;
    // The token step succeeded, so the failure keeps the session; its cause
    // is the network error.
    auto check =
        awaitError<ProfileCheckError>(proxied->signInWithIdToken(u"google"_qs, token), &other);
    ASSERT_TRUE(check) << other;
    EXPECT_FALSE(check->session().accessToken.isEmpty());
    try {
        std::rethrow_exception(check->cause());
    } catch (const NetworkError &e) {
        EXPECT_TRUE(e.kind() == NetworkError::Kind::ConnectionClosed ||
                    e.kind() == NetworkError::Kind::ConnectionRefused)
            << e.what();
    } catch (...) {
        ADD_FAILURE() << "the cause is not a NetworkError";
    }
}
