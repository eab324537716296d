#pragma once
// The authenticator app's side of two-step verification, for tests: an
// RFC 6238 code (SHA-1, 6 digits, 30 s) computed with Debian's liboath, not
// with the emulator's own TOTP, so the two are checked against each other.

#include <QString>

namespace exegia::test {

// The code for now + `steps` * 30 s from a base32 secret; empty when the
// secret is not base32.
QString totpCode(const QString &base32Secret, int steps = 0);

} // namespace exegia::test
