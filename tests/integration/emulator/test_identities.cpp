// Unlinking identities (issue 13): DELETE /user/identities/{id} with
// supabase/auth's rules.
#include "EmulatorFixture.h"

using namespace exegia::test;

namespace {

class Identities : public EmulatorSuite
{
protected:
    static void SetUpTestSuite() { startSuite(); }

    static HttpResponse unlink(Emu &e, const QString &token, const QString &identityId)
    {
        return e.send("DELETE", QStringLiteral("/auth/v1/user/identities/") + identityId,
                      e.userHeaders(token));
    }
    static QJsonArray identities(const QString &token)
    {
        return emu().getUser(token).json().value(u"identities").toArray();
    }
    static QString identityOf(const QJsonArray &list, const QString &provider)
    {
        for (const QJsonValue &v : list)
            if (v.toObject().value(u"provider").toString() == provider)
                return v.toObject().value(u"identity_id").toString();
        return {};
    }
    // An email account with Google linked automatically (same verified address).
    static Session emailAndGoogle(const QString &email)
    {
        QString why;
        const Session first = emu().emailSignIn(email, &why);
        EXPECT_TRUE(first.ok()) << qPrintable(why);
        const Session google = emu().idTokenSignIn(QStringLiteral("google"), email, &why);
        EXPECT_TRUE(google.ok()) << qPrintable(why);
        EXPECT_EQ(google.userId, first.userId);
        return google;
    }
};

TEST_F(Identities, TheLastIdentityCannotBeUnlinked)
{
    QString why;
    const Session s =
        emu().idTokenSignIn(QStringLiteral("google"), uniqueEmail(QStringLiteral("only")), &why);
    ASSERT_TRUE(s.ok()) << qPrintable(why);
    const QJsonArray list = identities(s.accessToken);
    ASSERT_EQ(list.size(), 1);
    const HttpResponse r = unlink(emu(), s.accessToken, identityOf(list, QStringLiteral("google")));
    EXPECT_EQ(r.status, 422) << qPrintable(dump(r));
    EXPECT_EQ(errorCode(r), QStringLiteral("single_identity_not_deletable"));
    EXPECT_EQ(identities(s.accessToken).size(), 1);
}

TEST_F(Identities, UnlinkingGoogleKeepsTheEmailIdentity)
{
    const QString email = uniqueEmail(QStringLiteral("unlink"));
    const Session s = emailAndGoogle(email);
    const QJsonArray list = identities(s.accessToken);
    ASSERT_EQ(list.size(), 2);
    const HttpResponse r = unlink(emu(), s.accessToken, identityOf(list, QStringLiteral("google")));
    ASSERT_EQ(r.status, 200) << qPrintable(dump(r));
    EXPECT_EQ(r.json(), QJsonObject());
    const QJsonObject user = emu().getUser(s.accessToken).json();
    ASSERT_EQ(user.value(u"identities").toArray().size(), 1);
    EXPECT_EQ(identityOf(user.value(u"identities").toArray(), QStringLiteral("email")),
              identityOf(list, QStringLiteral("email")));
    EXPECT_EQ(user.value(u"email").toString(), email);
    EXPECT_EQ(user.value(u"app_metadata").toObject().value(u"providers").toArray(),
              QJsonArray({QStringLiteral("email")}));
    // Signing in with Google again links it anew (a verified address links automatically).
    QString why;
    const Session again = emu().idTokenSignIn(QStringLiteral("google"), email, &why);
    ASSERT_TRUE(again.ok()) << qPrintable(why);
    EXPECT_EQ(again.userId, s.userId) << "a verified address links again automatically";
}

TEST_F(Identities, UnknownOrForeignIdentitiesAreRefused)
{
    const Session a = emailAndGoogle(uniqueEmail(QStringLiteral("owner")));
    const Session b = emailAndGoogle(uniqueEmail(QStringLiteral("other")));
    const QString foreign = identityOf(identities(b.accessToken), QStringLiteral("google"));
    const HttpResponse r = unlink(emu(), a.accessToken, foreign);
    EXPECT_EQ(r.status, 422) << qPrintable(dump(r));
    EXPECT_EQ(errorCode(r), QStringLiteral("identity_not_found"));
    const HttpResponse bad = unlink(emu(), a.accessToken, QStringLiteral("google"));
    EXPECT_EQ(bad.status, 404) << qPrintable(dump(bad));
    EXPECT_EQ(errorCode(bad), QStringLiteral("validation_failed"));
    const HttpResponse anon = emu().send(
        "DELETE", QStringLiteral("/auth/v1/user/identities/") + foreign, emu().anonHeaders());
    EXPECT_EQ(anon.status, 403) << qPrintable(dump(anon));
    EXPECT_EQ(identities(b.accessToken).size(), 2);
}

TEST(IdentitiesOptions, DisabledLinkingIs404)
{
    EXEGIA_START_EMU(e, QStringLiteral("--disable-linking"));
    QString why;
    const Session s = e.emailSignIn(uniqueEmail(QStringLiteral("nolink")), &why);
    ASSERT_TRUE(s.ok()) << qPrintable(why);
    const QString id = e.getUser(s.accessToken)
                           .json()
                           .value(u"identities")
                           .toArray()[0]
                           .toObject()
                           .value(u"identity_id")
                           .toString();
    const HttpResponse r = e.send("DELETE", QStringLiteral("/auth/v1/user/identities/") + id,
                                  e.userHeaders(s.accessToken));
    EXPECT_EQ(r.status, 404) << qPrintable(dump(r));
    EXPECT_EQ(errorCode(r), QStringLiteral("manual_linking_disabled"));
}

} // namespace
