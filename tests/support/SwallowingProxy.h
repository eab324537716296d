#pragma once

// A TCP proxy in front of a server (the emulator) that forwards every
// request and can swallow the answer to chosen ones: the server acts on the
// request, the client never hears back. It simulates the answer lost on the
// way (a dropped mobile link, a sleeping laptop) that issue 11 is about.

#include <QByteArray>
#include <QHostAddress>
#include <QObject>
#include <QTcpServer>
#include <QUrl>

class QTcpSocket;

namespace exegia::test {

class SwallowingProxy : public QObject
{
    Q_OBJECT
public:
    enum class Swallow {
        Hold,  // keep the client's connection open and silent (it times out)
        Close, // send the answer's head, then close before its body
    };

    explicit SwallowingProxy(const QUrl &target, QObject *parent = nullptr);

    // http://127.0.0.1:<port>, or an invalid URL when no port could be opened.
    QUrl url() const;

    // The answers to the next `count` requests whose head contains `match`
    // (e.g. "grant_type=refresh_token") are swallowed.
    void swallowNext(const QByteArray &match, int count, Swallow how = Swallow::Hold);

    // How many answers were swallowed (the server did answer each).
    int swallowed() const { return m_swallowed; }

signals:
    void answerSwallowed();

private:
    void onConnection();

    QTcpServer m_server;
    QUrl m_target;
    QByteArray m_match;
    int m_pending = 0;
    Swallow m_how = Swallow::Hold;
    int m_swallowed = 0;
};

} // namespace exegia::test
