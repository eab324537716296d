// KeychainTokenStore and SessionManager with the OS keychain. Run through
// with-keyring.sh, which sets EXEGIA_KEYRING_MODE:
//   keyring  a real Secret Service (gnome-keyring) in a private D-Bus session
//   none     no D-Bus session: the memory-only path
// Without the wrapper every test skips (it would touch the real keyring).
#include "session_fixture.h"

#include <exegia/auth/Errors.h>
#include <exegia/auth/KeychainTokenStore.h>
#include <exegia/auth/SessionManager.h>

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QJsonDocument>
#include <QProcess>
#include <QRandomGenerator>

#include <gtest/gtest.h>

using namespace exegia;
using namespace exegia::test;
using auth::KeychainTokenStore;
using auth::RestoreResult;
using auth::SessionManager;

namespace {

QByteArray mode()
{
    return qgetenv("EXEGIA_KEYRING_MODE");
}

#define REQUIRE_MODE(wanted)                                                                       \
    do {                                                                                           \
        if (mode().isEmpty())                                                                      \
            GTEST_SKIP() << "run through with-keyring.sh (ctest does)";                            \
        if (mode() != wanted)                                                                      \
            GTEST_SKIP() << "not this mode";                                                       \
    } while (false)

// What `secret-tool` finds for our service: the entries in the real
// keychain, seen from outside our code. QtKeychain's libsecret schema
// (org.qt.keychain) files the service under "server" and the key under "user".
QByteArray secretToolSearch()
{
    QProcess p;
    p.start(QStringLiteral("secret-tool"),
            {QStringLiteral("search"), QStringLiteral("--all"), QStringLiteral("server"),
             KeychainTokenStore::defaultServiceName()});
    p.waitForFinished(10000);
    return p.readAllStandardOutput() + p.readAllStandardError();
}

QJsonObject runHelper(const SessionEmulator &emu)
{
    QProcess p;
    p.start(QStringLiteral(SESSION_KEYCHAIN_HELPER),
            {QStringLiteral("restore"), emu.proc.urlString(), emu.proc.publishableKey()});
    EXPECT_TRUE(p.waitForFinished(30000));
    const QByteArray out = p.readAllStandardOutput();
    EXPECT_FALSE(out.isEmpty()) << p.readAllStandardError().constData();
    return QJsonDocument::fromJson(out).object();
}

class KeychainTest : public ::testing::Test
{
protected:
    void startEmulator()
    {
        QString error;
        ASSERT_TRUE(emu.start({}, &error)) << error.toStdString();
    }
    std::unique_ptr<SessionManager> manager()
    {
        return std::make_unique<SessionManager>(
            &emu.client(), std::make_unique<KeychainTokenStore>(emu.proc.url()));
    }
    SessionEmulator emu;
};

} // namespace

TEST_F(KeychainTest, StoredSessionIsRestoredByANewProcessAndRemovedBySignOut)
{
    REQUIRE_MODE("keyring");
    ASSERT_NO_FATAL_FAILURE(startEmulator());
    const auth::Session first = emu.guestSession();
    {
        auto m = manager();
        int unavailable = 0;
        QObject::connect(m.get(), &SessionManager::persistenceUnavailable, [&] { ++unavailable; });
        ASSERT_TRUE(await(m->signIn(first))) << "not stored in the Secret Service";
        EXPECT_EQ(unavailable, 0);
    }
    const auto stored = await(KeychainTokenStore(emu.proc.url()).load());
    ASSERT_TRUE(stored.has_value());
    EXPECT_EQ(stored->refreshToken, first.refreshToken);
    EXPECT_EQ(stored->userId, first.user.id);
    EXPECT_TRUE(secretToolSearch().contains(KeychainTokenStore::keyFor(emu.proc.url()).toUtf8()))
        << secretToolSearch().constData();

    // A new process restores it (and stores the rotated token)...
    const QJsonObject restored = runHelper(emu);
    EXPECT_EQ(restored.value(u"status").toString(), u"restored");
    EXPECT_EQ(restored.value(u"user_id").toString(), first.user.id);
    const auto rotated = await(KeychainTokenStore(emu.proc.url()).load());
    ASSERT_TRUE(rotated.has_value());
    EXPECT_NE(rotated->refreshToken, first.refreshToken);

    // ...so this one can restore from what the other process left.
    auto m = manager();
    const RestoreResult again = await(m->restore());
    ASSERT_EQ(again.status, RestoreResult::Status::Restored) << again.message.toStdString();
    EXPECT_EQ(again.currentUser->id(), first.user.id);

    await(m->signOut());
    EXPECT_FALSE(await(KeychainTokenStore(emu.proc.url()).load()).has_value());
    EXPECT_FALSE(secretToolSearch().contains(KeychainTokenStore::keyFor(emu.proc.url()).toUtf8()));
    EXPECT_EQ(runHelper(emu).value(u"status").toString(), u"none");
}

