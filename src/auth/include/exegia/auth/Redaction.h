#pragma once

#include <QString>

namespace exegia::auth {

// Removes secrets from text bound for a log or an error string: JWTs, API
// keys, Bearer credentials and the values of token/code/key fields in query
// strings, JSON and headers. Everything the library logs goes through it.
// Public because a program that forwards the log of a process handling
// tokens (the app forwards its local backend's stderr) must clean it the
// same way.
class Redaction
{
public:
    static QString redact(const QString &text);
};

} // namespace exegia::auth
