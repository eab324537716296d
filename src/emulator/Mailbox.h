#pragma once

#include "Http.h"

namespace exegia::emulator {

class Backend;
class Server;

// Where every "sent" email lands; readable over HTTP for tests and for the
// app's Local inbox.
class Mailbox
{
public:
    explicit Mailbox(Backend &backend);
    void registerRoutes(Server &server);

    void deliver(const QString &to, const QString &subject, const QString &text,
                 const QString &code);

private:
    Reply list(const Request &request);
    Reply clear(const Request &request);

    Backend &m_backend;
};

} // namespace exegia::emulator
