// Asymmetric access-token signing (issue 12): ES256 by default with a kid,
// the public keys at /auth/v1/.well-known/jwks.json, RS256 on request,
// rotation that keeps the previous key, HS256 only for legacy projects.
#include "EmulatorFixture.h"

#include <QJsonArray>

using namespace exegia::test;
using namespace Qt::StringLiterals;

namespace {

QJsonObject jwks(Emu &e)
{
    return e.get(u"/auth/v1/.well-known/jwks.json"_s, {}).json();
}

QString tampered(const QString &token)
{
    QJsonObject claims = jwtPart(token, 1);
    claims.insert(u"role"_s, u"service_role"_s);
    QStringList parts = token.split(u'.');
    parts[1] = QString::fromLatin1(b64url(QJsonDocument(claims).toJson(QJsonDocument::Compact)));
    return parts.join(u'.');
}

TEST(Signing, Es256ByDefaultWithItsKeyInTheJwks)
{
    EXEGIA_START_EMU(e, u"--no-legacy-keys"_s);
    const Session s = e.anonSignUp();
    ASSERT_TRUE(s.ok()) << qPrintable(s.describe());
    const QJsonObject header = jwtPart(s.accessToken, 0);
    EXPECT_EQ(header.value(u"alg").toString(), u"ES256"_s);
    EXPECT_FALSE(header.value(u"kid").toString().isEmpty());
    const HttpResponse keys = e.get(u"/auth/v1/.well-known/jwks.json"_s, {});
    EXPECT_EQ(keys.header("Cache-Control"), QByteArray("public, max-age=600"));
    QString why;
    EXPECT_TRUE(verifyEs256(s.accessToken, keys.json(), &why)) << qPrintable(why);
    for (const QJsonValue &k : keys.json()[u"keys"].toArray())
        EXPECT_FALSE(k.toObject().contains(u"d")) << "no private part";
    EXPECT_EQ(e.getUser(s.accessToken).status, 200);
    EXPECT_EQ(e.rest("GET", u"/users?select=id"_s, s.accessToken).status, 200);
}

TEST(Signing, TamperedAndHs256TokensAreRefused)
{
    EXEGIA_START_EMU(e, u"--no-legacy-keys"_s);
    const Session s = e.anonSignUp();
    ASSERT_TRUE(s.ok());
    EXPECT_EQ(e.getUser(tampered(s.accessToken)).status, 403);
    EXPECT_EQ(e.rest("GET", u"/users?select=*"_s, tampered(s.accessToken)).status, 401);
    // The dev secret signs nothing any more without legacy keys.
    const QString hs =
        signHs256(jwtPart(s.accessToken, 1),
                  QByteArray("super-secret-jwt-token-with-at-least-32-characters-long"));
    EXPECT_EQ(e.getUser(hs).status, 403);
    EXPECT_EQ(e.rest("GET", u"/users?select=*"_s, hs).status, 401);
}

TEST(Signing, Rs256OnRequest)
{
    EXEGIA_START_EMU(e, u"--no-legacy-keys"_s, u"--signing-key"_s, u"rs256"_s);
    const Session s = e.anonSignUp();
    ASSERT_TRUE(s.ok());
    QString why;
    EXPECT_TRUE(verifyRs256(s.accessToken, jwks(e), &why)) << qPrintable(why);
    EXPECT_EQ(e.getUser(s.accessToken).status, 200);
}

TEST(Signing, RotationKeepsThePreviousKeyValid)
{
    EXEGIA_START_EMU(e, u"--no-legacy-keys"_s);
    const Session before = e.anonSignUp();
    ASSERT_TRUE(before.ok());
    const QString oldKid = jwtPart(before.accessToken, 0).value(u"kid").toString();
    const HttpResponse rotated =
        e.send("POST", u"/_emulator/signing-keys/rotate"_s, e.serviceHeaders(), "{}");
    ASSERT_EQ(rotated.status, 200) << qPrintable(dump(rotated));
    const QString newKid = rotated.json().value(u"kid").toString();
    EXPECT_NE(newKid, oldKid);
    const QJsonArray keys = jwks(e)[u"keys"].toArray();
    ASSERT_EQ(keys.size(), 2);
    EXPECT_EQ(keys[0].toObject().value(u"kid").toString(), newKid) << "current key first";
    EXPECT_EQ(e.getUser(before.accessToken).status, 200) << "signed before, valid until exp";
    const Session after = e.anonSignUp();
    EXPECT_EQ(jwtPart(after.accessToken, 0).value(u"kid").toString(), newKid);
    EXPECT_EQ(e.send("POST", u"/_emulator/signing-keys/rotate"_s, e.anonHeaders(), "{}").status,
              401);
}

TEST(Signing, LegacyProjectsStillTakeHs256)
{
    EXEGIA_START_EMU(e, u"--signing-key"_s, u"hs256"_s);
    const Session s = e.anonSignUp();
    ASSERT_TRUE(s.ok());
    EXPECT_TRUE(verifyHs256(s.accessToken, e.proc.jwtSecret().toUtf8()));
    EXPECT_TRUE(jwks(e)[u"keys"].toArray().isEmpty()) << "an HS256 project publishes no keys";
}

} // namespace
