// HttpTransport against a scripted local server: headers, bodies, retries,
// timeouts and replies that are not what the protocol promises.
#include <exegia/auth/Errors.h>

#include "Await.h"
#include "RecordingServer.h"
#include "detail/HttpTransport.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkRequest>
#include <QTcpServer>
#include <QTcpSocket>

#include <gtest/gtest.h>

#include <iostream>

using namespace exegia::auth;
using exegia::test::CannedResponse;
using exegia::test::RecordingServer;

namespace {

class HttpTransportTest : public ::testing::Test
{
protected:
    HttpTransport &transport(std::chrono::milliseconds timeout = std::chrono::seconds(5))
    {
        m_transport = std::make_unique<HttpTransport>(HttpTransport::Settings{
            server.url(), QStringLiteral("the-key"), timeout, QStringLiteral("exegia-auth-cpp/9"),
            3, std::chrono::milliseconds(20)});
        return *m_transport;
    }
    static HttpRequest get(const QString &path, const QString &bearer = {})
    {
        HttpRequest r;
        r.path = path;
        r.bearer = bearer;
        return r;
    }
    static HttpRequest post(const QString &path)
    {
        HttpRequest r;
        r.method = "POST";
        r.path = path;
        return r;
    }
    NetworkError::Kind failureKind(const HttpRequest &request)
    {
        std::string other;
        auto e = exegia::test::awaitError<NetworkError>(m_transport->request(request), &other);
        EXPECT_TRUE(e) << other;
        return e ? e->kind() : NetworkError::Kind::Other;
    }

    RecordingServer server;
    std::unique_ptr<HttpTransport> m_transport;
};

} // namespace

TEST_F(HttpTransportTest, GetWithUserTokenCarriesWireHeadersAndNoBody)
{
    server.queue = {CannedResponse::json(200, "{}")};
    const HttpReply reply = exegia::test::await(
        transport().request(get(QStringLiteral("/auth/v1/user"), QStringLiteral("user-token"))));
    EXPECT_EQ(reply.status, 200);
    ASSERT_EQ(server.requests.size(), 1);
    const auto &r = server.requests[0];
    EXPECT_EQ(r.method, "GET");
    EXPECT_EQ(r.path, QStringLiteral("/auth/v1/user"));
    EXPECT_EQ(r.header("apikey"), "the-key");
    EXPECT_EQ(r.header("Authorization"), "Bearer user-token");
    EXPECT_EQ(r.header("X-Client-Info"), "exegia-auth-cpp/9");
    EXPECT_EQ(r.header("X-Supabase-Api-Version"), "2024-01-01");
    EXPECT_FALSE(r.hasHeader("Content-Type"));
    EXPECT_FALSE(r.hasHeader("Content-Length"));
    EXPECT_TRUE(r.body.isEmpty());
}

TEST_F(HttpTransportTest, PostWithoutSessionSendsKeyAsBearerAndEmptyObject)
{
    server.queue = {CannedResponse::json(200, "{}")};
    exegia::test::await(transport().request(post(QStringLiteral("/auth/v1/logout"))));
    ASSERT_EQ(server.requests.size(), 1);
    const auto &r = server.requests[0];
    EXPECT_EQ(r.header("Authorization"), "Bearer the-key");
    EXPECT_EQ(r.header("Content-Type"), "application/json;charset=UTF-8");
    EXPECT_EQ(r.body, "{}");
}

TEST_F(HttpTransportTest, RestCallsHaveNoAuthApiVersionHeader)
{
    server.queue = {CannedResponse::json(200, "[]")};
    exegia::test::await(transport().request(get(QStringLiteral("/rest/v1/users"))));
    ASSERT_EQ(server.requests.size(), 1);
    EXPECT_FALSE(server.requests[0].hasHeader("X-Supabase-Api-Version"));
    EXPECT_EQ(server.requests[0].header("apikey"), "the-key");
    // The schema, as supabase-js names it (issue 12).
    EXPECT_EQ(server.requests[0].header("Accept-Profile"), "public");
    EXPECT_FALSE(server.requests[0].hasHeader("Content-Profile"));
    EXPECT_FALSE(server.requests[0].hasHeader("Content-Length"));
}

