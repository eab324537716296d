#pragma once

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QPair>
#include <QUrl>

#include <chrono>

class QTcpServer;
class QTcpSocket;

namespace exegia::test {

// How the server treats one request.
struct Misbehaviour
{
    enum class Kind {
        Answer,       // a whole HTTP/1.1 response (any status, headers, body)
        Late,         // the same response, but only after `delay`
        Dribble,      // the status line and headers, then one body byte per `delay`, forever
        ResetMidBody, // headers announcing the whole body, half of it, then a TCP reset
        Close,        // close the connection without a byte
    };
    Kind kind = Kind::Answer;
    int status = 200;
    QList<QPair<QByteArray, QByteArray>> headers; // Content-Length is added
    QByteArray body;
    std::chrono::milliseconds delay{0};

    static Misbehaviour json(int status, const QByteArray &body);
    static Misbehaviour with(Kind kind, int status, const QByteArray &contentType,
                             const QByteArray &body);
};

// A deliberately unreliable HTTP server on 127.0.0.1 for fault tests: each
// request it reads takes the next entry of `script`, so a test states exactly
// what the client meets and in which order. A request beyond the script gets
// a 599 that no test expects, so a surprise extra request shows up as a
// failure instead of passing quietly.
class FaultServer : public QObject
{
public:
    FaultServer();
    ~FaultServer() override;

    QUrl url() const;

    QList<Misbehaviour> script;
    // "METHOD /path?query" of every request read, in order.
    QList<QByteArray> requests;

private:
    void onReadyRead(QTcpSocket *socket);
    void perform(QTcpSocket *socket, const Misbehaviour &what);

    QTcpServer *m_server;
};

} // namespace exegia::test
