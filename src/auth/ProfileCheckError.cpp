#include <exegia/auth/ProfileCheckError.h>

#include <QCoreApplication>

namespace exegia::auth {

ProfileCheckError::ProfileCheckError(Session session, QString provider, std::exception_ptr cause,
                                     QString causeMessage)
    : Error(QStringLiteral("ProfileCheckError: the sign-in worked but the profile check failed"))
    , m_session(std::move(session))
    , m_provider(std::move(provider))
    , m_cause(std::move(cause))
    , m_causeMessage(std::move(causeMessage))
{}

QString ProfileCheckError::userMessage() const
{
    return QCoreApplication::translate(
               "exegia::auth::ProfileCheckError",
               "You are signed in, but your profile could not be loaded. %1")
        .arg(m_causeMessage);
}

} // namespace exegia::auth
