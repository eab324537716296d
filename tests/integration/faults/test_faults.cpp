// The library against a server that misbehaves the way real networks do:
// each fault ends in a typed error whose what() holds no secret
// (no JSON, no token), and the same client works for the next call.
#include "Await.h"
#include "FaultServer.h"

#include <exegia/auth/AuthClient.h>
#include <exegia/auth/Errors.h>

#include <gtest/gtest.h>

#include <memory>

using namespace exegia;
using namespace exegia::auth;
using exegia::test::await;
using exegia::test::awaitError;
using exegia::test::FaultServer;
using exegia::test::Misbehaviour;
using Kind = Misbehaviour::Kind;
using namespace std::chrono_literals;

namespace {

constexpr auto kTimeout = 600ms;
// Long enough for a loaded (sanitizer) machine, short against kTimeout faults.
constexpr int kDeadlineMs = 20000;

const QByteArray kAccessToken =
    "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJzZWNyZXQifQ.c2VjcmV0LXNpZ25hdHVyZQ";
const QByteArray kRefreshToken = "refresh-secret-0123456789";
const QByteArray kUserId = "6f1c1a52-0b7e-4f3a-9d3e-2c1b7a4e5f60";

QByteArray userJson()
{
    return R"({"id":")" + kUserId +
           R"(","aud":"authenticated","role":"authenticated","email":"ada@example.com",)"
           R"("phone":"","app_metadata":{"provider":"email","providers":["email"]},)"
           R"("user_metadata":{},"identities":[],"created_at":"2025-01-01T00:00:00Z",)"
           R"("updated_at":"2025-01-01T00:00:00Z","is_anonymous":false})";
}

QByteArray sessionJson()
{
    return R"({"access_token":")" + kAccessToken +
           R"(","token_type":"bearer","expires_in":3600,"expires_at":1999999999,)"
           R"("refresh_token":")" +
           kRefreshToken + R"(","user":)" + userJson() + "}";
}

class Faults : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ClientConfig config;
        config.projectUrl = server.url();
        config.publishableKey = QStringLiteral("sb_publishable_fault_tests");
        config.requestTimeout = kTimeout;
        client = std::make_unique<AuthClient>(config);
    }

    // What every failure owes the app and the logs: a kind to word, a
    // description, no secret.
    static void expectReadable(const Error &error)
    {
        EXPECT_FALSE(QByteArray(error.what()).trimmed().isEmpty());
        for (const QByteArray &secret : {kAccessToken, kRefreshToken})
            EXPECT_FALSE(QByteArray(error.what()).contains(secret)) << error.what();
    }

    template <typename E, typename T> std::optional<E> expectFailure(QFuture<T> future)
    {
        std::string other;
        auto error = awaitError<E>(future, &other, kDeadlineMs);
        if (error)
            expectReadable(*error);
        else
            ADD_FAILURE() << "expected " << typeid(E).name() << ", got " << other;
        return error;
    }

    NetworkError expectNetworkError(QFuture<Session> future, NetworkError::Kind kind)
    {
        std::string other;
        const auto error = awaitError<NetworkError>(future, &other, kDeadlineMs);
        if (!error) {
            ADD_FAILURE() << "expected a NetworkError, got " << other;
            return NetworkError(NetworkError::Kind::Other, {});
        }
        EXPECT_EQ(error->kind(), kind) << error->what();
        expectReadable(*error);
        return *error;
    }

    // The same client, a well-behaved answer: the call goes through.
    void expectUsableAfterwards()
    {
        server.script = {Misbehaviour::json(200, sessionJson())};
        const qsizetype before = server.requests.size();
        const Session session =
            await(client->refreshSession(QString::fromLatin1(kRefreshToken)), kDeadlineMs);
        EXPECT_EQ(session.accessToken, QString::fromLatin1(kAccessToken));
        EXPECT_EQ(server.requests.size(), before + 1);
    }

    QFuture<Session> refresh()
    {
        return client->refreshSession(QString::fromLatin1(kRefreshToken));
    }
    QFuture<std::optional<CurrentUser>> currentUser()
    {
        return client->getCurrentUserRecord(QString::fromLatin1(kAccessToken));
    }

    FaultServer server;
    std::unique_ptr<AuthClient> client;
};

TEST_F(Faults, AnswerLaterThanTheTimeoutIsATimeout)
{
    Misbehaviour late = Misbehaviour::json(200, sessionJson());
    late.kind = Kind::Late;
    late.delay = 10 * kTimeout;
    server.script = {late};
    expectNetworkError(refresh(), NetworkError::Kind::Timeout);
    EXPECT_EQ(server.requests.size(), 1); // a POST is never sent twice
    expectUsableAfterwards();
}

TEST_F(Faults, SlowGetIsNotRetriedAfterATimeout)
{
    Misbehaviour late = Misbehaviour::json(200, userJson());
    late.kind = Kind::Late;
    late.delay = 10 * kTimeout;
    server.script = {late};
    const auto error = expectFailure<NetworkError>(currentUser());
    ASSERT_TRUE(error);
    EXPECT_EQ(error->kind(), NetworkError::Kind::Timeout);
    // The timeout already spent the caller's patience: no second try.
    EXPECT_EQ(server.requests.size(), 1);
    expectUsableAfterwards();
}

