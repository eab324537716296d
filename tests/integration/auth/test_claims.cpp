// AuthClient::getClaims against the emulator's real signing keys: ES256 and
// RS256 projects, a rotation in the middle of a session, a tampered token,
// the issuer check, and the HS256 fallback to GET /user (docs/wire.md "JWT
// signing keys / getClaims"). Each test names its signing key, so the
// legacy-mode run (--legacy-keys, anon JWT key) verifies the same tokens.
#include <exegia/auth/Errors.h>

#include "AuthFixture.h"
#include "Await.h"

#include <QJsonDocument>

using namespace exegia::auth;
using exegia::test::await;
using exegia::test::awaitError;

namespace {

const QString kJwks = QStringLiteral("GET /auth/v1/.well-known/jwks.json");
const QString kUser = QStringLiteral("GET /auth/v1/user");

QJsonObject tokenPart(const QString &token, int index)
{
    const QByteArray part = token.section(u'.', index, index).toLatin1();
    return QJsonDocument::fromJson(QByteArray::fromBase64(part, QByteArray::Base64UrlEncoding))
        .object();
}

// The same token with one claim changed and the signature kept.
QString tampered(const QString &token, const QString &claim, const QString &value)
{
    QJsonObject payload = tokenPart(token, 1);
    payload.insert(claim, value);
    QStringList parts = token.split(u'.');
    parts[1] = QString::fromLatin1(
        QJsonDocument(payload)
            .toJson(QJsonDocument::Compact)
            .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
    return parts.join(u'.');
}

class GetClaims : public exegia::test::AuthFixture
{
protected:
    void SetUp() override {} // each test starts the project it needs

    void startSigning(const char *algorithm)
    {
        start({QStringLiteral("--signing-key"), QString::fromLatin1(algorithm)});
    }

    Session googleSession(const QString &email)
    {
        const SignInResult r = await(client->signInWithIdToken(
            QStringLiteral("google"), idToken(QStringLiteral("google"), email)));
        EXPECT_TRUE(r.session);
        return r.session.value_or(Session{});
    }

    int count(const QString &key) { return apiRequestCounts().value(key).toInt(); }

    QString rotate()
    {
        const auto r = http.send(
            "POST", QUrl(emulator.urlString() + QStringLiteral("/_emulator/signing-keys/rotate")),
            serviceHeaders(), "{}");
        EXPECT_EQ(r.status, 200) << r.body.toStdString();
        return r.json().value(u"kid").toString();
    }

    // What the emulator's own REST side says of `token` (GET /rest/v1/users).
    int restStatus(const QString &token)
    {
        return http
            .get(QUrl(emulator.urlString() + QStringLiteral("/rest/v1/users?select=id")),
                 {{"apikey", emulator.publishableKey().toLatin1()},
                  {"Authorization", "Bearer " + token.toLatin1()}})
            .status;
    }
};

} // namespace

TEST_F(GetClaims, AnEs256TokenIsVerifiedLocallyWithEveryTypedClaim)
{
    startSigning("es256");
    const QString email = uniqueEmail(QStringLiteral("claims"));
    const Session session = googleSession(email);
    EXPECT_EQ(tokenPart(session.accessToken, 0).value(u"alg").toString(), QStringLiteral("ES256"));
    const int usersBefore = count(kUser);

    const Claims c = await(client->getClaims(session.accessToken));
    EXPECT_EQ(c.subject, session.user.id);
    EXPECT_EQ(c.email, email);
    EXPECT_EQ(c.role, QStringLiteral("authenticated"));
    EXPECT_EQ(c.aal, AssuranceLevel::Aal1);
    ASSERT_FALSE(c.amr.isEmpty());
    EXPECT_FALSE(c.amr.first().method.isEmpty());
    EXPECT_FALSE(c.sessionId.isEmpty());
    EXPECT_FALSE(c.isAnonymous);
    EXPECT_EQ(c.issuer, emulator.urlString() + QStringLiteral("/auth/v1"));
    EXPECT_TRUE(c.audience.contains(QStringLiteral("authenticated")));
    EXPECT_EQ(c.expiresAt.toSecsSinceEpoch(),
              tokenPart(session.accessToken, 1).value(u"exp").toInteger());
    EXPECT_EQ(count(kJwks), 1);
    EXPECT_EQ(count(kUser), usersBefore); // verified here, the server was not asked

    const AuthResponse guest = await(client->startAnonymousSession());
    EXPECT_TRUE(await(client->getClaims(guest.session.accessToken)).isAnonymous);
    EXPECT_EQ(count(kJwks), 1); // cached (max-age=600)
}

TEST_F(GetClaims, AnRs256ProjectVerifies)
{
    startSigning("rs256");
    const AuthResponse guest = await(client->startAnonymousSession());
    EXPECT_EQ(tokenPart(guest.session.accessToken, 0).value(u"alg").toString(),
              QStringLiteral("RS256"));
    EXPECT_EQ(await(client->getClaims(guest.session.accessToken)).subject, guest.user().id);
    EXPECT_EQ(count(kJwks), 1);
    EXPECT_EQ(count(kUser), 0);
}

TEST_F(GetClaims, ARotationKeepsOldTokensAndANewKidFetchesTheKeysOnce)
{
    startSigning("es256");
    const AuthResponse before = await(client->startAnonymousSession());
    const QString oldKid = tokenPart(before.session.accessToken, 0).value(u"kid").toString();
    await(client->getClaims(before.session.accessToken));
    ASSERT_EQ(count(kJwks), 1);

    const QString newKid = rotate();
    ASSERT_FALSE(newKid.isEmpty());
    ASSERT_NE(newKid, oldKid);
    // The token signed before the rotation stays good until it expires,
    // here and on the emulator's REST side.
    EXPECT_EQ(await(client->getClaims(before.session.accessToken)).subject, before.user().id);
    EXPECT_EQ(restStatus(before.session.accessToken), 200);
    EXPECT_EQ(count(kJwks), 1);

    // A token with the new kid: the cache lacks it, so exactly one fetch.
    const Session after = await(client->refreshSession(before.session.refreshToken));
    EXPECT_EQ(tokenPart(after.accessToken, 0).value(u"kid").toString(), newKid);
    EXPECT_EQ(await(client->getClaims(after.accessToken)).subject, before.user().id);
    EXPECT_EQ(count(kJwks), 2);
    EXPECT_EQ(await(client->getClaims(after.accessToken)).subject, before.user().id);
    EXPECT_EQ(await(client->getClaims(before.session.accessToken)).subject, before.user().id);
    EXPECT_EQ(count(kJwks), 2);
    EXPECT_EQ(count(kUser), 0);
}

TEST_F(GetClaims, ATamperedTokenIsRefusedHereAndByTheServer)
{
    startSigning("es256");
    const AuthResponse guest = await(client->startAnonymousSession());
    const QString forged =
        tampered(guest.session.accessToken, QStringLiteral("role"), QStringLiteral("service_role"));
    const auto refused = awaitError<ClaimsError>(client->getClaims(forged));
    ASSERT_TRUE(refused);
    EXPECT_EQ(refused->kind(), ClaimsError::Kind::BadSignature);
    EXPECT_EQ(count(kUser), 0); // refused locally

    EXPECT_EQ(restStatus(forged), 401);
    const auto server = awaitError<AuthApiError>(client->getCurrentUserRecord(forged));
    ASSERT_TRUE(server);
    EXPECT_EQ(server->errorCode(), QStringLiteral("bad_jwt")); // GoTrue: 403 bad_jwt
}

TEST_F(GetClaims, AnotherAddressOfTheProjectIsTheWrongIssuer)
{
    startSigning("es256");
    const AuthResponse guest = await(client->startAnonymousSession());
    QUrl other = emulator.url();
    other.setHost(QStringLiteral("localhost")); // the same emulator, another name
    const auto e = awaitError<ClaimsError>(makeClient(other)->getClaims(guest.session.accessToken));
    ASSERT_TRUE(e);
    EXPECT_EQ(e->kind(), ClaimsError::Kind::WrongIssuer);
}

TEST_F(GetClaims, AnHs256ProjectIsAskedThroughGetUser)
{
    startSigning("hs256");
    const AuthResponse guest = await(client->startAnonymousSession());
    EXPECT_EQ(tokenPart(guest.session.accessToken, 0).value(u"alg").toString(),
              QStringLiteral("HS256"));
    EXPECT_EQ(await(client->getClaims(guest.session.accessToken)).subject, guest.user().id);
    EXPECT_EQ(count(kUser), 1);
    EXPECT_EQ(count(kJwks), 0);

    // The server refuses a forged one; its answer is the error.
    const auto e = awaitError<AuthApiError>(client->getClaims(tampered(
        guest.session.accessToken, QStringLiteral("role"), QStringLiteral("service_role"))));
    ASSERT_TRUE(e);
    EXPECT_EQ(e->errorCode(), QStringLiteral("bad_jwt"));
}
