#include <exegia/auth/Claims.h>

#include "detail/JsonReader.h"

#include <QJsonArray>

namespace exegia::auth {

namespace {

QDateTime fromEpoch(const std::optional<qint64> &seconds)
{
    return seconds ? QDateTime::fromSecsSinceEpoch(*seconds, Qt::UTC) : QDateTime();
}

QStringList audienceOf(const QJsonValue &aud)
{
    if (aud.isString())
        return {aud.toString()};
    QStringList out;
    for (const QJsonValue &v : aud.toArray())
        out.append(v.toString());
    return out;
}

QList<AuthMethod> methodsOf(const QJsonArray &amr)
{
    QList<AuthMethod> out;
    for (const QJsonValue &v : amr) {
        const QJsonObject entry = v.toObject();
        out.append({entry.value(u"method").toString(),
                    QDateTime::fromSecsSinceEpoch(entry.value(u"timestamp").toInteger(), Qt::UTC)});
    }
    return out;
}

} // namespace

AssuranceLevel Claims::levelFromString(const QString &aal)
{
    if (aal == u"aal2")
        return AssuranceLevel::Aal2;
    if (aal == u"aal1")
        return AssuranceLevel::Aal1;
    return AssuranceLevel::None;
}

std::optional<Claims> Claims::fromPayload(const QJsonObject &payload, QString *error)
{
    detail::JsonReader r(payload, QStringLiteral("claims"));
    Claims c;
    c.subject = r.requiredString(QLatin1String("sub"));
    c.email = r.string(QLatin1String("email"));
    c.phone = r.string(QLatin1String("phone"));
    c.role = r.string(QLatin1String("role"));
    c.sessionId = r.string(QLatin1String("session_id"));
    c.issuer = r.string(QLatin1String("iss"));
    c.aal = levelFromString(r.string(QLatin1String("aal")));
    c.amr = methodsOf(r.array(QLatin1String("amr")));
    c.isAnonymous = r.boolean(QLatin1String("is_anonymous"));
    const std::optional<qint64> exp = r.integer(QLatin1String("exp"));
    if (!exp)
        r.fail(QStringLiteral("claims: no exp"));
    c.expiresAt = fromEpoch(exp);
    c.issuedAt = fromEpoch(r.integer(QLatin1String("iat")));
    c.notBefore = fromEpoch(r.integer(QLatin1String("nbf")));
    c.audience = audienceOf(payload.value(u"aud"));
    c.raw = payload;
    return r.result(std::move(c), error);
}

} // namespace exegia::auth
