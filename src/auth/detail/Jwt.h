#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QStringView>

#include <optional>

namespace exegia::auth {

// Reads a JWT's claims without verifying it. The client never trusts these
// claims for security (the server verifies every token it receives); it uses
// them to spot a service key in the wrong place and to address its own row.
class Jwt
{
public:
    // The decoded payload, or nothing when `token` is not three base64url
    // segments whose middle one is a JSON object.
    static std::optional<QJsonObject> payload(QStringView token);
    // The `sub` claim, or empty.
    static QString subject(QStringView token);
    // The `role` claim, or empty.
    static QString role(QStringView token);

    // One strict base64url segment (RFC 7515: the url alphabet, no padding)
    // decoded, or nothing.
    static std::optional<QByteArray> fromBase64Url(QByteArrayView text);
    // `bytes` parsed as a JSON object, or nothing.
    static std::optional<QJsonObject> jsonObject(const std::optional<QByteArray> &bytes);
};

} // namespace exegia::auth
