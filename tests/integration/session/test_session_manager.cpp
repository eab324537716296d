// SessionManager against the emulator with short-lived tokens: scheduled
// refresh, single flight, refused tokens, outages, sign-out scopes, wake.
#include "session_fixture.h"

#include <exegia/auth/Errors.h>
#include <exegia/auth/SessionManager.h>

#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace exegia;
using namespace exegia::test;
using auth::SessionManager;

namespace {

// Every signal the manager sent, with when it came.
struct Recorder
{
    explicit Recorder(SessionManager &m)
    {
        QObject::connect(&m, &SessionManager::signedIn,
                         [this](const auth::User &u) { signedIn.append(u.id); });
        QObject::connect(&m, &SessionManager::refreshed,
                         [this] { refreshedAt.append(QDateTime::currentDateTimeUtc()); });
        QObject::connect(&m, &SessionManager::signedOut,
                         [this](SessionManager::SignOutReason r, const QString &code) {
                             signedOut.append({r, code});
                         });
        QObject::connect(&m, &SessionManager::refreshFailed,
                         [this](const QString &) { ++refreshFailures; });
        QObject::connect(&m, &SessionManager::persistenceUnavailable,
                         [this](const QString &) { ++persistenceUnavailable; });
    }
    QStringList signedIn;
    QList<QDateTime> refreshedAt;
    QList<std::pair<SessionManager::SignOutReason, QString>> signedOut;
    int refreshFailures = 0;
    int persistenceUnavailable = 0;
};

auth::SessionManagerOptions fastRetries()
{
    auth::SessionManagerOptions o;
    o.retryInitialDelay = std::chrono::milliseconds(100);
    o.retryMaxDelay = std::chrono::milliseconds(400);
    return o;
}

class SessionManagerTest : public ::testing::Test
{
protected:
    void startEmulator(const QStringList &args)
    {
        QString error;
        ASSERT_TRUE(emu.start(args, &error)) << error.toStdString();
    }
    std::unique_ptr<SessionManager> manager(const auth::SessionManagerOptions &o = {})
    {
        return std::make_unique<SessionManager>(&emu.client(),
                                                std::make_unique<SharedStore>(&store), o);
    }

    SessionEmulator emu;
    auth::MemoryTokenStore store;
};

const QStringList refusedCodes{QStringLiteral("refresh_token_already_used"),
                               QStringLiteral("refresh_token_not_found"),
                               QStringLiteral("session_expired")};

} // namespace

TEST_F(SessionManagerTest, RefreshesBeforeTheAccessTokenExpires)
{
    ASSERT_NO_FATAL_FAILURE(startEmulator({QStringLiteral("--jwt-exp"), QStringLiteral("5")}));
    auto m = manager();
    Recorder rec(*m);
    const auth::Session first = emu.guestSession();
    ASSERT_EQ(first.expiresIn, 5);
    EXPECT_TRUE(await(m->signIn(first)));
    EXPECT_EQ(m->validAccessToken(), first.accessToken);

    ASSERT_TRUE(waitFor([&] { return !rec.refreshedAt.isEmpty(); }, 10000));
    EXPECT_LT(rec.refreshedAt.first(), first.expiresAt) << "refreshed only after expiry";
    const auth::Session second = *m->session();
    EXPECT_NE(second.accessToken, first.accessToken);
    EXPECT_NE(second.refreshToken, first.refreshToken);
    ASSERT_TRUE(store.stored().has_value());
    EXPECT_EQ(store.stored()->refreshToken, second.refreshToken);
    EXPECT_EQ(store.stored()->userId, first.user.id);

    // And it keeps going: the next one is scheduled from the new token.
    ASSERT_TRUE(waitFor([&] { return rec.refreshedAt.size() >= 2; }, 10000));
    EXPECT_LT(rec.refreshedAt[1], second.expiresAt);
    EXPECT_EQ(emu.refreshCount(), 2);
    EXPECT_TRUE(rec.signedOut.isEmpty());
    EXPECT_EQ(rec.refreshFailures, 0);
}

