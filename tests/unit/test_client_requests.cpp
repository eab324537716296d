// AuthClient against a scripted server: the exact requests each call sends
// (docs/wire.md) and how the replies become results.
#include <exegia/auth/AuthClient.h>
#include <exegia/auth/Errors.h>

#include "Await.h"
#include "RecordingServer.h"
#include "detail/Pkce.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <gtest/gtest.h>

using namespace exegia::auth;
using exegia::test::await;
using exegia::test::awaitError;
using exegia::test::CannedResponse;
using namespace Qt::StringLiterals;

namespace {

const QString kUserId = QStringLiteral("4f1c0f7e-4a6e-4b8e-9d2e-2f1e7d4c9a11");

QByteArray userJson(bool anonymous = false)
{
    QJsonObject user{{"id", kUserId},
                     {"aud", "authenticated"},
                     {"email", anonymous ? "" : "a@b.c"},
                     {"is_anonymous", anonymous},
                     {"user_metadata", QJsonObject{}},
                     {"app_metadata", QJsonObject{}}};
    QJsonArray identities;
    if (!anonymous)
        identities.append(QJsonObject{{"provider", "google"}, {"id", "1"}});
    user.insert("identities", identities);
    return QJsonDocument(user).toJson(QJsonDocument::Compact);
}

QByteArray sessionJson(bool anonymous = false)
{
    return R"({"access_token":"user-at","token_type":"bearer","expires_in":3600,)"
           R"("expires_at":1893456000,"refresh_token":"rt","user":)" +
           userJson(anonymous) + "}";
}

// An unsigned access token whose sub claim is kUserId (the client reads
// claims, the server verifies them).
QString tokenWithSubject()
{
    const QByteArray claims =
        QJsonDocument(QJsonObject{{"sub", kUserId}, {"role", "authenticated"}})
            .toJson(QJsonDocument::Compact);
    const auto b64 = QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals;
    return QString::fromLatin1(R"({"alg":"ES256","typ":"JWT"})"_ba.toBase64(b64) + '.' +
                               claims.toBase64(b64) + ".c2ln");
}

// The session a caller holds, its user linked to `provider` (or to nothing).
Session heldSession(const QString &provider = {})
{
    Session session;
    session.accessToken = QStringLiteral("held-at");
    session.user.id = kUserId;
    if (!provider.isEmpty()) {
        Identity identity;
        identity.provider = provider;
        session.user.identities.append(identity);
    }
    return session;
}

QJsonObject bodyOf(const exegia::test::RecordedRequest &r)
{
    return QJsonDocument::fromJson(r.body).object();
}

class Client : public ::testing::Test
{
protected:
    Client()
    {
        ClientConfig config;
        config.projectUrl = server.url();
        config.publishableKey = QStringLiteral("pk");
        client = std::make_unique<AuthClient>(config);
    }
    exegia::test::RecordingServer server;
    std::unique_ptr<AuthClient> client;
};

} // namespace

TEST_F(Client, IdTokenSignInIsTwoRequestsAndOk)
{
    server.queue = {CannedResponse::json(200, sessionJson()),
                    CannedResponse::json(200, R"([{"id":"x","display_name":"Ada"}])")};
    IdTokenOptions options;
    options.nonce = QStringLiteral("raw-nonce");
    const SignInResult r = await(
        client->signInWithIdToken(QStringLiteral("google"), QStringLiteral("id-token"), options));
    EXPECT_TRUE(r.ok);
    EXPECT_FALSE(r.needsSignup);
    ASSERT_TRUE(r.currentUser);
    EXPECT_EQ(r.currentUser->displayName(), QStringLiteral("Ada"));
    ASSERT_EQ(server.requests.size(), 2);
    const auto &token = server.requests[0];
    EXPECT_EQ(token.method, "POST");
    EXPECT_EQ(token.path, QStringLiteral("/auth/v1/token"));
    EXPECT_EQ(token.query.queryItemValue(QStringLiteral("grant_type")), QStringLiteral("id_token"));
    EXPECT_EQ(token.header("Authorization"), "Bearer pk");
    const QJsonObject body = bodyOf(token);
    EXPECT_EQ(body.keys(), (QStringList{"id_token", "nonce", "provider"}));
    EXPECT_EQ(body.value("nonce").toString(), QStringLiteral("raw-nonce"));
    const auto &profile = server.requests[1];
    EXPECT_EQ(profile.method, "GET");
    EXPECT_EQ(profile.path, QStringLiteral("/rest/v1/users"));
    EXPECT_EQ(profile.query.queryItemValue(QStringLiteral("select")), QStringLiteral("*"));
    EXPECT_EQ(profile.query.queryItemValue(QStringLiteral("id")), QStringLiteral("eq.") + kUserId);
    EXPECT_EQ(profile.header("Authorization"), "Bearer user-at");
}

