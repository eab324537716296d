#include "RecordingServer.h"

#include <QHostAddress>
#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>

namespace exegia::test {

QByteArray RecordedRequest::header(const QByteArray &name) const
{
    for (const auto &h : headers) {
        if (h.first.compare(name, Qt::CaseInsensitive) == 0)
            return h.second;
    }
    return {};
}

bool RecordedRequest::hasHeader(const QByteArray &name) const
{
    for (const auto &h : headers) {
        if (h.first.compare(name, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

CannedResponse CannedResponse::json(int status, const QByteArray &body,
                                    QList<QPair<QByteArray, QByteArray>> headers)
{
    CannedResponse r;
    r.status = status;
    r.body = body;
    r.headers = std::move(headers);
    r.headers.append(
        qMakePair(QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json")));
    return r;
}

RecordingServer::RecordingServer()
    : m_server(new QTcpServer(this))
{
    m_server->listen(QHostAddress::LocalHost, 0);
    connect(m_server, &QTcpServer::newConnection, this, [this] {
        while (QTcpSocket *socket = m_server->nextPendingConnection()) {
            connect(socket, &QTcpSocket::readyRead, this, [this, socket] { onReadyRead(socket); });
            connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        }
    });
}

RecordingServer::~RecordingServer() = default;

quint16 RecordingServer::port() const
{
    return m_server->serverPort();
}

QUrl RecordingServer::url() const
{
    return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port()));
}

void RecordingServer::onReadyRead(QTcpSocket *socket)
{
    // Keep-alive connections carry several requests; the buffer lives on the socket.
    QByteArray buffer = socket->property("buffer").toByteArray() + socket->readAll();
    for (;;) {
        const qsizetype headEnd = buffer.indexOf("\r\n\r\n");
        if (headEnd < 0)
            break;
        const QList<QByteArray> lines = buffer.left(headEnd).split('\n');
        RecordedRequest request;
        const QList<QByteArray> start = lines.value(0).trimmed().split(' ');
        request.method = start.value(0);
        const QUrl target(QString::fromLatin1(start.value(1)));
        request.path = target.path();
        request.query = QUrlQuery(target.query(QUrl::FullyEncoded));
        qsizetype length = 0;
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const qsizetype colon = lines[i].indexOf(':');
            if (colon <= 0)
                continue;
            const QByteArray name = lines[i].left(colon).trimmed();
            const QByteArray value = lines[i].mid(colon + 1).trimmed();
            request.headers.append({name, value});
            if (name.compare("content-length", Qt::CaseInsensitive) == 0)
                length = value.toLongLong();
        }
        if (buffer.size() < headEnd + 4 + length)
            break;
        request.body = buffer.mid(headEnd + 4, length);
        buffer.remove(0, headEnd + 4 + length);
        requests.append(request);

        QPointer<QTcpSocket> guarded(socket);
        Respond respond = [guarded](const CannedResponse &response) {
            if (guarded)
                write(guarded, response);
        };
        if (handler)
            handler(request, respond);
        else
            respond(queue.isEmpty() ? CannedResponse::json(500, "{}") : queue.takeFirst());
    }
    socket->setProperty("buffer", buffer);
}

void RecordingServer::write(QTcpSocket *socket, const CannedResponse &response)
{
    if (response.action == CannedResponse::Action::Hang)
        return;
    if (response.action == CannedResponse::Action::Close) {
        socket->abort();
        return;
    }
    QByteArray out = "HTTP/1.1 " + QByteArray::number(response.status) + " X\r\n";
    for (const auto &h : response.headers)
        out += h.first + ": " + h.second + "\r\n";
    out += "Content-Length: " + QByteArray::number(response.body.size()) + "\r\n\r\n";
    if (response.truncate) {
        socket->write(out + response.body.left(response.body.size() / 2));
        socket->flush();
        socket->disconnectFromHost();
        return;
    }
    socket->write(out + response.body);
}

} // namespace exegia::test
