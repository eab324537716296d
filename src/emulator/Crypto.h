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

// An RSA or P-256 key pair: the local identity provider's ID tokens (RSA)
// and the access-token signing keys (P-256 for ES256, RSA for RS256).
class KeyPair
{
public:
    KeyPair();
    ~KeyPair();
    KeyPair(KeyPair &&) noexcept;
    KeyPair &operator=(KeyPair &&) noexcept;

    static KeyPair generate(int bits = 2048); // RSA
    static KeyPair generateP256();
    static KeyPair fromPem(const QByteArray &pem);

    bool isNull() const { return m_key == nullptr; }
    bool isEc() const;
    // The public point, 32 bytes each, for a JWK (EC keys).
    QByteArray ecX() const;
    QByteArray ecY() const;
    QByteArray privatePem() const;
    // Modulus and public exponent, big-endian, for a JWK.
    QByteArray modulus() const;
    QByteArray exponent() const;
    // RFC 7638 thumbprint, used as the key id.
    QString keyId() const;

    // RSA: PKCS#1 v1.5; EC: the JWS form r || s (64 bytes), not DER.
    QByteArray signSha256(const QByteArray &data) const;
    bool verifySha256(const QByteArray &data, const QByteArray &signature) const;

private:
    explicit KeyPair(EVP_PKEY *key);
    EVP_PKEY *m_key = nullptr;
};

} // namespace exegia::emulator::crypto
