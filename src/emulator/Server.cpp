#include "Server.h"

#include "Backend.h"
#include "Errors.h"
#include "Jwt.h"
#include "Logging.h"

#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QHttpServerResponse>
#include <QJsonDocument>
#include <QTcpSocket>

using namespace Qt::StringLiterals;

namespace exegia::emulator {

namespace {

constexpr qsizetype kMaxBody = qsizetype(1024) * 1024;

QByteArray methodName(QHttpServerRequest::Method method)
{
    switch (method) {
    case QHttpServerRequest::Method::Get:
        return "GET";
    case QHttpServerRequest::Method::Put:
        return "PUT";
    case QHttpServerRequest::Method::Delete:
        return "DELETE";
    case QHttpServerRequest::Method::Post:
        return "POST";
    case QHttpServerRequest::Method::Head:
        return "HEAD";
    case QHttpServerRequest::Method::Options:
        return "OPTIONS";
    case QHttpServerRequest::Method::Patch:
        return "PATCH";
    case QHttpServerRequest::Method::Connect:
        return "CONNECT";
    case QHttpServerRequest::Method::Trace:
        return "TRACE";
    default:
        return "UNKNOWN";
    }
}

Request toRequest(const QHttpServerRequest &in)
{
    Request request;
    request.method = methodName(in.method());
    request.url = in.url();
    request.path = request.url.path(QUrl::FullyDecoded);
    request.query = QUrlQuery(request.url);
    request.headers = in.headers();
    request.body = in.body();
    return request;
}

QString statsKey(const Request &request)
{
    QString key = QString::fromLatin1(request.method) + u' ' + request.path;
    if (request.path == u"/auth/v1/token" && request.hasParam(u"grant_type"_s))
        key += u"?grant_type="_s + request.param(u"grant_type"_s);
    return key;
}

} // namespace

Server::Server(Backend &backend, QObject *parent)
    : QAbstractHttpServer(parent)
    , m_backend(backend)
{
    route("GET", u"/_emulator/stats"_s, Access::ServiceRole,
          [this](const Request &r) { return stats(r); });
    route("POST", u"/_emulator/faults"_s, Access::ServiceRole,
          [this](const Request &r) { return addFault(r); });
}

void Server::route(const QByteArray &method, const QString &path, Access access, Handler handler)
{
    m_routes.append({method, path, false, access, std::move(handler)});
}

void Server::routePrefix(const QByteArray &method, const QString &prefix, Access access,
                         Handler handler)
{
    m_routes.append({method, prefix, true, access, std::move(handler)});
}

const Server::Route *Server::findRoute(const Request &request, bool *pathKnown) const
{
    *pathKnown = false;
    for (const Route &route : m_routes) {
        const bool matches =
            route.prefix ? request.path.startsWith(route.path) : request.path == route.path;
        if (!matches)
            continue;
        *pathKnown = true;
        if (route.method == request.method)
            return &route;
    }
    return nullptr;
}

std::optional<Reply> Server::checkAccess(const Route &route, const Request &request) const
{
    switch (route.access) {
    case Access::Open:
        return std::nullopt;
    case Access::ApiKey: {
        // Kong also takes the key from the query string.
        QByteArray key = request.header("apikey");
        if (key.isEmpty())
            key = request.param(u"apikey"_s).toUtf8();
        if (key.isEmpty())
            return gatewayError(401, u"No API key found in request"_s);
        if (key != m_backend.anonKey() && key != m_backend.serviceRoleKey())
            return gatewayError(401, u"Invalid API key"_s);
        return std::nullopt;
    }
    case Access::ServiceRole:
        if (request.bearerToken() != m_backend.serviceRoleKey())
            return authError(request, 401, u"no_authorization"_s,
                             u"This endpoint requires the service_role key as Bearer token"_s);
        return std::nullopt;
    }
    return std::nullopt;
}

std::optional<Reply> Server::takeFault(const Request &request)
{
    for (int i = 0; i < m_faults.size(); ++i) {
        Fault &fault = m_faults[i];
        if (fault.path != request.path ||
            (!fault.method.isEmpty() && fault.method != request.method))
            continue;
        const int status = fault.status;
        if (--fault.remaining <= 0)
            m_faults.removeAt(i);
        return Reply::json(status, QJsonObject{});
    }
    return std::nullopt;
}

void Server::count(const Request &request)
{
    ++m_requestCounts[statsKey(request)];
}

Reply Server::stats(const Request &) const
{
    QJsonObject counts;
    for (auto it = m_requestCounts.cbegin(); it != m_requestCounts.cend(); ++it)
        counts.insert(it.key(), it.value());
    return Reply::json(200, QJsonObject{{u"requests"_s, counts}});
}

Reply Server::addFault(const Request &request)
{
    const QJsonObject body = QJsonDocument::fromJson(request.body).object();
    const QString path = body.value(u"path").toString();
    const int status = body.value(u"status").toInt();
    const int times = body.value(u"count").toInt(1);
    if (!path.startsWith(u'/') || status < 100 || status > 599 || times < 1)
        return authError(request, 400, u"validation_failed"_s,
                         u"A fault needs a path, a status between 100 and 599 and a count"_s);
    m_faults.append({body.value(u"method").toString().toUpper().toLatin1(), path, status, times});
    return Reply::empty(204);
}

Reply Server::dispatch(const Request &request)
{
    if (request.path != u"/_emulator/stats")
        count(request);
    if (request.body.size() > kMaxBody)
        return authError(request, 413, u"request_too_large"_s,
                         u"Request body is larger than 1 MB"_s);

    bool pathKnown = false;
    const Route *route = findRoute(request, &pathKnown);
    if (!route) {
        if (pathKnown)
            return authError(request, 405, u"method_not_allowed"_s, u"Method not allowed"_s);
        return authError(request, 404, u"not_found"_s, u"No route for this path"_s);
    }
    if (auto denied = checkAccess(*route, request))
        return *denied;
    if (auto fault = takeFault(request))
        return *fault;
    try {
        return route->handler(request);
    } catch (const std::exception &e) {
        // A bug or a database failure must still answer like GoTrue would.
        qCWarning(lcEmulator) << "handler failed:" << request.method << request.path << e.what();
        return authError(request, 500, u"unexpected_failure"_s, u"Unexpected failure"_s);
    }
}

bool Server::handleRequest(const QHttpServerRequest &in, QTcpSocket *socket)
{
    const Request request = toRequest(in);
    Reply reply = dispatch(request);
    if (request.apiVersioned())
        reply.withHeader("X-Supabase-Api-Version", "2024-01-01");

    QHttpServerResponse response =
        reply.body.isEmpty() && reply.contentType.isEmpty()
            ? QHttpServerResponse(QHttpServerResponse::StatusCode(reply.status))
            : QHttpServerResponse(reply.contentType, reply.body,
                                  QHttpServerResponse::StatusCode(reply.status));
    for (const auto &header : reply.headers)
        response.addHeader(header.first, header.second);
    response.write(makeResponder(in, socket));
    return true;
}

void Server::missingHandler(const QHttpServerRequest &, QTcpSocket *)
{
    // Never reached: handleRequest answers every request.
}

} // namespace exegia::emulator
