// Refresh-token rotation and reuse (docs/wire.md operation 8) and sign-out scopes
// (operation 9).
#include "EmulatorFixture.h"

using namespace exegia::test;

namespace {

class Refresh : public EmulatorSuite
{
protected:
    static void SetUpTestSuite() { startSuite(); }
};

TEST_F(Refresh, RotatesAndKeepsTheSession)
{
    const Session s = emu().anonSignUp();
    ASSERT_TRUE(s.ok()) << qPrintable(s.describe());
    const Session r = emu().refresh(s.refreshToken);
    ASSERT_TRUE(r.ok()) << qPrintable(r.describe());
    EXPECT_NE(r.refreshToken, s.refreshToken) << "rotation";
    EXPECT_EQ(r.userId, s.userId);
    EXPECT_EQ(r.json.value(u"token_type").toString(), QStringLiteral("bearer"));
    const QJsonObject before = jwtPart(s.accessToken, 1);
    const QJsonObject after = jwtPart(r.accessToken, 1);
    EXPECT_EQ(after.value(u"session_id"), before.value(u"session_id"));
    EXPECT_EQ(after.value(u"is_anonymous"), QJsonValue(true));
    EXPECT_EQ(after.value(u"amr"), before.value(u"amr")) << "amr survives refresh";
    EXPECT_TRUE(verifyHs256(r.accessToken, emu().proc.jwtSecret().toUtf8()));
    EXPECT_EQ(emu().getUser(r.accessToken).status, 200);
    EXPECT_EQ(emu().getUser(s.accessToken).status, 200) << "old access token lives until exp";
}

TEST_F(Refresh, ALongChainOfRotationsWorks)
{
    QString why;
    Session s =
        emu().idTokenSignIn(QStringLiteral("google"), uniqueEmail(QStringLiteral("chain")), &why);
    ASSERT_TRUE(s.ok()) << qPrintable(why);
    for (int i = 0; i < 6; ++i) {
        const Session next = emu().refresh(s.refreshToken);
        ASSERT_TRUE(next.ok()) << "rotation " << i << ": " << qPrintable(next.describe());
        EXPECT_EQ(next.userId, s.userId);
        s = next;
    }
    const QJsonArray amr = jwtPart(s.accessToken, 1).value(u"amr").toArray();
    ASSERT_FALSE(amr.isEmpty());
    EXPECT_EQ(amr[0].toObject().value(u"method").toString(), QStringLiteral("oauth"));
}

TEST_F(Refresh, SpentTokenStillWorksWithinTheReuseInterval)
{
    const Session s = emu().anonSignUp();
    ASSERT_TRUE(s.ok());
    const Session first = emu().refresh(s.refreshToken);
    ASSERT_TRUE(first.ok()) << qPrintable(first.describe());
    const Session second = emu().refresh(s.refreshToken);
    ASSERT_TRUE(second.ok()) << "reuse within 10 s must succeed: " << qPrintable(second.describe());
    EXPECT_EQ(second.userId, s.userId);
    EXPECT_EQ(emu().getUser(second.accessToken).status, 200);
    // Both branches stay usable: the client may have kept either answer.
    EXPECT_TRUE(emu().refresh(second.refreshToken).ok());
}

TEST_F(Refresh, UnknownTokenIsRefreshTokenNotFound)
{
    const Session r = emu().refresh(QStringLiteral("abcdefghijkl"));
    EXPECT_EQ(r.raw.status, 400) << qPrintable(r.describe());
    EXPECT_EQ(errorCode(r.raw), QStringLiteral("refresh_token_not_found"));
}

TEST_F(Refresh, MissingTokenOrGrantTypeIs400)
{
    const HttpResponse noToken =
        emu().anonPost(QStringLiteral("/auth/v1/token?grant_type=refresh_token"), QJsonObject{});
    EXPECT_EQ(noToken.status, 400) << qPrintable(dump(noToken));
    EXPECT_TRUE(noToken.isJsonObject());
    const HttpResponse noGrant =
        emu().anonPost(QStringLiteral("/auth/v1/token"), QJsonObject{{"refresh_token", "x"}});
    EXPECT_EQ(noGrant.status, 400) << qPrintable(dump(noGrant));
    EXPECT_TRUE(noGrant.isJsonObject());
    const HttpResponse badGrant =
        emu().anonPost(QStringLiteral("/auth/v1/token?grant_type=password"),
                       QJsonObject{{"email", "a@b.c"}, {"password", "x"}});
    EXPECT_EQ(badGrant.status, 400) << qPrintable(dump(badGrant));
    EXPECT_TRUE(badGrant.isJsonObject());
}

TEST_F(Refresh, RefreshAfterLogoutIsNotFound)
{
    const Session s = emu().anonSignUp();
    ASSERT_TRUE(s.ok());
    ASSERT_EQ(emu().logout(s.accessToken, QStringLiteral("local")).status, 204);
    const Session r = emu().refresh(s.refreshToken);
    EXPECT_EQ(r.raw.status, 400) << qPrintable(r.describe());
    EXPECT_EQ(errorCode(r.raw), QStringLiteral("refresh_token_not_found"));
}

TEST(RefreshOptions, ReuseOutsideTheIntervalIsAlreadyUsedAndRevokesTheSession)
{
    EXEGIA_START_EMU(e, QStringLiteral("--refresh-reuse-interval"), QStringLiteral("1"));
    const Session s0 = e.anonSignUp();
    ASSERT_TRUE(s0.ok()) << qPrintable(s0.describe());
    const Session s1 = e.refresh(s0.refreshToken);
    ASSERT_TRUE(s1.ok()) << qPrintable(s1.describe());
    const Session s2 = e.refresh(s1.refreshToken);
    ASSERT_TRUE(s2.ok()) << qPrintable(s2.describe());
    e.advanceClock(2);
    // s0's token is two generations old: no grace left for it.
    const Session reuse = e.refresh(s0.refreshToken);
    EXPECT_EQ(reuse.raw.status, 400) << qPrintable(reuse.describe());
    EXPECT_EQ(errorCode(reuse.raw), QStringLiteral("refresh_token_already_used"));
    EXPECT_EQ(errorMessage(reuse.raw), QStringLiteral("Invalid Refresh Token: Already Used"));
    // The whole session is revoked: even the newest token no longer refreshes.
    const Session newest = e.refresh(s2.refreshToken);
    EXPECT_EQ(newest.raw.status, 400) << qPrintable(newest.describe());
    EXPECT_FALSE(errorCode(newest.raw).isEmpty());
}

class Logout : public EmulatorSuite
{
protected:
    static void SetUpTestSuite() { startSuite(); }

