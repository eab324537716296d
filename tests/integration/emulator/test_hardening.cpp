// The emulator is a server on a person's machine (issue 11, items 5 and 6):
// other local users and web pages in the person's browser must not reach
// its secrets, and malformed or oversized requests are answered early.
#include "EmulatorFixture.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QTcpSocket>
#include <QTemporaryDir>

using namespace exegia::test;
using namespace Qt::StringLiterals;

namespace {

// One raw HTTP exchange: sends `head` (and `body`), returns what the server
// answered within the deadline (the status line first).
QByteArray rawExchange(const Emu &emu, const QByteArray &head, const QByteArray &body = {},
                       int timeoutMs = 5000)
{
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, quint16(emu.proc.url().port()));
    if (!socket.waitForConnected(timeoutMs))
        return "no connection";
    socket.write(head + body);
    socket.flush();
    QByteArray answer;
    QDeadlineTimer deadline(timeoutMs);
    while (!answer.contains("\r\n\r\n") && !deadline.hasExpired() &&
           socket.state() == QAbstractSocket::ConnectedState) {
        if (socket.waitForReadyRead(int(qMax<qint64>(1, deadline.remainingTime()))))
            answer += socket.readAll();
    }
    return answer + socket.readAll();
}

int statusOf(const QByteArray &answer)
{
    // "HTTP/1.1 413 Payload Too Large"
    return answer.startsWith("HTTP/1.") ? answer.mid(9, 3).toInt() : -1;
}

QByteArray hostHeader(const Emu &emu, const QByteArray &host = "127.0.0.1")
{
    return "Host: " + host + ':' + QByteArray::number(emu.proc.url().port()) + "\r\n";
}

class Hardening : public EmulatorSuite
{
protected:
    static void SetUpTestSuite() { startSuite(); }

    HttpResponse postWith(const Headers &extra, const QByteArray &body = "{}")
    {
        Headers h = emu().anonHeaders();
        h.append(extra);
        return emu().send("POST", QStringLiteral("/auth/v1/signup"), h, body);
    }
};

TEST_F(Hardening, HostMustBeALoopbackName)
{
    const QByteArray get =
        "GET /auth/v1/health HTTP/1.1\r\napikey: " + emu().proc.publishableKey().toLatin1() +
        "\r\n";
    for (const QByteArray &host : {QByteArray("127.0.0.1"), QByteArray("localhost"),
                                   QByteArray("LOCALHOST"), QByteArray("[::1]")})
        EXPECT_EQ(statusOf(rawExchange(emu(), get + hostHeader(emu(), host) + "\r\n")), 200)
            << host.constData();
    // A web page reaching us through DNS rebinding sends its own host name.
    for (const QByteArray &host :
         {QByteArray("Host: evil.example\r\n"), QByteArray("Host: evil.example:80\r\n"),
          "Host: evil.example:" + QByteArray::number(emu().proc.url().port()) + "\r\n",
          QByteArray("Host: 127.0.0.1.evil.example:80\r\n"), QByteArray("Host: 127.0.0.1\r\n"),
          QByteArray("Host: localhost:0\r\n")}) {
        const QByteArray answer = rawExchange(emu(), get + host + "\r\n");
        EXPECT_EQ(statusOf(answer), 421) << host.constData() << answer.constData();
        EXPECT_TRUE(answer.contains("\"error_code\":\"misdirected_request\""))
            << answer.constData();
    }
    // A local proxy in front of the emulator sends its own port.
    EXPECT_EQ(statusOf(rawExchange(emu(), get + "Host: 127.0.0.1:4711\r\n\r\n")), 200);
    EXPECT_EQ(statusOf(rawExchange(emu(), get + "\r\n")), 400) << "no Host at all";
    EXPECT_EQ(statusOf(rawExchange(emu(), get + hostHeader(emu()) + hostHeader(emu()) + "\r\n")),
              400)
        << "two Host headers";
}

TEST_F(Hardening, ForeignOriginCannotChangeState)
{
    const HttpResponse foreign = postWith({{"Origin", "https://evil.example"}});
    EXPECT_EQ(foreign.status, 403) << qPrintable(dump(foreign));
    EXPECT_EQ(errorCode(foreign), QStringLiteral("origin_not_allowed"));
    const HttpResponse nullOrigin = postWith({{"Origin", "null"}});
    EXPECT_EQ(nullOrigin.status, 403) << qPrintable(dump(nullOrigin));
    // Pages served on loopback (the emulator's own, the app's listener) may.
    const HttpResponse local = postWith({{"Origin", "http://127.0.0.1:4711"}});
    EXPECT_EQ(local.status, 200) << qPrintable(dump(local));
    // Reads change nothing; the browser's CORS rules keep the answer from the page.
    Headers h = emu().anonHeaders();
    h.append(header("Origin", "https://evil.example"));
    EXPECT_EQ(emu().get(QStringLiteral("/auth/v1/health"), h).status, 200);
}

