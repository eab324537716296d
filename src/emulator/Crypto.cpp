#include "Crypto.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

#include <openssl/bio.h>
#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/crypto.h>
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

// --- RsaKey ---

RsaKey::RsaKey() = default;
RsaKey::RsaKey(EVP_PKEY *key)
    : m_key(key)
{}
RsaKey::~RsaKey()
{
    EVP_PKEY_free(m_key);
}
RsaKey::RsaKey(RsaKey &&other) noexcept
    : m_key(std::exchange(other.m_key, nullptr))
{}
RsaKey &RsaKey::operator=(RsaKey &&other) noexcept
{
    std::swap(m_key, other.m_key);
    return *this;
}

RsaKey RsaKey::generate(int bits)
{
    return RsaKey(EVP_RSA_gen(unsigned(bits)));
}

RsaKey RsaKey::fromPem(const QByteArray &pem)
{
    BIO *bio = BIO_new_mem_buf(pem.constData(), int(pem.size()));
    EVP_PKEY *key = PEM_read_bio_PrivateKey(bio, nullptr, nullptr, nullptr);
    BIO_free(bio);
    return RsaKey(key);
}

QByteArray RsaKey::privatePem() const
{
    BIO *bio = BIO_new(BIO_s_mem());
    PEM_write_bio_PrivateKey(bio, m_key, nullptr, nullptr, 0, nullptr, nullptr);
    char *data = nullptr;
    const long len = BIO_get_mem_data(bio, &data);
    QByteArray pem(data, int(len));
    BIO_free(bio);
    return pem;
}

static QByteArray bigNumberParam(EVP_PKEY *key, const char *name)
{
    BIGNUM *bn = nullptr;
    if (!key || EVP_PKEY_get_bn_param(key, name, &bn) != 1)
        return {};
    QByteArray out(BN_num_bytes(bn), Qt::Uninitialized);
    BN_bn2bin(bn, reinterpret_cast<unsigned char *>(out.data()));
    BN_free(bn);
    return out;
}

QByteArray RsaKey::modulus() const
{
    return bigNumberParam(m_key, OSSL_PKEY_PARAM_RSA_N);
}

QByteArray RsaKey::exponent() const
{
    return bigNumberParam(m_key, OSSL_PKEY_PARAM_RSA_E);
}

QString RsaKey::keyId() const
{
    // Members in lexicographic order, no white space (RFC 7638).
    const QByteArray canonical = "{\"e\":\"" + base64Url(exponent()) +
                                 "\",\"kty\":\"RSA\",\"n\":\"" + base64Url(modulus()) + "\"}";
    return QString::fromLatin1(base64Url(sha256(canonical)));
}

QByteArray RsaKey::signSha256(const QByteArray &data) const
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
    return sig;
}

bool RsaKey::verifySha256(const QByteArray &data, const QByteArray &signature) const
{
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
