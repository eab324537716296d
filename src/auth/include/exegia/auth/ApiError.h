#pragma once

#include <exegia/auth/Error.h>

namespace exegia::auth {

struct HttpReply;

// PostgREST (/rest/v1) answered with an error status.
class ApiError : public Error
{
public:
    ApiError(int httpStatus, const QString &code, const QString &message,
             const QString &details = {}, const QString &hint = {});

    // Reads {code, message, details, hint}; tolerates any other body.
    static ApiError fromReply(const HttpReply &reply);

    int httpStatus() const { return m_httpStatus; }
    // SQLSTATE ("23505") or PostgREST code ("PGRST116"); may be empty.
    const QString &code() const { return m_code; }
    const QString &message() const { return m_message; }
    const QString &details() const { return m_details; }
    const QString &hint() const { return m_hint; }

    bool isUniqueViolation() const { return m_code == QLatin1String("23505"); }

    QString userMessage() const override;

private:
    int m_httpStatus;
    QString m_code;
    QString m_message;
    QString m_details;
    QString m_hint;
};

} // namespace exegia::auth
