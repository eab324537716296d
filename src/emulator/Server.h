#pragma once

#include "Http.h"

#include <QAbstractHttpServer>
#include <QHash>
#include <QList>

#include <functional>

namespace exegia::emulator {

class Backend;

using Handler = std::function<Reply(const Request &)>;

// Who may call a route, checked before the handler runs.
enum class Access {
    Open,        // no apikey (verify, callback, authorize, jwks, idp)
    ApiKey,      // the gateway wants a valid apikey
    ServiceRole, // mailbox and test hooks: the secret key as apikey and Bearer
};

// Request dispatch, the gateway's checks, request statistics and injected
// faults. Handlers run on this object's thread, one at a time.
class Server : public QAbstractHttpServer
{
public:
    explicit Server(Backend &backend, QObject *parent = nullptr);

    void route(const QByteArray &method, const QString &path, Access access, Handler handler);
    // Matches every path that starts with `prefix`.
    void routePrefix(const QByteArray &method, const QString &prefix, Access access,
                     Handler handler);

    // Answers one request; public so it can be driven without sockets.
    Reply dispatch(const Request &request);

protected:
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override;
    void missingHandler(const QHttpServerRequest &request, QTcpSocket *socket) override;

private:
    struct Route
    {
        QByteArray method;
        QString path;
        bool prefix;
        Access access;
        Handler handler;
    };
    struct Fault
    {
        QByteArray method;
        QString path;
        int status;
        int remaining;
    };

    const Route *findRoute(const Request &request, bool *pathKnown) const;
    std::optional<Reply> checkAccess(const Route &route, const Request &request) const;
    Request forUpstream(const Request &request);
    std::optional<Reply> takeFault(const Request &request);
    void count(const Request &request);
    Reply stats(const Request &request) const;
    Reply addFault(const Request &request);
    Reply advanceClock(const Request &request);

    Backend &m_backend;
    QList<Route> m_routes;
    QHash<QString, qint64> m_requestCounts;
    QList<Fault> m_faults;
};

} // namespace exegia::emulator
