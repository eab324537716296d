// The library's value types for the server's objects: sessions, users,
// identities, factors and token claims, read from their JSON (every wire
// field name they use stands here, next to the member it fills), and their
// few helpers.
#include <exegia/auth/Claims.h>
#include <exegia/auth/Factor.h>
#include <exegia/auth/Identity.h>
#include <exegia/auth/Session.h>
#include <exegia/auth/User.h>

#include "detail/JsonReader.h"
#include "detail/Wire.h"

#include <QJsonArray>

#include <algorithm>

namespace exegia::auth {

// Session
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

// User
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

// Identity
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

// Factor
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

// Claims (a verified access token's payload)
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
