#include "Jwt.h"

#include "Crypto.h"

#include <QJsonDocument>
#include <QList>

#include <cmath>

using namespace Qt::StringLiterals;

namespace exegia::emulator::jwt {

namespace {

QByteArray encodePart(const QJsonObject &object)
{
    return crypto::base64Url(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

bool decodePart(const QByteArray &part, QJsonObject *out)
{
    QByteArray raw;
    if (!crypto::fromBase64Url(part, &raw))
        return false;
    const QJsonDocument doc = QJsonDocument::fromJson(raw);
    if (!doc.isObject())
        return false;
    *out = doc.object();
    return true;
}

struct Parts
{
    QByteArray signingInput;
    QByteArray signature;
    Decoded decoded;
};

Parts split(const QByteArray &token)
{
    Parts parts;
    const QList<QByteArray> pieces = token.split('.');
    if (pieces.size() != 3 || !decodePart(pieces[0], &parts.decoded.header) ||
        !decodePart(pieces[1], &parts.decoded.payload) ||
        !crypto::fromBase64Url(pieces[2], &parts.signature))
        return parts;
    parts.signingInput = pieces[0] + '.' + pieces[1];
    parts.decoded.status = Status::Ok;
    return parts;
}

Decoded checkExpiry(Decoded decoded, qint64 now, int leeway)
{
    const QJsonValue exp = decoded.payload.value(u"exp");
    if (!exp.isDouble())
        decoded.status = Status::Malformed;
    // Compared as doubles: a claim such as 1e300 or -1e19 must not be cast
    // to qint64 (undefined behaviour); it is only very late or very early.
    else if (std::trunc(exp.toDouble()) + double(leeway) <= double(now))
        decoded.status = Status::Expired;
    return decoded;
}

} // namespace

QByteArray signHs256(const QJsonObject &payload, const QByteArray &secret)
{
    const QByteArray input =
        encodePart({{u"alg"_s, u"HS256"_s}, {u"typ"_s, u"JWT"_s}}) + '.' + encodePart(payload);
    return input + '.' + crypto::base64Url(crypto::hmacSha256(secret, input));
}

QByteArray signRs256(const QJsonObject &payload, const crypto::RsaKey &key, const QString &kid)
{
    const QByteArray input =
        encodePart({{u"alg"_s, u"RS256"_s}, {u"kid"_s, kid}, {u"typ"_s, u"JWT"_s}}) + '.' +
        encodePart(payload);
    return input + '.' + crypto::base64Url(key.signSha256(input));
}

Decoded parse(const QByteArray &token)
{
    return split(token).decoded;
}

Decoded verifyHs256(const QByteArray &token, const QByteArray &secret, qint64 now, int leeway)
{
    Parts parts = split(token);
    if (!parts.decoded.ok())
        return parts.decoded;
    if (parts.decoded.header.value(u"alg").toString() != u"HS256") {
        parts.decoded.status = Status::WrongAlgorithm;
        return parts.decoded;
    }
    if (!crypto::constantTimeEquals(crypto::hmacSha256(secret, parts.signingInput),
                                    parts.signature)) {
        parts.decoded.status = Status::BadSignature;
        return parts.decoded;
    }
    return checkExpiry(parts.decoded, now, leeway);
}

Decoded verifyRs256(const QByteArray &token, const crypto::RsaKey &key, qint64 now, int leeway)
{
    Parts parts = split(token);
    if (!parts.decoded.ok())
        return parts.decoded;
    if (parts.decoded.header.value(u"alg").toString() != u"RS256") {
        parts.decoded.status = Status::WrongAlgorithm;
        return parts.decoded;
    }
    if (!key.verifySha256(parts.signingInput, parts.signature)) {
        parts.decoded.status = Status::BadSignature;
        return parts.decoded;
    }
    return checkExpiry(parts.decoded, now, leeway);
}

} // namespace exegia::emulator::jwt
