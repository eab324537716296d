#include "detail/ProfileStore.h"

#include <exegia/auth/Errors.h>
#include <exegia/auth/Transport.h>

#include "detail/Async.h"
#include "detail/Chain.h"
#include "detail/Wire.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QUuid>

using namespace Qt::StringLiterals;

namespace exegia::auth {

namespace {

QUrlQuery idFilter(const QString &userId)
{
    QUrlQuery query;
    query.addQueryItem(u"id"_s, u"eq."_s + userId);
    return query;
}

ConfigError badUserId()
{
    return ConfigError(ConfigError::Kind::InvalidArgument, u"the user id is not a UUID"_s);
}

// Every reply of the three calls goes through this: the optional row or a throw.
template <typename T, typename F>
QFuture<T> run(Transport *transport, const HttpRequest &request, F toValue)
{
    detail::Completion<T> done;
    detail::step(transport, done, transport->request(request),
                 [done, toValue](const HttpReply &reply) { done.succeed(toValue(reply)); });
    return done.future();
}

HttpRequest usersRequest(const QByteArray &method, const QString &bearer)
{
    HttpRequest request;
    request.method = method;
    request.path = wire::kUsersTable;
    request.bearer = bearer;
    if (method != "GET")
        request.headers.append(
            qMakePair(QByteArray(wire::kHeaderPrefer), QByteArray(wire::kPreferRepresentation)));
    return request;
}

} // namespace

ProfileStore::ProfileStore(Transport *transport)
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
        throw NetworkError(
            NetworkError::Kind::MalformedReply,
            u"PostgREST reply is not a JSON array: %1"_s.arg(parseError.errorString()));
    const QJsonArray rows = doc.array();
    if (rows.isEmpty())
        return std::nullopt;
    if (rows.size() > 1 || !rows.first().isObject())
        throw NetworkError(
            NetworkError::Kind::MalformedReply,
            u"expected at most one row object, got %1 element(s)"_s.arg(rows.size()));
    return rows.first().toObject();
}

QFuture<std::optional<QJsonObject>> ProfileStore::fetch(const QString &bearer,
                                                        const QString &userId)
{
    if (!isValidUserId(userId))
        return detail::failedFuture<std::optional<QJsonObject>>(badUserId());
    HttpRequest request = usersRequest("GET", bearer);
    request.query.addQueryItem(u"select"_s, u"*"_s);
    request.query.addQueryItem(u"id"_s, u"eq."_s + userId);
    return run<std::optional<QJsonObject>>(m_transport, request, &singleRow);
}

QFuture<QJsonObject> ProfileStore::insert(const QString &bearer, const QJsonObject &row)
{
    if (!isValidUserId(row.value(u"id").toString()))
        return detail::failedFuture<QJsonObject>(badUserId());
    HttpRequest request = usersRequest("POST", bearer);
    request.body = row;
    return run<QJsonObject>(m_transport, request, [](const HttpReply &reply) {
        auto inserted = singleRow(reply);
        if (!inserted)
            throw NetworkError(NetworkError::Kind::MalformedReply, u"insert returned no row"_s);
        return *inserted;
    });
}

QFuture<std::optional<QJsonObject>>
ProfileStore::update(const QString &bearer, const QString &userId, const QJsonObject &fields)
{
    if (!isValidUserId(userId))
        return detail::failedFuture<std::optional<QJsonObject>>(badUserId());
    HttpRequest request = usersRequest("PATCH", bearer);
    request.query = idFilter(userId);
    request.body = fields;
    return run<std::optional<QJsonObject>>(m_transport, request, &singleRow);
}

} // namespace exegia::auth
