#pragma once

#include <exegia/auth/HttpReply.h>
#include <exegia/auth/HttpRequest.h>

#include <QFuture>
#include <QObject>
#include <QUrl>

#include <chrono>
#include <exception>
#include <functional>

class QNetworkAccessManager;
class QNetworkReply;
class QNetworkRequest;

namespace exegia::auth {

// Sends HttpRequests to one project with the headers WIRE.md prescribes:
// apikey; Authorization: Bearer <user token, or the key without a session>;
// X-Client-Info; X-Supabase-Api-Version on /auth/v1; JSON bodies (at least
// `{}`) with Content-Type application/json;charset=UTF-8 on non-GET.
// Every request ends within the timeout, even one whose answer trickles in
// byte by byte. Redirects are not followed (no API call redirects; a captive
// portal does). Only idempotent requests are retried, on 502/503/504 and on
// refused or dropped connections, after 200 ms then 400 ms (three attempts).
// Lives in, and calls back on, its thread.
class HttpTransport : public QObject
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

    // Exactly one of reply / error is set; `reply` may have any status.
    // Transport failures arrive as a NetworkError in `error`.
    using Callback = std::function<void(const HttpReply *reply, std::exception_ptr error)>;

    explicit HttpTransport(Settings settings, QObject *parent = nullptr);
    ~HttpTransport() override;

    void send(const HttpRequest &request, Callback callback);
    // The same as a future: the reply (any status) or a NetworkError.
    QFuture<HttpReply> request(const HttpRequest &request);

    // The Qt request and body `send` would use; public so tests can check them.
    QNetworkRequest networkRequest(const HttpRequest &request) const;
    static QByteArray bodyBytes(const HttpRequest &request);

    static bool isRetryableStatus(int status);
    const Settings &settings() const { return m_settings; }

private:
    void attempt(const HttpRequest &request, int attemptNumber, Callback callback);
    void finished(QNetworkReply *reply, const HttpRequest &request, int attemptNumber,
                  const Callback &callback);

    Settings m_settings;
    QNetworkAccessManager *m_network;
};

} // namespace exegia::auth
