// Issue 11: answers lost on the way back. A proxy forwards a request to the
// emulator and swallows the answer, so the server has acted (rotated the
// refresh token, created a session) and the client never heard. The user
// must stay signed in with the one session the server has, or be able to
// simply try again.
#include "SwallowingProxy.h"
#include "session_fixture.h"

#include <exegia/auth/Errors.h>
#include <exegia/auth/SessionManager.h>

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QUuid>

#include <gtest/gtest.h>

using namespace exegia;
using namespace exegia::test;
using auth::SessionManager;

namespace {

constexpr int kReuseSeconds = 3;

// JWT claims without checking anything: only to compare session ids.
QString sessionIdOf(const QString &accessToken)
{
    const QByteArray payload = QByteArray::fromBase64(accessToken.section(u'.', 1, 1).toLatin1(),
                                                      QByteArray::Base64UrlEncoding);
    return QJsonDocument::fromJson(payload).object().value(u"session_id").toString();
}

class LostAnswers : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(dataDir.isValid());
        QString error;
        ASSERT_TRUE(
            emu.start({QStringLiteral("--data"), dataDir.path(),
                       QStringLiteral("--refresh-reuse-interval"), QString::number(kReuseSeconds)},
                      &error))
            << error.toStdString();
        proxy = std::make_unique<SwallowingProxy>(emu.proc.url());
        ASSERT_TRUE(proxy->url().isValid());
        auth::ClientConfig config = emu.config();
        config.projectUrl = proxy->url();
        config.requestTimeout = std::chrono::seconds(30); // the library's default
        client = std::make_unique<auth::AuthClient>(config);
    }

    // Sessions the server holds for `userId`, read from its database file.
    int serverSessions(const QString &userId)
    {
        const QString name = QUuid::createUuid().toString();
        int count = -1;
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
            db.setDatabaseName(dataDir.filePath(QStringLiteral("emulator.sqlite3")));
            db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
            if (db.open()) {
                QSqlQuery q(db);
                q.prepare(QStringLiteral("SELECT count(*) FROM sessions WHERE user_id = ?"));
                q.addBindValue(userId);
                if (q.exec() && q.next())
                    count = q.value(0).toInt();
            }
        }
        QSqlDatabase::removeDatabase(name);
        return count;
    }

    QTemporaryDir dataDir;
    SessionEmulator emu;
    std::unique_ptr<SwallowingProxy> proxy;
    std::unique_ptr<auth::AuthClient> client;
    auth::MemoryTokenStore store;
};

} // namespace

TEST_F(LostAnswers, RefreshWhoseAnswerIsLostKeepsTheOneSession)
{
    auth::SessionManagerOptions options;
    options.refreshAttemptTimeout = std::chrono::seconds(1);
    options.refreshReuseInterval = std::chrono::seconds(kReuseSeconds);
    SessionManager m(client.get(), std::make_unique<SharedStore>(&store), options);
    int signedOut = 0;
    QObject::connect(&m, &SessionManager::signedOut, [&] { ++signedOut; });

    const auth::Session first = emu.guestSession();
    await(m.signIn(first));
    proxy->swallowNext("grant_type=refresh_token", 1);

    const QString token = await(m.refresh());

    EXPECT_EQ(proxy->swallowed(), 1) << "the server never got the first refresh";
    EXPECT_EQ(emu.refreshCount(), 2);
    EXPECT_EQ(signedOut, 0);
    ASSERT_TRUE(m.isSignedIn());
    EXPECT_NE(m.session()->refreshToken, first.refreshToken);
    EXPECT_EQ(sessionIdOf(token), sessionIdOf(first.accessToken));
    EXPECT_EQ(serverSessions(first.user.id), 1);
    // The session is alive on the server, and its refresh token still works.
    EXPECT_TRUE(await(client->getCurrentUserRecord(token)).has_value());
    letTimePass(kReuseSeconds * 1000 + 200); // past the reuse interval
    EXPECT_FALSE(await(m.refresh()).isEmpty());
    EXPECT_EQ(signedOut, 0);
    EXPECT_EQ(serverSessions(first.user.id), 1);
    ASSERT_TRUE(store.stored().has_value());
    EXPECT_EQ(store.stored()->refreshToken, m.session()->refreshToken);
}

