#include "MfaApi.h"

#include "AuthApi.h"
#include "Backend.h"
#include "Crypto.h"
#include "Errors.h"
#include "Factors.h"
#include "QrSvg.h"
#include "Server.h"
#include "Sessions.h"
#include "Totp.h"

#include <QUrl>

using namespace Qt::StringLiterals;

namespace exegia::emulator {

namespace {

// GoTrue's defaults (MFA_MAX_ENROLLED_FACTORS, MFA_MAX_VERIFIED_FACTORS,
// MFA_FACTOR_EXPIRY_DURATION).
constexpr int kMaxEnrolledFactors = 10;
constexpr int kMaxVerifiedFactors = 10;
constexpr int kUnverifiedFactorExpiry = 300;

QString pathEscape(const QString &text)
{
    // RFC 3986 path characters stay, as Go's url.URL writes the label.
    return QString::fromLatin1(QUrl::toPercentEncoding(text, "@!$&'()*+,;=:"));
}

// pquerna/otp's Key.URL(): the label is issuer:account, the query sorted.
QString otpauthUri(const QString &issuer, const QString &account, const QString &secret)
{
    return u"otpauth://totp/%1:%2?algorithm=SHA1&digits=6&issuer=%3&period=30&secret=%4"_s.arg(
        pathEscape(issuer), pathEscape(account),
        QString::fromLatin1(QUrl::toPercentEncoding(issuer)), secret);
}

Reply notFound(const Request &request)
{
    return authError(request, 404, u"not_found"_s, u"Not Found"_s);
}

} // namespace

MfaApi::MfaApi(Backend &backend, Sessions &sessions)
    : m_backend(backend)
    , m_sessions(sessions)
{}

void MfaApi::registerRoutes(Server &server)
{
    const QString base = u"/auth/v1/factors"_s;
    auto bind = [this](Reply (MfaApi::*method)(const Request &)) {
        return [this, method](const Request &r) { return (this->*method)(r); };
    };
    server.route("POST", base, Access::ApiKey, bind(&MfaApi::enroll));
    server.route("POST", base + u"/"_s, Access::ApiKey, bind(&MfaApi::enroll));
    server.routePrefix("POST", base + u"/"_s, Access::ApiKey, bind(&MfaApi::factorRequest));
    server.routePrefix("DELETE", base + u"/"_s, Access::ApiKey, bind(&MfaApi::factorRequest));
}

std::variant<Caller, Reply> MfaApi::signedInCaller(const Request &request)
{
    auto caller = m_sessions.authenticate(request);
    if (auto *caught = std::get_if<Caller>(&caller);
        caught && caught->claims.value(u"is_anonymous").toBool())
        return authError(request, 403, u"no_authorization"_s,
                         u"Anonymous user not allowed to perform these actions"_s);
    return caller;
}

QString MfaApi::defaultIssuer() const
{
    // GoTrue takes the host of SITE_URL; the emulator's site is itself.
    const QUrl url(m_backend.baseUrl());
    return url.port() > 0 ? u"%1:%2"_s.arg(url.host()).arg(url.port()) : url.host();
}

std::optional<Reply> MfaApi::checkNewFactor(const Request &request, const Caller &caller,
                                            const QString &friendlyName)
{
    Database &db = m_backend.db();
    // DeleteExpiredFactors: unverified factors never challenged go after 300 s.
    db.exec(u"DELETE FROM mfa_factors WHERE status <> 'verified' AND created_unix + ? < ? AND "
            "NOT EXISTS (SELECT 1 FROM mfa_challenges c WHERE c.factor_id = mfa_factors.id)"_s,
            {kUnverifiedFactorExpiry, Backend::now()});
    const auto factors = db.rows(
        u"SELECT friendly_name, status FROM mfa_factors WHERE user_id = ?"_s, {caller.userId});
    int verified = 0;
    for (const QVariantMap &factor : factors) {
        // As in GoTrue, an empty name conflicts with another empty name.
        if (factor[u"friendly_name"_s].toString() == friendlyName)
            return authError(
                request, 422, u"mfa_factor_name_conflict"_s,
                u"A factor with the friendly name \"%1\" for this user already exists"_s.arg(
                    friendlyName));
        verified += factor[u"status"_s].toString() == u"verified" ? 1 : 0;
    }
    if (factors.size() >= kMaxEnrolledFactors || verified >= kMaxVerifiedFactors)
        return authError(request, 422, u"too_many_enrolled_mfa_factors"_s,
                         u"Maximum number of verified factors reached, unenroll to continue"_s);
    if (verified > 0 && mfa::sessionAssurance(db, caller.sessionId) != u"aal2")
        return authError(request, 403, u"insufficient_aal"_s,
                         u"AAL2 required to enroll a new factor"_s);
    return std::nullopt;
}

Reply MfaApi::enroll(const Request &request)
{
    auto caller = signedInCaller(request);
    if (auto *error = std::get_if<Reply>(&caller))
        return *error;
    auto parsed = jsonObjectBody(request);
    if (auto *error = std::get_if<Reply>(&parsed))
        return *error;
    const QJsonObject body = std::get<QJsonObject>(parsed);
    QString factorType, friendlyName, issuer;
    if (!optionalString(body, u"factor_type"_s, &factorType) ||
        !optionalString(body, u"friendly_name"_s, &friendlyName) ||
        !optionalString(body, u"issuer"_s, &issuer))
        return wrongFieldType(request);
    if (factorType == u"phone" || factorType == u"webauthn")
        return authError(request, 422, u"mfa_%1_enroll_not_enabled"_s.arg(factorType),
                         u"MFA enroll is disabled for %1"_s.arg(
                             factorType == u"phone" ? u"Phone"_s : u"WebAuthn"_s));
    if (factorType != u"totp")
        return authError(request, 400, u"validation_failed"_s,
                         u"factor_type needs to be totp, phone, or webauthn"_s);
    if (issuer.isEmpty())
        issuer = defaultIssuer();
    if (friendlyName.isNull()) // no name is GoTrue's "", not SQL NULL (the column is NOT NULL)
        friendlyName = u""_s;

    const Caller &who = std::get<Caller>(caller);
    Database &db = m_backend.db();
    Database::Transaction tx(db);
    if (auto refused = checkNewFactor(request, who, friendlyName))
        return *refused;
    const QString secret = totp::base32(totp::newSecret());
    const QString email =
        db.value(u"SELECT email FROM users WHERE id = ?"_s, {who.userId}).toString();
    const QString uri = otpauthUri(issuer, email, secret);
    const QString id = crypto::uuid();
    const QString now = Backend::isoNow();
    db.exec(u"INSERT INTO mfa_factors (id, user_id, friendly_name, factor_type, status, secret, "
            "created_unix, created_at, updated_at) VALUES (?, ?, ?, 'totp', 'unverified', ?, ?, ?, "
            "?)"_s,
            {id, who.userId, friendlyName, secret, Backend::now(), now, now});
    tx.commit();
    return Reply::json(200, QJsonObject{{u"id"_s, id},
                                        {u"type"_s, u"totp"_s},
                                        {u"friendly_name"_s, friendlyName},
                                        {u"totp"_s, QJsonObject{{u"qr_code"_s, qrSvg(uri)},
                                                                {u"secret"_s, secret},
                                                                {u"uri"_s, uri}}}});
}

Reply MfaApi::factorRequest(const Request &request)
{
    // /auth/v1/factors/{id}[/challenge|/verify][/]
    QStringList parts = request.path.mid(int(qstrlen("/auth/v1/factors/"))).split(u'/');
    if (!parts.isEmpty() && parts.last().isEmpty())
        parts.removeLast();
    const QString action = parts.value(1);
    const bool known = (request.method == "DELETE" && parts.size() == 1) ||
                       (request.method == "POST" && parts.size() == 2 &&
                        (action == u"challenge" || action == u"verify"));
    if (!known)
        return notFound(request);

    auto caller = signedInCaller(request);
    if (auto *error = std::get_if<Reply>(&caller))
        return *error;
    const Caller &who = std::get<Caller>(caller);
    if (!crypto::isUuid(parts.first()))
        return authError(request, 404, u"validation_failed"_s, u"factor_id must be an UUID"_s);
    const auto factor = mfa::ownedFactor(m_backend.db(), who.userId, parts.first());
    if (!factor)
        return authError(request, 404, u"mfa_factor_not_found"_s, u"Factor not found"_s);
    if (request.method == "DELETE")
        return unenroll(request, who, *factor);
    return action == u"challenge" ? challenge(request, *factor) : verify(request, who, *factor);
}

Reply MfaApi::challenge(const Request &request, const QVariantMap &factor)
{
    Database &db = m_backend.db();
    Database::Transaction tx(db);
    const QString id = crypto::uuid();
    const qint64 now = Backend::now();
    db.exec(u"INSERT INTO mfa_challenges (id, factor_id, created_at) VALUES (?, ?, ?)"_s,
            {id, factor[u"id"_s], now});
    db.exec(u"UPDATE mfa_factors SET last_challenged_at = ? WHERE id = ?"_s,
            {Backend::isoNow(), factor[u"id"_s]});
    tx.commit();
    Q_UNUSED(request);
    return Reply::json(200,
                       QJsonObject{{u"id"_s, id},
                                   {u"type"_s, u"totp"_s},
                                   {u"expires_at"_s, now + m_backend.config().mfaChallengeExp}});
}

} // namespace exegia::emulator
