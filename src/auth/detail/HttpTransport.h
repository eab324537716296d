#pragma once

#include <exegia/auth/Transport.h>

#include "detail/Completion.h"

#include <chrono>

class QNetworkAccessManager;
class QNetworkReply;
class QNetworkRequest;

namespace exegia::auth {

// Sends HttpRequests to one project with the headers docs/wire.md prescribes:
// apikey; Authorization: Bearer <user token, or the key without a session>;
// X-Client-Info; X-Supabase-Api-Version on /auth/v1; JSON bodies (at least
// `{}`) with Content-Type application/json;charset=UTF-8 on non-GET.
// Every request ends within the timeout, even one whose answer trickles in
// byte by byte. Redirects are not followed (no API call redirects; a captive
// portal does). Only idempotent requests are retried, on 502/503/504 and on
// refused or dropped connections, after 200 ms then 400 ms (three attempts).
// Requests with an externalUrl get none of the project's headers.
// HTTP/1.1 only, on keep-alive connections (why: networkRequest()).
// preconnect() opens a connection to the project ahead of the first request.
// Lives in, and finishes its futures on, its thread. The one owner of a
// QNetworkAccessManager in the library.
class HttpTransport : public Transport
{
    Q_OBJECT
public:
    struct Settings
    {
        QUrl baseUrl;
        QString apiKey;
        std::chrono::milliseconds timeout{30000};
        QString clientInfo;
        int maxAttempts = 3;
        std::chrono::milliseconds firstRetryDelay{200};
    };

    explicit HttpTransport(Settings settings, QObject *parent = nullptr);
    ~HttpTransport() override;

    QFuture<HttpReply> request(const HttpRequest &request) override;
    // Opens kPreconnections connections (those already open count).
    void preconnect() override;
    static constexpr int kPreconnections = 2;

    // The Qt request and body request() uses; public so tests can check them.
    QNetworkRequest networkRequest(const HttpRequest &request) const;
    static QByteArray bodyBytes(const HttpRequest &request);

    static bool isRetryableStatus(int status);
    const Settings &settings() const { return m_settings; }

private:
    using Done = detail::Completion<HttpReply>;
    std::chrono::milliseconds timeoutFor(const HttpRequest &request) const;
    QNetworkReply *send(const HttpRequest &request);
    void attempt(const HttpRequest &request, int attemptNumber, const Done &done);
    void finished(QNetworkReply *reply, const HttpRequest &request, int attemptNumber,
                  const Done &done);

    Settings m_settings;
    QNetworkAccessManager *m_network;
};

} // namespace exegia::auth
