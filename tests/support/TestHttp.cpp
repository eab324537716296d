#include "TestHttp.h"

#include <QEventLoop>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTimer>

namespace exegia::test {

QByteArray HttpResponse::header(const QByteArray &name) const
{
    for (const auto &h : headers) {
        if (h.first.compare(name, Qt::CaseInsensitive) == 0)
            return h.second;
    }
    return {};
}

Http::Http()
    : m_nam(new QNetworkAccessManager)
{
}

Http::~Http()
{
    delete m_nam;
}

HttpResponse Http::send(const QByteArray &method, const QUrl &url, const Headers &headers,
                        const QByteArray &body, int timeoutMs)
{
    QNetworkRequest request(url);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    for (const auto &h : headers)
        request.setRawHeader(h.first, h.second);
    QNetworkReply *reply = m_nam->sendCustomRequest(request, method, body);

    QEventLoop loop;
    QTimer deadline;
    deadline.setSingleShot(true);
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    QObject::connect(&deadline, &QTimer::timeout, &loop, &QEventLoop::quit);
    deadline.start(timeoutMs);
    if (!reply->isFinished())
        loop.exec();

    HttpResponse response;
    if (!reply->isFinished()) {
        reply->abort();
        response.networkError = QStringLiteral("timed out");
    } else {
        response.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        response.body = reply->readAll();
        response.headers = reply->rawHeaderPairs();
        if (response.status == 0)
            response.networkError = reply->errorString();
    }
    reply->deleteLater();
    return response;
}

HttpResponse Http::postJson(const QUrl &url, const QJsonObject &body, const Headers &headers)
{
    Headers all = headers;
    all.append(qMakePair(QByteArray("Content-Type"), QByteArray("application/json;charset=UTF-8")));
    return send("POST", url, all, QJsonDocument(body).toJson(QJsonDocument::Compact));
}

} // namespace exegia::test