TEST_F(Client, NoProfileMeansNeedsSignupWithSessionKept)
{
    server.queue = {CannedResponse::json(200, sessionJson()), CannedResponse::json(200, "[]")};
    const SignInResult r =
        await(client->signInWithIdToken(QStringLiteral("apple"), QStringLiteral("t")));
    EXPECT_FALSE(r.ok);
    EXPECT_TRUE(r.needsSignup);
    ASSERT_TRUE(r.session);
    EXPECT_EQ(r.session->accessToken, QStringLiteral("user-at"));
    ASSERT_TRUE(r.message);
    EXPECT_TRUE(r.message->contains(u"Apple"));
}

TEST_F(Client, CaptchaGoesInGotrueMetaSecurity)
{
    server.queue = {CannedResponse::json(200, "{}")};
    EmailOtpOptions options;
    options.captchaToken = QStringLiteral("cap");
    options.shouldCreateUser = false;
    options.emailRedirectTo = QStringLiteral("http://127.0.0.1:5/cb?a=1+2 3");
    await(client->requestEmailOtp(QStringLiteral("a@b.c"), options));
    ASSERT_EQ(server.requests.size(), 1);
    const auto &r = server.requests[0];
    EXPECT_EQ(r.path, QStringLiteral("/auth/v1/otp"));
    EXPECT_EQ(r.query.queryItemValue(QStringLiteral("redirect_to"), QUrl::FullyDecoded),
              QStringLiteral("http://127.0.0.1:5/cb?a=1+2 3"));
    const QJsonObject body = bodyOf(r);
    EXPECT_EQ(body.value("create_user"), QJsonValue(false));
    EXPECT_EQ(body.value("gotrue_meta_security").toObject().value("captcha_token").toString(),
              QStringLiteral("cap"));
}

TEST_F(Client, VerifySendsTypeEmail)
{
    server.queue = {CannedResponse::json(200, sessionJson()), CannedResponse::json(200, "[]")};
    const SignInResult r = await(client->verifyEmailOtp(QStringLiteral("a@b.c"), u" 123456 "_qs));
    EXPECT_TRUE(r.needsSignup);
    EXPECT_TRUE(r.message->contains(u"email"));
    const QJsonObject body = bodyOf(server.requests[0]);
    EXPECT_EQ(body.value("type").toString(), QStringLiteral("email"));
    EXPECT_EQ(body.value("token").toString(), QStringLiteral("123456"));
    EXPECT_FALSE(body.contains("gotrue_meta_security"));
}

TEST_F(Client, SignUpRefusesBadArgumentsWithoutRequests)
{
    SignUpOptions both;
    both.accessToken = QStringLiteral("t");
    both.anonymous = true;
    const SignUpResult r1 = await(client->signUp(both));
    EXPECT_FALSE(r1.ok);
    EXPECT_TRUE(r1.message);
    const SignUpResult r2 = await(client->signUp({}));
    EXPECT_FALSE(r2.ok);
    EXPECT_TRUE(r2.message);
    SignUpOptions privileged;
    privileged.accessToken = QStringLiteral("t");
    privileged.profileFields = {{"user_type", "admin"}};
    EXPECT_FALSE(await(client->signUp(privileged)).ok);
    privileged.profileFields = {{"id", kUserId}};
    EXPECT_FALSE(await(client->signUp(privileged)).ok);
    EXPECT_TRUE(server.requests.isEmpty());
}

TEST_F(Client, AnonymousSignUpInsertsUnderTheGuestToken)
{
    server.queue = {CannedResponse::json(200, sessionJson(true)),
                    CannedResponse::json(
                        201, R"([{"id":"x","display_name":"Guest","user_type":"anonymous"}])")};
    SignUpOptions options;
    options.anonymous = true;
    options.anonymousMetadata = {{"theme", "dark"}};
    const SignUpResult r = await(client->signUp(options));
    EXPECT_TRUE(r.ok);
    ASSERT_TRUE(r.session);
    ASSERT_TRUE(r.currentUser);
    EXPECT_TRUE(r.currentUser->isAnonymous());
    ASSERT_EQ(server.requests.size(), 2);
    EXPECT_EQ(server.requests[0].path, QStringLiteral("/auth/v1/signup"));
    EXPECT_EQ(bodyOf(server.requests[0]).value("data").toObject().value("theme").toString(),
              QStringLiteral("dark"));
    const auto &insert = server.requests[1];
    EXPECT_EQ(insert.method, "POST");
    EXPECT_EQ(insert.path, QStringLiteral("/rest/v1/users"));
    EXPECT_EQ(insert.header("Prefer"), "return=representation");
    EXPECT_EQ(insert.header("Authorization"), "Bearer user-at");
    const QJsonObject row = bodyOf(insert);
    EXPECT_EQ(row.value("id").toString(), kUserId);
    EXPECT_EQ(row.value("display_name").toString(), QStringLiteral("Guest"));
    EXPECT_FALSE(row.contains("user_type"));
}

