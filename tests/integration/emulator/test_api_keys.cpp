// Opaque API keys by default, the platform's gateway rules for them, and
// the legacy JWT keys only with --legacy-keys (issue 12).
#include "EmulatorFixture.h"

#include <QJsonArray>

using namespace exegia::test;
using namespace Qt::StringLiterals;

namespace {

class ApiKeys : public EmulatorSuite
{
protected:
    static void SetUpTestSuite() { startSuite({u"--no-legacy-keys"_s}); }

    QByteArray publishable() { return emu().proc.publishableKey().toLatin1(); }
    QByteArray secret() { return emu().proc.secretKey().toLatin1(); }
    HttpResponse getWith(const QString &path, const Headers &headers)
    {
        return emu().get(path, headers);
    }
};

TEST_F(ApiKeys, StartLineGivesOpaqueKeysOnly)
{
    EXPECT_TRUE(publishable().startsWith("sb_publishable_")) << publishable().constData();
    EXPECT_TRUE(secret().startsWith("sb_secret_"));
    EXPECT_FALSE(emu().proc.info().contains(u"service_role_key"));
    EXPECT_FALSE(emu().proc.info().contains(u"anon_key"));

    EXEGIA_START_EMU(legacy, u"--legacy-keys"_s, u"--no-dev-keys"_s);
    EXPECT_TRUE(legacy.proc.publishableKey().startsWith(u"sb_publishable_"));
    EXPECT_TRUE(legacy.proc.serviceRoleKey().startsWith(u"eyJ"));
    EXPECT_TRUE(legacy.proc.anonKey().startsWith(u"eyJ"));
}

TEST_F(ApiKeys, UnknownAndLegacyKeysAre401WithoutTheFlag)
{
    EXEGIA_START_EMU(legacy); // same dev secret, so the same legacy JWTs
    for (const QByteArray &key :
         {QByteArray("sb_publishable_not-the-key"), legacy.proc.anonKey().toLatin1(),
          legacy.proc.serviceRoleKey().toLatin1()}) {
        const HttpResponse r = getWith(u"/auth/v1/settings"_s, {{"apikey", key}});
        EXPECT_EQ(r.status, 401) << qPrintable(dump(r));
        EXPECT_EQ(r.json().value(u"message").toString(), u"Invalid API key"_s);
    }
    // With --legacy-keys they work next to the opaque ones.
    EXPECT_EQ(
        legacy.get(u"/auth/v1/settings"_s, {{"apikey", legacy.proc.anonKey().toLatin1()}}).status,
        200);
}

TEST_F(ApiKeys, PublishableKeyIsAnonUnlessAUserJwtIsSent)
{
    const HttpResponse signup = emu().send("POST", u"/auth/v1/signup"_s,
                                           {{"apikey", publishable()},
                                            {"Authorization", "Bearer " + publishable()},
                                            {"Content-Type", "application/json"}},
                                           "{}");
    const Session s = toSession(signup);
    ASSERT_TRUE(s.ok()) << qPrintable(dump(signup));
    // The key as Bearer is the anon role: no user, no rows.
    const HttpResponse anonUser =
        getWith(u"/auth/v1/user"_s,
                {{"apikey", publishable()}, {"Authorization", "Bearer " + publishable()}});
    EXPECT_EQ(anonUser.status, 403) << qPrintable(dump(anonUser));
    EXPECT_EQ(getWith(u"/auth/v1/user"_s, emu().userHeaders(s.accessToken)).status, 200);
    ASSERT_EQ(
        emu().insertProfile(s.accessToken, {{"id", s.userId}, {"display_name", "Kim"}}).status,
        201);
    const HttpResponse rows =
        getWith(u"/rest/v1/users?select=id"_s,
                {{"apikey", publishable()}, {"Authorization", "Bearer " + publishable()}});
    // The migration grants anon nothing on public.users.
    EXPECT_EQ(rows.status, 401) << qPrintable(dump(rows));
    EXPECT_EQ(rows.json().value(u"code").toString(), u"42501"_s) << "the anon role";
}

TEST_F(ApiKeys, SecretKeyIsServiceRoleEvenAlone)
{
    const Session s = emu().anonSignUp();
    ASSERT_TRUE(s.ok());
    ASSERT_EQ(
        emu().insertProfile(s.accessToken, {{"id", s.userId}, {"display_name", "Lee"}}).status,
        201);
    const HttpResponse rows =
        getWith(u"/rest/v1/users?select=id&id=eq."_s + s.userId, {{"apikey", secret()}});
    EXPECT_EQ(rows.jsonArray().size(), 1) << qPrintable(dump(rows));
    const HttpResponse admin =
        getWith(u"/auth/v1/admin/users/"_s + s.userId, {{"apikey", secret()}});
    EXPECT_EQ(admin.status, 200) << qPrintable(dump(admin));
    const HttpResponse notAdmin =
        getWith(u"/auth/v1/admin/users/"_s + s.userId, {{"apikey", publishable()}});
    EXPECT_EQ(notAdmin.status, 403) << qPrintable(dump(notAdmin));
}

TEST_F(ApiKeys, AnOpaqueKeyInAuthorizationMustEqualApikey)
{
    for (const Headers &h :
         {Headers{{"apikey", publishable()}, {"Authorization", "Bearer " + secret()}},
          Headers{{"apikey", secret()}, {"Authorization", "Bearer " + publishable()}}}) {
        const HttpResponse r = getWith(u"/rest/v1/users?select=id"_s, h);
        EXPECT_EQ(r.status, 401) << qPrintable(dump(r));
    }
}

TEST_F(ApiKeys, SecretKeyFromABrowserIsRefused)
{
    const Headers key{{"apikey", secret()}, {"Authorization", "Bearer " + secret()}};
    for (const QPair<QByteArray, QByteArray> &browser :
         {QPair<QByteArray, QByteArray>{"Origin", "http://127.0.0.1:5173"},
          {"Sec-Fetch-Mode", "cors"},
          {"User-Agent", "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
                         "Chrome/120.0 Safari/537.36"}}) {
        Headers h = key;
        h.append(browser);
        const HttpResponse r = getWith(u"/rest/v1/users?select=id"_s, h);
        EXPECT_EQ(r.status, 401) << browser.first.constData() << ' ' << qPrintable(dump(r));
        EXPECT_EQ(getWith(u"/_emulator/stats"_s, h).status, 401);
    }
    // Qt's own default User-Agent is no browser.
    Headers qt = key;
    qt.append(header("User-Agent", "Mozilla/5.0"));
    EXPECT_EQ(getWith(u"/rest/v1/users?select=id"_s, qt).status, 200);
    // The publishable key is meant for browsers.
    EXPECT_EQ(getWith(u"/auth/v1/settings"_s,
                      {{"apikey", publishable()}, {"Origin", "http://127.0.0.1:5173"}})
                  .status,
              200);
}

TEST(ApiKeysPerFolder, OpaqueKeysAreRandomAndStayWithTheirFolder)
{
    EXEGIA_START_EMU(a, u"--no-dev-keys"_s, u"--no-legacy-keys"_s);
    EXEGIA_START_EMU(b, u"--no-dev-keys"_s, u"--no-legacy-keys"_s);
    EXPECT_NE(a.proc.publishableKey(), b.proc.publishableKey());
    EXPECT_NE(a.proc.secretKey(), b.proc.secretKey());
    EXPECT_GE(a.proc.secretKey().size(), int(strlen("sb_secret_")) + 32);
}

} // namespace
