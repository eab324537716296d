#include "HttpListener.h"

#include <QHostAddress>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTcpSocket>

#include <sys/socket.h>

using namespace Qt::StringLiterals;

namespace exegia::emulator {

namespace {

// How long a refused connection may keep sending before it is cut.
constexpr int kLingerMs = 5000;

// A loopback name with a port. Any port: what stops DNS rebinding is the
// name (a page's own host name arrives here), and a local proxy in front of
// the emulator (the tests' SwallowingProxy) sends its own port.
bool isAllowedHost(const QByteArray &host)
{
    const qsizetype colon = host.lastIndexOf(':');
    bool portOk = false;
    const uint port = colon > 0 ? host.mid(colon + 1).toUInt(&portOk) : 0;
    const QByteArray name = host.left(colon).toLower();
    return portOk && port > 0 && port <= 65535 &&
           (name == "127.0.0.1" || name == "localhost" || name == "[::1]");
}

// Every value of one header in a raw head, in order (names are case-insensitive).
QList<QByteArray> headerValues(const QList<QByteArray> &lines, QByteArrayView name)
{
    QList<QByteArray> values;
    for (const QByteArray &line : lines) {
        const qsizetype colon = line.indexOf(':');
        if (colon > 0 && line.left(colon).trimmed().compare(name, Qt::CaseInsensitive) == 0)
            values.append(line.mid(colon + 1).trimmed());
    }
    return values;
}

} // namespace

HttpListener::HttpListener(int idleTimeoutSeconds, QObject *parent)
    : QTcpServer(parent)
    , m_idleTimeoutMs(idleTimeoutSeconds * 1000)
{}

void HttpListener::incomingConnection(qintptr descriptor)
{
    auto *socket = new QTcpSocket(this);
    if (!socket->setSocketDescriptor(descriptor)) {
        delete socket;
        return;
    }
    // Connected before QAbstractHttpServer connects its own handler, so the
    // guard sees each chunk first.
    new ConnectionGuard(socket, m_idleTimeoutMs);
    addPendingConnection(socket);
}

ConnectionGuard::ConnectionGuard(QTcpSocket *socket, int idleTimeoutMs)
    : QObject(socket)
    , m_socket(socket)
{
    m_idle.setSingleShot(true);
    m_idle.setInterval(idleTimeoutMs);
    connect(&m_idle, &QTimer::timeout, socket, &QTcpSocket::abort);
    connect(socket, &QTcpSocket::readyRead, this, &ConnectionGuard::onReadyRead);
    connect(socket, &QTcpSocket::bytesWritten, &m_idle, qOverload<>(&QTimer::start));
    m_idle.start();
}

void ConnectionGuard::onReadyRead()
{
    if (m_refused) {
        drain();
        return;
    }
    m_idle.start();
    // Only the bytes QAbstractHttpServer has not read yet: it reads all of
    // them after this handler returns.
    const QByteArray bytes = m_socket->peek(m_socket->bytesAvailable());
    qsizetype at = 0;
    while (at < bytes.size()) {
        if (m_bodyLeft > 0) {
            const qint64 skip = qMin<qint64>(m_bodyLeft, bytes.size() - at);
            m_bodyLeft -= skip;
            at += skip;
            continue;
        }
        Refusal refusal;
        at = takeHeadBytes(bytes, at, &refusal);
        if (refusal.status != 0) {
            refuse(refusal);
            return;
        }
    }
}

// Adds bytes from `at` to the head being collected; at its end checks it and
// moves on to the body. Returns where the caller goes on reading.
qsizetype ConnectionGuard::takeHeadBytes(const QByteArray &bytes, qsizetype at, Refusal *refusal)
{
    const qsizetype before = m_head.size();
    m_head += bytes.mid(at, qMin(bytes.size() - at, kMaxHead + 4 - before));
    const qsizetype end = m_head.indexOf("\r\n\r\n", qMax<qsizetype>(0, before - 3));
    if (end < 0) {
        if (m_head.size() > kMaxHead)
            *refusal = {431, "Request Header Fields Too Large", "request_header_fields_too_large",
                        "The request's header block is larger than 64 KB"};
        return bytes.size();
    }
    const qsizetype headEnd = end + 4;
    m_head.truncate(headEnd);
    *refusal = headEnd > kMaxHead ? Refusal{431, "Request Header Fields Too Large",
                                            "request_header_fields_too_large",
                                            "The request's header block is larger than 64 KB"}
                                  : checkHead(m_head);
    m_head.clear();
    return at + (headEnd - before);
}

ConnectionGuard::Refusal ConnectionGuard::checkHead(const QByteArray &head)
{
    const QList<QByteArray> lines = head.split('\n');
    const QList<QByteArray> hosts = headerValues(lines, "host");
    if (hosts.size() != 1)
        return {400, "Bad Request", "bad_request", "A request needs exactly one Host header"};
    // A page in a browser that reaches us through DNS rebinding carries its
    // own host name here.
    if (!isAllowedHost(hosts.first()))
        return {421, "Misdirected Request", "misdirected_request",
                "Host must be 127.0.0.1, localhost or [::1] with a port"};
    if (!headerValues(lines, "transfer-encoding").isEmpty())
        return {411, "Length Required", "length_required",
                "Send the body with a Content-Length, not a transfer coding"};
    const QList<QByteArray> lengths = headerValues(lines, "content-length");
    qint64 length = 0;
    for (const QByteArray &value : lengths) {
        bool ok = false;
        const qint64 parsed = value.toLongLong(&ok);
        if (!ok || parsed < 0 || (value != lengths.first()))
            return {400, "Bad Request", "bad_request",
                    "Content-Length is missing a number or given twice with different values"};
        length = parsed;
    }
    if (length > kMaxBody)
        return {413, "Payload Too Large", "request_too_large", "Request body is larger than 1 MB"};
    m_bodyLeft = length;
    return {};
}

// Answers now, before the body is read, then only drains what the client
// still sends until it closes: closing with unread data would reset the
// connection and the client might lose the answer.
void ConnectionGuard::refuse(const Refusal &refusal)
{
    m_refused = true;
    m_bodyLeft = 0;
    // QAbstractHttpServer never sees this connection again.
    QObject::disconnect(m_socket, &QTcpSocket::readyRead, nullptr, nullptr);
    connect(m_socket, &QTcpSocket::readyRead, this, &ConnectionGuard::drain);
    const QByteArray body =
        QJsonDocument(QJsonObject{{u"code"_s, refusal.status},
                                  {u"error_code"_s, QString::fromLatin1(refusal.code)},
                                  {u"msg"_s, QString::fromLatin1(refusal.message)}})
            .toJson(QJsonDocument::Compact);
    m_socket->write("HTTP/1.1 " + QByteArray::number(refusal.status) + ' ' + refusal.reason +
                    "\r\nContent-Type: application/json\r\nx-sb-error-code: " + refusal.code +
                    "\r\nContent-Length: " + QByteArray::number(body.size()) +
                    "\r\nConnection: close\r\n\r\n" + body);
    connect(m_socket, &QTcpSocket::bytesWritten, this, [this] {
        if (m_socket->bytesToWrite() == 0)
            ::shutdown(int(m_socket->socketDescriptor()), SHUT_WR);
    });
    m_idle.disconnect();
    m_idle.setInterval(kLingerMs);
    connect(&m_idle, &QTimer::timeout, m_socket, &QTcpSocket::abort);
    m_idle.start();
    drain();
}

void ConnectionGuard::drain()
{
    // Data read inside QAbstractHttpServer's open transaction stays buffered
    // until it commits; roll back so the discarded bytes are freed.
    if (m_socket->isTransactionStarted())
        m_socket->rollbackTransaction();
    while (m_socket->bytesAvailable() > 0)
        m_socket->read(64 * 1024);
}

} // namespace exegia::emulator