TEST_F(Faults, AnswerDribbledSlowerThanTheTimeoutStillEndsInATimeout)
{
    // Each byte comes well inside the transfer timeout, so only an overall
    // deadline ends this request.
    Misbehaviour dribble = Misbehaviour::json(200, sessionJson());
    dribble.kind = Kind::Dribble;
    dribble.delay = kTimeout / 4;
    server.script = {dribble};
    expectNetworkError(refresh(), NetworkError::Kind::Timeout);
    expectUsableAfterwards();
}

TEST_F(Faults, ConnectionResetMidBodyOnAPostIsConnectionClosed)
{
    server.script = {
        Misbehaviour::with(Kind::ResetMidBody, 200, "application/json", sessionJson())};
    expectNetworkError(refresh(), NetworkError::Kind::ConnectionClosed);
    EXPECT_EQ(server.requests.size(), 1);
    expectUsableAfterwards();
}

TEST_F(Faults, ConnectionResetMidBodyOnAGetIsRetried)
{
    server.script = {Misbehaviour::with(Kind::ResetMidBody, 200, "application/json", userJson()),
                     Misbehaviour::json(200, userJson()), Misbehaviour::json(200, "[]")};
    const auto user = await(currentUser(), kDeadlineMs);
    ASSERT_TRUE(user.has_value());
    EXPECT_EQ(user->id(), QString::fromLatin1(kUserId));
    EXPECT_FALSE(user->hasProfile());
    EXPECT_EQ(server.requests.size(), 3);
}

TEST_F(Faults, ConnectionResetOnEveryTryOfAGetIsConnectionClosed)
{
    const auto reset = Misbehaviour::with(Kind::ResetMidBody, 200, "application/json", userJson());
    server.script = {reset, reset, reset};
    const auto error = expectFailure<NetworkError>(currentUser());
    ASSERT_TRUE(error);
    EXPECT_EQ(error->kind(), NetworkError::Kind::ConnectionClosed);
    EXPECT_EQ(server.requests.size(), 3);
    expectUsableAfterwards();
}

TEST_F(Faults, ConnectionClosedWithoutAnAnswer)
{
    // Qt itself sends a request again (a POST too) when the connection closes
    // before any byte of an answer, taking it for a stale kept-alive
    // connection; it gives up after three sends. Our transport adds no retry.
    const auto close = Misbehaviour::with(Kind::Close, 0, {}, {});
    server.script = {close, close, close};
    expectNetworkError(refresh(), NetworkError::Kind::ConnectionClosed);
    EXPECT_GE(server.requests.size(), 1);
    EXPECT_LE(server.requests.size(), 3);
    expectUsableAfterwards();
}

TEST_F(Faults, TruncatedJsonIsAMalformedReply)
{
    const QByteArray whole = sessionJson();
    server.script = {Misbehaviour::json(200, whole.left(whole.indexOf(kRefreshToken) + 6))};
    expectNetworkError(refresh(), NetworkError::Kind::MalformedReply);
    expectUsableAfterwards();
}

TEST_F(Faults, CaptivePortalPageIsAMalformedReply)
{
    server.script = {Misbehaviour::with(
        Kind::Answer, 200, "text/html; charset=utf-8",
        "<!doctype html><html><head><title>Welcome to Cafe Wi-Fi</title></head>"
        "<body><form action=\"/accept\"><button>Accept terms</button></form></body></html>")};
    const NetworkError error = expectNetworkError(refresh(), NetworkError::Kind::MalformedReply);
    EXPECT_EQ(error.domain(), ErrorDomain::Network);
    expectUsableAfterwards();
}

TEST_F(Faults, CaptivePortalPageInsteadOfTheProfileIsAMalformedReply)
{
    server.script = {Misbehaviour::json(200, userJson()),
                     Misbehaviour::with(Kind::Answer, 200, "text/html", "<html>Log in</html>")};
    const auto error = expectFailure<NetworkError>(currentUser());
    ASSERT_TRUE(error);
    EXPECT_EQ(error->kind(), NetworkError::Kind::MalformedReply);
    expectUsableAfterwards();
}

TEST_F(Faults, RedirectIsNotFollowed)
{
    Misbehaviour redirect = Misbehaviour::with(Kind::Answer, 302, "text/html", "<a>moved</a>");
    redirect.headers.append(
        qMakePair(QByteArray("Location"), QByteArray("http://portal.example/login?next=%2Ftoken")));
    server.script = {redirect};
    expectNetworkError(refresh(), NetworkError::Kind::MalformedReply);
    EXPECT_EQ(server.requests.size(), 1);
    expectUsableAfterwards();
}

TEST_F(Faults, InternalServerErrorIsAnAuthApiError)
{
    // The legacy 5xx shape, with something token-like in the text.
    server.script = {Misbehaviour::json(
        500, R"({"code":500,"error_code":"unexpected_failure","msg":"failed for )" + kAccessToken +
                 R"(","error_id":"0b1f"})")};
    const auto error = expectFailure<AuthApiError>(refresh());
    ASSERT_TRUE(error);
    EXPECT_EQ(error->httpStatus(), 500);
    EXPECT_EQ(error->errorCode(), QStringLiteral("unexpected_failure"));
    EXPECT_FALSE(error->isSessionGone());
    EXPECT_EQ(server.requests.size(), 1);
    expectUsableAfterwards();
}