TEST_F(KeychainTest, ProjectsNeverShareAnEntry)
{
    REQUIRE_MODE("keyring");
    KeychainTokenStore a(QUrl(QStringLiteral("https://project-a.supabase.co")));
    KeychainTokenStore b(QUrl(QStringLiteral("https://project-b.supabase.co")));
    await(a.save({QStringLiteral("token-a"), QStringLiteral("user-a"), {}}));
    await(b.save({QStringLiteral("token-b"), QStringLiteral("user-b"), {}}));
    EXPECT_EQ(await(a.load())->refreshToken, u"token-a");
    EXPECT_EQ(await(b.load())->refreshToken, u"token-b");
    await(a.clear());
    EXPECT_FALSE(await(a.load()).has_value());
    EXPECT_EQ(await(b.load())->refreshToken, u"token-b");
    await(b.clear());
    await(b.clear()); // clearing nothing is fine
}

TEST_F(KeychainTest, WithoutSecretServiceTheSessionStaysInMemoryOnly)
{
    REQUIRE_MODE("none");
    ASSERT_NO_FATAL_FAILURE(startEmulator());
    auto m = manager();
    QStringList notices;
    QObject::connect(m.get(), &SessionManager::persistenceUnavailable,
                     [&](const QString &message) { notices.append(message); });
    const auth::Session first = emu.guestSession();
    EXPECT_FALSE(await(m->signIn(first)));
    ASSERT_EQ(notices.size(), 1);
    EXPECT_FALSE(notices.first().isEmpty());
    EXPECT_FALSE(m->isPersistent());

    // The session works: tokens, refresh, all in memory.
    EXPECT_EQ(await(m->accessToken()), first.accessToken);
    const QString refreshed = await(m->refresh());
    EXPECT_EQ(refreshed, m->session()->accessToken);
    EXPECT_NE(m->session()->refreshToken, first.refreshToken);
    EXPECT_EQ(notices.size(), 1) << "told once, not on every refresh";

    // A restarted app finds nothing and hears why.
    auto restarted = manager();
    int restartNotices = 0;
    QObject::connect(restarted.get(), &SessionManager::persistenceUnavailable,
                     [&] { ++restartNotices; });
    EXPECT_EQ(await(restarted->restore()).status, RestoreResult::Status::StoreUnavailable);
    EXPECT_EQ(restartNotices, 1);

    // And no plain-text fallback anywhere under HOME.
    const QList<QByteArray> secrets{first.refreshToken.toUtf8(), first.accessToken.toUtf8(),
                                    m->session()->refreshToken.toUtf8(), refreshed.toUtf8()};
    int files = 0;
    QDirIterator it(QDir::homePath(), QDir::Files | QDir::Hidden | QDir::System,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        QFile f(it.next());
        ASSERT_TRUE(f.open(QIODevice::ReadOnly)) << f.fileName().toStdString();
        const QByteArray content = f.readAll();
        ++files;
        for (const QByteArray &secret : secrets)
            EXPECT_FALSE(content.contains(secret))
                << "token found in " << f.fileName().toStdString();
    }
    std::printf("scanned %d file(s) under %s\n", files, qPrintable(QDir::homePath()));
    // Nothing could be stored, so there is nothing to fail to clear.
    await(m->signOut());
}
