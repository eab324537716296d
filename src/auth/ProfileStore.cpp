#include <exegia/auth/ProfileStore.h>

#include <exegia/auth/ApiError.h>
#include <exegia/auth/ConfigError.h>
#include <exegia/auth/HttpTransport.h>
#include <exegia/auth/NetworkError.h>

#include "detail/Async.h"
#include "detail/Completion.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QUuid>

namespace exegia::auth {

namespace {

constexpr auto kUsersPath = "/rest/v1/users";

QUrlQuery idFilter(const QString &userId)
{
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("id"), QStringLiteral("eq.") + userId);
    return query;
}

ConfigError badUserId()
{
    return ConfigError(
        QCoreApplication::translate("exegia::auth::ProfileStore", "The user id is not a UUID."));
}

// Every reply of the three calls goes through this: the optional row or a throw.
template <typename T, typename F>
QFuture<T> run(HttpTransport *transport, const HttpRequest &request, F toValue)
{
    detail::Completion<T> completion;
    transport->send(request, [completion, toValue](const HttpReply *reply, std::exception_ptr e) {
        if (!reply)
            return completion.fail(e);
        completion.guard([&] { completion.succeed(toValue(*reply)); });
    });
    return completion.future();
}

} // namespace

ProfileStore::ProfileStore(HttpTransport *transport)
    : m_transport(transport)
{}

bool ProfileStore::isValidUserId(const QString &userId)
{
    return userId.size() == 36 && !QUuid::fromString(userId).isNull();
}

std::optional<QJsonObject> ProfileStore::singleRow(const HttpReply &reply)
{
    if (!reply.isSuccess())
        throw ApiError::fromReply(reply);
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(reply.body, &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isArray())
        throw NetworkError(NetworkError::Kind::MalformedReply,
                           QStringLiteral("PostgREST reply is not a JSON array: %1")
                               .arg(parseError.errorString()));
    const QJsonArray rows = doc.array();
    if (rows.isEmpty())
        return std::nullopt;
    if (rows.size() > 1 || !rows.first().isObject())
        throw NetworkError(
            NetworkError::Kind::MalformedReply,
            QStringLiteral("expected at most one row object, got %1 element(s)").arg(rows.size()));
    return rows.first().toObject();
}

QFuture<std::optional<QJsonObject>> ProfileStore::fetch(const QString &bearer,
                                                        const QString &userId)
{
    if (!isValidUserId(userId))
        return detail::failedFuture<std::optional<QJsonObject>>(badUserId());
    HttpRequest request;
    request.path = QLatin1String(kUsersPath);
    request.query.addQueryItem(QStringLiteral("select"), QStringLiteral("*"));
    request.query.addQueryItem(QStringLiteral("id"), QStringLiteral("eq.") + userId);
    request.bearer = bearer;
    return run<std::optional<QJsonObject>>(m_transport, request, &singleRow);
}

QFuture<QJsonObject> ProfileStore::insert(const QString &bearer, const QJsonObject &row)
{
    if (!isValidUserId(row.value(u"id").toString()))
        return detail::failedFuture<QJsonObject>(badUserId());
    HttpRequest request;
    request.method = "POST";
    request.path = QLatin1String(kUsersPath);
    request.body = row;
    request.bearer = bearer;
    request.headers.append(
        qMakePair(QByteArrayLiteral("Prefer"), QByteArrayLiteral("return=representation")));
    return run<QJsonObject>(m_transport, request, [](const HttpReply &reply) {
        auto inserted = singleRow(reply);
        if (!inserted)
            throw NetworkError(NetworkError::Kind::MalformedReply,
                               QStringLiteral("insert returned no row"));
        return *inserted;
    });
}

QFuture<std::optional<QJsonObject>>
ProfileStore::update(const QString &bearer, const QString &userId, const QJsonObject &fields)
{
    if (!isValidUserId(userId))
        return detail::failedFuture<std::optional<QJsonObject>>(badUserId());
    HttpRequest request;
    request.method = "PATCH";
    request.path = QLatin1String(kUsersPath);
    request.query = idFilter(userId);
    request.body = fields;
    request.bearer = bearer;
    request.headers.append(
        qMakePair(QByteArrayLiteral("Prefer"), QByteArrayLiteral("return=representation")));
    return run<std::optional<QJsonObject>>(m_transport, request, &singleRow);
}

} // namespace exegia::auth