    // `n` sessions of one user (Google sign-ins of the same address).
    QList<Session> sessions(int n)
    {
        const QString email = uniqueEmail(QStringLiteral("logout"));
        QList<Session> out;
        for (int i = 0; i < n; ++i) {
            QString why;
            out << emu().idTokenSignIn(QStringLiteral("google"), email, &why);
            EXPECT_TRUE(out.last().ok()) << qPrintable(why);
        }
        if (n > 1) {
            EXPECT_EQ(out[0].userId, out[1].userId);
        }
        return out;
    }
    bool alive(const Session &s) { return emu().getUser(s.accessToken).status == 200; }
};

TEST_F(Logout, LocalEndsOnlyThisSession)
{
    const QList<Session> s = sessions(2);
    ASSERT_TRUE(s[0].ok() && s[1].ok());
    const HttpResponse r = emu().logout(s[0].accessToken, QStringLiteral("local"));
    EXPECT_EQ(r.status, 204) << qPrintable(dump(r));
    EXPECT_TRUE(r.body.isEmpty());
    EXPECT_FALSE(alive(s[0]));
    EXPECT_TRUE(alive(s[1]));
    EXPECT_FALSE(emu().refresh(s[0].refreshToken).ok());
    EXPECT_TRUE(emu().refresh(s[1].refreshToken).ok());
}

TEST_F(Logout, OthersKeepsOnlyThisSession)
{
    const QList<Session> s = sessions(3);
    ASSERT_TRUE(s[0].ok() && s[1].ok() && s[2].ok());
    EXPECT_EQ(emu().logout(s[0].accessToken, QStringLiteral("others")).status, 204);
    EXPECT_TRUE(alive(s[0]));
    EXPECT_FALSE(alive(s[1]));
    EXPECT_FALSE(alive(s[2]));
    EXPECT_FALSE(emu().refresh(s[1].refreshToken).ok());
    EXPECT_TRUE(emu().refresh(s[0].refreshToken).ok());
}

TEST_F(Logout, GlobalEndsEverySession)
{
    const QList<Session> s = sessions(2);
    ASSERT_TRUE(s[0].ok() && s[1].ok());
    EXPECT_EQ(emu().logout(s[0].accessToken, QStringLiteral("global")).status, 204);
    EXPECT_FALSE(alive(s[0]));
    EXPECT_FALSE(alive(s[1]));
    EXPECT_FALSE(emu().refresh(s[1].refreshToken).ok());
}

TEST_F(Logout, DefaultScopeIsGlobal)
{
    const QList<Session> s = sessions(2);
    ASSERT_TRUE(s[0].ok() && s[1].ok());
    EXPECT_EQ(emu().logout(s[0].accessToken).status, 204);
    EXPECT_FALSE(alive(s[0]));
    EXPECT_FALSE(alive(s[1]));
}

TEST_F(Logout, OtherUsersAreUntouched)
{
    const QList<Session> mine = sessions(1);
    const Session other = emu().anonSignUp();
    ASSERT_TRUE(mine[0].ok() && other.ok());
    EXPECT_EQ(emu().logout(mine[0].accessToken, QStringLiteral("global")).status, 204);
    EXPECT_TRUE(alive(other));
}

TEST_F(Logout, WithoutBearerIs401)
{
    Headers h{{"apikey", emu().proc.publishableKey().toLatin1()},
              {"X-Supabase-Api-Version", "2024-01-01"},
              {"Content-Type", "application/json"}};
    const HttpResponse r = emu().send("POST", QStringLiteral("/auth/v1/logout"), h, "{}");
    EXPECT_EQ(r.status, 401) << qPrintable(dump(r));
    EXPECT_EQ(errorCode(r), QStringLiteral("no_authorization"));
}

TEST_F(Logout, UnknownScopeIsValidationFailed)
{
    const Session s = emu().anonSignUp();
    ASSERT_TRUE(s.ok());
    const HttpResponse r = emu().logout(s.accessToken, QStringLiteral("everywhere"));
    EXPECT_EQ(r.status, 400) << qPrintable(dump(r));
    EXPECT_EQ(errorCode(r), QStringLiteral("validation_failed"));
    EXPECT_TRUE(alive(s)) << "a refused logout ends nothing";
}

TEST_F(Logout, SecondLogoutStillMeansSignedOut)
{
    const Session s = emu().anonSignUp();
    ASSERT_TRUE(s.ok());
    ASSERT_EQ(emu().logout(s.accessToken, QStringLiteral("local")).status, 204);
    const HttpResponse again = emu().logout(s.accessToken, QStringLiteral("local"));
    EXPECT_TRUE(again.status == 204 || again.status == 401 || again.status == 403 ||
                again.status == 404)
        << qPrintable(dump(again));
}

} // namespace
