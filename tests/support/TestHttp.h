#pragma once

#include <QByteArray>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QUrl>

class QNetworkAccessManager;

namespace exegia::test {

// What came back from one blocking test request.
struct HttpResponse
{
    int status = 0; // 0: no HTTP answer (network error or timeout)
    QByteArray body;
    QList<QPair<QByteArray, QByteArray>> headers;
    QString networkError;

    QByteArray header(const QByteArray &name) const; // case-insensitive, first match
    QJsonObject json() const { return QJsonDocument::fromJson(body).object(); }
    QJsonArray jsonArray() const { return QJsonDocument::fromJson(body).array(); }
    bool isJsonObject() const { return QJsonDocument::fromJson(body).isObject(); }
};

using Headers = QList<QPair<QByteArray, QByteArray>>;

// Blocking HTTP for tests only: runs a local event loop until the reply
// finishes or the deadline passes. Redirects are not followed.
class Http
{
public:
    Http();
    ~Http();
    Http(const Http &) = delete;
    Http &operator=(const Http &) = delete;

    HttpResponse send(const QByteArray &method, const QUrl &url, const Headers &headers = {},
                      const QByteArray &body = {}, int timeoutMs = 10000);
    HttpResponse get(const QUrl &url, const Headers &headers = {})
    {
        return send("GET", url, headers);
    }
    HttpResponse postJson(const QUrl &url, const QJsonObject &body, const Headers &headers = {});

private:
    QNetworkAccessManager *m_nam;
};

} // namespace exegia::test
