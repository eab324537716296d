#pragma once

// Local verification of a Supabase access token (docs/wire.md "JWT signing
// keys / getClaims"): the JWS signature with a key of the project's JWKS
// (ES256 on P-256, RS256 on RSA, through OpenSSL's libcrypto), then the
// time, issuer and audience claims. Pure: no network, no clock of its own.
// Every refusal is a ClaimsError with its Kind.

#include <exegia/auth/Claims.h>

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringView>

#include <openssl/types.h>

#include <memory>
#include <optional>

namespace exegia::auth::detail {

// One verifying key of a JWKS.
struct PublicKey
{
    QString kid;
    QString alg; // "ES256" (EC P-256) or "RS256" (RSA): the only algorithm it verifies
    std::shared_ptr<EVP_PKEY> key;
};

// A compact JWS split and decoded; nothing verified yet.
struct SignedToken
{
    QJsonObject header;
    QJsonObject payload;
    QByteArray signingInput; // "<header>.<payload>" exactly as sent
    QByteArray signature;    // decoded

    QString alg() const { return header.value(u"alg").toString(); }
    QString kid() const { return header.value(u"kid").toString(); }
};

class TokenVerifier
{
public:
    // exp, nbf and iat are checked with this much leeway for clock skew.
    static constexpr qint64 kSkewSeconds = 30;

    // Throws ClaimsError(Malformed) unless `token` is three base64url parts
    // whose first two are JSON objects.
    static SignedToken split(QStringView token);

    // The usable keys of a JWKS document ({"keys": [...]}): EC P-256 and
    // RSA (2048 bits or more) keys meant for signatures. Others are skipped.
    static QList<PublicKey> keysFromJwks(const QJsonObject &jwks);
    static std::optional<PublicKey> keyFromJwk(const QJsonObject &jwk);

    // Throws ClaimsError: UnsupportedAlgorithm when the token's alg is not
    // the key's (never "none", never HS* with a public key), BadSignature
    // when the signature does not verify.
    static void verifySignature(const SignedToken &token, const PublicKey &key);

    // The typed claims after checking exp/nbf/iat against `now` (with
    // kSkewSeconds), iss == `issuer` and "authenticated" in aud. Throws
    // ClaimsError (Malformed, Expired, NotYetValid, WrongIssuer, WrongAudience).
    static Claims checkClaims(const QJsonObject &payload, const QString &issuer,
                              const QDateTime &now);
};

} // namespace exegia::auth::detail
