#include "Mailbox.h"

#include "Backend.h"
#include "Server.h"

using namespace Qt::StringLiterals;

namespace exegia::emulator {

Mailbox::Mailbox(Backend &backend)
    : m_backend(backend)
{}

void Mailbox::registerRoutes(Server &server)
{
    server.route("GET", u"/mailbox/v1/messages"_s, Access::Open,
                 [this](const Request &r) { return list(r); });
    server.route("DELETE", u"/mailbox/v1/messages"_s, Access::Open,
                 [this](const Request &r) { return clear(r); });
}

void Mailbox::deliver(const QString &to, const QString &subject, const QString &text,
                      const QString &code)
{
    m_backend.db().exec(
        u"INSERT INTO mail (recipient, subject, body, code, sent_at) VALUES (?, ?, ?, ?, ?)"_s,
        {to.toLower(), subject, text, code, Backend::isoNow()});
}

Reply Mailbox::list(const Request &request)
{
    const QString to = request.param(u"to"_s).toLower();
    const auto rows = to.isEmpty()
                          ? m_backend.db().rows(u"SELECT * FROM mail ORDER BY id DESC"_s)
                          : m_backend.db().rows(
                                u"SELECT * FROM mail WHERE recipient = ? ORDER BY id DESC"_s, {to});
    QJsonArray messages;
    for (const QVariantMap &row : rows) {
        messages.append(QJsonObject{{u"id"_s, row[u"id"_s].toLongLong()},
                                    {u"to"_s, row[u"recipient"_s].toString()},
                                    {u"subject"_s, row[u"subject"_s].toString()},
                                    {u"text"_s, row[u"body"_s].toString()},
                                    {u"code"_s, row[u"code"_s].toString()},
                                    {u"sent_at"_s, row[u"sent_at"_s].toString()}});
    }
    return Reply::json(200, messages);
}

Reply Mailbox::clear(const Request &request)
{
    const QString to = request.param(u"to"_s).toLower();
    if (to.isEmpty())
        m_backend.db().exec(u"DELETE FROM mail"_s);
    else
        m_backend.db().exec(u"DELETE FROM mail WHERE recipient = ?"_s, {to});
    return Reply::empty(204);
}

} // namespace exegia::emulator
