#include "SwallowingProxy.h"

#include <QPointer>
#include <QTcpSocket>

#include <memory>

namespace exegia::test {

SwallowingProxy::SwallowingProxy(const QUrl &target, QObject *parent)
    : QObject(parent)
    , m_target(target)
{
    connect(&m_server, &QTcpServer::newConnection, this, &SwallowingProxy::onConnection);
    m_server.listen(QHostAddress::LocalHost, 0);
}

QUrl SwallowingProxy::url() const
{
    if (!m_server.isListening())
        return {};
    return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_server.serverPort()));
}

void SwallowingProxy::swallowNext(const QByteArray &match, int count, Swallow how)
{
    m_match = match;
    m_pending = count;
    m_how = how;
}

void SwallowingProxy::onConnection()
{
    while (QTcpSocket *client = m_server.nextPendingConnection()) {
        client->setParent(this);
        auto *upstream = new QTcpSocket(client);
        // Once a request on this connection is chosen, its answer (and
        // anything after it) never reaches the client.
        auto swallowing = std::make_shared<bool>(false);
        upstream->connectToHost(QHostAddress::LocalHost, quint16(m_target.port()));
        connect(client, &QTcpSocket::readyRead, this, [this, client, upstream, swallowing] {
            const QByteArray bytes = client->readAll();
            if (!*swallowing && m_pending > 0 && !m_match.isEmpty() && bytes.contains(m_match)) {
                --m_pending;
                *swallowing = true;
            }
            upstream->write(bytes);
        });
        connect(upstream, &QTcpSocket::readyRead, this, [this, client, upstream, swallowing] {
            const QByteArray bytes = upstream->readAll();
            if (!*swallowing) {
                client->write(bytes);
                return;
            }
            // The first bytes of the chosen answer: the server has acted.
            // Everything after them on this connection is dropped too.
            ++m_swallowed;
            upstream->disconnect(this);
            emit answerSwallowed();
            if (m_how == Swallow::Close) {
                // The head of the answer first: a connection closed before
                // a complete head is one Qt sends the request again on by
                // itself. Without its body the answer is lost all the same.
                const qsizetype head = bytes.indexOf("\r\n\r\n");
                client->write(bytes.left(head < 0 ? bytes.size() / 2 : head + 4));
                client->disconnectFromHost();
            }
        });
        connect(client, &QTcpSocket::disconnected, client, &QObject::deleteLater);
        connect(upstream, &QTcpSocket::disconnected, client, [client, swallowing] {
            if (!*swallowing)
                client->disconnectFromHost();
        });
    }
}

} // namespace exegia::test
