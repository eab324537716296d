#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QString>

namespace exegia::emulator {
namespace crypto {
class RsaKey;
}

// JSON Web Tokens as the emulator issues and checks them: HS256 for access
// tokens and API keys, RS256 for the identity provider's ID tokens.
namespace jwt {

enum class Status { Ok, Malformed, BadSignature, Expired, WrongAlgorithm };

struct Decoded
{
    Status status = Status::Malformed;
    QJsonObject header;
    QJsonObject payload;
    bool ok() const { return status == Status::Ok; }
};

QByteArray signHs256(const QJsonObject &payload, const QByteArray &secret);
QByteArray signRs256(const QJsonObject &payload, const crypto::RsaKey &key, const QString &kid);

// Splits and decodes without checking anything but the shape.
Decoded parse(const QByteArray &token);
// Checks the HS256 signature, then `exp` against `now` (leeway in seconds).
Decoded verifyHs256(const QByteArray &token, const QByteArray &secret, qint64 now, int leeway = 0);
Decoded verifyRs256(const QByteArray &token, const crypto::RsaKey &key, qint64 now, int leeway = 0);

} // namespace jwt
} // namespace exegia::emulator
