#pragma once

#include <exegia/auth/Error.h>

#include <optional>

namespace exegia::auth {

struct HttpReply;

// The auth server (GoTrue, /auth/v1) answered with an error status.
class AuthApiError : public Error
{
public:
    AuthApiError(int httpStatus, const QString &errorCode, const QString &message,
                 std::optional<int> retryAfterSeconds = std::nullopt);

    // Reads both GoTrue error formats (versioned {code,message}, legacy
    // {code,error_code,msg}), the OAuth style {error,error_description} and
    // the x-sb-error-code header, which wins because it is always set.
    static AuthApiError fromReply(const HttpReply &reply);

    int httpStatus() const { return m_httpStatus; }
    // e.g. "otp_expired"; for OAuth-style bodies the `error` value
    // ("invalid nonce"); empty when the server gave none (gateway errors).
    const QString &errorCode() const { return m_errorCode; }
    // The server's own text, for logs (English, not shown to people).
    const QString &message() const { return m_message; }
    // From Retry-After or over_email_send_rate_limit's "after N seconds".
    std::optional<int> retryAfterSeconds() const { return m_retryAfterSeconds; }

    // The token's user or session no longer exists, or the token is bad or
    // expired: the caller should treat the user as signed out.
    bool isSessionGone() const;

    QString userMessage() const override;

private:
    int m_httpStatus;
    QString m_errorCode;
    QString m_message;
    std::optional<int> m_retryAfterSeconds;
};

} // namespace exegia::auth
