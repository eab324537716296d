#include "Server.h"

#include "Backend.h"
#include "Crypto.h"
#include "Errors.h"
#include "Jwt.h"
#include "Logging.h"

#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QHttpServerResponse>
#include <QJsonDocument>
#include <QMetaEnum>
#include <QTcpSocket>

using namespace Qt::StringLiterals;

namespace exegia::emulator {

namespace {

constexpr qsizetype kMaxBody = qsizetype(1024) * 1024;

// "GET", "POST", ...: Qt's own enumerator name in capitals ("UNKNOWN" for
// a method QHttpServer does not know).
QByteArray methodName(QHttpServerRequest::Method method)
{
    const char *name = QMetaEnum::fromType<QHttpServerRequest::Method>().valueToKey(int(method));
    return name ? QByteArray(name).toUpper() : QByteArrayLiteral("UNKNOWN");
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

// Kong also takes the key from the query string.
QByteArray apiKeyOf(const Request &request)
{
    const QByteArray key = request.header("apikey");
    return key.isEmpty() ? request.param(u"apikey"_s).toUtf8() : key;
}

// A request a browser made: browsers send Origin on cross-origin and
// state-changing requests and Sec-Fetch-* on all of them; their User-Agent
// names an engine (Qt's default "Mozilla/5.0" alone does not).
bool fromBrowser(const Request &request)
{
    if (!request.header("origin").isEmpty() || !request.header("sec-fetch-mode").isEmpty())
        return true;
    const QByteArray agent = request.header("user-agent");
    for (const char *engine : {"AppleWebKit/", "Gecko/", "Chrome/", "Firefox/", "Safari/"}) {
        if (agent.contains(engine))
            return true;
    }
    return false;
}

bool isLoopbackOrigin(const QByteArray &origin)
{
    const QUrl url(QString::fromLatin1(origin), QUrl::StrictMode);
    const QString host = url.host();
    return (url.scheme() == u"http" || url.scheme() == u"https") &&
           (host == u"127.0.0.1" || host == u"localhost" || host == u"::1");
}

// The content types a web page may send cross-site without a CORS preflight.
bool isCorsSimpleType(const QByteArray &contentType)
{
    const QByteArray type = contentType.split(';').first().trimmed().toLower();
    return type == "text/plain" || type == "application/x-www-form-urlencoded" ||
           type == "multipart/form-data";
}

// Endpoints that read JSON bodies; the local identity provider's token
// endpoint takes forms, as OAuth's does.
bool isJsonEndpoint(const QString &path)
{
    return path.startsWith(u"/auth/v1/") || path.startsWith(u"/rest/v1/") ||
           path.startsWith(u"/mailbox/v1/") || path.startsWith(u"/_emulator/");
}

// A web page the person visits may make their browser send requests here;
// refuse the ones that change state unless they come from loopback pages
// with a content type a page cannot send without asking first.
std::optional<Reply> refuseCrossSite(const Request &request)
{
    if (request.method == "GET" || request.method == "HEAD" || request.method == "OPTIONS")
        return std::nullopt;
    const QByteArray origin = request.header("origin");
    if (!origin.isEmpty() && !isLoopbackOrigin(origin))
        return authError(request, 403, u"origin_not_allowed"_s,
                         u"Requests that change state must not come from another site"_s);
    if (isJsonEndpoint(request.path) && isCorsSimpleType(request.header("content-type")))
        return authError(request, 415, u"unsupported_media_type"_s,
                         u"Send the body as application/json"_s);
    return std::nullopt;
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
    route("POST", u"/_emulator/signing-keys/rotate"_s, Access::ServiceRole,
          [this](const Request &) {
              const QString kid = m_backend.rotateSigningKey();
              return Reply::json(200, QJsonObject{{u"kid"_s, kid}});
          });
    route("POST", u"/_emulator/faults"_s, Access::ServiceRole,
          [this](const Request &r) { return addFault(r); });
    route("POST", u"/_emulator/clock"_s, Access::ServiceRole,
          [this](const Request &r) { return advanceClock(r); });
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
    if (route.access == Access::Open)
        return std::nullopt;
    const QByteArray key = apiKeyOf(request);
    if (key.isEmpty() && route.access == Access::ApiKey)
        return gatewayError(401, u"No API key found in request"_s);
    const Backend::KeyRole role = m_backend.keyRole(key);
    if (role == Backend::KeyRole::None && route.access == Access::ApiKey)
        return gatewayError(401, u"Invalid API key"_s);
    // Secret keys are for servers: the platform refuses them from browsers.
    if (key.startsWith("sb_secret_") && fromBrowser(request))
        return gatewayError(401, u"Forbidden use of secret API key in browser"_s);
    // An opaque key is no JWT: in Authorization only as a copy of apikey.
    const QByteArray bearer = request.bearerToken();
    if (bearer.startsWith("sb_") && !crypto::constantTimeEquals(bearer, key))
        return gatewayError(401, u"Invalid API key"_s);
    if (route.access == Access::ServiceRole &&
        (role != Backend::KeyRole::ServiceRole || !crypto::constantTimeEquals(bearer, key)))
        return authError(request, 401, u"no_authorization"_s,
                         u"This endpoint requires the secret key as apikey and Bearer token"_s);
    return std::nullopt;
}

// The platform's gateway hands Auth and PostgREST a JWT for the key's role
// in place of an opaque key: when Authorization repeats the key, and for a
// secret key sent alone. A publishable key alone stays anonymous.
Request Server::forUpstream(const Request &request)
{
    const QByteArray key = apiKeyOf(request);
    if (!key.startsWith("sb_"))
        return request;
    const bool secret = m_backend.keyRole(key) == Backend::KeyRole::ServiceRole;
    const bool repeated = request.bearerToken() == key;
    if (!repeated && !(secret && request.header("authorization").isEmpty()))
        return request;
    Request upstream = request;
    upstream.headers.removeIf([](const QPair<QByteArray, QByteArray> &h) {
        return h.first.compare("authorization", Qt::CaseInsensitive) == 0;
    });
    upstream.headers.append(
        {"Authorization", "Bearer " + m_backend.roleToken(secret ? u"service_role"_s : u"anon"_s)});
    return upstream;
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

Reply Server::advanceClock(const Request &request)
{
    // Forward only, at most a day per call: tokens, codes, challenges and
    // cooldowns expire as if the time had passed.
    const QJsonObject body = QJsonDocument::fromJson(request.body).object();
    const qint64 seconds = body.value(u"advance_seconds").toInteger(-1);
    if (seconds < 0 || seconds > 86400)
        return authError(request, 400, u"validation_failed"_s,
                         u"advance_seconds must be between 0 and 86400"_s);
    Backend::advanceClock(seconds);
    return Reply::json(200, QJsonObject{{u"now"_s, Backend::now()}});
}

Reply Server::dispatch(const Request &request)
{
    if (request.path != u"/_emulator/stats")
        count(request);
    if (request.body.size() > kMaxBody)
        return authError(request, 413, u"request_too_large"_s,
                         u"Request body is larger than 1 MB"_s);

    if (auto refused = refuseCrossSite(request))
        return *refused;

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
        return route->handler(forUpstream(request));
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
    // GoTrue echoes the version it used on its error answers only
    // (HandleResponseError in supabase/auth's internal/api/errors.go).
    if (request.apiVersioned() && reply.status >= 400 && !reply.fromGateway &&
        request.path.startsWith(u"/auth/v1/"))
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
