// Gateway rules, error formats, health and settings (docs/wire.md "Gateway,
// headers, paths", "Error bodies", operation 10).
#include "EmulatorFixture.h"

#include <QJsonDocument>

using namespace exegia::test;

namespace {

class Gateway : public EmulatorSuite
{
protected:
    static void SetUpTestSuite() { startSuite(); }

    // A coded GoTrue error (wrong one-time code) in either format.
    HttpResponse wrongCode(bool versioned)
    {
        return emu().postJson(QStringLiteral("/auth/v1/verify"),
                              QJsonObject{{"type", "email"},
                                          {"email", uniqueEmail(QStringLiteral("nocode"))},
                                          {"token", "000000"}},
                              emu().anonHeaders(versioned));
    }
};

TEST_F(Gateway, MissingApiKeyIsAGatewayStyle401)
{
    for (const QString &path :
         {QStringLiteral("/auth/v1/settings"), QStringLiteral("/auth/v1/health"),
          QStringLiteral("/auth/v1/user"), QStringLiteral("/rest/v1/users?select=*")}) {
        const HttpResponse r = emu().get(path, {});
        EXPECT_EQ(r.status, 401) << qPrintable(path) << " " << qPrintable(dump(r));
        const QJsonObject o = r.json();
        EXPECT_TRUE(o.value(u"message").isString()) << qPrintable(dump(r));
        // Not a GoTrue body: no error_code / msg, and no GoTrue error code header.
        EXPECT_FALSE(o.contains(u"error_code")) << qPrintable(dump(r));
        EXPECT_FALSE(o.contains(u"msg")) << qPrintable(dump(r));
    }
    const HttpResponse post = emu().postJson(QStringLiteral("/auth/v1/signup"), {}, {});
    EXPECT_EQ(post.status, 401) << qPrintable(dump(post));
    EXPECT_TRUE(post.json().value(u"message").isString());
}

TEST_F(Gateway, UnknownApiKeyIsRejected)
{
    const HttpResponse r =
        emu().get(QStringLiteral("/auth/v1/settings"),
                  {{"apikey", "not-a-key"}, {"Authorization", "Bearer not-a-key"}});
    EXPECT_EQ(r.status, 401) << qPrintable(dump(r));
    EXPECT_TRUE(r.json().value(u"message").isString()) << qPrintable(dump(r));
}

TEST_F(Gateway, OpenRoutesNeedNoApiKey)
{
    const HttpResponse jwks = emu().get(QStringLiteral("/auth/v1/.well-known/jwks.json"), {});
    EXPECT_EQ(jwks.status, 200) << qPrintable(dump(jwks));
    EXPECT_TRUE(jwks.json().value(u"keys").isArray()) << qPrintable(dump(jwks));

    const QString authorize =
        QStringLiteral("/auth/v1/authorize?provider=google&redirect_to=%1&code_challenge=%2"
                       "&code_challenge_method=s256")
            .arg(enc(emu().redirectTo()), QString::fromLatin1(pkceChallenge(randomVerifier())));
    const HttpResponse a = emu().get(authorize, {});
    EXPECT_EQ(a.status, 302) << qPrintable(dump(a));

    const HttpResponse v = emu().postJson(
        QStringLiteral("/auth/v1/verify"),
        QJsonObject{{"type", "email"}, {"email", "open@example.com"}, {"token", "123456"}}, {});
    EXPECT_NE(v.status, 401) << "verify is an open route: " << qPrintable(dump(v));
    EXPECT_EQ(v.status, 403) << qPrintable(dump(v));

    const HttpResponse cb = emu().get(QStringLiteral("/auth/v1/callback?code=x&state=y"), {});
    EXPECT_NE(cb.status, 401) << "callback is an open route: " << qPrintable(dump(cb));
    EXPECT_LT(cb.status, 500) << qPrintable(dump(cb));
}

TEST_F(Gateway, VersionedErrorFormat)
{
    const HttpResponse r = wrongCode(true);
    ASSERT_EQ(r.status, 403) << qPrintable(dump(r));
    const QJsonObject o = r.json();
    EXPECT_EQ(o.value(u"code").toString(), QStringLiteral("otp_expired")) << qPrintable(dump(r));
    EXPECT_TRUE(o.value(u"message").isString()) << qPrintable(dump(r));
    EXPECT_FALSE(o.contains(u"msg"));
    EXPECT_FALSE(o.contains(u"error_code"));
    EXPECT_EQ(r.header("X-Supabase-Api-Version"), QByteArray("2024-01-01")) << qPrintable(dump(r));
    EXPECT_EQ(r.header("x-sb-error-code"), QByteArray("otp_expired")) << qPrintable(dump(r));
    EXPECT_TRUE(r.header("Content-Type").startsWith("application/json")) << qPrintable(dump(r));
}

TEST_F(Gateway, LegacyErrorFormat)
{
    const HttpResponse r = wrongCode(false);
    ASSERT_EQ(r.status, 403) << qPrintable(dump(r));
    const QJsonObject o = r.json();
    EXPECT_TRUE(o.value(u"code").isDouble()) << qPrintable(dump(r));
    EXPECT_EQ(o.value(u"code").toInt(), 403) << qPrintable(dump(r));
    EXPECT_EQ(o.value(u"error_code").toString(), QStringLiteral("otp_expired"));
    EXPECT_TRUE(o.value(u"msg").isString()) << qPrintable(dump(r));
    EXPECT_FALSE(o.contains(u"error_id")) << "error_id is for 5xx only: " << qPrintable(dump(r));
    EXPECT_TRUE(r.header("X-Supabase-Api-Version").isEmpty()) << qPrintable(dump(r));
    EXPECT_EQ(r.header("x-sb-error-code"), QByteArray("otp_expired"));
}

TEST_F(Gateway, BothFormatsCarryTheSameMessage)
{
    const HttpResponse v = wrongCode(true);
    const HttpResponse l = wrongCode(false);
    EXPECT_EQ(v.json().value(u"message").toString(), l.json().value(u"msg").toString());
    EXPECT_EQ(errorMessage(v), QStringLiteral("Token has expired or is invalid"));
}

TEST_F(Gateway, UnknownRouteIs404Json)
{
    for (const QString &path : {QStringLiteral("/auth/v1/nope"), QStringLiteral("/nothing/here"),
                                QStringLiteral("/auth/v2/user")}) {
        const HttpResponse r = emu().get(path, emu().anonHeaders());
        EXPECT_EQ(r.status, 404) << qPrintable(path) << " " << qPrintable(dump(r));
        EXPECT_TRUE(r.isJsonObject()) << qPrintable(dump(r));
    }
}

TEST_F(Gateway, UnknownTableIs404)
{
    const HttpResponse r =
        emu().rest("GET", QStringLiteral("/secrets?select=*"), emu().proc.serviceRoleKey());
    EXPECT_EQ(r.status, 404) << qPrintable(dump(r));
    EXPECT_TRUE(r.json().value(u"code").isString()) << qPrintable(dump(r));
}

TEST_F(Gateway, WrongMethodIs405Json)
{
    struct Case
    {
        QByteArray method;
        QString path;
    };
    for (const Case &c : {Case{"DELETE", QStringLiteral("/auth/v1/settings")},
                          Case{"POST", QStringLiteral("/auth/v1/health")},
                          Case{"GET", QStringLiteral("/auth/v1/signup")},
                          Case{"GET", QStringLiteral("/auth/v1/token?grant_type=refresh_token")},
                          Case{"PUT", QStringLiteral("/auth/v1/otp")}}) {
        Headers h = emu().anonHeaders();
        h.append(header("Content-Type", "application/json"));
        const HttpResponse r = emu().send(c.method, c.path, h, c.method == "GET" ? "" : "{}");
        EXPECT_EQ(r.status, 405) << c.method.constData() << ' ' << qPrintable(c.path) << ' '
                                 << qPrintable(dump(r));
        EXPECT_TRUE(r.isJsonObject()) << qPrintable(dump(r));
    }
}

TEST_F(Gateway, BodyOverOneMegabyteIs413)
{
    QByteArray big = "{\"email\":\"";
    big.append(QByteArray(1024 * 1024 + 100, 'a'));
    big.append("@example.com\"}");
    Headers h = emu().anonHeaders();
    h.append(header("Content-Type", "application/json"));
    const HttpResponse r = emu().send("POST", QStringLiteral("/auth/v1/otp"), h, big);
    EXPECT_EQ(r.status, 413) << qPrintable(dump(r));
    EXPECT_TRUE(emu().healthy());
    // Just under the limit is not 413 (it is a bad e-mail instead).
    QByteArray fits = "{\"email\":\"";
    fits.append(QByteArray(900 * 1000, 'a'));
    fits.append("\"}");
    const HttpResponse ok = emu().send("POST", QStringLiteral("/auth/v1/otp"), h, fits);
    EXPECT_NE(ok.status, 413) << qPrintable(dump(ok));
    EXPECT_GE(ok.status, 400);
    EXPECT_LT(ok.status, 500) << qPrintable(dump(ok));
}

TEST_F(Gateway, InvalidOrEmptyJsonIsBadJson)
{
    Headers h = emu().anonHeaders();
    h.append(header("Content-Type", "application/json;charset=UTF-8"));
    for (const QByteArray &body : {QByteArray("{\"email\": "), QByteArray(""), QByteArray("nope"),
                                   QByteArray("{\"a\":1}}"), QByteArray("\xff\xfe{}")}) {
        for (const QString &path :
             {QStringLiteral("/auth/v1/otp"), QStringLiteral("/auth/v1/verify"),
              QStringLiteral("/auth/v1/signup"),
              QStringLiteral("/auth/v1/token?grant_type=refresh_token")}) {
            const HttpResponse r = emu().send("POST", path, h, body);
            EXPECT_EQ(r.status, 400) << qPrintable(path) << " body '" << body.toStdString()
                                     << "': " << qPrintable(dump(r));
            EXPECT_EQ(errorCode(r), QStringLiteral("bad_json")) << qPrintable(dump(r));
            EXPECT_EQ(r.json().value(u"code").toString(), QStringLiteral("bad_json"));
        }
    }
}

TEST_F(Gateway, Health)
{
    const HttpResponse r = emu().get(QStringLiteral("/auth/v1/health"), emu().anonHeaders());
    ASSERT_EQ(r.status, 200) << qPrintable(dump(r));
    const QJsonObject o = r.json();
    EXPECT_TRUE(o.value(u"version").isString()) << qPrintable(dump(r));
    EXPECT_TRUE(o.value(u"name").isString()) << qPrintable(dump(r));
    EXPECT_TRUE(o.value(u"description").isString()) << qPrintable(dump(r));
    EXPECT_FALSE(o.value(u"name").toString().isEmpty());
}

TEST_F(Gateway, Settings)
{
    const HttpResponse r = emu().get(QStringLiteral("/auth/v1/settings"), emu().anonHeaders());
    ASSERT_EQ(r.status, 200) << qPrintable(dump(r));
    const QJsonObject o = r.json();
    const QJsonObject external = o.value(u"external").toObject();
    EXPECT_EQ(external.value(u"anonymous_users"), QJsonValue(true)) << qPrintable(dump(r));
    EXPECT_EQ(external.value(u"google"), QJsonValue(true)) << qPrintable(dump(r));
    EXPECT_EQ(external.value(u"apple"), QJsonValue(true)) << qPrintable(dump(r));
    EXPECT_EQ(external.value(u"email"), QJsonValue(true)) << qPrintable(dump(r));
    EXPECT_EQ(o.value(u"disable_signup"), QJsonValue(false)) << qPrintable(dump(r));
    EXPECT_TRUE(o.value(u"mailer_autoconfirm").isBool()) << qPrintable(dump(r));
}

TEST(GatewayOptions, SettingsReflectDisabledAnonymous)
{
    EXEGIA_START_EMU(e, QStringLiteral("--disable-anonymous"));
    const HttpResponse r = e.get(QStringLiteral("/auth/v1/settings"), e.anonHeaders());
    ASSERT_EQ(r.status, 200) << qPrintable(dump(r));
    EXPECT_EQ(r.json().value(u"external").toObject().value(u"anonymous_users"), QJsonValue(false))
        << qPrintable(dump(r));
}

TEST_F(Gateway, StartupLineKeysAreLegacyJwts)
{
    const QByteArray secret = emu().proc.jwtSecret().toUtf8();
    ASSERT_GE(secret.size(), 32);
    const QString anon = emu().proc.anonKey();
    const QString service = emu().proc.serviceRoleKey();
    EXPECT_TRUE(verifyHs256(anon, secret));
    EXPECT_TRUE(verifyHs256(service, secret));
    const QJsonObject a = jwtPart(anon, 1);
    const QJsonObject s = jwtPart(service, 1);
    EXPECT_EQ(a.value(u"role").toString(), QStringLiteral("anon"));
    EXPECT_EQ(s.value(u"role").toString(), QStringLiteral("service_role"));
    EXPECT_EQ(a.value(u"iss").toString(), QStringLiteral("supabase"));
    EXPECT_EQ(a.value(u"ref").toString(), QStringLiteral("local"));
    EXPECT_EQ(a.value(u"iat").toInteger(), 1735689600);
    EXPECT_EQ(a.value(u"exp").toInteger(), 2051222400);
    EXPECT_EQ(emu().proc.mailbox(), emu().proc.urlString() + QStringLiteral("/mailbox/v1"));
    EXPECT_EQ(emu().proc.issuer(QStringLiteral("google")),
              emu().proc.urlString() + QStringLiteral("/idp/google"));
    EXPECT_EQ(emu().proc.issuer(QStringLiteral("apple")),
              emu().proc.urlString() + QStringLiteral("/idp/apple"));
    EXPECT_FALSE(emu().proc.clientId(QStringLiteral("google")).isEmpty());
    EXPECT_FALSE(emu().proc.clientId(QStringLiteral("apple")).isEmpty());
    EXPECT_TRUE(emu().proc.url().host() == QStringLiteral("127.0.0.1"));
}

TEST(GatewayOptions, DefaultSecretGivesTheSameKeysEveryStart)
{
    EXEGIA_START_EMU(a);
    EXEGIA_START_EMU(b);
    EXPECT_EQ(a.proc.publishableKey(), b.proc.publishableKey());
    EXPECT_EQ(a.proc.serviceRoleKey(), b.proc.serviceRoleKey());
    EXPECT_EQ(a.proc.jwtSecret(),
              QStringLiteral("super-secret-jwt-token-with-at-least-32-characters-long"));
}

TEST(GatewayOptions, CustomSecretSignsTheKeys)
{
    const QString secret = QStringLiteral("another-secret-that-is-at-least-32-characters");
    EXEGIA_START_EMU(e, QStringLiteral("--jwt-secret"), secret);
    EXPECT_EQ(e.proc.jwtSecret(), secret);
    EXPECT_TRUE(verifyHs256(e.proc.anonKey(), secret.toUtf8()));
    const Session s = e.anonSignUp();
    ASSERT_TRUE(s.ok()) << qPrintable(s.describe());
    EXPECT_TRUE(verifyHs256(s.accessToken, secret.toUtf8()));
}

} // namespace
