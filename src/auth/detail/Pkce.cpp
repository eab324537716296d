#include "detail/Pkce.h"

#include <QCryptographicHash>
#include <QRandomGenerator>

#include <algorithm>

namespace exegia::auth {

namespace {

constexpr char kUnreserved[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~";
constexpr quint32 kAlphabetSize = sizeof(kUnreserved) - 1;

} // namespace

QString Pkce::generateVerifier(int length)
{
    length = std::clamp(length, 43, 128);
    QString verifier;
    verifier.reserve(length);
    QRandomGenerator *rng = QRandomGenerator::system();
    // Rejection sampling keeps every character equally likely: 66 does not
    // divide 256, so bytes >= 198 are drawn again instead of wrapping.
    constexpr quint32 limit = 256 - (256 % kAlphabetSize);
    while (verifier.size() < length) {
        const quint32 byte = rng->generate() & 0xffu;
        if (byte < limit)
            verifier.append(QLatin1Char(kUnreserved[byte % kAlphabetSize]));
    }
    return verifier;
}

QString Pkce::challenge(const QString &verifier)
{
    const QByteArray digest =
        QCryptographicHash::hash(verifier.toLatin1(), QCryptographicHash::Sha256);
    return QString::fromLatin1(
        digest.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

bool Pkce::isValidVerifier(const QString &verifier)
{
    if (verifier.size() < 43 || verifier.size() > 128)
        return false;
    const QLatin1String alphabet(kUnreserved, kAlphabetSize);
    return std::all_of(verifier.begin(), verifier.end(),
                       [&](QChar c) { return alphabet.contains(c); });
}

} // namespace exegia::auth
