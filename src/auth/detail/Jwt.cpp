#include "detail/Jwt.h"

#include <QByteArray>
#include <QJsonDocument>
#include <QList>

namespace exegia::auth {

std::optional<QJsonObject> Jwt::payload(QStringView token)
{
    const QList<QStringView> parts = token.trimmed().split(u'.');
    if (parts.size() != 3 || parts[1].isEmpty())
        return std::nullopt;
    return jsonObject(fromBase64Url(parts[1].toLatin1()));
}

std::optional<QByteArray> Jwt::fromBase64Url(QByteArrayView text)
{
    auto decoded = QByteArray::fromBase64Encoding(text.toByteArray(),
                                                  QByteArray::Base64UrlEncoding |
                                                      QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded || text.contains('='))
        return std::nullopt;
    return *decoded;
}

std::optional<QJsonObject> Jwt::jsonObject(const std::optional<QByteArray> &bytes)
{
    if (!bytes)
        return std::nullopt;
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(*bytes, &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        return std::nullopt;
    return doc.object();
}

QString Jwt::subject(QStringView token)
{
    const auto claims = payload(token);
    return claims ? claims->value(u"sub").toString() : QString();
}

QString Jwt::role(QStringView token)
{
    const auto claims = payload(token);
    return claims ? claims->value(u"role").toString() : QString();
}

} // namespace exegia::auth
