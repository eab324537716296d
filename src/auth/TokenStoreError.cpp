#include <exegia/auth/TokenStoreError.h>

#include <QCoreApplication>

namespace exegia::auth {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("exegia::auth::TokenStoreError", text);
}

const char *kindName(TokenStoreError::Kind kind)
{
    switch (kind) {
    case TokenStoreError::Kind::Unavailable:
        return "unavailable";
    case TokenStoreError::Kind::AccessDenied:
        return "access denied";
    case TokenStoreError::Kind::Corrupt:
        return "corrupt entry";
    case TokenStoreError::Kind::Other:
        break;
    }
    return "other";
}

} // namespace

TokenStoreError::TokenStoreError(Kind kind, const QString &detail)
    : Error(QStringLiteral("TokenStoreError (%1): %2").arg(QLatin1String(kindName(kind)), detail))
    , m_kind(kind)
    , m_detail(detail)
{}

QString TokenStoreError::userMessage() const
{
    // The app shows this as a quiet notice, not as a failure: the person is
    // signed in, only "stay signed in" does not work.
    if (m_kind == Kind::AccessDenied)
        return tr("The system keychain is locked or refused access. You will need to sign in "
                  "again next time.");
    return tr("No system keychain is available. You will need to sign in again next time.");
}

} // namespace exegia::auth