TEST_F(Client, DuplicateInsertMeansAlreadyRegistered)
{
    server.queue = {
        CannedResponse::json(200, userJson()),
        CannedResponse::json(
            409, R"({"code":"23505","message":"duplicate key","details":null,"hint":null})"),
        CannedResponse::json(200, R"([{"id":"x","display_name":"Existing"}])")};
    SignUpOptions options;
    options.accessToken = QStringLiteral("user-at");
    options.profileFields = {{"display_name", "New"}};
    const SignUpResult r = await(client->signUp(options));
    EXPECT_FALSE(r.ok);
    EXPECT_TRUE(r.alreadyRegistered);
    ASSERT_TRUE(r.currentUser);
    EXPECT_EQ(r.currentUser->displayName(), QStringLiteral("Existing"));
    ASSERT_EQ(server.requests.size(), 3);
    EXPECT_EQ(server.requests[0].path, QStringLiteral("/auth/v1/user"));
    EXPECT_EQ(server.requests[0].header("Authorization"), "Bearer user-at");
}

TEST_F(Client, OtherInsertFailuresAreApiErrors)
{
    server.queue = {CannedResponse::json(200, userJson()),
                    CannedResponse::json(403, R"({"code":"42501","message":"rls"})")};
    SignUpOptions options;
    options.accessToken = QStringLiteral("user-at");
    auto e = awaitError<ApiError>(client->signUp(options));
    ASSERT_TRUE(e);
    EXPECT_EQ(e->code(), QStringLiteral("42501"));
}

TEST_F(Client, CurrentUserRecordNoneWhenUserIsGone)
{
    server.queue = {CannedResponse::json(403, R"({"code":"user_not_found","message":"gone"})",
                                         {{"x-sb-error-code", "user_not_found"}})};
    EXPECT_FALSE(await(client->getCurrentUserRecord(QStringLiteral("t"))));
    server.queue = {CannedResponse::json(403, R"({"code":"bad_jwt","message":"expired"})")};
    auto e = awaitError<AuthApiError>(client->getCurrentUserRecord(QStringLiteral("t")));
    ASSERT_TRUE(e);
    EXPECT_EQ(e->errorCode(), QStringLiteral("bad_jwt"));
}

TEST_F(Client, CurrentUserRecordAsksUserAndProfileSideBySide)
{
    // Nothing is answered until both requests have arrived: a client that
    // waits for GET /user before asking for the row never gets an answer.
    QList<exegia::test::RecordingServer::Respond> waiting;
    server.handler = [&](const exegia::test::RecordedRequest &, auto respond) {
        waiting.append(respond);
        if (waiting.size() < 2)
            return;
        for (const auto &r : server.requests) {
            const bool user = r.path == QStringLiteral("/auth/v1/user");
            waiting.takeFirst()(user ? CannedResponse::json(200, userJson())
                                     : CannedResponse::json(200, R"([{"display_name":"Ada"}])"));
        }
    };
    const QString token = tokenWithSubject();
    const auto record = await(client->getCurrentUserRecord(token), 5000);
    ASSERT_TRUE(record);
    EXPECT_EQ(record->id(), kUserId);
    EXPECT_EQ(record->displayName(), QStringLiteral("Ada"));
    ASSERT_EQ(server.requests.size(), 2);
    for (const auto &r : server.requests) {
        EXPECT_EQ(r.header("Authorization"), "Bearer " + token.toLatin1());
        if (r.path == QStringLiteral("/rest/v1/users")) {
            EXPECT_EQ(r.query.queryItemValue(QStringLiteral("id")),
                      QStringLiteral("eq.") + kUserId);
        }
    }
}