TEST_F(LostAnswers, RefreshWhoseConnectionDropsAfterTheServerActedKeepsTheSession)
{
    auth::SessionManagerOptions options;
    options.refreshAttemptTimeout = std::chrono::seconds(1);
    options.refreshReuseInterval = std::chrono::seconds(kReuseSeconds);
    // The backoff alone would come too late: only the immediate retry with
    // the same token, inside the reuse interval, keeps the session.
    options.retryInitialDelay = std::chrono::seconds(kReuseSeconds + 2);
    SessionManager m(client.get(), std::make_unique<SharedStore>(&store), options);
    int signedOut = 0;
    QObject::connect(&m, &SessionManager::signedOut, [&] { ++signedOut; });

    const auth::Session first = emu.guestSession();
    await(m.signIn(first));
    proxy->swallowNext("grant_type=refresh_token", 1, SwallowingProxy::Swallow::Close);

    await(m.refresh());
    EXPECT_EQ(proxy->swallowed(), 1);
    // Rotated for real (not only the old token handed out while still good).
    ASSERT_TRUE(waitFor(
        [&] { return signedOut > 0 || m.session()->refreshToken != first.refreshToken; }, 15000));
    EXPECT_EQ(signedOut, 0);
    ASSERT_TRUE(m.isSignedIn());
    const QString token = m.session()->accessToken;
    EXPECT_EQ(sessionIdOf(token), sessionIdOf(first.accessToken));
    EXPECT_EQ(serverSessions(first.user.id), 1);
}

TEST_F(LostAnswers, SignInWhoseAnswerIsLostCanBeTriedAgain)
{
    auth::ClientConfig config = emu.config();
    config.projectUrl = proxy->url();
    config.requestTimeout = std::chrono::seconds(1);
    auth::AuthClient impatient(config);
    proxy->swallowNext("POST /auth/v1/signup", 1);

    const auto lost = awaitError<auth::NetworkError>(impatient.startAnonymousSession());
    ASSERT_TRUE(lost.has_value());
    EXPECT_EQ(lost->kind(), auth::NetworkError::Kind::Timeout);
    EXPECT_EQ(proxy->swallowed(), 1);

    // Trying again works: a new guest, signed in, nothing left half-done.
    const auth::AuthResponse again = await(impatient.startAnonymousSession());
    EXPECT_FALSE(again.session.accessToken.isEmpty());
    EXPECT_EQ(serverSessions(again.user().id), 1);
}

TEST_F(LostAnswers, GatewayRefusingTheKeyKeepsTheSession)
{
    // The project's key is refused (rotated, mistyped): a configuration
    // problem, never "your session has ended".
    auth::ClientConfig config = emu.config();
    config.publishableKey = QStringLiteral("sb_publishable_not_this_project");
    auth::AuthClient wrongKey(config);
    auth::SessionManagerOptions options;
    options.retryInitialDelay = std::chrono::seconds(30);
    SessionManager m(&wrongKey, std::make_unique<SharedStore>(&store), options);
    int signedOut = 0;
    int failed = 0;
    QObject::connect(&m, &SessionManager::signedOut, [&] { ++signedOut; });
    QObject::connect(&m, &SessionManager::refreshFailed, [&] { ++failed; });
    const auth::Session first = emu.guestSession();
    await(m.signIn(first));

    EXPECT_EQ(await(m.refresh()), first.accessToken); // still good: handed out
    EXPECT_EQ(failed, 1);
    EXPECT_EQ(signedOut, 0);
    ASSERT_TRUE(m.isSignedIn());
    const auto refused =
        awaitError<auth::AuthApiError>(wrongKey.refreshSession(first.refreshToken));
    ASSERT_TRUE(refused.has_value());
    EXPECT_TRUE(refused->isKeyRefused());
    EXPECT_EQ(refused->kind(), auth::AuthApiError::Kind::KeyRefused);
    EXPECT_FALSE(refused->isSessionGone());
}
