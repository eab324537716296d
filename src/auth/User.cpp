#include <exegia/auth/User.h>

#include "detail/JsonReader.h"

#include <QJsonArray>

#include <algorithm>

namespace exegia::auth {

QStringList User::providers() const
{
    QStringList out;
    for (const Identity &identity : identities) {
        if (!out.contains(identity.provider))
            out.append(identity.provider);
    }
    if (out.isEmpty()) {
        for (const QJsonValue &p : appMetadata.value(u"providers").toArray()) {
            if (p.isString() && !out.contains(p.toString()))
                out.append(p.toString());
        }
    }
    return out;
}

bool User::hasVerifiedFactor() const
{
    return std::any_of(factors.cbegin(), factors.cend(),
                       [](const Factor &f) { return f.status == FactorStatus::Verified; });
}

namespace {

// Each element of `array` read by T::fromJson into `out`; stops at the
// first one the reader refuses (the reader then holds why).
template <typename T> void readList(detail::JsonReader &r, const QJsonArray &array, QList<T> &out)
{
    for (const QJsonValue &v : array) {
        if (!r.ok())
            break;
        if (auto item = r.nested<T>(v))
            out.append(std::move(*item));
    }
}

} // namespace

std::optional<User> User::fromJson(const QJsonValue &value, QString *error)
{
    detail::JsonReader r(value, QStringLiteral("user"));
    User user;
    user.id = r.requiredString(QLatin1String("id"));
    user.aud = r.string(QLatin1String("aud"));
    user.role = r.string(QLatin1String("role"));
    user.email = r.string(QLatin1String("email"));
    user.phone = r.string(QLatin1String("phone"));
    user.emailConfirmedAt = r.time(QLatin1String("email_confirmed_at"));
    user.confirmedAt = r.time(QLatin1String("confirmed_at"));
    user.lastSignInAt = r.time(QLatin1String("last_sign_in_at"));
    user.createdAt = r.time(QLatin1String("created_at"));
    user.updatedAt = r.time(QLatin1String("updated_at"));
    user.appMetadata = r.object(QLatin1String("app_metadata"));
    user.userMetadata = r.object(QLatin1String("user_metadata"));
    user.isAnonymous = r.boolean(QLatin1String("is_anonymous"));
    user.newEmail = r.string(QLatin1String("new_email"));
    user.emailChangeSentAt = r.time(QLatin1String("email_change_sent_at"));
    readList(r, r.array(QLatin1String("identities")), user.identities);
    readList(r, r.array(QLatin1String("factors")), user.factors);
    return r.result(std::move(user), error);
}

} // namespace exegia::auth
