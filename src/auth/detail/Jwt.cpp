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
    const auto decoded = QByteArray::fromBase64Encoding(
        parts[1].toLatin1(), QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals |
                                 QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return std::nullopt;
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(*decoded, &error);
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
