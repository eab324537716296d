#pragma once

#include <exegia/auth/Errors.h>

#include <QString>
#include <QUuid>

namespace exegia::auth::detail {

// A factor or identity id goes into a request path: only a UUID is sent,
// so no id can reach another route.
inline bool isUuid(const QString &id)
{
    return id.size() == 36 && !QUuid::fromString(id).isNull();
}

inline ConfigError badId(const char *what)
{
    return ConfigError(ConfigError::Kind::InvalidArgument,
                       QStringLiteral("the %1 id is not a UUID").arg(QLatin1StringView(what)));
}

} // namespace exegia::auth::detail