TEST_F(Hardening, CorsSimpleContentTypesAreRefusedOnJsonEndpoints)
{
    for (const QByteArray &type : {QByteArray("text/plain"), QByteArray("text/plain;charset=UTF-8"),
                                   QByteArray("application/x-www-form-urlencoded"),
                                   QByteArray("multipart/form-data; boundary=x")}) {
        Headers h = emu().anonHeaders();
        h.append(header("Content-Type", type));
        const HttpResponse r = emu().send("POST", QStringLiteral("/auth/v1/otp"), h,
                                          R"({"email":"simple@example.com"})");
        EXPECT_EQ(r.status, 415) << type.constData() << ' ' << qPrintable(dump(r));
        EXPECT_TRUE(emu().messages(QStringLiteral("simple@example.com")).isEmpty());
    }
    // The local identity provider's token endpoint takes forms, as OAuth's does.
    const IdpTokens idp = emu().idpTokens(QStringLiteral("google"), uniqueEmail(u"form"_s));
    EXPECT_FALSE(idp.idToken.isEmpty()) << qPrintable(idp.why);
}

TEST_F(Hardening, OversizedBodyIsAnsweredBeforeItIsRead)
{
    // 64 MB announced, 64 KB sent: the 413 arrives while the client would
    // still be sending.
    const QByteArray head = "POST /auth/v1/signup HTTP/1.1\r\n" + hostHeader(emu()) +
                            "apikey: " + emu().proc.publishableKey().toLatin1() +
                            "\r\nContent-Type: application/json\r\n"
                            "Content-Length: 67108864\r\n\r\n";
    const QByteArray answer = rawExchange(emu(), head, QByteArray(64 * 1024, 'x'));
    EXPECT_EQ(statusOf(answer), 413) << answer.left(200).constData();
    EXPECT_TRUE(answer.contains("request_too_large")) << answer.constData();
    EXPECT_TRUE(emu().healthy());
}

TEST_F(Hardening, HeaderBlockOver64KbIs431)
{
    const QByteArray head = "GET /auth/v1/health HTTP/1.1\r\n" + hostHeader(emu()) +
                            "X-Filler: " + QByteArray(70 * 1024, 'a') + "\r\n\r\n";
    EXPECT_EQ(statusOf(rawExchange(emu(), head)), 431);
    // Many small headers add up the same way.
    QByteArray many = "GET /auth/v1/health HTTP/1.1\r\n" + hostHeader(emu());
    for (int i = 0; i < 2000; ++i)
        many += "X-H" + QByteArray::number(i) + ": " + QByteArray(40, 'b') + "\r\n";
    EXPECT_EQ(statusOf(rawExchange(emu(), many + "\r\n")), 431);
    EXPECT_TRUE(emu().healthy());
}

TEST_F(Hardening, ConflictingContentLengthIs400)
{
    const QByteArray head = "POST /auth/v1/signup HTTP/1.1\r\n" + hostHeader(emu()) +
                            "apikey: " + emu().proc.publishableKey().toLatin1() +
                            "\r\nContent-Type: application/json\r\n"
                            "Content-Length: 2\r\nContent-Length: 40\r\n\r\n";
    EXPECT_EQ(statusOf(rawExchange(emu(), head, "{}")), 400);
    const QByteArray signs =
        "POST /auth/v1/signup HTTP/1.1\r\n" + hostHeader(emu()) + "Content-Length: -1\r\n\r\n";
    EXPECT_EQ(statusOf(rawExchange(emu(), signs, "{}")), 400);
}

TEST_F(Hardening, KeepAliveRequestsStillWork)
{
    // The guard follows the byte stream across requests on one connection:
    // two requests in one write, both answered.
    const QByteArray one = "POST /auth/v1/signup HTTP/1.1\r\n" + hostHeader(emu()) +
                           "apikey: " + emu().proc.publishableKey().toLatin1() +
                           "\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{}";
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, quint16(emu().proc.url().port()));
    ASSERT_TRUE(socket.waitForConnected(5000));
    socket.write(one + one);
    QByteArray answer;
    QDeadlineTimer deadline(10000);
    while (answer.count("HTTP/1.1 200") < 2 && !deadline.hasExpired() &&
           socket.waitForReadyRead(int(qMax<qint64>(1, deadline.remainingTime()))))
        answer += socket.readAll();
    EXPECT_EQ(answer.count("HTTP/1.1 200"), 2) << answer.left(300).constData();
}

TEST_F(Hardening, MailboxNeedsTheSecretKey)
{
    const QString email = uniqueEmail(u"mailbox"_s);
    ASSERT_EQ(emu().requestOtp(email).status, 200);
    const QUrl url(emu().proc.mailbox() + QStringLiteral("/messages?to=") + enc(email));
    EXPECT_EQ(emu().http.get(url, {}).status, 401);
    EXPECT_EQ(emu().http.get(url, emu().anonHeaders()).status, 401);
    const QByteArray secret = emu().proc.secretKey().toLatin1();
    EXPECT_EQ(emu().http.get(url, {{"apikey", secret}}).status, 401) << "Bearer too";
    EXPECT_EQ(emu().http.send("DELETE", url, emu().anonHeaders()).status, 401);
    const HttpResponse ok = emu().http.get(url, emu().serviceHeaders());
    EXPECT_EQ(ok.status, 200) << qPrintable(dump(ok));
    EXPECT_EQ(ok.jsonArray().size(), 1);
    for (const QString &hook : {u"/_emulator/stats"_s})
        EXPECT_EQ(emu().get(hook, emu().anonHeaders()).status, 401);

    EXEGIA_START_EMU(open, QStringLiteral("--open-mailbox"));
    EXPECT_EQ(open.http.get(QUrl(open.proc.mailbox() + QStringLiteral("/messages")), {}).status,
              200);
}

