// Encoding, hashing, PKCE and JWT helpers for the emulator tests (HS256 with
// Qt, RS256 verification against a JWKS with OpenSSL 3).
#include "EmulatorFixture.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QJsonDocument>
#include <QMessageAuthenticationCode>
#include <QRandomGenerator>
#include <QRegularExpression>

#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/ec.h>
#include <openssl/evp.h>
#include <openssl/param_build.h>

#include <atomic>

namespace exegia::test {

// ---- encoding, hashing, JWT -------------------------------------------------

QByteArray b64url(const QByteArray &raw)
{
    return raw.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

QByteArray b64urlDecode(const QByteArray &text)
{
    return QByteArray::fromBase64(text, QByteArray::Base64UrlEncoding);
}

QString sha256Hex(const QByteArray &data)
{
    return QString::fromLatin1(QCryptographicHash::hash(data, QCryptographicHash::Sha256).toHex());
}

QByteArray randomVerifier(int length)
{
    static const char alphabet[] =
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._~-";
    QByteArray out;
    out.reserve(length);
    for (int i = 0; i < length; ++i)
        out.append(alphabet[QRandomGenerator::system()->bounded(int(sizeof(alphabet) - 1))]);
    return out;
}

QByteArray pkceChallenge(const QByteArray &verifier)
{
    return b64url(QCryptographicHash::hash(verifier, QCryptographicHash::Sha256));
}

QString enc(const QString &s)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(s));
}

bool isUuid(const QString &s)
{
    static const QRegularExpression re(
        QStringLiteral("^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"),
        QRegularExpression::CaseInsensitiveOption);
    return re.match(s).hasMatch();
}

QString uniqueEmail(const QString &tag)
{
    static std::atomic<int> counter{0};
    return QStringLiteral("%1-%2-%3@example.com")
        .arg(tag)
        .arg(++counter)
        .arg(QRandomGenerator::global()->generate() % 1000000);
}

qint64 nowSecs()
{
    return QDateTime::currentSecsSinceEpoch();
}

QJsonObject jwtPart(const QString &jwt, int index)
{
    const QStringList parts = jwt.split(QLatin1Char('.'));
    if (parts.size() != 3 || index < 0 || index > 1)
        return {};
    return QJsonDocument::fromJson(b64urlDecode(parts[index].toLatin1())).object();
}

bool verifyHs256(const QString &jwt, const QByteArray &secret)
{
    const QStringList parts = jwt.split(QLatin1Char('.'));
    if (parts.size() != 3)
        return false;
    const QByteArray signingInput = (parts[0] + QLatin1Char('.') + parts[1]).toLatin1();
    const QByteArray mac =
        QMessageAuthenticationCode::hash(signingInput, secret, QCryptographicHash::Sha256);
    return b64url(mac) == parts[2].toLatin1();
}

QString signHs256(const QJsonObject &payload, const QByteArray &secret, const QJsonObject &header)
{
    QJsonObject h = header;
    if (h.isEmpty())
        h = QJsonObject{{"alg", "HS256"}, {"typ", "JWT"}};
    const QByteArray input = b64url(QJsonDocument(h).toJson(QJsonDocument::Compact)) + '.' +
                             b64url(QJsonDocument(payload).toJson(QJsonDocument::Compact));
    const QByteArray mac =
        QMessageAuthenticationCode::hash(input, secret, QCryptographicHash::Sha256);
    return QString::fromLatin1(input + '.' + b64url(mac));
}

namespace {
EVP_PKEY *rsaPublicKey(const QByteArray &n, const QByteArray &e)
{
    BIGNUM *bn =
        BN_bin2bn(reinterpret_cast<const unsigned char *>(n.constData()), int(n.size()), nullptr);
    BIGNUM *be =
        BN_bin2bn(reinterpret_cast<const unsigned char *>(e.constData()), int(e.size()), nullptr);
    OSSL_PARAM_BLD *bld = OSSL_PARAM_BLD_new();
    EVP_PKEY *pkey = nullptr;
    if (bn && be && bld && OSSL_PARAM_BLD_push_BN(bld, OSSL_PKEY_PARAM_RSA_N, bn) &&
        OSSL_PARAM_BLD_push_BN(bld, OSSL_PKEY_PARAM_RSA_E, be)) {
        OSSL_PARAM *params = OSSL_PARAM_BLD_to_param(bld);
        EVP_PKEY_CTX *ctx = EVP_PKEY_CTX_new_from_name(nullptr, "RSA", nullptr);
        if (params && ctx && EVP_PKEY_fromdata_init(ctx) > 0)
            EVP_PKEY_fromdata(ctx, &pkey, EVP_PKEY_PUBLIC_KEY, params);
        EVP_PKEY_CTX_free(ctx);
        OSSL_PARAM_free(params);
    }
    OSSL_PARAM_BLD_free(bld);
    BN_free(bn);
    BN_free(be);
    return pkey;
}
} // namespace

