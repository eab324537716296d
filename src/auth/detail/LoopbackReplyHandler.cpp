#include "detail/LoopbackReplyHandler.h"

#include <QHostAddress>
#include <QLoggingCategory>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>
#include <QUrlQuery>

#include <utility>

using namespace Qt::StringLiterals;

namespace exegia::auth::detail {

namespace {

// Its own category: statuses only, never a request line, path or query.
Q_LOGGING_CATEGORY(lcListener, "exegia.auth.listener")

// A refused request's answer has gone out; the sender may still be pushing
// the rest of an oversized request. Reading it away (not storing it) for a
// moment lets its client see the status instead of a reset.
constexpr std::chrono::milliseconds kDrainTime = std::chrono::seconds(2);
// Qt's own buffer per socket: what the kernel hands over in one go.
constexpr qint64 kSocketBuffer = 16 * 1024;

void discardAvailable(QTcpSocket *socket)
{
    char sink[4096];
    while (socket->read(sink, sizeof sink) > 0) {
    }
}

} // namespace

struct LoopbackReplyHandler::Connection
{
    enum class State {
        Reading,  // the request head is still coming in
        Held,     // a callback was emitted; waiting for answer()
        Draining, // refused while the client was sending; reading away
        Answered, // the answer is on its way, the socket closes after it
    };
    QTcpSocket *socket = nullptr;
    QTimer *timer = nullptr; // idle, then drain/close deadline
    QByteArray head;
    State state = State::Reading;
    bool complete = false; // the whole request head has arrived
};

LoopbackReplyHandler::LoopbackReplyHandler(QObject *parent)
    : QOAuthOobReplyHandler(parent)
    , m_server(new QTcpServer(this))
{
    connect(m_server, &QTcpServer::newConnection, this, &LoopbackReplyHandler::onNewConnection);
}

LoopbackReplyHandler::~LoopbackReplyHandler()
{
    // Pages already answered get their last chance to leave; the sockets
    // themselves are children and go with this object. Taken out first:
    // a flush that completes a close reports it at once.
    const QMap<quint64, Connection *> connections = std::exchange(m_connections, {});
    for (Connection *c : connections) {
        c->socket->disconnect(this);
        if (c->state == Connection::State::Answered)
            c->socket->flush();
        delete c;
    }
}

bool LoopbackReplyHandler::listen()
{
    // Loopback only: RFC 8252 section 8.3; never every interface.
    m_server->setMaxPendingConnections(kMaxConnections);
    return m_server->listen(QHostAddress::LocalHost, 0);
}

bool LoopbackReplyHandler::isListening() const
{
    return m_server->isListening();
}

quint16 LoopbackReplyHandler::port() const
{
    return m_server->serverPort();
}

void LoopbackReplyHandler::close()
{
    m_server->close();
    const QList<quint64> ids = m_connections.keys();
    for (quint64 id : ids) {
        const auto state = m_connections.value(id)->state;
        if (state == Connection::State::Reading || state == Connection::State::Held)
            drop(id);
    }
}

void LoopbackReplyHandler::setCallbackPath(const QString &path)
{
    m_path = '/' + path.toLatin1();
}

QString LoopbackReplyHandler::callback() const
{
    return u"http://127.0.0.1:%1%2"_s.arg(port()).arg(QString::fromLatin1(m_path));
}

int LoopbackReplyHandler::heldRequests() const
{
    int held = 0;
    for (const Connection *c : m_connections)
        held += c->state == Connection::State::Held ? 1 : 0;
    return held;
}

void LoopbackReplyHandler::onNewConnection()
{
    while (QTcpSocket *socket = m_server->nextPendingConnection()) {
        if (m_connections.size() >= kMaxConnections)
            evictOneIdle();
        if (m_connections.size() >= kMaxConnections) {
            // Every slot holds a callback waiting for its answer: nothing
            // idle to give way, so the newcomer is the one turned away.
            socket->abort();
            socket->deleteLater();
            continue;
        }
        const quint64 id = m_nextId++;
        auto *c = new Connection;
        c->socket = socket;
        socket->setParent(this);
        socket->setReadBufferSize(kSocketBuffer);
        c->timer = new QTimer(socket);
        c->timer->setSingleShot(true);
        connect(c->timer, &QTimer::timeout, this, [this, id] { drop(id); });
        c->timer->start(kIdleTimeout);
        connect(socket, &QTcpSocket::readyRead, this, [this, id] { onReadyRead(id); });
        connect(socket, &QTcpSocket::disconnected, this, [this, id] { drop(id); });
        m_connections.insert(id, c);
        onReadyRead(id); // bytes may have come with the connection
    }
}

void LoopbackReplyHandler::evictOneIdle()
{
    // The oldest connection that has not delivered a callback: whoever
    // floods the port loses its own connections first, the browser's newest
    // one survives.
    for (auto it = m_connections.cbegin(); it != m_connections.cend(); ++it) {
        if (it.value()->state != Connection::State::Held) {
            drop(it.key());
            return;
        }
    }
}

void LoopbackReplyHandler::onReadyRead(quint64 id)
{
    Connection *c = m_connections.value(id);
    if (!c)
        return;
    if (c->state != Connection::State::Reading) {
        // Nothing after the first request head is ever used.
        discardAvailable(c->socket);
        return;
    }
    while (c->socket->bytesAvailable() > 0) {
        const qsizetype lineEnd = c->head.indexOf("\r\n");
        // Before the request line has ended, never take in more than the
        // limit allows (+2 for its CRLF): a long URL is not stored.
        const qsizetype cap = lineEnd < 0 ? kMaxRequestLine + 2 : kMaxHeaderBlock;
        c->head += c->socket->read(cap - c->head.size());
        const qsizetype end = c->head.indexOf("\r\n");
        if ((end < 0 ? c->head.size() : end) > kMaxRequestLine)
            return refuse(id, 414, "URI Too Long");
        const qsizetype headEnd = c->head.indexOf("\r\n\r\n");
        if (headEnd >= 0) {
            c->timer->stop();
            return onRequest(id, c->head.left(headEnd + 2));
        }
        if (c->head.size() >= kMaxHeaderBlock)
            return refuse(id, 431, "Request Header Fields Too Large");
    }
}

bool LoopbackReplyHandler::hostAllowed(const QByteArray &head) const
{
    // Exactly one Host, naming this listener: a page that rebinds its own
    // DNS name to 127.0.0.1 arrives with its own name here.
    const QByteArray port = QByteArray::number(this->port());
    int hosts = 0;
    bool allowed = false;
    const QList<QByteArray> lines = head.split('\n');
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray line = lines.at(i).trimmed();
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0 || line.left(colon).toLower() != "host")
            continue;
        ++hosts;
        const QByteArray value = line.mid(colon + 1).trimmed().toLower();
        allowed = value == "127.0.0.1:" + port || value == "localhost:" + port;
    }
    return hosts == 1 && allowed;
}