TEST_F(Hardening, PaddedJwtPartsAreRefused)
{
    const Session s = emu().anonSignUp();
    ASSERT_TRUE(s.ok());
    ASSERT_EQ(emu().getUser(s.accessToken).status, 200);
    const QStringList parts = s.accessToken.split(u'.');
    ASSERT_EQ(parts.size(), 3);
    // Padding changes the string, not the bytes a lax decoder sees.
    for (int i = 0; i < 3; ++i) {
        QStringList padded = parts;
        padded[i] += u"="_s;
        const int status = emu().getUser(padded.join(u'.')).status;
        EXPECT_TRUE(status == 401 || status == 403) << "part " << i << ": " << status;
        EXPECT_TRUE(emu().rest("GET", u"/users?select=*"_s, padded.join(u'.')).status >= 400);
    }
}

TEST_F(Hardening, EmailsWithControlCharactersAreRefused)
{
    for (const QString &email :
         {u"nul"_s + QChar(0) + u"x@example.com"_s,
          QString(QChar(0x202E)) + u"moc.elpmaxe@evil.example"_s, u"tab\tx@example.com"_s,
          u"zw\u200Bx@example.com"_s, u"bell\u0007@example.com"_s}) {
        const HttpResponse r = emu().requestOtp(email);
        EXPECT_EQ(r.status, 400) << qPrintable(email.toUtf8().toPercentEncoding());
        EXPECT_EQ(errorCode(r), QStringLiteral("validation_failed"));
    }
}

TEST_F(Hardening, IdleConnectionsAreClosed)
{
    EXEGIA_START_EMU(quick, QStringLiteral("--idle-timeout"), QStringLiteral("1"));
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, quint16(quick.proc.url().port()));
    ASSERT_TRUE(socket.waitForConnected(5000));
    EXPECT_TRUE(socket.waitForDisconnected(5000)) << "a silent connection stays open";
}

TEST(EmulatorSecrets, NewDataFolderIsPrivateWithItsOwnKeys)
{
    QTemporaryDir parent;
    ASSERT_TRUE(parent.isValid());
    const QString dir = parent.filePath(QStringLiteral("data"));
    QString first, second;
    {
        EXEGIA_START_EMU(a, QStringLiteral("--data"), dir);
        EXPECT_FALSE(a.proc.info().contains(u"jwt_secret")) << "a made secret is never printed";
        first = a.proc.secretKey();
        ASSERT_EQ(a.anonSignUp().ok(), true); // writes the -wal file
        EXPECT_EQ(a.proc.stop(), 0);
    }
    // Owner, group and other bits (the "user" bits repeat the owner's).
    constexpr int kModeBits = 0x7077;
    EXPECT_EQ(int(QFileInfo(dir).permissions()) & kModeBits,
              int(QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner));
    const QStringList files = QDir(dir).entryList(QDir::Files);
    EXPECT_FALSE(files.isEmpty());
    for (const QString &name : files) {
        const int perms = int(QFileInfo(QDir(dir).filePath(name)).permissions()) & kModeBits;
        EXPECT_EQ(perms, int(QFile::ReadOwner | QFile::WriteOwner)) << qPrintable(name);
    }
    {
        EXEGIA_START_EMU(b, QStringLiteral("--data"), dir);
        second = b.proc.secretKey();
    }
    EXPECT_EQ(first, second) << "the keys stay with their data folder";
    EXEGIA_START_EMU(other, QStringLiteral("--data"), parent.filePath(QStringLiteral("other")));
    EXPECT_NE(other.proc.secretKey(), first) << "each folder gets its own random keys";
    EXEGIA_START_EMU(dev, QStringLiteral("--dev-keys"));
    EXPECT_NE(dev.proc.secretKey(), first);
    EXPECT_FALSE(dev.proc.jwtSecret().isEmpty()) << "the public dev secret is printed";
}

TEST(EmulatorSecrets, InMemoryRunsGetRandomKeysUnlessAsked)
{
    EXEGIA_START_EMU(a, QStringLiteral("--no-dev-keys"));
    EXEGIA_START_EMU(b, QStringLiteral("--no-dev-keys"));
    EXPECT_NE(a.proc.publishableKey(), b.proc.publishableKey());
    EXPECT_FALSE(a.proc.info().contains(u"jwt_secret"));
    EXPECT_EQ(a.anonSignUp().ok(), true);
}

} // namespace