TEST_F(SessionManagerTest, TwentyConcurrentCallersCauseOneRefreshRequest)
{
    ASSERT_NO_FATAL_FAILURE(startEmulator({QStringLiteral("--jwt-exp"), QStringLiteral("60")}));
    auto m = manager();
    const auth::Session first = emu.guestSession();
    const int before = emu.refreshCount();
    m->signIn(expiredCopy(first));
    EXPECT_TRUE(m->validAccessToken().isEmpty());

    QList<QFuture<QString>> callers;
    for (int i = 0; i < 20; ++i)
        callers.append(m->accessToken());
    EXPECT_TRUE(m->isRefreshing());
    QStringList tokens;
    for (auto &f : callers)
        tokens.append(await(f));
    EXPECT_EQ(emu.refreshCount() - before, 1);
    tokens.removeDuplicates();
    ASSERT_EQ(tokens.size(), 1);
    // (Within one second the new JWT may equal the old one: same claims.)
    EXPECT_EQ(tokens.first(), m->session()->accessToken);
    EXPECT_NE(m->session()->refreshToken, first.refreshToken);

    // Now the token is good: twenty more callers cost nothing.
    for (int i = 0; i < 20; ++i)
        EXPECT_EQ(await(m->accessToken()), tokens.first());
    EXPECT_EQ(emu.refreshCount() - before, 1);
}

TEST_F(SessionManagerTest, RotatedTokenReusedOutsideTheIntervalSignsOutCleanly)
{
    ASSERT_NO_FATAL_FAILURE(
        startEmulator({QStringLiteral("--jwt-exp"), QStringLiteral("60"),
                       QStringLiteral("--refresh-reuse-interval"), QStringLiteral("1")}));
    const auth::Session first = emu.guestSession();
    // Another process (say a second copy of the app) rotated it first...
    await(emu.client().refreshSession(first.refreshToken));
    // ...long enough ago that reuse is an attack (the emulator counts whole
    // seconds, so more than two must pass).
    letTimePass(2200);

    auto m = manager();
    Recorder rec(*m);
    m->signIn(expiredCopy(first));
    const auto refused = awaitError<auth::AuthApiError>(m->accessToken());
    ASSERT_TRUE(refused.has_value());
    EXPECT_TRUE(refusedCodes.contains(refused->errorCode())) << refused->errorCode().toStdString();
    EXPECT_FALSE(m->isSignedIn());
    ASSERT_EQ(rec.signedOut.size(), 1);
    EXPECT_EQ(rec.signedOut.first().first, SessionManager::SignOutReason::Refused);
    EXPECT_EQ(rec.signedOut.first().second, refused->errorCode());
    EXPECT_FALSE(store.stored().has_value());
    // Signed out means signed out: later callers are told so, no requests.
    const auto after = awaitError<auth::SessionError>(m->accessToken());
    ASSERT_TRUE(after.has_value());
    EXPECT_EQ(after->kind(), auth::SessionError::Kind::NotSignedIn);
}

TEST_F(SessionManagerTest, ServerErrorsDuringRefreshKeepTheSessionAndAreRetried)
{
    ASSERT_NO_FATAL_FAILURE(startEmulator({QStringLiteral("--jwt-exp"), QStringLiteral("60")}));
    auto m = manager(fastRetries());
    Recorder rec(*m);
    const auth::Session first = emu.guestSession();
    const int before = emu.refreshCount();
    ASSERT_TRUE(emu.injectFault(QStringLiteral("POST"), QStringLiteral("/auth/v1/token"), 503, 2));
    m->signIn(expiredCopy(first));

    // The token is expired and the server says 503: the caller hears it...
    const auto failed = awaitError<auth::AuthApiError>(m->accessToken());
    ASSERT_TRUE(failed.has_value());
    EXPECT_EQ(failed->httpStatus(), 503);
    EXPECT_TRUE(m->isSignedIn()) << "a server error must not sign anyone out";
    // ...and the manager retries on its own until the server is back.
    ASSERT_TRUE(waitFor([&] { return !rec.refreshedAt.isEmpty(); }, 10000));
    EXPECT_EQ(rec.refreshFailures, 2);
    EXPECT_EQ(emu.refreshCount() - before, 3);
    EXPECT_TRUE(rec.signedOut.isEmpty());
    EXPECT_EQ(store.stored()->refreshToken, m->session()->refreshToken);
    EXPECT_FALSE(await(m->accessToken()).isEmpty());
}

