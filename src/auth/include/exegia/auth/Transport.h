#pragma once

// The extension point under every call of the library: AuthClient (and
// SessionManager, BrowserSignIn through it) send each HTTP request through
// one Transport. The default one speaks HTTP over QNetworkAccessManager; a
// test or an embedding program can pass its own (canned replies, a proxy).

#include <QByteArray>
#include <QFuture>
#include <QJsonValue>
#include <QList>
#include <QObject>
#include <QPair>
#include <QString>
#include <QUrl>
#include <QUrlQuery>

#include <chrono>
#include <optional>

namespace exegia::auth {

// One call, described independently of Qt's network classes so that the
// transport alone decides the headers every request carries.
struct HttpRequest
{
    QByteArray method = "GET";
    QString path; // below the project URL, e.g. "/auth/v1/user"
    QUrlQuery query;
    // Non-GET requests without a body send `{}` (GoTrue rejects an empty body).
    std::optional<QJsonValue> body;
    // The user's access token, or empty to send the API key as Bearer.
    QString bearer;
    // Extra headers such as Prefer; they cannot replace the fixed ones.
    QList<QPair<QByteArray, QByteArray>> headers;
    // Set only for a request that does not go to the project (Google's token
    // endpoint): sent to this absolute URL with `formBody` as
    // application/x-www-form-urlencoded, and without the project's headers
    // (no API key leaves for another host). `path` is then the URL's path.
    QUrl externalUrl;
    QByteArray formBody;
    // A deadline for this request alone (a refresh must end well inside the
    // server's reuse interval); zero: the transport's own timeout.
    std::chrono::milliseconds timeout{0};

    bool isIdempotent() const { return method == "GET" || method == "HEAD"; }
    bool isExternal() const { return externalUrl.isValid(); }
};

// An HTTP answer of any status. Transport failures never produce one: they
// are NetworkError.
struct HttpReply
{
    int status = 0;
    QByteArray body;
    QList<QPair<QByteArray, QByteArray>> headers;

    // Case-insensitive; the first match, or empty.
    QByteArray header(const QByteArray &name) const
    {
        for (const auto &h : headers) {
            if (h.first.compare(name, Qt::CaseInsensitive) == 0)
                return h.second;
        }
        return {};
    }
    bool isSuccess() const { return status >= 200 && status < 300; }
};

class Transport : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;

    // The reply (any status) or a NetworkError stored in the future. Adds nothing:
    // the default implementation (detail::HttpTransport over QNetworkAccessManager)
    // adds the WIRE headers itself. Called on the transport's thread; the
    // future finishes there.
    virtual QFuture<HttpReply> request(const HttpRequest &request) = 0;

    // A hint that a request to the project will follow soon: open the
    // connection now (TCP, and TLS for https) so that the first call does
    // not pay the handshakes. Reports nothing; a failure shows on the next
    // request. The default does nothing (a fake or a proxy need not care).
    virtual void preconnect() {}
};

} // namespace exegia::auth
