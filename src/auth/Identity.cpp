#include <exegia/auth/Identity.h>

#include "detail/JsonReader.h"

namespace exegia::auth {

std::optional<Identity> Identity::fromJson(const QJsonValue &value, QString *error)
{
    detail::JsonReader r(value, QStringLiteral("identity"));
    Identity identity;
    identity.identityId = r.string(QLatin1String("identity_id"));
    identity.id = r.string(QLatin1String("id"));
    identity.userId = r.string(QLatin1String("user_id"));
    identity.provider = r.requiredString(QLatin1String("provider"));
    identity.email = r.string(QLatin1String("email"));
    identity.identityData = r.object(QLatin1String("identity_data"));
    identity.lastSignInAt = r.time(QLatin1String("last_sign_in_at"));
    identity.createdAt = r.time(QLatin1String("created_at"));
    identity.updatedAt = r.time(QLatin1String("updated_at"));
    return r.result(std::move(identity), error);
}

} // namespace exegia::auth
