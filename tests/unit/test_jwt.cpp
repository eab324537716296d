#include "detail/Jwt.h"

#include <QJsonDocument>
#include <gtest/gtest.h>

using exegia::auth::Jwt;

namespace {

QString segment(const QByteArray &raw)
{
    return QString::fromLatin1(
        raw.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

QString token(const QJsonObject &claims)
{
    return segment(R"({"alg":"HS256","typ":"JWT"})") + u'.' +
           segment(QJsonDocument(claims).toJson(QJsonDocument::Compact)) + u'.' +
           segment("signature");
}

} // namespace

TEST(Jwt, DecodesPayloadClaims)
{
    const QString t = token({{"sub", "4f1c0f7e-4a6e-4b8e-9d2e-2f1e7d4c9a11"},
                             {"role", "authenticated"},
                             {"is_anonymous", true}});
    const auto claims = Jwt::payload(t);
    ASSERT_TRUE(claims);
    EXPECT_EQ(claims->value(u"role").toString(), QStringLiteral("authenticated"));
    EXPECT_TRUE(claims->value(u"is_anonymous").toBool());
    EXPECT_EQ(Jwt::subject(t), QStringLiteral("4f1c0f7e-4a6e-4b8e-9d2e-2f1e7d4c9a11"));
    EXPECT_EQ(Jwt::role(t), QStringLiteral("authenticated"));
}

TEST(Jwt, DecodesSupabaseLegacyServiceKey)
{
    // The emulator's documented legacy key payload.
    const QString t = token({{"iss", "supabase"},
                             {"ref", "local"},
                             {"role", "service_role"},
                             {"iat", 1735689600},
                             {"exp", 2051222400}});
    EXPECT_EQ(Jwt::role(t), QStringLiteral("service_role"));
}

TEST(Jwt, DecodesPayloadNeedingPaddingAndUrlAlphabet)
{
    // "?>" encodes to "Pz4" in base64url: exercises '-'/'_' and missing padding.
    const QString t = token({{"x", "?>?>?"}});
    EXPECT_TRUE(Jwt::payload(t));
}

TEST(Jwt, RefusesMalformedTokens)
{
    EXPECT_FALSE(Jwt::payload(u""));
    EXPECT_FALSE(Jwt::payload(u"abc"));
    EXPECT_FALSE(Jwt::payload(u"a.b"));
    EXPECT_FALSE(Jwt::payload(u"a..c"));
    EXPECT_FALSE(Jwt::payload(u"a.b.c.d"));
    EXPECT_FALSE(Jwt::payload(u"a.!!!.c"));
    EXPECT_FALSE(Jwt::payload(QString(segment("{}") + u'.' + segment("not json") + u'.')));
    EXPECT_FALSE(Jwt::payload(QString(segment("{}") + u'.' + segment("[1,2]") + u'.')));
    EXPECT_FALSE(Jwt::payload(u"sb_publishable_abc123"));
    EXPECT_TRUE(Jwt::subject(u"garbage").isEmpty());
    EXPECT_TRUE(Jwt::role(u"garbage").isEmpty());
}
