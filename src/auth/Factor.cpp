#include <exegia/auth/Factor.h>

#include "detail/JsonReader.h"
#include "detail/Wire.h"

namespace exegia::auth {

namespace {

FactorType typeOf(const QString &name)
{
    if (name == wire::kFactorTypeTotp)
        return FactorType::Totp;
    if (name == wire::kFactorTypePhone)
        return FactorType::Phone;
    if (name == wire::kFactorTypeWebAuthn)
        return FactorType::WebAuthn;
    return FactorType::Unknown;
}

} // namespace

std::optional<Factor> Factor::fromJson(const QJsonValue &value, QString *error)
{
    detail::JsonReader r(value, QStringLiteral("factor"));
    Factor factor;
    factor.id = r.requiredString(QLatin1String("id"));
    factor.friendlyName = r.string(QLatin1String("friendly_name"));
    factor.type = typeOf(r.string(QLatin1String("factor_type")));
    factor.status = r.string(QLatin1String("status")) == wire::kFactorVerified
                        ? FactorStatus::Verified
                        : FactorStatus::Unverified;
    factor.createdAt = r.time(QLatin1String("created_at"));
    factor.updatedAt = r.time(QLatin1String("updated_at"));
    return r.result(std::move(factor), error);
}

} // namespace exegia::auth