TEST_F(Faults, InternalServerErrorWithAnHtmlPageIsAnAuthApiError)
{
    server.script = {Misbehaviour::with(Kind::Answer, 500, "text/html",
                                        "<html><h1>Internal Server Error</h1></html>")};
    const auto error = expectFailure<AuthApiError>(refresh());
    ASSERT_TRUE(error);
    EXPECT_EQ(error->httpStatus(), 500);
    EXPECT_TRUE(error->errorCode().isEmpty());
    expectUsableAfterwards();
}

TEST_F(Faults, GatewayErrorsOnAGetAreRetriedUntilAnAnswer)
{
    server.script = {Misbehaviour::with(Kind::Answer, 502, "text/html", "<h1>Bad Gateway</h1>"),
                     Misbehaviour::json(503, R"({"message":"upstream unavailable"})"),
                     Misbehaviour::json(200, userJson()), Misbehaviour::json(200, "[]")};
    const auto user = await(currentUser(), kDeadlineMs);
    ASSERT_TRUE(user.has_value());
    EXPECT_EQ(user->id(), QString::fromLatin1(kUserId));
    EXPECT_EQ(server.requests.size(), 4);
    EXPECT_TRUE(server.requests[0].startsWith("GET /auth/v1/user"));
    EXPECT_TRUE(server.requests[2].startsWith("GET /auth/v1/user"));
    EXPECT_TRUE(server.requests[3].startsWith("GET /rest/v1/users"));
}

TEST_F(Faults, GatewayErrorsOnAGetThatNeverEndAreReported)
{
    const auto unavailable = Misbehaviour::json(503, R"({"message":"upstream unavailable"})");
    server.script = {unavailable, unavailable, unavailable};
    const auto error = expectFailure<AuthApiError>(currentUser());
    ASSERT_TRUE(error);
    EXPECT_EQ(error->httpStatus(), 503);
    EXPECT_EQ(server.requests.size(), 3);
    expectUsableAfterwards();
}

TEST_F(Faults, GatewayErrorOnAPostIsNotRetried)
{
    // The refresh may have happened before the gateway failed: sending the
    // spent refresh token again could revoke the whole session.
    server.script = {Misbehaviour::json(503, R"({"message":"upstream unavailable"})")};
    const auto error = expectFailure<AuthApiError>(refresh());
    ASSERT_TRUE(error);
    EXPECT_EQ(error->httpStatus(), 503);
    EXPECT_EQ(server.requests.size(), 1);
    expectUsableAfterwards();
}

TEST_F(Faults, PlainTextInsteadOfJsonIsAMalformedReply)
{
    server.script = {Misbehaviour::with(Kind::Answer, 200, "text/plain", "OK")};
    expectNetworkError(refresh(), NetworkError::Kind::MalformedReply);
    expectUsableAfterwards();
}

TEST_F(Faults, BinaryBodyIsAMalformedReply)
{
    server.script = {Misbehaviour::with(Kind::Answer, 200, "application/octet-stream",
                                        QByteArray("\x1f\x8b\x08\x00\xff\xfe\x00{", 8))};
    expectNetworkError(refresh(), NetworkError::Kind::MalformedReply);
    expectUsableAfterwards();
}

TEST_F(Faults, JsonOfTheWrongShapeIsAMalformedReply)
{
    server.script = {
        Misbehaviour::json(200, "[" + sessionJson() + "]"),
        Misbehaviour::json(200, R"({"access_token":42,"refresh_token":"r","user":{}})")};
    expectNetworkError(refresh(), NetworkError::Kind::MalformedReply);
    expectNetworkError(refresh(), NetworkError::Kind::MalformedReply);
    expectUsableAfterwards();
}

TEST_F(Faults, EmptyBodyWithOkIsAMalformedReply)
{
    server.script = {Misbehaviour::with(Kind::Answer, 200, "application/json", {})};
    expectNetworkError(refresh(), NetworkError::Kind::MalformedReply);
    server.script = {Misbehaviour::with(Kind::Answer, 200, {}, {})};
    const auto error = expectFailure<NetworkError>(client->requestEmailOtp(u"ada@example.com"_qs));
    ASSERT_TRUE(error);
    EXPECT_EQ(error->kind(), NetworkError::Kind::MalformedReply);
    expectUsableAfterwards();
}

TEST_F(Faults, NothingListeningIsConnectionRefused)
{
    ClientConfig config = client->config();
    {
        FaultServer gone; // take a port, then free it
        config.projectUrl = gone.url();
    }
    AuthClient orphan(config);
    const auto error = expectFailure<NetworkError>(orphan.refreshSession(u"r"_qs));
    ASSERT_TRUE(error);
    EXPECT_EQ(error->kind(), NetworkError::Kind::ConnectionRefused);
}

} // namespace
