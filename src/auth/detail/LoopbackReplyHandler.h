#pragma once

#include <QMap>
#include <QOAuthOobReplyHandler>

#include <chrono>

class QTcpServer;
class QTcpSocket;

namespace exegia::auth::detail {

// The loopback end of an RFC 8252 redirect: a Qt NetworkAuth reply handler
// (callbackReceived, tokensReceived, as QOAuth2AuthorizationCodeFlow expects)
// that reads each connection on its own, so another local process that knows
// the port cannot disturb the browser's request.
//
// Why not QOAuthHttpServerReplyHandler: in Qt 6.4 it keys its parser state by
// socket pointer and never clears it (a few half-sent requests lose the real
// callback), rejects a request split over two reads, buffers and logs an
// unbounded request line, ignores Host and matches the path as a prefix.
// Why not QtHttpServer 6.4 either: its parser buffers the whole URL before
// any handler runs (no request-line limit, so no 414 without buffering),
// qt.httpserver debug output prints every request with its headers (the code
// and the secret path), and it offers no per-connection cap or eviction. The
// callback is one GET with a query, so a small reader is the smaller risk.
//
// Per connection: at most kMaxRequestLine bytes of request line (else 414,
// and the rest is read and thrown away, never stored), at most
// kMaxHeaderBlock bytes of headers (else 431), only GET, exactly the callback
// path (404 otherwise), and Host 127.0.0.1:port or localhost:port (400
// otherwise). At most kMaxConnections at once: a new connection evicts the
// oldest one that has not delivered a callback, so idle connections cannot
// lock the browser out. Nothing of a request line, path or query is logged.
//
// A callback is emitted with the request still open: the receiver answers it
// with answer(currentRequest(), ...) now or later, when it knows the outcome.
class LoopbackReplyHandler : public QOAuthOobReplyHandler
{
    Q_OBJECT
public:
    static constexpr qsizetype kMaxRequestLine = 8 * 1024;
    static constexpr qsizetype kMaxHeaderBlock = 32 * 1024;
    static constexpr int kMaxConnections = 256;
    // A connection that has not finished its request by then is dropped.
    static constexpr std::chrono::milliseconds kIdleTimeout = std::chrono::seconds(30);

    explicit LoopbackReplyHandler(QObject *parent = nullptr);
    ~LoopbackReplyHandler() override;

    // Listens on 127.0.0.1 with an ephemeral port; false when that fails.
    bool listen();
    bool isListening() const;
    quint16 port() const;
    // Stops accepting; requests not answered yet are dropped, answers
    // already written still reach their browsers.
    void close();

    // The path (without the leading '/') that callbacks must use exactly.
    void setCallbackPath(const QString &path);
    // http://127.0.0.1:<port>/<path>
    QString callback() const override;

    // While callbackReceived is being emitted: the id of that request;
    // 0 otherwise.
    quint64 currentRequest() const { return m_current; }
    // Answers a held request with a 200 HTML page and closes it; false when
    // the request is unknown, already answered, or its browser has gone.
    bool answer(quint64 request, const QByteArray &html);
    // Requests that delivered a callback and wait for answer().
    int heldRequests() const;

private:
    struct Connection;
    void onNewConnection();
    void onReadyRead(quint64 id);
    void onRequest(quint64 id, const QByteArray &head);
    void refuse(quint64 id, int status, const QByteArray &reason);
    void respond(QTcpSocket *socket, int status, const QByteArray &reason, const QByteArray &html);
    void drop(quint64 id);
    void evictOneIdle();
    bool hostAllowed(const QByteArray &head) const;

    QTcpServer *m_server = nullptr;
    QMap<quint64, Connection *> m_connections; // ordered by age
    QByteArray m_path;                         // "/<path>"
    quint64 m_nextId = 1;
    quint64 m_current = 0;
};

} // namespace exegia::auth::detail
