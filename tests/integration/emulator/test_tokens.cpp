// Access tokens, the session and user JSON shapes, and GET /user (docs/wire.md
// "Session and user", operation 5).
#include "EmulatorFixture.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QUuid>

using namespace exegia::test;

namespace {

class Tokens : public EmulatorSuite
{
protected:
    static void SetUpTestSuite() { startSuite(); }

    Session otpUser(const QString &tag)
    {
        QString why;
        Session s = emu().emailSignIn(uniqueEmail(tag), &why);
        EXPECT_TRUE(s.ok()) << qPrintable(why);
        return s;
    }
    QByteArray secret() { return emu().proc.jwtSecret().toUtf8(); }
};

bool isTimestamp(const QJsonValue &v)
{
    return v.isString() && QDateTime::fromString(v.toString(), Qt::ISODateWithMs).isValid();
}

TEST_F(Tokens, AccessTokenClaims)
{
    const qint64 before = nowSecs();
    const Session s = otpUser(QStringLiteral("claims"));
    ASSERT_TRUE(s.ok());
    EXPECT_TRUE(verifyHs256(s.accessToken, secret())) << "HS256 with the project's secret";
    const QJsonObject header = jwtPart(s.accessToken, 0);
    EXPECT_EQ(header.value(u"alg").toString(), QStringLiteral("HS256"));
    const QJsonObject c = jwtPart(s.accessToken, 1);
    const QJsonObject user = s.json.value(u"user").toObject();
    EXPECT_EQ(c.value(u"sub").toString(), user.value(u"id").toString());
    EXPECT_EQ(c.value(u"aud"), QJsonValue(QStringLiteral("authenticated"))) << "aud is a string";
    EXPECT_EQ(c.value(u"iss").toString(), emu().proc.urlString() + QStringLiteral("/auth/v1"));
    EXPECT_EQ(c.value(u"email").toString(), user.value(u"email").toString());
    EXPECT_EQ(c.value(u"phone"), QJsonValue(QString()));
    EXPECT_EQ(c.value(u"role").toString(), QStringLiteral("authenticated"));
    EXPECT_EQ(c.value(u"is_anonymous"), QJsonValue(false));
    EXPECT_EQ(c.value(u"aal").toString(), QStringLiteral("aal1"));
    EXPECT_TRUE(isUuid(c.value(u"session_id").toString()));
    EXPECT_EQ(c.value(u"app_metadata").toObject(), user.value(u"app_metadata").toObject());
    EXPECT_TRUE(c.value(u"user_metadata").isObject());
    const qint64 iat = c.value(u"iat").toInteger();
    const qint64 exp = c.value(u"exp").toInteger();
    EXPECT_GE(iat, before - 2);
    EXPECT_LE(iat, nowSecs() + 2);
    EXPECT_EQ(exp - iat, 3600) << "default lifetime";
    const QJsonArray amr = c.value(u"amr").toArray();
    ASSERT_EQ(amr.size(), 1);
    const QJsonObject entry = amr[0].toObject();
    EXPECT_EQ(entry.value(u"method").toString(), QStringLiteral("otp"));
    EXPECT_TRUE(entry.value(u"timestamp").isDouble());
    EXPECT_GE(entry.value(u"timestamp").toInteger(), before - 2);
}

TEST_F(Tokens, SessionShape)
{
    const qint64 before = nowSecs();
    const Session s = otpUser(QStringLiteral("shape"));
    ASSERT_TRUE(s.ok());
    const QJsonObject o = s.json;
    EXPECT_EQ(o.value(u"token_type").toString(), QStringLiteral("bearer"));
    EXPECT_TRUE(o.value(u"expires_in").isDouble());
    EXPECT_EQ(o.value(u"expires_in").toInteger(), 3600);
    const qint64 expiresAt = o.value(u"expires_at").toInteger();
    EXPECT_GE(expiresAt, before + 3600 - 2);
    EXPECT_LE(expiresAt, nowSecs() + 3600 + 2);
    EXPECT_EQ(expiresAt, jwtPart(s.accessToken, 1).value(u"exp").toInteger());
    EXPECT_FALSE(s.refreshToken.isEmpty());
    EXPECT_TRUE(o.value(u"user").isObject());
    EXPECT_FALSE(o.contains(u"provider_token")) << "no provider token for an e-mail code";
}

TEST_F(Tokens, UserShape)
{
    const Session s = otpUser(QStringLiteral("user"));
    ASSERT_TRUE(s.ok());
    const QJsonObject u = s.json.value(u"user").toObject();
    EXPECT_TRUE(isUuid(u.value(u"id").toString()));
    EXPECT_EQ(u.value(u"aud").toString(), QStringLiteral("authenticated"));
    EXPECT_EQ(u.value(u"role").toString(), QStringLiteral("authenticated"));
    EXPECT_EQ(u.value(u"phone"), QJsonValue(QString())) << "\"\" when empty";
    EXPECT_TRUE(isTimestamp(u.value(u"created_at"))) << qPrintable(s.describe());
    EXPECT_TRUE(isTimestamp(u.value(u"updated_at"))) << qPrintable(s.describe());
    EXPECT_TRUE(isTimestamp(u.value(u"email_confirmed_at"))) << qPrintable(s.describe());
    EXPECT_TRUE(isTimestamp(u.value(u"last_sign_in_at"))) << qPrintable(s.describe());
    EXPECT_TRUE(u.value(u"user_metadata").isObject());
    EXPECT_TRUE(u.value(u"is_anonymous").isBool());
    const QJsonArray ids = u.value(u"identities").toArray();
    ASSERT_EQ(ids.size(), 1) << qPrintable(s.describe());
    const QJsonObject id = ids[0].toObject();
    EXPECT_TRUE(isUuid(id.value(u"identity_id").toString())) << qPrintable(s.describe());
    EXPECT_FALSE(id.value(u"id").toString().isEmpty());
    EXPECT_EQ(id.value(u"user_id").toString(), u.value(u"id").toString());
    EXPECT_TRUE(id.value(u"identity_data").isObject());
    EXPECT_EQ(id.value(u"identity_data").toObject().value(u"email").toString(),
              u.value(u"email").toString());
    EXPECT_EQ(id.value(u"provider").toString(), QStringLiteral("email"));
    EXPECT_EQ(id.value(u"email").toString(), u.value(u"email").toString());
    EXPECT_TRUE(isTimestamp(id.value(u"created_at")));
    EXPECT_TRUE(isTimestamp(id.value(u"updated_at")));
}

TEST_F(Tokens, GetUserAnswersTheBareUser)
{
    const Session s = otpUser(QStringLiteral("me"));
    ASSERT_TRUE(s.ok());
    const HttpResponse r = emu().getUser(s.accessToken);
    ASSERT_EQ(r.status, 200) << qPrintable(dump(r));
    const QJsonObject u = r.json();
    EXPECT_EQ(u.value(u"id").toString(), s.userId);
    EXPECT_FALSE(u.contains(u"user")) << "bare user, not wrapped";
    EXPECT_FALSE(u.contains(u"access_token"));
    EXPECT_EQ(u.value(u"email"), s.json.value(u"user").toObject().value(u"email"));
    EXPECT_TRUE(u.value(u"identities").isArray());
}

TEST_F(Tokens, GetUserWithoutBearerIs401NoAuthorization)
{
    const HttpResponse r = emu().get(QStringLiteral("/auth/v1/user"),
                                     {{"apikey", emu().proc.publishableKey().toLatin1()},
                                      {"X-Supabase-Api-Version", "2024-01-01"}});
    EXPECT_EQ(r.status, 401) << qPrintable(dump(r));
    EXPECT_EQ(errorCode(r), QStringLiteral("no_authorization"));
}

TEST_F(Tokens, GetUserWithTheAnonKeyIsRefused)
{
    const HttpResponse r = emu().get(QStringLiteral("/auth/v1/user"), emu().anonHeaders());
    EXPECT_TRUE(r.status == 401 || r.status == 403) << qPrintable(dump(r));
    EXPECT_FALSE(errorCode(r).isEmpty()) << qPrintable(dump(r));
}

TEST_F(Tokens, GetUserWithABadSignatureIs403BadJwt)
{
    const Session s = otpUser(QStringLiteral("badsig"));
    ASSERT_TRUE(s.ok());
    const QString forged =
        signHs256(jwtPart(s.accessToken, 1), "a-completely-different-secret-of-32+chars");
    const HttpResponse r = emu().getUser(forged);
    EXPECT_EQ(r.status, 403) << qPrintable(dump(r));
    EXPECT_EQ(errorCode(r), QStringLiteral("bad_jwt"));
    EXPECT_TRUE(errorMessage(r).startsWith(QStringLiteral("invalid JWT"))) << qPrintable(dump(r));

    // Tampered payload, original signature.
    QStringList parts = s.accessToken.split(QLatin1Char('.'));
    QJsonObject claims = jwtPart(s.accessToken, 1);
    claims.insert(QStringLiteral("role"), QStringLiteral("service_role"));
    parts[1] = QString::fromLatin1(b64url(QJsonDocument(claims).toJson(QJsonDocument::Compact)));
    const HttpResponse t = emu().getUser(parts.join(QLatin1Char('.')));
    EXPECT_EQ(t.status, 403) << qPrintable(dump(t));
    EXPECT_EQ(errorCode(t), QStringLiteral("bad_jwt"));
}

TEST_F(Tokens, AlgNoneIsRefused)
{
    const Session s = otpUser(QStringLiteral("none"));
    ASSERT_TRUE(s.ok());
    const QByteArray token =
        b64url(R"({"alg":"none","typ":"JWT"})") + '.' +
        b64url(QJsonDocument(jwtPart(s.accessToken, 1)).toJson(QJsonDocument::Compact)) + '.';
    const HttpResponse r = emu().getUser(QString::fromLatin1(token));
    EXPECT_EQ(r.status, 403) << qPrintable(dump(r));
    EXPECT_EQ(errorCode(r), QStringLiteral("bad_jwt"));
}

TEST_F(Tokens, ExpiredTokenIs403BadJwt)
{
    const Session s = otpUser(QStringLiteral("expired"));
    ASSERT_TRUE(s.ok());
    QJsonObject claims = jwtPart(s.accessToken, 1);
    claims.insert(QStringLiteral("iat"), nowSecs() - 7200);
    claims.insert(QStringLiteral("exp"), nowSecs() - 3600);
    const HttpResponse r = emu().getUser(signHs256(claims, secret()));
    EXPECT_EQ(r.status, 403) << qPrintable(dump(r));
    EXPECT_EQ(errorCode(r), QStringLiteral("bad_jwt"));
}

TEST_F(Tokens, UnknownUserOrSessionIs403)
{
    const Session s = otpUser(QStringLiteral("ghost"));
    ASSERT_TRUE(s.ok());
    QJsonObject claims = jwtPart(s.accessToken, 1);
    claims.insert(QStringLiteral("sub"), QUuid::createUuid().toString(QUuid::WithoutBraces));
    const HttpResponse noUser = emu().getUser(signHs256(claims, secret()));
    EXPECT_EQ(noUser.status, 403) << qPrintable(dump(noUser));
    EXPECT_EQ(errorCode(noUser), QStringLiteral("user_not_found"));

    claims = jwtPart(s.accessToken, 1);
    claims.insert(QStringLiteral("session_id"), QUuid::createUuid().toString(QUuid::WithoutBraces));
    const HttpResponse noSession = emu().getUser(signHs256(claims, secret()));
    EXPECT_EQ(noSession.status, 403) << qPrintable(dump(noSession));
    EXPECT_EQ(errorCode(noSession), QStringLiteral("session_not_found"));
}

TEST_F(Tokens, GetUserAfterLogoutIsSessionNotFound)
{
    const Session s = otpUser(QStringLiteral("gone"));
    ASSERT_TRUE(s.ok());
    ASSERT_EQ(emu().logout(s.accessToken).status, 204);
    const HttpResponse r = emu().getUser(s.accessToken);
    EXPECT_EQ(r.status, 403) << qPrintable(dump(r));
    EXPECT_EQ(errorCode(r), QStringLiteral("session_not_found"));
}

TEST_F(Tokens, JwksIsPublishedAndConsistent)
{
    const HttpResponse r = emu().get(QStringLiteral("/auth/v1/.well-known/jwks.json"), {});
    ASSERT_EQ(r.status, 200) << qPrintable(dump(r));
    const QJsonArray keys = r.json().value(u"keys").toArray();
    // HS256 tokens publish no key; an asymmetric token must name a published kid.
    const Session s = otpUser(QStringLiteral("jwks"));
    const QJsonObject header = jwtPart(s.accessToken, 0);
    if (header.value(u"alg").toString() != QStringLiteral("HS256")) {
        bool found = false;
        for (const auto &k : keys)
            found = found || k.toObject().value(u"kid") == header.value(u"kid");
        EXPECT_TRUE(found);
    }
    for (const auto &k : keys)
        EXPECT_FALSE(k.toObject().contains(u"k")) << "never publish the HS256 secret";
}

TEST(TokenOptions, JwtExpSetsTheLifetimeAndExpiredTokensAreRefused)
{
    EXEGIA_START_EMU(e, QStringLiteral("--jwt-exp"), QStringLiteral("1"));
    const Session s = e.anonSignUp();
    ASSERT_TRUE(s.ok()) << qPrintable(s.describe());
    EXPECT_EQ(s.json.value(u"expires_in").toInteger(), 1);
    const QJsonObject c = jwtPart(s.accessToken, 1);
    EXPECT_EQ(c.value(u"exp").toInteger() - c.value(u"iat").toInteger(), 1);
    e.advanceClock(2);
    const HttpResponse r = e.getUser(s.accessToken);
    EXPECT_EQ(r.status, 403) << qPrintable(dump(r));
    EXPECT_EQ(errorCode(r), QStringLiteral("bad_jwt"));
    // The refresh token still gives a fresh access token for the same user.
    const Session fresh = e.refresh(s.refreshToken);
    ASSERT_TRUE(fresh.ok()) << qPrintable(fresh.describe());
    EXPECT_EQ(fresh.userId, s.userId);
    EXPECT_GT(jwtPart(fresh.accessToken, 1).value(u"exp").toInteger(), c.value(u"exp").toInteger());
}

} // namespace

