// getClaims' local verification (detail::TokenVerifier) with keys made here
// by the emulator's OpenSSL code, an independent signer; and the JWKS
// cache's rules through a real AuthClient over loopback (RecordingServer).
#include <exegia/auth/AuthClient.h>
#include <exegia/auth/Errors.h>

#include "Await.h"
#include "Crypto.h"
#include "Jwt.h"
#include "RecordingServer.h"
#include "detail/JwksCache.h"
#include "detail/TokenVerifier.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>

#include <gtest/gtest.h>

using namespace exegia::auth;
using exegia::auth::detail::JwksCache;
using exegia::auth::detail::PublicKey;
using exegia::auth::detail::TokenVerifier;
using exegia::test::await;
using exegia::test::awaitError;
using exegia::test::CannedResponse;
using exegia::test::RecordedRequest;
using exegia::test::RecordingServer;
namespace crypto = exegia::emulator::crypto;
namespace jwt = exegia::emulator::jwt;

namespace {

const QString kIssuer = QStringLiteral("http://127.0.0.1:1/auth/v1");
const QString kUserId = QStringLiteral("4f1c0f7e-4a6e-4b8e-9d2e-2f1e7d4c9a11");

QByteArray b64(const QByteArray &data)
{
    return data.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

QByteArray part(const QJsonObject &o)
{
    return b64(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

qint64 now()
{
    return QDateTime::currentSecsSinceEpoch();
}

QJsonObject payload(const QString &issuer = kIssuer)
{
    return {{"sub", kUserId},
            {"aud", "authenticated"},
            {"role", "authenticated"},
            {"iss", issuer},
            {"email", "ada@example.com"},
            {"phone", ""},
            {"session_id", "5b1c0f7e-0000-4b8e-9d2e-2f1e7d4c9a11"},
            {"aal", "aal1"},
            {"amr", QJsonArray{QJsonObject{{"method", "otp"}, {"timestamp", now() - 5}}}},
            {"is_anonymous", false},
            {"iat", now() - 5},
            {"exp", now() + 3600}};
}

// A signing key as a project has one: the pair, its kid and its JWK.
struct TestKey
{
    explicit TestKey(bool ec, int rsaBits = 2048)
        : pair(ec ? crypto::KeyPair::generateP256() : crypto::KeyPair::generate(rsaBits))
        , kid(pair.keyId())
    {}

    QJsonObject jwk() const
    {
        QJsonObject out{{"kid", kid}, {"use", "sig"}};
        if (pair.isEc()) {
            out.insert("kty", "EC");
            out.insert("crv", "P-256");
            out.insert("alg", "ES256");
            out.insert("x", QString::fromLatin1(b64(pair.ecX())));
            out.insert("y", QString::fromLatin1(b64(pair.ecY())));
        } else {
            out.insert("kty", "RSA");
            out.insert("alg", "RS256");
            out.insert("n", QString::fromLatin1(b64(pair.modulus())));
            out.insert("e", QString::fromLatin1(b64(pair.exponent())));
        }
        return out;
    }
    PublicKey key() const { return *TokenVerifier::keyFromJwk(jwk()); }
    QString sign(const QJsonObject &claims) const
    {
        return QString::fromLatin1(jwt::signWithKey(claims, pair, kid));
    }

    crypto::KeyPair pair;
    QString kid;
};

// The signed token with its payload replaced (signature kept).
QString tampered(const QString &token, const QJsonObject &claims)
{
    QStringList parts = token.split(u'.');
    parts[1] = QString::fromLatin1(part(claims));
    return parts.join(u'.');
}

QString withHeader(const QString &token, const QJsonObject &header)
{
    QStringList parts = token.split(u'.');
    parts[0] = QString::fromLatin1(part(header));
    return parts.join(u'.');
}

ClaimsError::Kind refusal(const QString &token, const PublicKey &key,
                          const QDateTime &at = QDateTime::currentDateTimeUtc())
{
    try {
        const auto parts = TokenVerifier::split(token);
        TokenVerifier::verifySignature(parts, key);
        TokenVerifier::checkClaims(parts.payload, kIssuer, at);
    } catch (const ClaimsError &e) {
        return e.kind();
    }
    ADD_FAILURE() << "accepted";
    return ClaimsError::Kind::Malformed;
}

const TestKey &ecKey()
{
    static const TestKey key(true);
    return key;
}

const TestKey &rsaKey()
{
    static const TestKey key(false);
    return key;
}

} // namespace

TEST(TokenVerifier, AnEs256TokenGivesEveryTypedClaim)
{
    const QJsonObject claims = payload();
    const auto parts = TokenVerifier::split(ecKey().sign(claims));
    ASSERT_NO_THROW(TokenVerifier::verifySignature(parts, ecKey().key()));
    const Claims c =
        TokenVerifier::checkClaims(parts.payload, kIssuer, QDateTime::currentDateTimeUtc());
    EXPECT_EQ(c.subject, kUserId);
    EXPECT_EQ(c.email, QStringLiteral("ada@example.com"));
    EXPECT_EQ(c.role, QStringLiteral("authenticated"));
    EXPECT_EQ(c.aal, AssuranceLevel::Aal1);
    ASSERT_EQ(c.amr.size(), 1);
    EXPECT_EQ(c.amr[0].method, QStringLiteral("otp"));
    EXPECT_EQ(c.sessionId, claims.value(u"session_id").toString());
    EXPECT_FALSE(c.isAnonymous);
    EXPECT_EQ(c.expiresAt.toSecsSinceEpoch(), claims.value(u"exp").toInteger());
}

TEST(TokenVerifier, AnRs256TokenVerifies)
{
    const auto parts = TokenVerifier::split(rsaKey().sign(payload()));
    EXPECT_NO_THROW(TokenVerifier::verifySignature(parts, rsaKey().key()));
}

TEST(TokenVerifier, ATamperedPayloadOrAnotherKeysSignatureIsRefused)
{
    QJsonObject changed = payload();
    changed.insert("role", "service_role");
    EXPECT_EQ(refusal(tampered(ecKey().sign(payload()), changed), ecKey().key()),
              ClaimsError::Kind::BadSignature);
    EXPECT_EQ(refusal(tampered(rsaKey().sign(payload()), changed), rsaKey().key()),
              ClaimsError::Kind::BadSignature);
    const TestKey other(true);
    EXPECT_EQ(refusal(other.sign(payload()), ecKey().key()), ClaimsError::Kind::BadSignature);
    // A DER signature where JWS wants r || s.
    QStringList parts = ecKey().sign(payload()).split(u'.');
    parts[2] = QStringLiteral("MEUCIQ");
    EXPECT_EQ(refusal(parts.join(u'.'), ecKey().key()), ClaimsError::Kind::BadSignature);
}

TEST(TokenVerifier, TheKeyDecidesTheAlgorithm)
{
    const QString token = ecKey().sign(payload());
    for (const char *alg : {"none", "HS256", "RS256", "ES384"}) {
        const QString forged =
            withHeader(token, QJsonObject{{"alg", alg}, {"kid", ecKey().kid}, {"typ", "JWT"}});
        EXPECT_EQ(refusal(forged, ecKey().key()), ClaimsError::Kind::UnsupportedAlgorithm) << alg;
    }
    const QString rsa =
        withHeader(rsaKey().sign(payload()), QJsonObject{{"alg", "ES256"}, {"kid", rsaKey().kid}});
    EXPECT_EQ(refusal(rsa, rsaKey().key()), ClaimsError::Kind::UnsupportedAlgorithm);
}

TEST(TokenVerifier, TimesAreCheckedWithThirtySecondsOfSkew)
{
    const QDateTime t = QDateTime::currentDateTimeUtc();
    QJsonObject claims = payload();
    claims.insert("exp", t.toSecsSinceEpoch() - 31);
    EXPECT_EQ(refusal(ecKey().sign(claims), ecKey().key(), t), ClaimsError::Kind::Expired);
    claims.insert("exp", t.toSecsSinceEpoch() - 29);
    const auto late = TokenVerifier::split(ecKey().sign(claims));
    EXPECT_NO_THROW(TokenVerifier::checkClaims(late.payload, kIssuer, t));

    claims = payload();
    claims.insert("nbf", t.toSecsSinceEpoch() + 31);
    EXPECT_EQ(refusal(ecKey().sign(claims), ecKey().key(), t), ClaimsError::Kind::NotYetValid);
    claims = payload();
    claims.insert("iat", t.toSecsSinceEpoch() + 31);
    EXPECT_EQ(refusal(ecKey().sign(claims), ecKey().key(), t), ClaimsError::Kind::NotYetValid);
    claims.insert("iat", t.toSecsSinceEpoch() + 29);
    const auto early = TokenVerifier::split(ecKey().sign(claims));
    EXPECT_NO_THROW(TokenVerifier::checkClaims(early.payload, kIssuer, t));
}

TEST(TokenVerifier, IssuerAndAudienceMustBeTheProjects)
{
    EXPECT_EQ(
        refusal(ecKey().sign(payload(QStringLiteral("http://127.0.0.1:2/auth/v1"))), ecKey().key()),
        ClaimsError::Kind::WrongIssuer);
    QJsonObject claims = payload();
    claims.insert("aud", "anon");
    EXPECT_EQ(refusal(ecKey().sign(claims), ecKey().key()), ClaimsError::Kind::WrongAudience);
    claims.insert("aud", QJsonArray{"other", "authenticated"});
    const auto both = TokenVerifier::split(ecKey().sign(claims));
    EXPECT_NO_THROW(
        TokenVerifier::checkClaims(both.payload, kIssuer, QDateTime::currentDateTimeUtc()));
}

TEST(TokenVerifier, WhatIsNotAJwsIsMalformed)
{
    for (const char *token :
         {"", "a.b", "a.b.c.d", "e30.e30.%%%", "e30.bm90IGpzb24.AA", "e30=.e30.AA"}) {
        EXPECT_THROW(TokenVerifier::split(QString::fromLatin1(token)), ClaimsError) << token;
    }
    QJsonObject claims = payload();
    claims.remove("sub");
    EXPECT_EQ(refusal(ecKey().sign(claims), ecKey().key()), ClaimsError::Kind::Malformed);
}

TEST(TokenVerifier, OnlyUsableSigningKeysAreRead)
{
    QJsonObject offCurve = ecKey().jwk();
    offCurve.insert("y", offCurve.value(u"x"));
    EXPECT_FALSE(TokenVerifier::keyFromJwk(offCurve));
    QJsonObject encryption = ecKey().jwk();
    encryption.insert("use", "enc");
    EXPECT_FALSE(TokenVerifier::keyFromJwk(encryption));
    QJsonObject mislabelled = rsaKey().jwk();
    mislabelled.insert("alg", "ES256");
    EXPECT_FALSE(TokenVerifier::keyFromJwk(mislabelled));
    EXPECT_FALSE(TokenVerifier::keyFromJwk(TestKey(false, 1024).jwk())); // too short
    const QJsonObject jwks{{"keys", QJsonArray{ecKey().jwk(), offCurve, rsaKey().jwk(),
                                               QJsonObject{{"kty", "oct"}, {"k", "c2VjcmV0"}}}}};
    EXPECT_EQ(TokenVerifier::keysFromJwks(jwks).size(), 2);
}

TEST(JwksCache, CacheControlIsHonouredAndBounded)
{
    using std::chrono::seconds;
    EXPECT_EQ(JwksCache::lifetime("public, max-age=600"), seconds(600));
    EXPECT_EQ(JwksCache::lifetime("max-age=60"), seconds(60));
    EXPECT_EQ(JwksCache::lifetime("max-age=86400"), seconds(600));
    EXPECT_EQ(JwksCache::lifetime("max-age=-5"), seconds(0));
    EXPECT_EQ(JwksCache::lifetime("max-age=abc"), seconds(0));
    EXPECT_EQ(JwksCache::lifetime("no-store"), seconds(0));
    EXPECT_EQ(JwksCache::lifetime("max-age=600, No-Cache"), seconds(0));
    EXPECT_EQ(JwksCache::lifetime(""), seconds(600));
}

namespace {

// A project on loopback: GET jwks.json answers `jwks` with `cacheControl`,
// GET /user answers `userStatus`.
class ClaimsClient : public ::testing::Test
{
protected:
    ClaimsClient()
    {
        server.handler = [this](const RecordedRequest &r, RecordingServer::Respond respond) {
            if (r.path.endsWith(u"/.well-known/jwks.json")) {
                QList<QPair<QByteArray, QByteArray>> headers;
                if (!cacheControl.isEmpty())
                    headers.append({"Cache-Control", cacheControl});
                respond(CannedResponse::json(
                    200, QJsonDocument(QJsonObject{{"keys", jwks}}).toJson(), headers));
            } else if (r.path == u"/auth/v1/user") {
                respond(CannedResponse::json(
                    userStatus,
                    userStatus == 200
                        ? R"({"id":"4f1c0f7e-4a6e-4b8e-9d2e-2f1e7d4c9a11","aud":"authenticated"})"
                        : R"({"code":"bad_jwt","message":"invalid JWT"})"));
            } else {
                respond(CannedResponse::json(404, "{}"));
            }
        };
        ClientConfig config;
        config.projectUrl = server.url();
        config.publishableKey = QStringLiteral("sb_publishable_test");
        client = std::make_unique<AuthClient>(config);
        issuer = server.url().toString() + QStringLiteral("/auth/v1");
    }

    int count(const QString &pathEnd) const
    {
        int n = 0;
        for (const RecordedRequest &r : server.requests)
            n += r.path.endsWith(pathEnd) ? 1 : 0;
        return n;
    }
    int jwksFetches() const { return count(QStringLiteral("/.well-known/jwks.json")); }
    int userRequests() const { return count(QStringLiteral("/auth/v1/user")); }

    RecordingServer server;
    QJsonArray jwks{ecKey().jwk()};
    QByteArray cacheControl = "public, max-age=600";
    int userStatus = 200;
    QString issuer;
    std::unique_ptr<AuthClient> client;
};

} // namespace

TEST_F(ClaimsClient, ConcurrentCallsShareOneFetchAndTheCacheIsUsed)
{
    const QString token = ecKey().sign(payload(issuer));
    QList<QFuture<Claims>> calls;
    for (int i = 0; i < 3; ++i)
        calls.append(client->getClaims(token));
    for (const auto &call : calls)
        EXPECT_EQ(await(call).subject, kUserId);
    EXPECT_EQ(await(client->getClaims(token)).subject, kUserId);
    EXPECT_EQ(jwksFetches(), 1);
    EXPECT_EQ(userRequests(), 0);
    for (const RecordedRequest &r : server.requests)
        EXPECT_EQ(r.header("apikey"), "sb_publishable_test");
}

TEST_F(ClaimsClient, NoStoreMeansEveryCallFetches)
{
    cacheControl = "no-store";
    const QString token = ecKey().sign(payload(issuer));
    await(client->getClaims(token));
    await(client->getClaims(token));
    EXPECT_EQ(jwksFetches(), 2);
}

TEST_F(ClaimsClient, AnUnknownKidFetchesOnceThenWaits)
{
    const QString token = ecKey().sign(payload(issuer));
    await(client->getClaims(token));
    ASSERT_EQ(jwksFetches(), 1);
    // A rotation: the new key is published; its first token makes one fetch.
    const TestKey next(true);
    jwks.prepend(next.jwk());
    EXPECT_EQ(await(client->getClaims(next.sign(payload(issuer)))).subject, kUserId);
    EXPECT_EQ(jwksFetches(), 2);
    // Kids nobody published: no new fetch within the interval.
    for (int i = 0; i < 3; ++i) {
        const TestKey stranger(true);
        const auto e = awaitError<ClaimsError>(client->getClaims(stranger.sign(payload(issuer))));
        ASSERT_TRUE(e);
        EXPECT_EQ(e->kind(), ClaimsError::Kind::UnknownKey);
    }
    EXPECT_EQ(jwksFetches(), 2);
    EXPECT_EQ(userRequests(), 0);
}

TEST_F(ClaimsClient, Hs256TokensAndAnEmptyJwksAskTheServer)
{
    jwks = {};
    const QString hs = QString::fromLatin1(jwt::signHs256(payload(issuer), "secret"));
    EXPECT_EQ(await(client->getClaims(hs)).subject, kUserId);
    EXPECT_EQ(jwksFetches(), 0);
    EXPECT_EQ(userRequests(), 1);
    EXPECT_EQ(server.requests.last().header("Authorization"), "Bearer " + hs.toLatin1());

    // An ES256 token, but the project publishes no usable key.
    EXPECT_EQ(await(client->getClaims(ecKey().sign(payload(issuer)))).subject, kUserId);
    EXPECT_EQ(userRequests(), 2);

    userStatus = 401; // the server refuses: its error, not claims
    EXPECT_TRUE(awaitError<AuthApiError>(client->getClaims(hs)));
    // A token that is already expired is refused without asking.
    QJsonObject expired = payload(issuer);
    expired.insert("exp", now() - 3600);
    const auto e = awaitError<ClaimsError>(
        client->getClaims(QString::fromLatin1(jwt::signHs256(expired, "secret"))));
    ASSERT_TRUE(e);
    EXPECT_EQ(e->kind(), ClaimsError::Kind::Expired);
    EXPECT_EQ(userRequests(), 3);
}

TEST_F(ClaimsClient, ATamperedTokenIsRefusedWithoutAskingTheServer)
{
    QJsonObject changed = payload(issuer);
    changed.insert("role", "service_role");
    const auto e = awaitError<ClaimsError>(
        client->getClaims(tampered(ecKey().sign(payload(issuer)), changed)));
    ASSERT_TRUE(e);
    EXPECT_EQ(e->kind(), ClaimsError::Kind::BadSignature);
    EXPECT_EQ(userRequests(), 0);
    const auto none = awaitError<ClaimsError>(client->getClaims(withHeader(
        ecKey().sign(payload(issuer)), QJsonObject{{"alg", "none"}, {"kid", ecKey().kid}})));
    ASSERT_TRUE(none);
    EXPECT_EQ(none->kind(), ClaimsError::Kind::UnsupportedAlgorithm);
    // Without a kid either: refused here, not handed to the server.
    const auto bare = awaitError<ClaimsError>(
        client->getClaims(withHeader(ecKey().sign(payload(issuer)), QJsonObject{{"alg", "none"}})));
    ASSERT_TRUE(bare);
    EXPECT_EQ(bare->kind(), ClaimsError::Kind::UnsupportedAlgorithm);
    EXPECT_EQ(userRequests(), 0);
    EXPECT_EQ(jwksFetches(), 1); // the first token's, none since
}
