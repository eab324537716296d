#pragma once

#include <QString>

namespace exegia::auth {

// Proof Key for Code Exchange (RFC 7636), method S256 only.
class Pkce
{
public:
    // A fresh verifier from the system CSPRNG: `length` characters of the
    // unreserved set [A-Za-z0-9-._~], clamped to RFC 7636's 43..128.
    static QString generateVerifier(int length = 64);
    // Unpadded base64url of SHA-256(verifier).
    static QString challenge(const QString &verifier);
    // True when `verifier` has the length and alphabet RFC 7636 requires.
    static bool isValidVerifier(const QString &verifier);
};

} // namespace exegia::auth
