#include "Errors.h"

#include "Crypto.h"

using namespace Qt::StringLiterals;

namespace exegia::emulator {

Reply authError(const Request &request, int status, const QString &code, const QString &message)
{
    QJsonObject body;
    if (request.apiVersioned()) {
        body = {{u"code"_s, code}, {u"message"_s, message}};
    } else {
        body = {{u"code"_s, status}, {u"error_code"_s, code}, {u"msg"_s, message}};
        if (status >= 500)
            body.insert(u"error_id"_s, crypto::uuid());
    }
    Reply reply = Reply::json(status, body);
    reply.withHeader("x-sb-error-code", code.toUtf8());
    return reply;
}

Reply gatewayError(int status, const QString &message)
{
    return Reply::json(status, QJsonObject{{u"message"_s, message}});
}

Reply oauthError(const QString &error, const QString &description)
{
    return Reply::json(400,
                       QJsonObject{{u"error"_s, error}, {u"error_description"_s, description}});
}

Reply restError(int status, const QString &code, const QString &message, const QJsonValue &details,
                const QJsonValue &hint)
{
    return Reply::json(status, QJsonObject{{u"code"_s, code},
                                           {u"message"_s, message},
                                           {u"details"_s, details},
                                           {u"hint"_s, hint}});
}

} // namespace exegia::emulator