TEST_F(HttpTransportTest, RestWritesNameTheSchemaWithContentProfile)
{
    server.queue = {CannedResponse::json(201, "[]")};
    exegia::test::await(transport().request(post(QStringLiteral("/rest/v1/users"))));
    ASSERT_EQ(server.requests.size(), 1);
    EXPECT_EQ(server.requests[0].header("Content-Profile"), "public");
    EXPECT_FALSE(server.requests[0].hasHeader("Accept-Profile"));
}

TEST_F(HttpTransportTest, GetIsRetriedOnGatewayErrors)
{
    server.queue = {CannedResponse::json(503, "{}"), CannedResponse::json(502, "{}"),
                    CannedResponse::json(200, R"({"ok":true})")};
    const HttpReply reply =
        exegia::test::await(transport().request(get(QStringLiteral("/auth/v1/user"))));
    EXPECT_EQ(reply.status, 200);
    EXPECT_EQ(server.requests.size(), 3);
}

TEST_F(HttpTransportTest, GetGivesUpAfterThreeAttempts)
{
    server.queue = {CannedResponse::json(504, "{}"), CannedResponse::json(503, "{}"),
                    CannedResponse::json(503, "{}"), CannedResponse::json(200, "{}")};
    const HttpReply reply =
        exegia::test::await(transport().request(get(QStringLiteral("/auth/v1/user"))));
    EXPECT_EQ(reply.status, 503);
    EXPECT_EQ(server.requests.size(), 3);
}

TEST_F(HttpTransportTest, PostIsNeverRetried)
{
    server.queue = {CannedResponse::json(503, "{}"), CannedResponse::json(200, "{}")};
    const HttpReply reply =
        exegia::test::await(transport().request(post(QStringLiteral("/auth/v1/token"))));
    EXPECT_EQ(reply.status, 503);
    EXPECT_EQ(server.requests.size(), 1);
}

TEST_F(HttpTransportTest, OtherErrorStatusesAreNotRetried)
{
    server.queue = {CannedResponse::json(500, "{}"), CannedResponse::json(200, "{}")};
    EXPECT_EQ(exegia::test::await(transport().request(get(QStringLiteral("/auth/v1/user")))).status,
              500);
    EXPECT_EQ(server.requests.size(), 1);
}

TEST_F(HttpTransportTest, SilentServerTimesOut)
{
    server.queue = {CannedResponse::hang()};
    transport(std::chrono::milliseconds(300));
    EXPECT_EQ(failureKind(post(QStringLiteral("/auth/v1/otp"))), NetworkError::Kind::Timeout);
}

TEST_F(HttpTransportTest, RefusedConnection)
{
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    const quint16 closedPort = probe.serverPort();
    probe.close();
    m_transport = std::make_unique<HttpTransport>(HttpTransport::Settings{
        QUrl(QStringLiteral("http://127.0.0.1:%1").arg(closedPort)), QStringLiteral("k"),
        std::chrono::seconds(5), QStringLiteral("x"), 3, std::chrono::milliseconds(10)});
    EXPECT_EQ(failureKind(get(QStringLiteral("/auth/v1/user"))),
              NetworkError::Kind::ConnectionRefused);
}

TEST_F(HttpTransportTest, DroppedConnectionIsRetriedForGet)
{
    server.queue = {CannedResponse::close(), CannedResponse::json(200, "{}")};
    EXPECT_EQ(exegia::test::await(transport().request(get(QStringLiteral("/auth/v1/user")))).status,
              200);
    EXPECT_EQ(server.requests.size(), 2);
}

TEST_F(HttpTransportTest, DroppedConnectionFailsPost)
{
    server.queue = {CannedResponse::close(), CannedResponse::close(), CannedResponse::close(),
                    CannedResponse::close(), CannedResponse::close(), CannedResponse::close()};
    transport();
    EXPECT_EQ(failureKind(post(QStringLiteral("/auth/v1/verify"))),
              NetworkError::Kind::ConnectionClosed);
    // Our layer never repeats a POST; Qt's HTTP channel itself re-sends a
    // request whose connection closed before any reply byte (a stale
    // keep-alive socket looks the same), a bounded number of times.
    EXPECT_LE(server.requests.size(), 4);
    std::cout << "POST attempts seen by the server: " << server.requests.size() << "\n";
}