TEST_F(Client, CurrentUserRecordFailsWhenEitherRequestFails)
{
    auto answer = [&](int userStatus, int profileStatus) {
        server.requests.clear();
        server.handler = [=](const exegia::test::RecordedRequest &r, auto respond) {
            if (r.path == QStringLiteral("/auth/v1/user"))
                respond(CannedResponse::json(
                    userStatus, userStatus == 200 ? userJson() : R"({"code":"bad_jwt"})"));
            else
                respond(CannedResponse::json(
                    profileStatus, profileStatus == 200 ? "[]"_ba : R"({"code":"42501"})"_ba));
        };
    };
    answer(200, 403);
    EXPECT_TRUE(awaitError<ApiError>(client->getCurrentUserRecord(tokenWithSubject())));
    answer(403, 200);
    EXPECT_TRUE(awaitError<AuthApiError>(client->getCurrentUserRecord(tokenWithSubject())));
    answer(200, 200); // no row is a user without a profile, not a failure
    const auto record = await(client->getCurrentUserRecord(tokenWithSubject()), 5000);
    ASSERT_TRUE(record);
    EXPECT_FALSE(record->hasProfile());
}

TEST_F(Client, SignUpWithTheHeldSessionSendsOnlyTheInsert)
{
    server.queue = {CannedResponse::json(201, R"([{"id":"x","display_name":"Ada"}])")};
    SignUpOptions options;
    options.session = heldSession(QStringLiteral("email"));
    options.profileFields = {{"display_name", "Ada"}};
    const SignUpResult r = await(client->signUp(options));
    EXPECT_TRUE(r.ok);
    ASSERT_TRUE(r.currentUser);
    EXPECT_EQ(r.currentUser->id(), kUserId);
    ASSERT_EQ(server.requests.size(), 1);
    EXPECT_EQ(server.requests[0].method, "POST");
    EXPECT_EQ(server.requests[0].path, QStringLiteral("/rest/v1/users"));
    EXPECT_EQ(server.requests[0].header("Authorization"), "Bearer held-at");
    EXPECT_EQ(bodyOf(server.requests[0]).value("id").toString(), kUserId);

    options.accessToken = QStringLiteral("another-token"); // which one? refused
    EXPECT_FALSE(await(client->signUp(options)).ok);
    EXPECT_EQ(server.requests.size(), 1);
}

