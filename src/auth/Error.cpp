#include <exegia/auth/Error.h>

#include <exegia/auth/Redaction.h>

namespace exegia::auth {

Error::Error(const QString &what)
    : m_what(Redaction::redact(what).toUtf8())
{}

} // namespace exegia::auth
