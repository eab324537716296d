#include <exegia/auth/SessionError.h>

#include <QCoreApplication>

namespace exegia::auth {

SessionError::SessionError(Kind kind)
    : Error(kind == Kind::NotSignedIn ? QStringLiteral("SessionError: not signed in")
                                      : QStringLiteral("SessionError: signed out while waiting"))
    , m_kind(kind)
{}

QString SessionError::userMessage() const
{
    if (m_kind == Kind::NotSignedIn)
        return QCoreApplication::translate("exegia::auth::SessionError", "You are not signed in.");
    return QCoreApplication::translate("exegia::auth::SessionError",
                                       "Your session has ended. Please sign in again.");
}

} // namespace exegia::auth