TEST_F(Client, LinkIdentityWithTheHeldSessionSendsOnlyTheAuthorizeRequest)
{
    server.queue = {
        CannedResponse::json(200, R"({"url":"http://127.0.0.1:1/idp/google/authorize?x=1"})")};
    const LinkIdentityRequest link =
        await(client->linkIdentityToCurrentUser(heldSession(), QStringLiteral("google")));
    EXPECT_FALSE(link.alreadyLinked);
    EXPECT_TRUE(Pkce::isValidVerifier(link.codeVerifier));
    ASSERT_EQ(server.requests.size(), 1);
    EXPECT_EQ(server.requests[0].path, QStringLiteral("/auth/v1/user/identities/authorize"));
    EXPECT_EQ(server.requests[0].header("Authorization"), "Bearer held-at");
}

TEST_F(Client, LinkIdentityToALinkedProviderWithTheHeldSessionSendsNothing)
{
    const LinkIdentityRequest link = await(client->linkIdentityToCurrentUser(
        heldSession(QStringLiteral("google")), QStringLiteral("google")));
    EXPECT_TRUE(link.alreadyLinked);
    EXPECT_TRUE(server.requests.isEmpty());
}

TEST_F(Client, LinkIdentitySendsPkceAndKeepsVerifier)
{
    server.queue = {
        CannedResponse::json(200, userJson(true)),
        CannedResponse::json(200, R"({"url":"http://127.0.0.1:1/idp/google/authorize?x=1"})")};
    LinkIdentityOptions options;
    options.redirectTo = QStringLiteral("http://127.0.0.1:4321/callback");
    options.scopes = QStringLiteral("openid email");
    options.queryParams = {{QStringLiteral("login_hint"), QStringLiteral("a+b@example.com")}};
    const LinkIdentityRequest link = await(client->linkIdentityToCurrentUser(
        QStringLiteral("given-token"), QStringLiteral("google"), options));
    EXPECT_FALSE(link.alreadyLinked);
    EXPECT_EQ(link.url.host(), QStringLiteral("127.0.0.1"));
    EXPECT_TRUE(Pkce::isValidVerifier(link.codeVerifier));
    ASSERT_EQ(server.requests.size(), 2);
    const auto &r = server.requests[1];
    EXPECT_EQ(r.path, QStringLiteral("/auth/v1/user/identities/authorize"));
    EXPECT_EQ(r.header("Authorization"), "Bearer given-token");
    auto q = [&](const char *key) {
        return r.query.queryItemValue(QLatin1String(key), QUrl::FullyDecoded);
    };
    EXPECT_EQ(q("provider"), QStringLiteral("google"));
    EXPECT_EQ(q("redirect_to"), options.redirectTo);
    EXPECT_EQ(q("scopes"), QStringLiteral("openid email"));
    EXPECT_EQ(q("code_challenge"), Pkce::challenge(link.codeVerifier));
    EXPECT_EQ(q("code_challenge_method"), QStringLiteral("s256"));
    EXPECT_EQ(q("skip_http_redirect"), QStringLiteral("true"));
    EXPECT_EQ(q("login_hint"), QStringLiteral("a+b@example.com"));
}

TEST_F(Client, LinkIdentityReportsAlreadyLinked)
{
    server.queue = {CannedResponse::json(200, userJson(false))};
    const LinkIdentityRequest link =
        await(client->linkIdentityToCurrentUser(QStringLiteral("t"), QStringLiteral("google")));
    EXPECT_TRUE(link.alreadyLinked);
    EXPECT_TRUE(link.url.isEmpty());
    EXPECT_EQ(server.requests.size(), 1);
}

TEST_F(Client, LinkIdentityRefusesReservedParams)
{
    LinkIdentityOptions options;
    options.queryParams = {{QStringLiteral("State"), QStringLiteral("x")}};
    EXPECT_TRUE(awaitError<ConfigError>(
        client->linkIdentityToCurrentUser(QStringLiteral("t"), QStringLiteral("google"), options)));
    EXPECT_TRUE(server.requests.isEmpty());
}

TEST_F(Client, RefreshAndExchangeBodies)
{
    server.queue = {CannedResponse::json(200, sessionJson()),
                    CannedResponse::json(200, sessionJson())};
    await(client->refreshSession(QStringLiteral("old-rt")));
    await(client->exchangeCodeForSession(QStringLiteral("code-1"), QStringLiteral("ver")));
    ASSERT_EQ(server.requests.size(), 2);
    EXPECT_EQ(server.requests[0].query.queryItemValue("grant_type"),
              QStringLiteral("refresh_token"));
    EXPECT_EQ(bodyOf(server.requests[0]).value("refresh_token").toString(),
              QStringLiteral("old-rt"));
    EXPECT_EQ(server.requests[1].query.queryItemValue("grant_type"), QStringLiteral("pkce"));
    EXPECT_EQ(bodyOf(server.requests[1]).keys(), (QStringList{"auth_code", "code_verifier"}));
}

TEST_F(Client, SignOutTreatsGoneSessionAsSignedOut)
{
    server.queue = {CannedResponse::json(204, ""),
                    CannedResponse::json(403, R"({"code":"session_not_found"})"),
                    CannedResponse::json(500, "{}")};
    EXPECT_NO_THROW(await(client->signOut(QStringLiteral("t"), SignOutScope::Global)));
    EXPECT_NO_THROW(await(client->signOut(QStringLiteral("t"))));
    EXPECT_TRUE(awaitError<AuthApiError>(client->signOut(QStringLiteral("t"))));
    EXPECT_EQ(server.requests[0].query.queryItemValue("scope"), QStringLiteral("global"));
    EXPECT_EQ(server.requests[1].query.queryItemValue("scope"), QStringLiteral("local"));
    EXPECT_EQ(server.requests[0].header("Authorization"), "Bearer t");
}

TEST_F(Client, ServerErrorsAreTyped)
{
    server.queue = {CannedResponse::json(
        429,
        R"({"code":"over_email_send_rate_limit","message":"you can only request this after 31 seconds."})")};
    auto e = awaitError<AuthApiError>(client->requestEmailOtp(QStringLiteral("a@b.c")));
    ASSERT_TRUE(e);
    EXPECT_EQ(e->retryAfterSeconds().value_or(-1), 31);
    server.queue = {CannedResponse::json(200, "<html>captive portal</html>")};
    auto n = awaitError<NetworkError>(client->verifyEmailOtp(QStringLiteral("a@b.c"), u"1"_qs));
    ASSERT_TRUE(n);
    EXPECT_EQ(n->kind(), NetworkError::Kind::MalformedReply);
}

TEST_F(Client, DestroyingTheClientCancelsPendingFutures)
{
    server.queue = {CannedResponse::hang()};
    QFuture<SignInResult> f = client->signInWithIdToken(QStringLiteral("google"), u"t"_qs);
    client.reset();
    EXPECT_TRUE(f.isFinished());
    EXPECT_TRUE(f.isCanceled());
}
