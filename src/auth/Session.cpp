#include <exegia/auth/Session.h>

#include "detail/JsonReader.h"

namespace exegia::auth {

bool Session::expiresWithin(qint64 marginSeconds, const QDateTime &now) const
{
    return !expiresAt.isValid() || now.secsTo(expiresAt) <= marginSeconds;
}

std::optional<Session> Session::fromJson(const QJsonValue &value, QString *error)
{
    detail::JsonReader r(value, QStringLiteral("session"));
    Session session;
    session.accessToken = r.requiredString(QLatin1String("access_token"));
    session.refreshToken = r.requiredString(QLatin1String("refresh_token"));
    session.tokenType = r.string(QLatin1String("token_type"));
    session.providerToken = r.string(QLatin1String("provider_token"));
    session.providerRefreshToken = r.string(QLatin1String("provider_refresh_token"));
    const auto expiresIn = r.integer(QLatin1String("expires_in"));
    const auto expiresAt = r.integer(QLatin1String("expires_at"));
    session.expiresIn = expiresIn.value_or(0);
    if (expiresAt)
        session.expiresAt = QDateTime::fromSecsSinceEpoch(*expiresAt, Qt::UTC);
    else if (expiresIn)
        session.expiresAt = QDateTime::currentDateTimeUtc().addSecs(*expiresIn);
    if (!r.has(QLatin1String("user")))
        r.fail(QStringLiteral("field \"user\" is missing"));
    if (r.ok()) {
        if (auto user = r.nested<User>(r.object().value(u"user")))
            session.user = std::move(*user);
    }
    return r.result(std::move(session), error);
}

} // namespace exegia::auth
