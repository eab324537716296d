#include "detail/TokenVerifier.h"

#include <exegia/auth/Errors.h>

#include "detail/Jwt.h"
#include "detail/Wire.h"

#include <QJsonArray>

#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/ec.h>
#include <openssl/evp.h>
#include <openssl/param_build.h>

using namespace Qt::StringLiterals;

namespace exegia::auth::detail {

namespace {

using Kind = ClaimsError::Kind;

template <typename T, void (*Free)(T *)> struct Deleter
{
    void operator()(T *p) const { Free(p); }
};
template <typename T, void (*Free)(T *)> using Owned = std::unique_ptr<T, Deleter<T, Free>>;
using Bignum = Owned<BIGNUM, BN_free>;
using ParamBuilder = Owned<OSSL_PARAM_BLD, OSSL_PARAM_BLD_free>;
using Params = Owned<OSSL_PARAM, OSSL_PARAM_free>;
using KeyContext = Owned<EVP_PKEY_CTX, EVP_PKEY_CTX_free>;
using DigestContext = Owned<EVP_MD_CTX, EVP_MD_CTX_free>;
using EcdsaSignature = Owned<ECDSA_SIG, ECDSA_SIG_free>;

constexpr int kP256CoordinateBytes = 32;
constexpr int kMinRsaBits = 2048;

QByteArray member(const QJsonObject &jwk, QLatin1StringView name)
{
    return Jwt::fromBase64Url(jwk.value(name).toString().toLatin1()).value_or(QByteArray());
}

// Builds a public key of `type` ("EC", "RSA") from the parameters in `build`.
std::shared_ptr<EVP_PKEY> publicKey(const char *type, OSSL_PARAM_BLD *build)
{
    const Params params(OSSL_PARAM_BLD_to_param(build));
    const KeyContext ctx(EVP_PKEY_CTX_new_from_name(nullptr, type, nullptr));
    EVP_PKEY *key = nullptr;
    if (!params || !ctx || EVP_PKEY_fromdata_init(ctx.get()) != 1 ||
        EVP_PKEY_fromdata(ctx.get(), &key, EVP_PKEY_PUBLIC_KEY, params.get()) != 1)
        return nullptr;
    std::shared_ptr<EVP_PKEY> owned(key, EVP_PKEY_free);
    const KeyContext check(EVP_PKEY_CTX_new_from_pkey(nullptr, key, nullptr));
    if (!check || EVP_PKEY_public_check(check.get()) != 1)
        return nullptr; // e.g. a point that is not on the curve
    return owned;
}

std::shared_ptr<EVP_PKEY> ecKey(const QJsonObject &jwk)
{
    const QByteArray x = member(jwk, "x"_L1);
    const QByteArray y = member(jwk, "y"_L1);
    if (jwk.value(u"crv").toString() != u"P-256" || x.size() != kP256CoordinateBytes ||
        y.size() != kP256CoordinateBytes)
        return nullptr;
    const QByteArray point = QByteArray(1, '\x04') + x + y; // uncompressed (SEC 1)
    const ParamBuilder build(OSSL_PARAM_BLD_new());
    if (!build ||
        OSSL_PARAM_BLD_push_utf8_string(build.get(), OSSL_PKEY_PARAM_GROUP_NAME,
                                        SN_X9_62_prime256v1, 0) != 1 ||
        OSSL_PARAM_BLD_push_octet_string(build.get(), OSSL_PKEY_PARAM_PUB_KEY, point.constData(),
                                         std::size_t(point.size())) != 1)
        return nullptr;
    return publicKey("EC", build.get());
}

Bignum bignum(const QByteArray &bigEndian)
{
    return Bignum(BN_bin2bn(reinterpret_cast<const unsigned char *>(bigEndian.constData()),
                            int(bigEndian.size()), nullptr));
}

std::shared_ptr<EVP_PKEY> rsaKey(const QJsonObject &jwk)
{
    const Bignum n = bignum(member(jwk, "n"_L1));
    const Bignum e = bignum(member(jwk, "e"_L1));
    const ParamBuilder build(OSSL_PARAM_BLD_new());
    if (!n || !e || BN_is_zero(e.get()) || !build ||
        OSSL_PARAM_BLD_push_BN(build.get(), OSSL_PKEY_PARAM_RSA_N, n.get()) != 1 ||
        OSSL_PARAM_BLD_push_BN(build.get(), OSSL_PKEY_PARAM_RSA_E, e.get()) != 1)
        return nullptr;
    std::shared_ptr<EVP_PKEY> key = publicKey("RSA", build.get());
    return key && EVP_PKEY_get_bits(key.get()) >= kMinRsaBits ? key : nullptr;
}

// JWS ES256 signatures are r || s; OpenSSL verifies the DER ECDSA-Sig-Value.
std::optional<QByteArray> ecdsaDer(const QByteArray &raw)
{
    if (raw.size() != 2 * kP256CoordinateBytes)
        return std::nullopt;
    const EcdsaSignature sig(ECDSA_SIG_new());
    Bignum r = bignum(raw.left(kP256CoordinateBytes));
    Bignum s = bignum(raw.mid(kP256CoordinateBytes));
    if (!sig || !r || !s || ECDSA_SIG_set0(sig.get(), r.get(), s.get()) != 1)
        return std::nullopt;
    r.release(); // owned by sig now
    s.release();
    unsigned char *der = nullptr;
    const int length = i2d_ECDSA_SIG(sig.get(), &der);
    if (length <= 0)
        return std::nullopt;
    QByteArray out(reinterpret_cast<const char *>(der), length);
    OPENSSL_free(der);
    return out;
}

bool verifySha256(EVP_PKEY *key, const QByteArray &input, const QByteArray &signature)
{
    const DigestContext ctx(EVP_MD_CTX_new());
    return ctx && EVP_DigestVerifyInit(ctx.get(), nullptr, EVP_sha256(), nullptr, key) == 1 &&
           EVP_DigestVerify(ctx.get(),
                            reinterpret_cast<const unsigned char *>(signature.constData()),
                            std::size_t(signature.size()),
                            reinterpret_cast<const unsigned char *>(input.constData()),
                            std::size_t(input.size())) == 1;
}

} // namespace

SignedToken TokenVerifier::split(QStringView token)
{
    const QByteArray ascii = token.toLatin1();
    const QList<QByteArray> parts = ascii.split('.');
    if (parts.size() != 3 || token.size() != ascii.size())
        throw ClaimsError(Kind::Malformed, u"not a compact JWS"_s);
    const std::optional<QJsonObject> header = Jwt::jsonObject(Jwt::fromBase64Url(parts[0]));
    const std::optional<QJsonObject> payload = Jwt::jsonObject(Jwt::fromBase64Url(parts[1]));
    const std::optional<QByteArray> signature = Jwt::fromBase64Url(parts[2]);
    if (!header || !payload || !signature)
        throw ClaimsError(Kind::Malformed, u"a part of the token is not base64url JSON"_s);
    return {*header, *payload, parts[0] + '.' + parts[1], *signature};
}

std::optional<PublicKey> TokenVerifier::keyFromJwk(const QJsonObject &jwk)
{
    const QString kty = jwk.value(u"kty").toString();
    const QString use = jwk.value(u"use").toString();
    if (!use.isEmpty() && use != u"sig")
        return std::nullopt;
    PublicKey key{jwk.value(u"kid").toString(), {}, nullptr};
    if (kty == u"EC") {
        key.alg = wire::kAlgEs256;
        key.key = ecKey(jwk);
    } else if (kty == u"RSA") {
        key.alg = wire::kAlgRs256;
        key.key = rsaKey(jwk);
    }
    const QString declared = jwk.value(u"alg").toString();
    if (!key.key || (!declared.isEmpty() && declared != key.alg))
        return std::nullopt;
    return key;
}

QList<PublicKey> TokenVerifier::keysFromJwks(const QJsonObject &jwks)
{
    QList<PublicKey> out;
    for (const QJsonValue &jwk : jwks.value(u"keys").toArray()) {
        if (std::optional<PublicKey> key = keyFromJwk(jwk.toObject()))
            out.append(std::move(*key));
    }
    return out;
}

void TokenVerifier::verifySignature(const SignedToken &token, const PublicKey &key)
{
    // The key decides the algorithm; the token's alg must only agree.
    if (token.alg() != key.alg)
        throw ClaimsError(Kind::UnsupportedAlgorithm,
                          u"the token's alg is not its key's (%1)"_s.arg(key.alg));
    std::optional<QByteArray> signature = token.signature;
    if (key.alg == wire::kAlgEs256)
        signature = ecdsaDer(token.signature);
    if (!signature || !verifySha256(key.key.get(), token.signingInput, *signature))
        throw ClaimsError(Kind::BadSignature, u"the signature does not verify"_s);
}

Claims TokenVerifier::checkClaims(const QJsonObject &payload, const QString &issuer,
                                  const QDateTime &now)
{
    QString why;
    const std::optional<Claims> claims = Claims::fromPayload(payload, &why);
    if (!claims)
        throw ClaimsError(Kind::Malformed, why);
    const qint64 t = now.toSecsSinceEpoch();
    if (t > claims->expiresAt.toSecsSinceEpoch() + kSkewSeconds)
        throw ClaimsError(Kind::Expired, u"the token has expired"_s);
    const bool early =
        claims->notBefore.isValid() && claims->notBefore.toSecsSinceEpoch() > t + kSkewSeconds;
    if (early ||
        (claims->issuedAt.isValid() && claims->issuedAt.toSecsSinceEpoch() > t + kSkewSeconds))
        throw ClaimsError(Kind::NotYetValid, u"the token is not valid yet"_s);
    if (claims->issuer != issuer)
        throw ClaimsError(Kind::WrongIssuer, u"the token was issued by another server"_s);
    if (!claims->audience.contains(wire::kAudienceAuthenticated))
        throw ClaimsError(Kind::WrongAudience, u"the token is not for signed-in users"_s);
    return *claims;
}

} // namespace exegia::auth::detail
