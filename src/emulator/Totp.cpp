#include "Totp.h"

#include "Crypto.h"

#include <liboath/oath.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>

#include <cstdlib>

namespace exegia::emulator::totp {

QByteArray newSecret()
{
    return crypto::randomBytes(20);
}

QString base32(const QByteArray &secret)
{
    char *out = nullptr;
    size_t outLen = 0;
    if (oath_base32_encode(secret.constData(), size_t(secret.size()), &out, &outLen) != OATH_OK)
        return {};
    QString text = QString::fromLatin1(out, qsizetype(outLen));
    std::free(out);
    // Authenticator apps and GoTrue's URIs use the unpadded form.
    while (text.endsWith(QLatin1Char('=')))
        text.chop(1);
    return text;
}

std::optional<QByteArray> fromBase32(const QString &text)
{
    QByteArray in = text.toLatin1().toUpper();
    while (in.size() % 8 != 0)
        in.append('=');
    char *out = nullptr;
    size_t outLen = 0;
    if (oath_base32_decode(in.constData(), size_t(in.size()), &out, &outLen) != OATH_OK)
        return std::nullopt;
    QByteArray bytes(out, qsizetype(outLen));
    std::free(out);
    return bytes;
}

QString hotp(const QByteArray &secret, quint64 counter, int digits)
{
    unsigned char message[8];
    for (int i = 7; i >= 0; --i) {
        message[i] = static_cast<unsigned char>(counter & 0xff);
        counter >>= 8;
    }
    unsigned char mac[EVP_MAX_MD_SIZE];
    unsigned int macLen = 0;
    HMAC(EVP_sha1(), secret.constData(), int(secret.size()), message, sizeof message, mac, &macLen);
    // RFC 4226 section 5.3, dynamic truncation.
    const int offset = mac[macLen - 1] & 0x0f;
    const quint32 binary = (quint32(mac[offset] & 0x7f) << 24) | (quint32(mac[offset + 1]) << 16) |
                           (quint32(mac[offset + 2]) << 8) | quint32(mac[offset + 3]);
    quint32 modulus = 1;
    for (int i = 0; i < digits; ++i)
        modulus *= 10;
    return QStringLiteral("%1").arg(binary % modulus, digits, 10, QLatin1Char('0'));
}

quint64 stepAt(qint64 unixSeconds)
{
    return quint64(unixSeconds) / kStepSeconds;
}

QString codeAt(const QByteArray &secret, qint64 unixSeconds)
{
    return hotp(secret, stepAt(unixSeconds));
}

std::optional<quint64> matchingStep(const QByteArray &secret, const QString &code,
                                    qint64 unixSeconds)
{
    if (code.size() != kDigits)
        return std::nullopt;
    const quint64 now = stepAt(unixSeconds);
    std::optional<quint64> match;
    // Every candidate is computed and compared, so the time taken does not
    // tell which step matched.
    for (quint64 step : {now - 1, now, now + 1}) {
        if (crypto::constantTimeEquals(hotp(secret, step).toLatin1(), code.toLatin1()))
            match = step;
    }
    return match;
}

} // namespace exegia::emulator::totp
