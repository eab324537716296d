#include <exegia/auth/AuthApiError.h>

#include <exegia/auth/HttpReply.h>

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

namespace exegia::auth {

namespace {

QString tr(const char *text, int n = -1)
{
    return QCoreApplication::translate("exegia::auth::AuthApiError", text, nullptr, n);
}

QString stringField(const QJsonObject &o, QLatin1String key)
{
    const QJsonValue v = o.value(key);
    return v.isString() ? v.toString() : QString();
}

std::optional<int> parseRetryAfter(const HttpReply &reply, const QString &message)
{
    bool ok = false;
    const int fromHeader = reply.header("Retry-After").trimmed().toInt(&ok);
    if (ok && fromHeader >= 0)
        return fromHeader;
    // GoTrue puts the wait only in the sentence: "... only request this after 42 seconds."
    static const QRegularExpression after(QStringLiteral("after (\\d+) seconds?"));
    const auto match = after.match(message);
    if (match.hasMatch()) {
        const int seconds = match.captured(1).toInt(&ok);
        if (ok)
            return seconds;
    }
    return std::nullopt;
}

} // namespace

AuthApiError::AuthApiError(int httpStatus, const QString &errorCode, const QString &message,
                           std::optional<int> retryAfterSeconds)
    : Error(QStringLiteral("AuthApiError: HTTP %1 %2: %3").arg(httpStatus).arg(errorCode, message))
    , m_httpStatus(httpStatus)
    , m_errorCode(errorCode)
    , m_message(message)
    , m_retryAfterSeconds(retryAfterSeconds)
{}

AuthApiError AuthApiError::fromReply(const HttpReply &reply)
{
    const QJsonObject body = QJsonDocument::fromJson(reply.body).object();
    QString code = QString::fromLatin1(reply.header("x-sb-error-code")).trimmed();
    if (code.isEmpty())
        code = stringField(body, QLatin1String("code")); // versioned; legacy has a number here
    if (code.isEmpty())
        code = stringField(body, QLatin1String("error_code"));
    if (code.isEmpty())
        code = stringField(body, QLatin1String("error")); // OAuth style
    QString message;
    for (const char *key : {"msg", "message", "error_description", "error"}) {
        message = stringField(body, QLatin1String(key));
        if (!message.isEmpty())
            break;
    }
    if (message.isEmpty())
        message = QStringLiteral("HTTP %1").arg(reply.status);
    return AuthApiError(reply.status, code, message, parseRetryAfter(reply, message));
}

bool AuthApiError::isSessionGone() const
{
    static const QStringList gone{QStringLiteral("bad_jwt"),
                                  QStringLiteral("no_authorization"),
                                  QStringLiteral("user_not_found"),
                                  QStringLiteral("session_not_found"),
                                  QStringLiteral("session_expired"),
                                  QStringLiteral("refresh_token_not_found"),
                                  QStringLiteral("refresh_token_already_used")};
    return gone.contains(m_errorCode);
}

QString AuthApiError::userMessage() const
{
    const QString &c = m_errorCode;
    if (c == QLatin1String("otp_expired"))
        return tr("The code is wrong or has expired. Check it, or ask for a new code.");
    if (c == QLatin1String("over_email_send_rate_limit")) {
        if (m_retryAfterSeconds)
            return tr("For security, you can ask for another code in %n second(s).",
                      *m_retryAfterSeconds);
        return tr("For security, please wait a minute before asking for another code.");
    }
    if (c == QLatin1String("over_request_rate_limit") || m_httpStatus == 429)
        return tr("Too many attempts. Please wait a moment and try again.");
    if (c == QLatin1String("anonymous_provider_disabled"))
        return tr("Guest access is turned off for this project.");
    if (c == QLatin1String("signup_disabled"))
        return tr("New accounts cannot be created on this project.");
    if (c == QLatin1String("otp_disabled"))
        return tr("No account uses this email address.");
    if (c == QLatin1String("identity_already_exists"))
        return tr("This account is already linked to another user.");
    if (c == QLatin1String("manual_linking_disabled"))
        return tr("Linking accounts is turned off for this project.");
    if (c == QLatin1String("email_not_confirmed"))
        return tr("Confirm your email address with the provider first, then try again.");
    if (c == QLatin1String("captcha_failed"))
        return tr("The captcha check failed. Please try again.");
    if (c == QLatin1String("provider_disabled") || c == QLatin1String("email_provider_disabled"))
        return tr("This sign-in method is turned off for this project.");
    if (c == QLatin1String("flow_state_not_found") || c == QLatin1String("flow_state_expired") ||
        c == QLatin1String("bad_code_verifier"))
        return tr("The sign-in took too long or was interrupted. Please start again.");
    if (c == QLatin1String("validation_failed") || c == QLatin1String("bad_json"))
        return tr("Some details are not valid. Please check them and try again.");
    if (c == QLatin1String("invalid nonce") || c == QLatin1String("invalid request"))
        return tr("The provider's sign-in could not be verified. Please try again.");
    if (isSessionGone() || m_httpStatus == 401)
        return tr("Your session has ended. Please sign in again.");
    if (m_httpStatus >= 500)
        return tr("The sign-in service is having a problem. Please try again later.");
    return tr("The sign-in service refused the request. Please try again.");
}

} // namespace exegia::auth