TEST_F(SessionManagerTest, ServerDownDuringRefreshKeepsTheSessionAndRecovers)
{
    QTemporaryDir data;
    ASSERT_TRUE(data.isValid());
    const QStringList args{QStringLiteral("--jwt-exp"), QStringLiteral("3"),
                           QStringLiteral("--data"), data.path()};
    ASSERT_NO_FATAL_FAILURE(startEmulator(args));
    const int port = emu.port();
    auto m = manager(fastRetries());
    Recorder rec(*m);
    m->signIn(emu.guestSession());
    emu.stop();

    // The scheduled refresh fails, the token runs out, the session stays.
    ASSERT_TRUE(waitFor([&] { return rec.refreshFailures >= 2; }, 10000));
    ASSERT_TRUE(waitFor([&] { return m->validAccessToken().isEmpty(); }, 10000));
    const auto offline = awaitError<auth::NetworkError>(m->accessToken());
    EXPECT_TRUE(offline.has_value());
    EXPECT_TRUE(m->isSignedIn());
    EXPECT_TRUE(rec.refreshedAt.isEmpty());

    // Same data, same port: the server is back and the retry gets through.
    ASSERT_NO_FATAL_FAILURE(
        startEmulator(args + QStringList{QStringLiteral("--port"), QString::number(port)}));
    ASSERT_EQ(emu.port(), port);
    ASSERT_TRUE(waitFor([&] { return !rec.refreshedAt.isEmpty(); }, 15000));
    EXPECT_TRUE(rec.signedOut.isEmpty());
    EXPECT_FALSE(await(m->accessToken()).isEmpty());
    EXPECT_EQ(store.stored()->refreshToken, m->session()->refreshToken);
}

TEST_F(SessionManagerTest, SignOutLocalKeepsTheUsersOtherSession)
{
    ASSERT_NO_FATAL_FAILURE(
        startEmulator({QStringLiteral("--email-cooldown"), QStringLiteral("1")}));
    const QString email = QStringLiteral("local-signout@example.com");
    const auth::Session here = emu.emailSession(email);
    const auth::Session elsewhere = emu.emailSession(email);
    ASSERT_EQ(here.user.id, elsewhere.user.id);

    auto m = manager();
    Recorder rec(*m);
    m->signIn(here);
    await(m->signOut(auth::SignOutScope::Local));
    EXPECT_FALSE(m->isSignedIn());
    EXPECT_FALSE(store.stored().has_value());
    ASSERT_EQ(rec.signedOut.size(), 1);
    EXPECT_EQ(rec.signedOut.first().first, SessionManager::SignOutReason::Requested);

    EXPECT_FALSE(await(emu.client().refreshSession(elsewhere.refreshToken)).accessToken.isEmpty());
    const auto gone =
        awaitError<auth::AuthApiError>(emu.client().refreshSession(here.refreshToken));
    ASSERT_TRUE(gone.has_value());
    EXPECT_TRUE(gone->isSessionGone());
}

TEST_F(SessionManagerTest, SignOutGlobalEndsTheUsersOtherSession)
{
    ASSERT_NO_FATAL_FAILURE(
        startEmulator({QStringLiteral("--email-cooldown"), QStringLiteral("1")}));
    const QString email = QStringLiteral("global-signout@example.com");
    const auth::Session here = emu.emailSession(email);
    const auth::Session elsewhere = emu.emailSession(email);

    auto m = manager();
    // Expired on purpose: sign-out must first get a live token for /logout.
    m->signIn(expiredCopy(here));
    await(m->signOut(auth::SignOutScope::Global));
    EXPECT_FALSE(m->isSignedIn());
    EXPECT_FALSE(store.stored().has_value());
    const auto gone =
        awaitError<auth::AuthApiError>(emu.client().refreshSession(elsewhere.refreshToken));
    ASSERT_TRUE(gone.has_value());
    EXPECT_TRUE(gone->isSessionGone());
}