bool verifyRs256(const QString &jwt, const QJsonObject &jwks, QString *why)
{
    auto fail = [&](const QString &w) {
        if (why)
            *why = w;
        return false;
    };
    const QStringList parts = jwt.split(QLatin1Char('.'));
    if (parts.size() != 3)
        return fail(QStringLiteral("not three parts"));
    const QJsonObject header = jwtPart(jwt, 0);
    if (header.value(u"alg").toString() != QLatin1String("RS256"))
        return fail(QStringLiteral("alg is not RS256"));
    const QString kid = header.value(u"kid").toString();
    if (kid.isEmpty())
        return fail(QStringLiteral("no kid in the header"));
    QJsonObject key;
    for (const auto &k : jwks.value(u"keys").toArray()) {
        if (k.toObject().value(u"kid").toString() == kid)
            key = k.toObject();
    }
    if (key.isEmpty())
        return fail(QStringLiteral("kid %1 not in the JWKS").arg(kid));
    EVP_PKEY *pkey = rsaPublicKey(b64urlDecode(key.value(u"n").toString().toLatin1()),
                                  b64urlDecode(key.value(u"e").toString().toLatin1()));
    if (!pkey)
        return fail(QStringLiteral("JWK is not a usable RSA key"));
    const QByteArray input = (parts[0] + QLatin1Char('.') + parts[1]).toLatin1();
    const QByteArray sig = b64urlDecode(parts[2].toLatin1());
    EVP_MD_CTX *md = EVP_MD_CTX_new();
    const bool ok = md && EVP_DigestVerifyInit(md, nullptr, EVP_sha256(), nullptr, pkey) == 1 &&
                    EVP_DigestVerify(md, reinterpret_cast<const unsigned char *>(sig.constData()),
                                     size_t(sig.size()),
                                     reinterpret_cast<const unsigned char *>(input.constData()),
                                     size_t(input.size())) == 1;
    EVP_MD_CTX_free(md);
    EVP_PKEY_free(pkey);
    return ok ? true : fail(QStringLiteral("signature does not verify"));
}

namespace {
EVP_PKEY *p256PublicKey(const QByteArray &x, const QByteArray &y)
{
    const QByteArray point = QByteArray(1, '\x04') + x + y; // uncompressed
    OSSL_PARAM params[] = {OSSL_PARAM_construct_utf8_string(OSSL_PKEY_PARAM_GROUP_NAME,
                                                            const_cast<char *>("prime256v1"), 0),
                           OSSL_PARAM_construct_octet_string(OSSL_PKEY_PARAM_PUB_KEY,
                                                             const_cast<char *>(point.constData()),
                                                             size_t(point.size())),
                           OSSL_PARAM_construct_end()};
    EVP_PKEY *pkey = nullptr;
    EVP_PKEY_CTX *ctx = EVP_PKEY_CTX_new_from_name(nullptr, "EC", nullptr);
    if (ctx && EVP_PKEY_fromdata_init(ctx) > 0)
        EVP_PKEY_fromdata(ctx, &pkey, EVP_PKEY_PUBLIC_KEY, params);
    EVP_PKEY_CTX_free(ctx);
    return pkey;
}

// JWS r || s to the DER form OpenSSL verifies.
QByteArray jwsToDer(const QByteArray &raw)
{
    if (raw.size() != 64)
        return {};
    const auto *in = reinterpret_cast<const unsigned char *>(raw.constData());
    ECDSA_SIG *sig = ECDSA_SIG_new();
    ECDSA_SIG_set0(sig, BN_bin2bn(in, 32, nullptr), BN_bin2bn(in + 32, 32, nullptr));
    unsigned char *der = nullptr;
    const int len = i2d_ECDSA_SIG(sig, &der);
    QByteArray out = len > 0 ? QByteArray(reinterpret_cast<char *>(der), len) : QByteArray();
    OPENSSL_free(der);
    ECDSA_SIG_free(sig);
    return out;
}
} // namespace

bool verifyEs256(const QString &jwt, const QJsonObject &jwks, QString *why)
{
    auto fail = [&](const QString &w) {
        if (why)
            *why = w;
        return false;
    };
    const QStringList parts = jwt.split(QLatin1Char('.'));
    const QJsonObject header = jwtPart(jwt, 0);
    if (parts.size() != 3 || header.value(u"alg").toString() != QLatin1String("ES256"))
        return fail(QStringLiteral("not an ES256 JWT"));
    QJsonObject key;
    for (const auto &k : jwks.value(u"keys").toArray()) {
        if (k.toObject().value(u"kid").toString() == header.value(u"kid").toString())
            key = k.toObject();
    }
    if (key.value(u"kty").toString() != QLatin1String("EC") ||
        key.value(u"crv").toString() != QLatin1String("P-256"))
        return fail(QStringLiteral("kid not in the JWKS as a P-256 key"));
    EVP_PKEY *pkey = p256PublicKey(b64urlDecode(key.value(u"x").toString().toLatin1()),
                                   b64urlDecode(key.value(u"y").toString().toLatin1()));
    const QByteArray input = (parts[0] + QLatin1Char('.') + parts[1]).toLatin1();
    const QByteArray sig = jwsToDer(b64urlDecode(parts[2].toLatin1()));
    EVP_MD_CTX *md = EVP_MD_CTX_new();
    const bool ok = pkey && md && !sig.isEmpty() &&
                    EVP_DigestVerifyInit(md, nullptr, EVP_sha256(), nullptr, pkey) == 1 &&
                    EVP_DigestVerify(md, reinterpret_cast<const unsigned char *>(sig.constData()),
                                     size_t(sig.size()),
                                     reinterpret_cast<const unsigned char *>(input.constData()),
                                     size_t(input.size())) == 1;
    EVP_MD_CTX_free(md);
    EVP_PKEY_free(pkey);
    return ok ? true : fail(QStringLiteral("signature does not verify"));
}

} // namespace exegia::test
