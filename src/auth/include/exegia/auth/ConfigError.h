#pragma once

#include <exegia/auth/Error.h>

namespace exegia::auth {

// The configuration or the arguments of a call cannot be used: a missing or
// privileged key, plain http to a remote host, a reserved query parameter.
// Thrown synchronously by constructors and ClientConfig, and delivered on the
// future by calls whose arguments are refused.
class ConfigError : public Error
{
public:
    // `sentence` is already translated; it is also what() (it holds no secret).
    explicit ConfigError(const QString &sentence);

    QString userMessage() const override { return m_sentence; }

private:
    QString m_sentence;
};

} // namespace exegia::auth
