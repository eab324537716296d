#include "mailbox.h"

#include "backend.h"
#include "server.h"

namespace exegia::emulator {

Mailbox::Mailbox(Backend &backend)
    : m_backend(backend)
{}

void Mailbox::registerRoutes(Server &server)
{
    server.route("GET", u"/mailbox/v1/messages"_qs, Access::Open,
                 [this](const Request &r) { return list(r); });
    server.route("DELETE", u"/mailbox/v1/messages"_qs, Access::Open,
                 [this](const Request &r) { return clear(r); });
}

void Mailbox::deliver(const QString &to, const QString &subject, const QString &text,
                      const QString &code)
{
    m_backend.db().exec(
        u"INSERT INTO mail (recipient, subject, body, code, sent_at) VALUES (?, ?, ?, ?, ?)"_qs,
        {to.toLower(), subject, text, code, Backend::isoNow()});
}

Reply Mailbox::list(const Request &request)
{
    const QString to = request.param(u"to"_qs).toLower();
    const auto rows =
        to.isEmpty() ? m_backend.db().rows(u"SELECT * FROM mail ORDER BY id DESC"_qs)
                     : m_backend.db().rows(
                           u"SELECT * FROM mail WHERE recipient = ? ORDER BY id DESC"_qs, {to});
    QJsonArray messages;
    for (const QVariantMap &row : rows) {
        messages.append(QJsonObject{{u"id"_qs, row[u"id"_qs].toLongLong()},
                                    {u"to"_qs, row[u"recipient"_qs].toString()},
                                    {u"subject"_qs, row[u"subject"_qs].toString()},
                                    {u"text"_qs, row[u"body"_qs].toString()},
                                    {u"code"_qs, row[u"code"_qs].toString()},
                                    {u"sent_at"_qs, row[u"sent_at"_qs].toString()}});
    }
    return Reply::json(200, messages);
}

Reply Mailbox::clear(const Request &request)
{
    const QString to = request.param(u"to"_qs).toLower();
    if (to.isEmpty())
        m_backend.db().exec(u"DELETE FROM mail"_qs);
    else
        m_backend.db().exec(u"DELETE FROM mail WHERE recipient = ?"_qs, {to});
    return Reply::empty(204);
}

} // namespace exegia::emulator