TEST_F(SessionManagerTest, SignOutClearsTheStoreWhenTheServerIsDown)
{
    ASSERT_NO_FATAL_FAILURE(startEmulator({}));
    auto m = manager();
    m->signIn(emu.guestSession());
    ASSERT_TRUE(store.stored().has_value());
    emu.stop();
    const auto unreachable = awaitError<auth::NetworkError>(m->signOut());
    EXPECT_TRUE(unreachable.has_value()) << "the caller should learn the server was not told";
    EXPECT_FALSE(m->isSignedIn());
    EXPECT_FALSE(store.stored().has_value());
}

TEST_F(SessionManagerTest, WakingUpPastExpiryRefreshesAtOnce)
{
    ASSERT_NO_FATAL_FAILURE(startEmulator({}));
    auth::SessionManagerOptions o;
    o.wakeCheckInterval = std::chrono::milliseconds(100);
    auto m = manager(o);
    Recorder rec(*m);
    qint64 slept = 0; // what the wall clock gained while timers stood still
    m->setWallClockForTesting([&] { return QDateTime::currentDateTimeUtc().addMSecs(slept); });
    m->signIn(emu.guestSession()); // valid for an hour
    letTimePass(300);
    EXPECT_TRUE(rec.refreshedAt.isEmpty());

    slept = 2 * 3600 * 1000;
    ASSERT_TRUE(waitFor([&] { return !rec.refreshedAt.isEmpty(); }, 5000));
    EXPECT_EQ(emu.refreshCount(), 1);
    EXPECT_FALSE(m->validAccessToken().isEmpty());
}

TEST_F(SessionManagerTest, CheckNowRefreshesWhenTheTokenIsDue)
{
    ASSERT_NO_FATAL_FAILURE(startEmulator({}));
    auth::SessionManagerOptions o;
    o.wakeCheckInterval = std::chrono::milliseconds(0); // only checkNow()
    auto m = manager(o);
    Recorder rec(*m);
    qint64 slept = 0;
    m->setWallClockForTesting([&] { return QDateTime::currentDateTimeUtc().addMSecs(slept); });
    m->signIn(emu.guestSession());
    m->checkNow(); // not due: nothing happens
    letTimePass(200);
    EXPECT_EQ(emu.refreshCount(), 0);

    slept = 3600 * 1000;
    m->checkNow(); // e.g. QGuiApplication became active after a sleep
    ASSERT_TRUE(waitFor([&] { return !rec.refreshedAt.isEmpty(); }, 5000));
    EXPECT_EQ(emu.refreshCount(), 1);
}

TEST_F(SessionManagerTest, RejectionsReportedByOtherCallsEndTheSessionOrRefresh)
{
    ASSERT_NO_FATAL_FAILURE(startEmulator({}));
    auto m = manager();
    Recorder rec(*m);
    m->signIn(emu.guestSession());
    // bad_jwt: maybe only the access token is at fault; a refresh decides.
    m->reportRejected(QStringLiteral("bad_jwt"));
    ASSERT_TRUE(waitFor([&] { return !rec.refreshedAt.isEmpty(); }));
    EXPECT_TRUE(m->isSignedIn());

    // The user was deleted: GET /user by the app said so.
    m->reportRejected(QStringLiteral("user_not_found"));
    EXPECT_FALSE(m->isSignedIn());
    ASSERT_EQ(rec.signedOut.size(), 1);
    EXPECT_EQ(rec.signedOut.first().first, SessionManager::SignOutReason::UserGone);
    EXPECT_TRUE(waitFor([&] { return !store.stored().has_value(); }));
}
