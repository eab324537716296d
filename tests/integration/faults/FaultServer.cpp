#include "FaultServer.h"

#include <QHostAddress>
#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

#include <sys/socket.h>

namespace exegia::test {

namespace {

QByteArray head(const Misbehaviour &what)
{
    QByteArray out = "HTTP/1.1 " + QByteArray::number(what.status) + " Status\r\n";
    for (const auto &h : what.headers)
        out += h.first + ": " + h.second + "\r\n";
    out += "Content-Length: " + QByteArray::number(what.body.size()) + "\r\n\r\n";
    return out;
}

// SO_LINGER with a zero timeout makes close() send RST instead of FIN: the
// client sees "connection reset by peer", as when a middlebox kills a flow.
void reset(QTcpSocket *socket)
{
    const linger hard{1, 0};
    ::setsockopt(int(socket->socketDescriptor()), SOL_SOCKET, SO_LINGER, &hard, sizeof hard);
    socket->abort();
}

} // namespace

Misbehaviour Misbehaviour::json(int status, const QByteArray &body)
{
    return with(Kind::Answer, status, "application/json", body);
}

Misbehaviour Misbehaviour::with(Kind kind, int status, const QByteArray &contentType,
                                const QByteArray &body)
{
    Misbehaviour m;
    m.kind = kind;
    m.status = status;
    if (!contentType.isEmpty())
        m.headers.append({"Content-Type", contentType});
    m.body = body;
    return m;
}

FaultServer::FaultServer()
    : m_server(new QTcpServer(this))
{
    m_server->listen(QHostAddress::LocalHost, 0);
    connect(m_server, &QTcpServer::newConnection, this, [this] {
        while (QTcpSocket *socket = m_server->nextPendingConnection()) {
            socket->setParent(this);
            connect(socket, &QTcpSocket::readyRead, this, [this, socket] { onReadyRead(socket); });
            connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        }
    });
}

FaultServer::~FaultServer() = default;

QUrl FaultServer::url() const
{
    return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_server->serverPort()));
}

void FaultServer::onReadyRead(QTcpSocket *socket)
{
    // The client may send several requests on one kept-alive connection.
    QByteArray buffer = socket->property("buffer").toByteArray() + socket->readAll();
    for (;;) {
        const qsizetype end = buffer.indexOf("\r\n\r\n");
        if (end < 0)
            break;
        const QByteArray header = buffer.left(end);
        qsizetype length = 0;
        for (const QByteArray &line : header.split('\n')) {
            if (line.toLower().startsWith("content-length:"))
                length = line.mid(15).trimmed().toLongLong();
        }
        if (buffer.size() < end + 4 + length)
            break;
        const QList<QByteArray> requestLine = header.left(header.indexOf('\r')).split(' ');
        requests.append(requestLine.value(0) + ' ' + requestLine.value(1));
        buffer.remove(0, end + 4 + length);
        perform(socket, script.isEmpty()
                            ? Misbehaviour::json(599, R"({"message":"not in the script"})")
                            : script.takeFirst());
        if (socket->state() != QAbstractSocket::ConnectedState)
            return;
    }
    socket->setProperty("buffer", buffer);
}

void FaultServer::perform(QTcpSocket *socket, const Misbehaviour &what)
{
    using Kind = Misbehaviour::Kind;
    QPointer<QTcpSocket> guard(socket);
    switch (what.kind) {
    case Kind::Answer:
        socket->write(head(what) + what.body);
        return;
    case Kind::Late:
        QTimer::singleShot(what.delay, this, [guard, what] {
            if (guard && guard->state() == QAbstractSocket::ConnectedState)
                guard->write(head(what) + what.body);
        });
        return;
    case Kind::Dribble: {
        socket->write(head(what));
        auto *timer = new QTimer(socket); // dies with the connection
        auto sent = std::make_shared<qsizetype>(0);
        connect(timer, &QTimer::timeout, socket, [guard, what, sent] {
            if (guard && *sent < what.body.size())
                guard->write(what.body.mid((*sent)++, 1));
        });
        timer->start(what.delay);
        return;
    }
    case Kind::ResetMidBody:
        socket->write(head(what) + what.body.left(what.body.size() / 2));
        socket->flush();
        reset(socket);
        return;
    case Kind::Close:
        socket->abort();
        return;
    }
}

} // namespace exegia::test