TEST(ClockHook, MovesTheClockForwardOnlyAndOnlyForTheSecretKey)
{
    EXEGIA_START_EMU(e, QStringLiteral("--jwt-exp"), QStringLiteral("3600"));
    const Session s = e.anonSignUp();
    ASSERT_TRUE(s.ok()) << qPrintable(s.describe());
    const QString path = QStringLiteral("/_emulator/clock");
    EXPECT_EQ(e.postJson(path, {{"advance_seconds", 10}}, e.anonHeaders()).status, 401);
    EXPECT_EQ(e.postJson(path, {{"advance_seconds", -5}}, e.serviceHeaders()).status, 400);
    EXPECT_EQ(e.postJson(path, {{"advance_seconds", 86401}}, e.serviceHeaders()).status, 400);
    const qint64 iat = jwtPart(s.accessToken, 1).value(u"iat").toInteger();
    const HttpResponse moved = e.postJson(path, {{"advance_seconds", 3600}}, e.serviceHeaders());
    ASSERT_EQ(moved.status, 200) << qPrintable(dump(moved));
    EXPECT_GE(moved.json().value(u"now").toInteger(), iat + 3600);
    // An hour later the one-hour token has expired; new ones carry
    // the moved time.
    EXPECT_EQ(e.getUser(s.accessToken).status, 403);
    const Session later = e.anonSignUp();
    EXPECT_GE(jwtPart(later.accessToken, 1).value(u"iat").toInteger(), iat + 3600);
}
