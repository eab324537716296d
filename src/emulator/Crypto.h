#pragma once

#include <QByteArray>
#include <QString>

#include <memory>

typedef struct evp_pkey_st EVP_PKEY;

// Thin wrappers over OpenSSL libcrypto: nothing here implements a primitive.
namespace exegia::emulator::crypto {

QByteArray randomBytes(int count);
// URL-safe random token with `bytes` bytes of entropy.
QByteArray randomToken(int bytes = 24);
// RFC 4122 version 4 UUID from the CSPRNG, lowercase with dashes.
QString uuid();
// Six decimal digits from the CSPRNG, without modulo bias.
QString sixDigitCode();

QByteArray sha256(const QByteArray &data);
QByteArray sha256Hex(const QByteArray &data); // lowercase hex
QByteArray hmacSha256(const QByteArray &key, const QByteArray &data);
bool constantTimeEquals(const QByteArray &a, const QByteArray &b);

QByteArray base64Url(const QByteArray &data); // unpadded
// Strict decoder: returns false on characters outside the base64url set.
bool fromBase64Url(const QByteArray &text, QByteArray *out);

bool isUuid(const QString &text);

// An RSA key pair for the local identity provider's ID tokens.
class RsaKey
{
public:
    RsaKey();
    ~RsaKey();
    RsaKey(RsaKey &&) noexcept;
    RsaKey &operator=(RsaKey &&) noexcept;

    static RsaKey generate(int bits = 2048);
    static RsaKey fromPem(const QByteArray &pem);

    bool isNull() const { return m_key == nullptr; }
    QByteArray privatePem() const;
    // Modulus and public exponent, big-endian, for a JWK.
    QByteArray modulus() const;
    QByteArray exponent() const;
    // RFC 7638 thumbprint, used as the key id.
    QString keyId() const;

    QByteArray signSha256(const QByteArray &data) const;
    bool verifySha256(const QByteArray &data, const QByteArray &signature) const;

private:
    explicit RsaKey(EVP_PKEY *key);
    EVP_PKEY *m_key = nullptr;
};

} // namespace exegia::emulator::crypto
