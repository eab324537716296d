#pragma once

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QPair>
#include <QUrl>
#include <QUrlQuery>

#include <functional>

class QTcpServer;
class QTcpSocket;

namespace exegia::test {

// One HTTP/1.1 request as it arrived on the wire.
struct RecordedRequest
{
    QByteArray method;
    QString path;
    QUrlQuery query;
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;

    QByteArray header(const QByteArray &name) const;
    bool hasHeader(const QByteArray &name) const;
};

// What to send back for one request.
struct CannedResponse
{
    enum class Action { Respond, Hang, Close };
    Action action = Action::Respond;
    int status = 200;
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;
    bool truncate = false; // announce the full length, send half, close

    static CannedResponse json(int status, const QByteArray &body,
                               QList<QPair<QByteArray, QByteArray>> headers = {});
    static CannedResponse hang() { return {Action::Hang, 0, {}, {}, false}; }
    static CannedResponse close() { return {Action::Close, 0, {}, {}, false}; }
};

// A tiny HTTP server on 127.0.0.1 for tests: records every request and
// answers from a queue of canned responses (500 when the queue is empty), or
// through `handler`, which may answer later (used to proxy to the emulator).
class RecordingServer : public QObject
{
public:
    using Respond = std::function<void(const CannedResponse &)>;
    using Handler = std::function<void(const RecordedRequest &, Respond)>;

    RecordingServer();
    ~RecordingServer() override;

    QUrl url() const;
    quint16 port() const;

    QList<CannedResponse> queue;
    Handler handler;
    QList<RecordedRequest> requests;

private:
    void onReadyRead(QTcpSocket *socket);
    static void write(QTcpSocket *socket, const CannedResponse &response);

    QTcpServer *m_server;
};

} // namespace exegia::test
