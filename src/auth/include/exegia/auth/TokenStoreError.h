#pragma once

#include <exegia/auth/Error.h>

namespace exegia::auth {

// A TokenStore could not do what was asked. The session itself is fine; it
// just cannot be kept across a restart.
class TokenStoreError : public Error
{
public:
    enum class Kind {
        Unavailable,  // no secret service / keychain to talk to
        AccessDenied, // locked, or the person said no
        Corrupt,      // an entry exists but is not ours to read
        Other,
    };

    TokenStoreError(Kind kind, const QString &detail);

    Kind kind() const { return m_kind; }
    // Developer detail (the keychain's own error text); never holds a token.
    const QString &detail() const { return m_detail; }

    QString userMessage() const override;

private:
    Kind m_kind;
    QString m_detail;
};

} // namespace exegia::auth
