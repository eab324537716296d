#include <exegia/auth/ConfigError.h>

namespace exegia::auth {

ConfigError::ConfigError(const QString &sentence)
    : Error(QStringLiteral("ConfigError: ") + sentence)
    , m_sentence(sentence)
{}

} // namespace exegia::auth