TEST_F(HttpTransportTest, TruncatedBodyIsANetworkError)
{
    CannedResponse truncated = CannedResponse::json(200, QByteArray(2000, 'x'));
    truncated.truncate = true;
    server.queue = {truncated};
    transport();
    std::string other;
    EXPECT_TRUE(exegia::test::awaitError<NetworkError>(
        m_transport->request(post(QStringLiteral("/auth/v1/verify"))), &other))
        << other;
}

TEST_F(HttpTransportTest, RedirectIsNotFollowed)
{
    server.queue = {CannedResponse::json(302, "", {{"Location", "http://portal.example/login"}})};
    transport();
    EXPECT_EQ(failureKind(post(QStringLiteral("/auth/v1/otp"))),
              NetworkError::Kind::MalformedReply);
    EXPECT_EQ(server.requests.size(), 1);
}

namespace {

// Spins the event loop (the reply side of QNetworkAccessManager runs on this
// thread) until `done` or the deadline.
template <typename F> bool spinUntil(F done, int timeoutMs = 5000)
{
    QDeadlineTimer deadline(timeoutMs);
    while (!done() && !deadline.hasExpired())
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
    return done();
}

} // namespace

TEST_F(HttpTransportTest, HttpsRequestsStayOnHttp11)
{
    // Qt 6.4's HTTP/2 sends a body in a second write that Nagle holds for a
    // round trip (HttpTransport::networkRequest says why).
    const HttpTransport tls(HttpTransport::Settings{
        QUrl(QStringLiteral("https://project.example")), QStringLiteral("the-key"),
        std::chrono::seconds(5), QStringLiteral("exegia-auth-cpp/9"), 3,
        std::chrono::milliseconds(20)});
    for (const HttpRequest &request :
         {post(QStringLiteral("/auth/v1/token")), get(QStringLiteral("/rest/v1/users"))}) {
        EXPECT_EQ(tls.networkRequest(request).attribute(QNetworkRequest::Http2AllowedAttribute),
                  QVariant(false));
    }
}

TEST_F(HttpTransportTest, PreconnectOpensTheConnectionTheFirstRequestUses)
{
    QTcpServer listener;
    ASSERT_TRUE(listener.listen(QHostAddress::LocalHost));
    QList<QTcpSocket *> accepted;
    QByteArray received;
    QObject::connect(&listener, &QTcpServer::newConnection, [&] {
        while (QTcpSocket *socket = listener.nextPendingConnection()) {
            accepted.append(socket);
            QObject::connect(socket, &QTcpSocket::readyRead, [&received, socket] {
                received += socket->readAll();
                if (received.endsWith("\r\n\r\n"))
                    socket->write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                                  "Content-Length: 2\r\n\r\n{}");
            });
        }
    });
    HttpTransport preconnected(HttpTransport::Settings{
        QUrl(QStringLiteral("http://127.0.0.1:%1").arg(listener.serverPort())),
        QStringLiteral("the-key"), std::chrono::seconds(5), QStringLiteral("exegia-auth-cpp/9"), 3,
        std::chrono::milliseconds(20)});

    preconnected.preconnect();
    // Two: as many as getCurrentUserRecord runs side by side.
    ASSERT_TRUE(spinUntil([&] { return accepted.size() == HttpTransport::kPreconnections; }));
    EXPECT_TRUE(received.isEmpty()); // connections, no request

    const HttpReply reply =
        exegia::test::await(preconnected.request(get(QStringLiteral("/auth/v1/health"))), 5000);
    EXPECT_EQ(reply.status, 200);
    EXPECT_TRUE(received.startsWith("GET /auth/v1/health HTTP/1.1\r\n"));
    preconnected.preconnect(); // on open connections: nothing new
    const HttpReply again =
        exegia::test::await(preconnected.request(get(QStringLiteral("/auth/v1/health"))), 5000);
    EXPECT_EQ(again.status, 200);
    EXPECT_EQ(accepted.size(), HttpTransport::kPreconnections); // requests used those sockets
}
