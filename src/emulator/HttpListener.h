#pragma once

#include <QByteArray>
#include <QPointer>
#include <QTcpServer>
#include <QTimer>

class QTcpSocket;

namespace exegia::emulator {

// The emulator's TCP listener. QAbstractHttpServer (Qt 6.4) reads a whole
// request, body included, before anyone can look at it; every socket
// accepted here first gets a ConnectionGuard, whose readyRead handler runs
// before QAbstractHttpServer's and answers oversized or malformed heads
// before their bodies are read.
class HttpListener : public QTcpServer
{
public:
    explicit HttpListener(int idleTimeoutSeconds, QObject *parent = nullptr);

protected:
    void incomingConnection(qintptr descriptor) override;

private:
    int m_idleTimeoutMs;
};

// Follows one connection's byte stream (head, then Content-Length bytes of
// body, then the next head) without consuming it, and takes the socket over
// when a head must be refused.
class ConnectionGuard : public QObject
{
public:
    ConnectionGuard(QTcpSocket *socket, int idleTimeoutMs);

    static constexpr qsizetype kMaxHead = 64 * 1024;
    static constexpr qint64 kMaxBody = 1024 * 1024;

private:
    struct Refusal
    {
        int status = 0;
        QByteArray reason;
        QByteArray code;
        QByteArray message;
    };

    void onReadyRead();
    qsizetype takeHeadBytes(const QByteArray &bytes, qsizetype at, Refusal *refusal);
    Refusal checkHead(const QByteArray &head);
    void refuse(const Refusal &refusal);
    void drain();

    QTcpSocket *m_socket;
    QByteArray m_head;
    qint64 m_bodyLeft = 0;
    bool m_refused = false;
    QTimer m_idle;
};

} // namespace exegia::emulator
