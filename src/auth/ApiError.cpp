#include <exegia/auth/ApiError.h>

#include <exegia/auth/HttpReply.h>

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>

namespace exegia::auth {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("exegia::auth::ApiError", text);
}

QString stringField(const QJsonObject &o, QLatin1String key)
{
    const QJsonValue v = o.value(key);
    return v.isString() ? v.toString() : QString();
}

} // namespace

ApiError::ApiError(int httpStatus, const QString &code, const QString &message,
                   const QString &details, const QString &hint)
    : Error(QStringLiteral("ApiError: HTTP %1 %2: %3 (%4)")
                .arg(httpStatus)
                .arg(code, message, details))
    , m_httpStatus(httpStatus)
    , m_code(code)
    , m_message(message)
    , m_details(details)
    , m_hint(hint)
{}

ApiError ApiError::fromReply(const HttpReply &reply)
{
    const QJsonObject body = QJsonDocument::fromJson(reply.body).object();
    QString message = stringField(body, QLatin1String("message"));
    if (message.isEmpty())
        message = QStringLiteral("HTTP %1").arg(reply.status);
    return ApiError(reply.status, stringField(body, QLatin1String("code")), message,
                    stringField(body, QLatin1String("details")),
                    stringField(body, QLatin1String("hint")));
}

QString ApiError::userMessage() const
{
    if (m_code == QLatin1String("PGRST301") || m_code == QLatin1String("PGRST303") ||
        m_httpStatus == 401)
        return tr("Your session has ended. Please sign in again.");
    if (m_code == QLatin1String("42501") || m_httpStatus == 403)
        return tr("You are not allowed to change this profile.");
    if (m_code == QLatin1String("23505"))
        return tr("This profile already exists.");
    if (m_code == QLatin1String("23503"))
        return tr("This account no longer exists.");
    if (m_code.startsWith(QLatin1String("23")) || m_code == QLatin1String("22P02"))
        return tr("Some profile details are not valid. Please check them and try again.");
    if (m_httpStatus >= 500)
        return tr("The profile service is having a problem. Please try again later.");
    return tr("The profile service refused the request. Please try again.");
}

} // namespace exegia::auth
