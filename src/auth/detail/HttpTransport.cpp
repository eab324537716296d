#include "detail/HttpTransport.h"

#include <exegia/auth/Errors.h>

#include "detail/Logging.h"
#include "detail/Wire.h"
#include <exegia/auth/Redaction.h>

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QPointer>
#include <QSslConfiguration>
#include <QTimer>

#include <memory>

using namespace Qt::StringLiterals;

namespace exegia::auth {

namespace {

NetworkError::Kind kindOf(QNetworkReply::NetworkError error)
{
    switch (error) {
    case QNetworkReply::ConnectionRefusedError:
        return NetworkError::Kind::ConnectionRefused;
    case QNetworkReply::RemoteHostClosedError:
    case QNetworkReply::TemporaryNetworkFailureError:
    case QNetworkReply::NetworkSessionFailedError:
        return NetworkError::Kind::ConnectionClosed;
    case QNetworkReply::HostNotFoundError:
        return NetworkError::Kind::HostNotFound;
    case QNetworkReply::TimeoutError:
    case QNetworkReply::OperationCanceledError: // what transferTimeout reports on Qt 6.4
        return NetworkError::Kind::Timeout;
    case QNetworkReply::SslHandshakeFailedError:
        return NetworkError::Kind::Tls;
    default:
        return NetworkError::Kind::Other;
    }
}

bool isRetryableKind(NetworkError::Kind kind)
{
    // A timeout already cost the whole budget; a missing host or bad
    // certificate will not change in 400 ms.
    return kind == NetworkError::Kind::ConnectionRefused ||
           kind == NetworkError::Kind::ConnectionClosed;
}

} // namespace

HttpTransport::HttpTransport(Settings settings, QObject *parent)
    : Transport(parent)
    , m_settings(std::move(settings))
    , m_network(new QNetworkAccessManager(this))
{
    m_network->setRedirectPolicy(QNetworkRequest::ManualRedirectPolicy);
}

HttpTransport::~HttpTransport() = default;

bool HttpTransport::isRetryableStatus(int status)
{
    return status == 502 || status == 503 || status == 504;
}

QNetworkRequest HttpTransport::networkRequest(const HttpRequest &request) const
{
    QUrl url = request.isExternal() ? request.externalUrl : m_settings.baseUrl;
    if (!request.isExternal()) {
        QString basePath = url.path();
        while (basePath.endsWith(u'/'))
            basePath.chop(1);
        url.setPath(basePath + request.path);
        if (!request.query.isEmpty())
            url.setQuery(request.query);
    }

    QNetworkRequest r(url);
    r.setTransferTimeout(int(timeoutFor(request).count()));
    r.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    // HTTP/1.1, not HTTP/2: Qt 6.4 writes an HTTP/2 request's HEADERS frame
    // at once but its DATA frame only after the body came over from this
    // thread to Qt's HTTP thread, and it never sets TCP_NODELAY, so Nagle's
    // algorithm holds the DATA until the server ACKs the HEADERS: every
    // POST/PATCH paid about one more round trip (or a 40-200 ms delayed
    // ACK). Its HTTP/1.1 path writes the header and the body in one go. The
    // socket option is out of reach through QNetworkAccessManager, and
    // HTTP/2 for GETs only would put POSTs and GETs on separate connections
    // (two handshakes on a cold start). One keep-alive connection carries
    // /auth/v1 and /rest/v1 alike; only calls that run requests side by
    // side (getCurrentUserRecord) may open a second one. bench/README.md has
    // the measurements. Plain http never speaks HTTP/2 here (Qt asks for h2c
    // only when told to), and keeping Qt's default there keeps requests on
    // the connection QNetworkAccessManager::connectToHost() opens (preconnect).
    if (url.scheme() == "https"_L1)
        r.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
    for (const auto &h : request.headers)
        r.setRawHeader(h.first, h.second);
    if (request.isExternal()) {
        // Another host (Google): none of the project's credentials go there.
        r.setHeader(QNetworkRequest::ContentTypeHeader, "application/x-www-form-urlencoded"_ba);
        return r;
    }
    const QString bearer = request.bearer.isEmpty() ? m_settings.apiKey : request.bearer;
    r.setRawHeader(wire::kHeaderApiKey, m_settings.apiKey.toLatin1());
    r.setRawHeader(wire::kHeaderAuthorization, "Bearer " + bearer.toLatin1());
    r.setRawHeader(wire::kHeaderClientInfo, m_settings.clientInfo.toUtf8());
    if (request.path.startsWith(wire::kAuthPrefix))
        r.setRawHeader(wire::kHeaderApiVersion, wire::kApiVersion);
    // The schema, as supabase-js names it: a project whose first exposed
    // schema is not `public` still reads and writes public.users.
    if (request.path.startsWith(wire::kRestPrefix))
        r.setRawHeader(request.isIdempotent() ? "Accept-Profile" : "Content-Profile", "public");
    if (!r.hasRawHeader("Accept"))
        r.setRawHeader("Accept", "application/json");
    if (!request.isIdempotent())
        r.setRawHeader("Content-Type", wire::kJsonContentType);
    return r;
}

QByteArray HttpTransport::bodyBytes(const HttpRequest &request)
{
    if (request.isIdempotent())
        return {};
    if (request.isExternal())
        return request.formBody;
    if (!request.body)
        return "{}"_ba;
    if (request.body->isArray())
        return QJsonDocument(request.body->toArray()).toJson(QJsonDocument::Compact);
    return QJsonDocument(request.body->toObject()).toJson(QJsonDocument::Compact);
}

QNetworkReply *HttpTransport::send(const HttpRequest &request)
{
    // GET and HEAD go out without a body and without Content-Length, as
    // supabase-js sends them; a custom verb with empty data would add one.
    if (request.method == "GET")
        return m_network->get(networkRequest(request));
    if (request.method == "HEAD")
        return m_network->head(networkRequest(request));
    return m_network->sendCustomRequest(networkRequest(request), request.method,
                                        bodyBytes(request));
}

void HttpTransport::preconnect()
{
    // The same manager, the same connection cache as request(): HTTP/1.1
    // (no ALPN offer of h2, like the requests) with the default TLS set-up.
    // Two connections, as many as a call runs requests side by side
    // (getCurrentUserRecord, right after a restore's refresh); Qt opens only
    // what is missing, so a second pre-connect on open connections is free.
    const QUrl &url = m_settings.baseUrl;
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    QList<QByteArray> protocols = tls.allowedNextProtocols();
    protocols.removeAll(QSslConfiguration::ALPNProtocolHTTP2);
    tls.setAllowedNextProtocols(protocols);
    for (int i = 0; i < kPreconnections; ++i) {
        if (url.scheme() == "https"_L1)
            m_network->connectToHostEncrypted(url.host(), quint16(url.port(443)), tls);
        else
            m_network->connectToHost(url.host(), quint16(url.port(80)));
    }
    qCDebug(lcAuth).noquote() << "pre-connecting to" << url.host();
}

std::chrono::milliseconds HttpTransport::timeoutFor(const HttpRequest &request) const
{
    return request.timeout.count() > 0 ? request.timeout : m_settings.timeout;
}

QFuture<HttpReply> HttpTransport::request(const HttpRequest &request)
{
    Done done;
    attempt(request, 1, done);
    return done.future();
}

void HttpTransport::attempt(const HttpRequest &request, int attemptNumber, const Done &done)
{
    QNetworkReply *reply = send(request);
    // The transfer timeout only fires after a silence: a server that trickles
    // a byte now and then would hold the call forever. This bounds the whole
    // exchange; abort() reports OperationCanceledError, i.e. a Timeout.
    auto *deadline = new QTimer(reply);
    deadline->setSingleShot(true);
    connect(deadline, &QTimer::timeout, reply, &QNetworkReply::abort);
    deadline->start(timeoutFor(request));
    auto timer = std::make_shared<QElapsedTimer>();
    timer->start();
    connect(reply, &QNetworkReply::finished, this,
            [this, reply, request, attemptNumber, done, timer]() {
                qCDebug(lcAuth).noquote()
                    << request.method << Redaction::redact(reply->url().toString())
                    << reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt()
                    << timer->elapsed() << "ms";
                finished(reply, request, attemptNumber, done);
            });
}

void HttpTransport::finished(QNetworkReply *reply, const HttpRequest &request, int attemptNumber,
                             const Done &done)
{
    reply->deleteLater();
    const QVariant statusAttribute = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    const bool canRetry = request.isIdempotent() && attemptNumber < m_settings.maxAttempts;
    auto retry = [&]() {
        const auto delay = m_settings.firstRetryDelay * (1 << (attemptNumber - 1));
        qCInfo(lcAuth).noquote() << "retrying" << request.method << request.path << "in"
                                 << delay.count() << "ms";
        QTimer::singleShot(delay, this, [this, request, attemptNumber, done]() {
            attempt(request, attemptNumber + 1, done);
        });
    };

    // Codes below 200 are transport failures (connection, proxy), even when a
    // status line arrived before the connection dropped mid-body.
    const bool transportFailed =
        reply->error() != QNetworkReply::NoError && int(reply->error()) < 200;
    if (!statusAttribute.isValid() || transportFailed) {
        const auto kind = kindOf(reply->error());
        if (canRetry && isRetryableKind(kind))
            return retry();
        qCInfo(lcAuth).noquote() << request.method << request.path
                                 << "failed:" << Redaction::redact(reply->errorString());
        done.fail(std::make_exception_ptr(NetworkError(kind, reply->errorString())));
        return;
    }

    HttpReply result;
    result.status = statusAttribute.toInt();
    if (canRetry && isRetryableStatus(result.status))
        return retry();
    if (result.status >= 300 && result.status < 400) {
        // Nothing in the API redirects: this is a portal or a proxy talking.
        done.fail(std::make_exception_ptr(
            NetworkError(NetworkError::Kind::MalformedReply,
                         u"unexpected redirect (HTTP %1)"_s.arg(result.status))));
        return;
    }
    result.body = reply->readAll();
    result.headers = reply->rawHeaderPairs();
    done.succeed(std::move(result));
}

} // namespace exegia::auth
