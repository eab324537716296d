#include "Crypto.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

#include <openssl/bio.h>
#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/crypto.h>
#include <openssl/ec.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/pem.h>
#include <openssl/rand.h>
#include <openssl/rsa.h>

#include <stdexcept>

namespace exegia::emulator::crypto {

QByteArray randomBytes(int count)
{
    QByteArray out(count, Qt::Uninitialized);
    if (RAND_bytes(reinterpret_cast<unsigned char *>(out.data()), count) != 1)
        throw std::runtime_error("RAND_bytes failed");
    return out;
}

QByteArray randomToken(int bytes)
{
    return base64Url(randomBytes(bytes));
}

QString uuid()
{
    QByteArray b = randomBytes(16);
    b[6] = char((b[6] & 0x0f) | 0x40);
    b[8] = char((b[8] & 0x3f) | 0x80);
    const QByteArray hex = b.toHex();
    return QString::fromLatin1(hex.left(8) + '-' + hex.mid(8, 4) + '-' + hex.mid(12, 4) + '-' +
                               hex.mid(16, 4) + '-' + hex.mid(20));
}

QString sixDigitCode()
{
    // Rejection sampling keeps every code equally likely.
    for (;;) {
        const QByteArray b = randomBytes(4);
        quint32 v = 0;
        for (char c : b)
            v = (v << 8) | quint8(c);
        constexpr quint32 limit = 4294000000u; // a multiple of 1,000,000
        if (v < limit)
            return QStringLiteral("%1").arg(v % 1000000u, 6, 10, QLatin1Char('0'));
    }
}

QByteArray sha256(const QByteArray &data)
{
    unsigned char md[EVP_MAX_MD_SIZE];
    unsigned int len = 0;
    EVP_Digest(data.constData(), size_t(data.size()), md, &len, EVP_sha256(), nullptr);
    return QByteArray(reinterpret_cast<const char *>(md), int(len));
}

QByteArray sha256Hex(const QByteArray &data)
{
    return sha256(data).toHex();
}

QByteArray hmacSha256(const QByteArray &key, const QByteArray &data)
{
    unsigned char md[EVP_MAX_MD_SIZE];
    unsigned int len = 0;
    HMAC(EVP_sha256(), key.constData(), int(key.size()),
         reinterpret_cast<const unsigned char *>(data.constData()), size_t(data.size()), md, &len);
    return QByteArray(reinterpret_cast<const char *>(md), int(len));
}

bool constantTimeEquals(const QByteArray &a, const QByteArray &b)
{
    return a.size() == b.size() &&
           CRYPTO_memcmp(a.constData(), b.constData(), size_t(a.size())) == 0;
}

QByteArray base64Url(const QByteArray &data)
{
    return data.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

bool fromBase64Url(const QByteArray &text, QByteArray *out)
{
    // JWS (RFC 7515 section 2) uses base64url without padding; a padded
    // part is a different string for the same bytes, so it is refused.
    if (text.contains('='))
        return false;
    auto result = QByteArray::fromBase64Encoding(text, QByteArray::Base64UrlEncoding |
                                                           QByteArray::AbortOnBase64DecodingErrors);
    if (!result)
        return false;
    *out = *result;
    return true;
}

bool isUuid(const QString &text)
{
    static const QRegularExpression re(QStringLiteral(
        "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"));
    return re.match(text).hasMatch();
}

// --- KeyPair ---

KeyPair::KeyPair() = default;
KeyPair::KeyPair(EVP_PKEY *key)
    : m_key(key)
{}
KeyPair::~KeyPair()
{
    EVP_PKEY_free(m_key);
}
KeyPair::KeyPair(KeyPair &&other) noexcept
    : m_key(std::exchange(other.m_key, nullptr))
{}
KeyPair &KeyPair::operator=(KeyPair &&other) noexcept
{
    std::swap(m_key, other.m_key);
    return *this;
}

KeyPair KeyPair::generate(int bits)
{
    return KeyPair(EVP_RSA_gen(unsigned(bits)));
}

KeyPair KeyPair::fromPem(const QByteArray &pem)
{
    BIO *bio = BIO_new_mem_buf(pem.constData(), int(pem.size()));
    EVP_PKEY *key = PEM_read_bio_PrivateKey(bio, nullptr, nullptr, nullptr);
    BIO_free(bio);
    return KeyPair(key);
}

QByteArray KeyPair::privatePem() const
{
    BIO *bio = BIO_new(BIO_s_mem());
    PEM_write_bio_PrivateKey(bio, m_key, nullptr, nullptr, 0, nullptr, nullptr);
    char *data = nullptr;
    const long len = BIO_get_mem_data(bio, &data);
    QByteArray pem(data, int(len));
    BIO_free(bio);
    return pem;
}

// `width` 0: as few bytes as the number needs; else left-padded to it.
static QByteArray bigNumberParam(EVP_PKEY *key, const char *name, int width = 0)
{
    BIGNUM *bn = nullptr;
    if (!key || EVP_PKEY_get_bn_param(key, name, &bn) != 1)
        return {};
    QByteArray out(width ? width : BN_num_bytes(bn), Qt::Uninitialized);
    BN_bn2binpad(bn, reinterpret_cast<unsigned char *>(out.data()), int(out.size()));
    BN_free(bn);
    return out;
}

KeyPair KeyPair::generateP256()
{
    return KeyPair(EVP_EC_gen("P-256"));
}

bool KeyPair::isEc() const
{
    return m_key && EVP_PKEY_is_a(m_key, "EC");
}

QByteArray KeyPair::ecX() const
{
    return bigNumberParam(m_key, OSSL_PKEY_PARAM_EC_PUB_X, 32);
}

QByteArray KeyPair::ecY() const
{
    return bigNumberParam(m_key, OSSL_PKEY_PARAM_EC_PUB_Y, 32);
}

// JWS carries ECDSA signatures as r || s; OpenSSL speaks DER.
static QByteArray derToRaw(const QByteArray &der)
{
    const auto *p = reinterpret_cast<const unsigned char *>(der.constData());
    ECDSA_SIG *sig = d2i_ECDSA_SIG(nullptr, &p, long(der.size()));
    if (!sig)
        return {};
    QByteArray raw(64, Qt::Uninitialized);
    auto *out = reinterpret_cast<unsigned char *>(raw.data());
    const bool ok = BN_bn2binpad(ECDSA_SIG_get0_r(sig), out, 32) == 32 &&
                    BN_bn2binpad(ECDSA_SIG_get0_s(sig), out + 32, 32) == 32;
    ECDSA_SIG_free(sig);
    return ok ? raw : QByteArray();
}

static QByteArray rawToDer(const QByteArray &raw)
{
    if (raw.size() != 64)
        return {};
    const auto *in = reinterpret_cast<const unsigned char *>(raw.constData());
    ECDSA_SIG *sig = ECDSA_SIG_new();
    BIGNUM *r = BN_bin2bn(in, 32, nullptr);
    BIGNUM *s = BN_bin2bn(in + 32, 32, nullptr);
    QByteArray der;
    if (sig && r && s && ECDSA_SIG_set0(sig, r, s) == 1) {
        r = s = nullptr; // owned by sig now
        unsigned char *buffer = nullptr;
        const int len = i2d_ECDSA_SIG(sig, &buffer);
        if (len > 0)
            der = QByteArray(reinterpret_cast<const char *>(buffer), len);
        OPENSSL_free(buffer);
    }
    BN_free(r);
    BN_free(s);
    ECDSA_SIG_free(sig);
    return der;
}

QByteArray KeyPair::modulus() const
{
    return bigNumberParam(m_key, OSSL_PKEY_PARAM_RSA_N);
}

QByteArray KeyPair::exponent() const
{
    return bigNumberParam(m_key, OSSL_PKEY_PARAM_RSA_E);
}

QString KeyPair::keyId() const
{
    // Members in lexicographic order, no white space (RFC 7638).
    const QByteArray canonical =
        isEc() ? "{\"crv\":\"P-256\",\"kty\":\"EC\",\"x\":\"" + base64Url(ecX()) + "\",\"y\":\"" +
                     base64Url(ecY()) + "\"}"
               : "{\"e\":\"" + base64Url(exponent()) + "\",\"kty\":\"RSA\",\"n\":\"" +
                     base64Url(modulus()) + "\"}";
    return QString::fromLatin1(base64Url(sha256(canonical)));
}

QByteArray KeyPair::signSha256(const QByteArray &data) const
{
    EVP_MD_CTX *ctx = EVP_MD_CTX_new();
    size_t len = 0;
    QByteArray sig;
    if (EVP_DigestSignInit(ctx, nullptr, EVP_sha256(), nullptr, m_key) == 1 &&
        EVP_DigestSign(ctx, nullptr, &len,
                       reinterpret_cast<const unsigned char *>(data.constData()),
                       size_t(data.size())) == 1) {
        sig.resize(qsizetype(len));
        if (EVP_DigestSign(ctx, reinterpret_cast<unsigned char *>(sig.data()), &len,
                           reinterpret_cast<const unsigned char *>(data.constData()),
                           size_t(data.size())) == 1)
            sig.resize(qsizetype(len));
        else
            sig.clear();
    }
    EVP_MD_CTX_free(ctx);
    return isEc() && !sig.isEmpty() ? derToRaw(sig) : sig;
}

bool KeyPair::verifySha256(const QByteArray &data, const QByteArray &jwsSignature) const
{
    const QByteArray signature = isEc() ? rawToDer(jwsSignature) : jwsSignature;
    if (signature.isEmpty())
        return false;
    EVP_MD_CTX *ctx = EVP_MD_CTX_new();
    const bool ok =
        EVP_DigestVerifyInit(ctx, nullptr, EVP_sha256(), nullptr, m_key) == 1 &&
        EVP_DigestVerify(ctx, reinterpret_cast<const unsigned char *>(signature.constData()),
                         size_t(signature.size()),
                         reinterpret_cast<const unsigned char *>(data.constData()),
                         size_t(data.size())) == 1;
    EVP_MD_CTX_free(ctx);
    return ok;
}

} // namespace exegia::emulator::crypto
