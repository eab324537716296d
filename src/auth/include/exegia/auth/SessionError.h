#pragma once

#include <exegia/auth/Error.h>

namespace exegia::auth {

// SessionManager has no session to give a token for.
class SessionError : public Error
{
public:
    enum class Kind {
        NotSignedIn, // nobody is signed in
        SignedOut,   // the session ended while the call was waiting
    };

    explicit SessionError(Kind kind);

    Kind kind() const { return m_kind; }
    QString userMessage() const override;

private:
    Kind m_kind;
};

} // namespace exegia::auth
