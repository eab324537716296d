#pragma once

#include <exegia/auth/Error.h>
#include <exegia/auth/Session.h>

#include <exception>

namespace exegia::auth {

// The sign-in itself worked but the profile check after it failed (network
// loss, a server error). The session is not lost with it: a one-time code
// is spent by then, so the caller keeps session() and retries the check
// with AuthClient::completeSignIn(session(), provider).
class ProfileCheckError : public Error
{
public:
    ProfileCheckError(Session session, QString provider, std::exception_ptr cause,
                      QString causeMessage);

    const Session &session() const { return m_session; }
    const QString &provider() const { return m_provider; }
    // What went wrong in the check, to rethrow or inspect (NetworkError, ApiError).
    std::exception_ptr cause() const { return m_cause; }
    QString userMessage() const override;

private:
    Session m_session;
    QString m_provider;
    std::exception_ptr m_cause;
    QString m_causeMessage;
};

} // namespace exegia::auth