void LoopbackReplyHandler::onRequest(quint64 id, const QByteArray &head)
{
    Connection *c = m_connections.value(id);
    c->complete = true;
    const QList<QByteArray> parts = head.left(head.indexOf("\r\n")).split(' ');
    if (parts.size() != 3 || !parts.at(2).startsWith("HTTP/1."))
        return refuse(id, 400, "Bad Request");
    if (parts.at(0) != "GET")
        return refuse(id, 405, "Method Not Allowed");
    if (!hostAllowed(head))
        return refuse(id, 400, "Bad Request");
    const QByteArray &target = parts.at(1);
    const qsizetype question = target.indexOf('?');
    // Exactly the secret path: "/<path>x" or "/<path>/" are other resources.
    if (target.left(question) != m_path)
        return refuse(id, 404, "Not Found");
    QVariantMap values;
    if (question >= 0) {
        const QUrlQuery query(QString::fromLatin1(target.mid(question + 1)));
        for (const auto &[key, value] : query.queryItems(QUrl::FullyDecoded))
            values.insert(key, value);
    }
    c->state = Connection::State::Held;
    c->head.clear();
    m_current = id;
    emit callbackReceived(values);
    m_current = 0;
}

void LoopbackReplyHandler::refuse(quint64 id, int status, const QByteArray &reason)
{
    Connection *c = m_connections.value(id);
    // Only the status: the request line and its path never reach a log.
    qCDebug(lcListener) << "loopback listener refused a request with status" << status;
    c->head.clear();
    c->head.squeeze();
    const bool whole = c->complete;
    c->state = Connection::State::Draining;
    c->timer->start(kDrainTime);
    respond(c->socket, status, reason, reason);
    if (!whole)
        return discardAvailable(c->socket);
    // Last: closing may report the disconnect at once, which drops `c`.
    c->socket->disconnectFromHost();
}

bool LoopbackReplyHandler::answer(quint64 request, const QByteArray &html)
{
    Connection *c = m_connections.value(request);
    if (!c || c->state != Connection::State::Held ||
        c->socket->state() != QAbstractSocket::ConnectedState)
        return false;
    c->state = Connection::State::Answered;
    c->timer->start(kDrainTime); // a browser that never reads is let go
    respond(c->socket, 200, "OK", html);
    // Last: closing may report the disconnect at once, which drops `c`.
    c->socket->disconnectFromHost();
    return true;
}

void LoopbackReplyHandler::respond(QTcpSocket *socket, int status, const QByteArray &reason,
                                   const QByteArray &html)
{
    const QByteArray type = status == 200 ? "text/html; charset=utf-8" : "text/plain";
    // The page's URL carries the code: no caching, no Referer to anywhere.
    socket->write("HTTP/1.1 " + QByteArray::number(status) + ' ' + reason + "\r\nContent-Type: " +
                  type + "\r\nContent-Length: " + QByteArray::number(html.size()) +
                  "\r\nCache-Control: no-store\r\nReferrer-Policy: no-referrer"
                  "\r\nX-Content-Type-Options: nosniff\r\nConnection: close\r\n\r\n" +
                  html);
}

void LoopbackReplyHandler::drop(quint64 id)
{
    Connection *c = m_connections.take(id);
    if (!c)
        return;
    c->socket->disconnect(this);
    c->socket->abort();
    c->socket->deleteLater();
    delete c;
}

} // namespace exegia::auth::detail
