#include "errors.h"

#include "crypto.h"

namespace exegia::emulator {

Reply authError(const Request &request, int status, const QString &code, const QString &message)
{
    QJsonObject body;
    if (request.apiVersioned()) {
        body = {{u"code"_qs, code}, {u"message"_qs, message}};
    } else {
        body = {{u"code"_qs, status}, {u"error_code"_qs, code}, {u"msg"_qs, message}};
        if (status >= 500)
            body.insert(u"error_id"_qs, crypto::uuid());
    }
    Reply reply = Reply::json(status, body);
    reply.withHeader("x-sb-error-code", code.toUtf8());
    return reply;
}

Reply gatewayError(int status, const QString &message)
{
    return Reply::json(status, QJsonObject{{u"message"_qs, message}});
}

Reply oauthError(const QString &error, const QString &description)
{
    return Reply::json(400,
                       QJsonObject{{u"error"_qs, error}, {u"error_description"_qs, description}});
}

Reply restError(int status, const QString &code, const QString &message, const QJsonValue &details,
                const QJsonValue &hint)
{
    return Reply::json(status, QJsonObject{{u"code"_qs, code},
                                           {u"message"_qs, message},
                                           {u"details"_qs, details},
                                           {u"hint"_qs, hint}});
}

} // namespace exegia::emulator
