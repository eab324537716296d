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

Reply otpExpired(const Request &request)
{
    return authError(request, 403, u"otp_expired"_s, u"Token has expired or is invalid"_s);
}

Reply wrongFieldType(const Request &request)
{
    return authError(request, 400, u"bad_json"_s,
                     u"Could not parse request body as JSON: a field has the wrong type"_s);
}

Reply invalidEmail(const Request &request, int status)
{
    return authError(request, status, u"validation_failed"_s,
                     u"Unable to validate email address: invalid format"_s);
}

Reply gatewayError(int status, const QString &message)
{
    Reply reply = Reply::json(status, QJsonObject{{u"message"_s, message}});
    reply.fromGateway = true;
    return reply;
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
