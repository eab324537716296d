// --data persistence across restarts (clean stop and kill -9), the test
// hooks under /_emulator and the admin delete-user endpoint.
#include "EmulatorFixture.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>

using namespace exegia::test;

namespace {

struct Written
{
    Session google;
    Session guest;
    QString email;
};

// Signs up a guest with a profile row and a Google user with a profile row.
Written writeSomeData(Emu &e)
{
    Written w;
    w.email = uniqueEmail(QStringLiteral("persist"));
    QString why;
    w.google = e.idTokenSignIn(QStringLiteral("google"), w.email, &why);
    EXPECT_TRUE(w.google.ok()) << qPrintable(why);
    w.guest = e.anonSignUp(QJsonObject{{"name", "Guest"}});
    EXPECT_TRUE(w.guest.ok());
    EXPECT_EQ(e.insertProfile(w.google.accessToken,
                              QJsonObject{{"id", w.google.userId}, {"display_name", "Kept"}})
                  .status,
              201);
    EXPECT_EQ(e.insertProfile(w.guest.accessToken,
                              QJsonObject{{"id", w.guest.userId}, {"display_name", "Guest"}})
                  .status,
              201);
    return w;
}

void expectDataIsBack(Emu &e, const Written &w)
{
    // Refresh tokens survive; the new access tokens work.
    const Session g = e.refresh(w.google.refreshToken);
    ASSERT_TRUE(g.ok()) << qPrintable(g.describe());
    EXPECT_EQ(g.userId, w.google.userId);
    const HttpResponse me = e.getUser(g.accessToken);
    ASSERT_EQ(me.status, 200) << qPrintable(dump(me));
    EXPECT_EQ(me.json().value(u"email").toString(), w.email);
    EXPECT_EQ(me.json().value(u"identities").toArray().size(), 1);
    const QJsonArray rows = e.profileRows(g.accessToken, g.userId);
    ASSERT_EQ(rows.size(), 1);
    EXPECT_EQ(rows[0].toObject().value(u"display_name").toString(), QStringLiteral("Kept"));

    const Session guest = e.refresh(w.guest.refreshToken);
    ASSERT_TRUE(guest.ok()) << qPrintable(guest.describe());
    EXPECT_EQ(guest.json.value(u"user").toObject().value(u"is_anonymous"), QJsonValue(true));
    EXPECT_EQ(
        guest.json.value(u"user").toObject().value(u"user_metadata").toObject().value(u"name"),
        QJsonValue(QStringLiteral("Guest")));
    EXPECT_EQ(e.profileRows(guest.accessToken, guest.userId).size(), 1);

    // The same Google account signs in as the same user again.
    QString why;
    const Session again = e.idTokenSignIn(QStringLiteral("google"), w.email, &why);
    ASSERT_TRUE(again.ok()) << qPrintable(why);
    EXPECT_EQ(again.userId, w.google.userId);
}

TEST(Persistence, DataSurvivesACleanRestart)
{
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    Written w;
    {
        EXEGIA_START_EMU(e, QStringLiteral("--data"), dir.path());
        w = writeSomeData(e);
        EXPECT_EQ(e.proc.stop(), 0)
            << "SIGTERM is a clean exit: " << e.proc.standardError().constData();
    }
    EXPECT_TRUE(QFile::exists(dir.filePath(QStringLiteral("emulator.sqlite3"))));
    EXEGIA_START_EMU(e2, QStringLiteral("--data"), dir.path());
    expectDataIsBack(e2, w);
}

TEST(Persistence, DataSurvivesKillDashNine)
{
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    Written w;
    {
        EXEGIA_START_EMU(e, QStringLiteral("--data"), dir.path());
        w = writeSomeData(e);
        e.proc.kill();
    }
    EXEGIA_START_EMU(e2, QStringLiteral("--data"), dir.path());
    expectDataIsBack(e2, w);
    // And the database still takes writes.
    EXPECT_TRUE(e2.anonSignUp().ok());
}

TEST(Persistence, SpentTokensStaySpentAndLogoutSticks)
{
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    Session rotated, loggedOut;
    QString spent;
    {
        EXEGIA_START_EMU(e, QStringLiteral("--data"), dir.path(),
                         QStringLiteral("--refresh-reuse-interval"), QStringLiteral("1"));
        const Session s = e.anonSignUp();
        const Session s1 = e.refresh(s.refreshToken);
        rotated = e.refresh(s1.refreshToken);
        ASSERT_TRUE(rotated.ok()) << qPrintable(rotated.describe());
        spent = s.refreshToken;
        loggedOut = e.anonSignUp();
        ASSERT_EQ(e.logout(loggedOut.accessToken).status, 204);
        EXPECT_EQ(e.proc.stop(), 0);
    }
    EXEGIA_START_EMU(e2, QStringLiteral("--data"), dir.path(),
                     QStringLiteral("--refresh-reuse-interval"), QStringLiteral("1"));
    e2.advanceClock(2); // past the reuse interval, counted in whole seconds
    EXPECT_EQ(e2.refresh(spent).raw.status, 400);
    EXPECT_EQ(errorCode(e2.refresh(loggedOut.refreshToken).raw),
              QStringLiteral("refresh_token_not_found"));
}

TEST(Persistence, InMemoryWritesNothing)
{
    QTemporaryDir home;
    ASSERT_TRUE(home.isValid());
    const QByteArray oldHome = qgetenv("HOME");
    const QByteArray oldData = qgetenv("XDG_DATA_HOME");
    qputenv("HOME", home.path().toLocal8Bit());
    qputenv("XDG_DATA_HOME", home.filePath(QStringLiteral("data")).toLocal8Bit());
    {
        Emu e;
        QString error;
        const bool started = e.start({QStringLiteral("--in-memory")}, &error);
        qputenv("HOME", oldHome);
        if (oldData.isEmpty())
            qunsetenv("XDG_DATA_HOME");
        else
            qputenv("XDG_DATA_HOME", oldData);
        ASSERT_TRUE(started) << qPrintable(error);
        EXPECT_TRUE(e.anonSignUp().ok());
    }
    const QStringList left =
        QDir(home.path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden);
    EXPECT_TRUE(left.isEmpty()) << qPrintable(left.join(u','));
}

class Hooks : public EmulatorSuite
{
protected:
    static void SetUpTestSuite() { startSuite(); }
    HttpResponse stats()
    {
        return emu().get(QStringLiteral("/_emulator/stats"), emu().serviceHeaders());
    }
    int count(const QString &key)
    {
        return stats().json().value(u"requests").toObject().value(key).toInt();
    }
};

TEST_F(Hooks, StatsCountRequestsPerMethodPathAndGrant)
{
    const QString key = QStringLiteral("POST /auth/v1/token?grant_type=refresh_token");
    const HttpResponse first = stats();
    ASSERT_EQ(first.status, 200) << qPrintable(dump(first));
    const int before = count(key);
    const int usersBefore = count(QStringLiteral("GET /auth/v1/user"));
    Session s = emu().anonSignUp();
    for (int i = 0; i < 3; ++i)
        s = emu().refresh(s.refreshToken);
    emu().getUser(s.accessToken);
    EXPECT_EQ(count(key), before + 3) << qPrintable(dump(stats()));
    EXPECT_EQ(count(QStringLiteral("GET /auth/v1/user")), usersBefore + 1);
}

TEST_F(Hooks, HooksNeedTheServiceRoleKey)
{
    const HttpResponse anon = emu().get(QStringLiteral("/_emulator/stats"), emu().anonHeaders());
    EXPECT_TRUE(anon.status == 401 || anon.status == 403) << qPrintable(dump(anon));
    const Session s = emu().anonSignUp();
    const HttpResponse user = emu().postJson(
        QStringLiteral("/_emulator/faults"),
        QJsonObject{{"method", "GET"}, {"path", "/auth/v1/health"}, {"status", 503}, {"count", 5}},
        emu().userHeaders(s.accessToken));
    EXPECT_TRUE(user.status == 401 || user.status == 403) << qPrintable(dump(user));
    EXPECT_TRUE(emu().healthy()) << "a refused fault is not installed";
}

TEST_F(Hooks, FaultsAnswerTheNextMatchingRequests)
{
    const Session s = emu().anonSignUp();
    ASSERT_TRUE(s.ok());
    const HttpResponse set = emu().postJson(
        QStringLiteral("/_emulator/faults"),
        QJsonObject{{"method", "GET"}, {"path", "/auth/v1/user"}, {"status", 503}, {"count", 2}},
        emu().serviceHeaders());
    ASSERT_GE(set.status, 200) << qPrintable(dump(set));
    ASSERT_LT(set.status, 300) << qPrintable(dump(set));
    // Other requests are not affected.
    EXPECT_EQ(emu().get(QStringLiteral("/auth/v1/settings"), emu().anonHeaders()).status, 200);
    for (int i = 0; i < 2; ++i) {
        const HttpResponse r = emu().getUser(s.accessToken);
        EXPECT_EQ(r.status, 503) << qPrintable(dump(r));
        EXPECT_EQ(r.json(), QJsonObject()) << qPrintable(dump(r));
        EXPECT_TRUE(r.isJsonObject());
    }
    EXPECT_EQ(emu().getUser(s.accessToken).status, 200) << "count used up";
}

TEST_F(Hooks, FaultsOnTheRefreshGrant)
{
    const Session s = emu().anonSignUp();
    const HttpResponse set = emu().postJson(
        QStringLiteral("/_emulator/faults"),
        QJsonObject{{"method", "POST"}, {"path", "/auth/v1/token"}, {"status", 502}, {"count", 1}},
        emu().serviceHeaders());
    ASSERT_LT(set.status, 300) << qPrintable(dump(set));
    EXPECT_EQ(emu().refresh(s.refreshToken).raw.status, 502);
    const Session r = emu().refresh(s.refreshToken);
    EXPECT_TRUE(r.ok()) << "a faulted request did not spend the token: "
                        << qPrintable(r.describe());
}

TEST_F(Hooks, BadFaultRequestsAreRefused)
{
    for (const QJsonObject &bad :
         {QJsonObject{{"method", "GET"}},
          QJsonObject{{"method", "GET"}, {"path", "/x"}, {"status", "x"}},
          QJsonObject{{"method", "GET"}, {"path", "/x"}, {"status", 99}, {"count", 1}}}) {
        const HttpResponse r =
            emu().postJson(QStringLiteral("/_emulator/faults"), bad, emu().serviceHeaders());
        EXPECT_EQ(r.status, 400) << qPrintable(dump(r));
        EXPECT_TRUE(r.isJsonObject());
    }
}

TEST_F(Hooks, AdminDeletesAUserTheirSessionsAndProfile)
{
    QString why;
    const Session s =
        emu().idTokenSignIn(QStringLiteral("google"), uniqueEmail(QStringLiteral("del")), &why);
    ASSERT_TRUE(s.ok()) << qPrintable(why);
    ASSERT_EQ(
        emu()
            .insertProfile(s.accessToken, QJsonObject{{"id", s.userId}, {"display_name", "D"}})
            .status,
        201);
    const QString path = QStringLiteral("/auth/v1/admin/users/") + s.userId;

    const HttpResponse notAdmin = emu().send("DELETE", path, emu().userHeaders(s.accessToken));
    EXPECT_EQ(notAdmin.status, 403) << qPrintable(dump(notAdmin));
    const HttpResponse anon = emu().send("DELETE", path, emu().anonHeaders());
    EXPECT_TRUE(anon.status == 401 || anon.status == 403) << qPrintable(dump(anon));
    EXPECT_EQ(emu().getUser(s.accessToken).status, 200) << "refused deletes delete nothing";

    const HttpResponse del = emu().send("DELETE", path, emu().serviceHeaders());
    EXPECT_EQ(del.status, 200) << qPrintable(dump(del));
    const HttpResponse me = emu().getUser(s.accessToken);
    EXPECT_EQ(me.status, 403) << qPrintable(dump(me));
    EXPECT_TRUE(errorCode(me) == QStringLiteral("user_not_found") ||
                errorCode(me) == QStringLiteral("session_not_found"))
        << qPrintable(dump(me));
    EXPECT_EQ(emu().refresh(s.refreshToken).raw.status, 400);
    EXPECT_TRUE(emu().profileRows(emu().proc.serviceRoleKey(), s.userId).isEmpty())
        << "profile row cascades";

    const HttpResponse again = emu().send("DELETE", path, emu().serviceHeaders());
    EXPECT_EQ(again.status, 404) << qPrintable(dump(again));
    EXPECT_EQ(errorCode(again), QStringLiteral("user_not_found"));
    const HttpResponse badId = emu().send(
        "DELETE", QStringLiteral("/auth/v1/admin/users/not-a-uuid"), emu().serviceHeaders());
    EXPECT_TRUE(badId.status == 400 || badId.status == 404) << qPrintable(dump(badId));

    // The same Google account now makes a brand-new user.
    const Session fresh =
        emu().idTokenSignIn(QStringLiteral("google"),
                            s.json.value(u"user").toObject().value(u"email").toString(), &why);
    ASSERT_TRUE(fresh.ok()) << qPrintable(why);
    EXPECT_NE(fresh.userId, s.userId);
}

} // namespace
