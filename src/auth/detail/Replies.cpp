#include "Replies.h"

#include <exegia/auth/Errors.h>

#include <QJsonDocument>
#include <QUrl>

namespace exegia::auth::detail {

namespace {

[[noreturn]] void malformed(const QString &why)
{
    throw NetworkError(NetworkError::Kind::MalformedReply, why);
}

} // namespace

QJsonObject authObject(const HttpReply &reply)
{
    if (!reply.isSuccess())
        throw AuthApiError::fromReply(reply);
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(reply.body, &error);
    if (error.error != QJsonParseError::NoError)
        malformed(QStringLiteral("reply is not JSON (%1)").arg(error.errorString()));
    if (!doc.isObject())
        malformed(QStringLiteral("reply is not a JSON object"));
    return doc.object();
}

// The reply's object read by T::fromJson; a reply it refuses is malformed.
template <typename T> T authValue(const HttpReply &reply)
{
    QString why;
    std::optional<T> value = T::fromJson(authObject(reply), &why);
    if (!value)
        malformed(why);
    return std::move(*value);
}

Session authSession(const HttpReply &reply)
{
    return authValue<Session>(reply);
}

User authUser(const HttpReply &reply)
{
    return authValue<User>(reply);
}

QUrl authorizationUrl(const HttpReply &reply)
{
    const QUrl url(authObject(reply).value(u"url").toString(), QUrl::StrictMode);
    const QString scheme = url.scheme();
    if (!url.isValid() || (scheme != QLatin1String("https") && scheme != QLatin1String("http")))
        malformed(QStringLiteral("no usable authorization url"));
    return url;
}

void addEncoded(QUrlQuery &query, const QString &key, const QString &value)
{
    query.addQueryItem(QString::fromLatin1(QUrl::toPercentEncoding(key)),
                       QString::fromLatin1(QUrl::toPercentEncoding(value)));
}

} // namespace exegia::auth::detail
