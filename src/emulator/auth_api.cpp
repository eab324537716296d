#include "auth_api.h"

#include "accounts.h"
#include "backend.h"
#include "crypto.h"
#include "errors.h"
#include "mailbox.h"
#include "server.h"
#include "sessions.h"

#include <QJsonDocument>
#include <QRegularExpression>

namespace exegia::emulator {

std::variant<QJsonObject, Reply> jsonObjectBody(const Request &request)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(request.body, &error);
    if (!doc.isObject())
        return authError(request, 400, u"bad_json"_qs,
                         request.body.trimmed().isEmpty()
                             ? u"Request body is empty: send a JSON object"_qs
                             : u"Could not parse request body as JSON: "_qs + error.errorString());
    return doc.object();
}

bool optionalString(const QJsonObject &object, const QString &key, QString *out)
{
    const QJsonValue value = object.value(key);
    if (value.isUndefined() || value.isNull())
        return true;
    if (!value.isString())
        return false;
    *out = value.toString();
    return true;
}

namespace {

bool isEmailAddress(const QString &email)
{
    static const QRegularExpression re(u"^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$"_qs);
    return email.size() <= 255 && re.match(email).hasMatch();
}

Reply wrongType(const Request &request, const QString &field)
{
    return authError(
        request, 400, u"bad_json"_qs,
        u"Could not parse request body as JSON: field %1 has the wrong type"_qs.arg(field));
}

QByteArray codeHash(const QString &email, const QString &code)
{
    return crypto::sha256Hex(email.toUtf8() + ':' + code.toUtf8());
}

} // namespace

AuthApi::AuthApi(Backend &backend, Accounts &accounts, Sessions &sessions, Mailbox &mailbox,
                 IdentityProvider &idp)
    : m_backend(backend)
    , m_accounts(accounts)
    , m_sessions(sessions)
    , m_mailbox(mailbox)
    , m_idp(idp)
{}

void AuthApi::registerRoutes(Server &server)
{
    auto bind = [this](Reply (AuthApi::*method)(const Request &)) {
        return [this, method](const Request &r) { return (this->*method)(r); };
    };
    const QString base = u"/auth/v1"_qs;
    server.route("GET", base + u"/health"_qs, Access::ApiKey, bind(&AuthApi::health));
    server.route("GET", base + u"/settings"_qs, Access::ApiKey, bind(&AuthApi::settings));
    server.route("POST", base + u"/signup"_qs, Access::ApiKey, bind(&AuthApi::signup));
    server.route("POST", base + u"/otp"_qs, Access::ApiKey, bind(&AuthApi::otp));
    server.route("POST", base + u"/verify"_qs, Access::Open, bind(&AuthApi::verify));
    server.route("GET", base + u"/verify"_qs, Access::Open, bind(&AuthApi::verifyLink));
    server.route("POST", base + u"/token"_qs, Access::ApiKey, bind(&AuthApi::token));
    server.route("GET", base + u"/user"_qs, Access::ApiKey, bind(&AuthApi::user));
    server.route("POST", base + u"/logout"_qs, Access::ApiKey, bind(&AuthApi::logout));
    server.route("GET", base + u"/authorize"_qs, Access::Open, bind(&AuthApi::authorize));
    server.route("GET", base + u"/callback"_qs, Access::Open, bind(&AuthApi::callback));
    server.route("GET", base + u"/user/identities/authorize"_qs, Access::ApiKey,
                 bind(&AuthApi::linkAuthorize));
    server.routePrefix("GET", base + u"/admin/users/"_qs, Access::ApiKey,
                       bind(&AuthApi::adminUser));
    server.routePrefix("DELETE", base + u"/admin/users/"_qs, Access::ApiKey,
                       bind(&AuthApi::adminUser));
    server.route("GET", base + u"/.well-known/jwks.json"_qs, Access::Open, [](const Request &) {
        // HS256 projects publish no keys.
        return Reply::json(200, QJsonObject{{u"keys"_qs, QJsonArray{}}});
    });
}

Reply AuthApi::health(const Request &)
{
    return Reply::json(200,
                       QJsonObject{{u"version"_qs, u"v2.196.0-exegia-emulator"_qs},
                                   {u"name"_qs, u"GoTrue"_qs},
                                   {u"description"_qs,
                                    u"GoTrue is a user registration and authentication API"_qs}});
}

Reply AuthApi::settings(const Request &)
{
    const Config &config = m_backend.config();
    const QJsonObject external{{u"anonymous_users"_qs, config.anonymousEnabled},
                               {u"apple"_qs, true},
                               {u"google"_qs, true},
                               {u"email"_qs, true},
                               {u"phone"_qs, false}};
    return Reply::json(200, QJsonObject{{u"external"_qs, external},
                                        {u"disable_signup"_qs, false},
                                        {u"mailer_autoconfirm"_qs, false},
                                        {u"phone_autoconfirm"_qs, false},
                                        {u"sms_provider"_qs, u""_qs},
                                        {u"saml_enabled"_qs, false}});
}

Reply AuthApi::signup(const Request &request)
{
    auto parsed = jsonObjectBody(request);
    if (auto *error = std::get_if<Reply>(&parsed))
        return *error;
    const QJsonObject body = std::get<QJsonObject>(parsed);
    QString email, phone;
    if (!optionalString(body, u"email"_qs, &email))
        return wrongType(request, u"email"_qs);
    if (!optionalString(body, u"phone"_qs, &phone))
        return wrongType(request, u"phone"_qs);
    const QJsonValue data = body.value(u"data");
    if (!data.isUndefined() && !data.isNull() && !data.isObject())
        return wrongType(request, u"data"_qs);
    if (!email.isEmpty() || !phone.isEmpty())
        return authError(request, 422, u"validation_failed"_qs,
                         u"Signup requires a valid password"_qs);
    if (!m_backend.config().anonymousEnabled)
        return authError(request, 422, u"anonymous_provider_disabled"_qs,
                         u"Anonymous sign-ins are disabled"_qs);

    Database::Transaction tx(m_backend.db());
    const QString userId = m_accounts.createAnonymousUser(data.toObject());
    const QJsonObject session = m_sessions.start(userId, u"anonymous"_qs);
    tx.commit();
    return Reply::json(200, session);
}

Reply AuthApi::otp(const Request &request)
{
    auto parsed = jsonObjectBody(request);
    if (auto *error = std::get_if<Reply>(&parsed))
        return *error;
    const QJsonObject body = std::get<QJsonObject>(parsed);
    QString email;
    if (!optionalString(body, u"email"_qs, &email))
        return wrongType(request, u"email"_qs);
    const QJsonValue createUser = body.value(u"create_user");
    if (!createUser.isUndefined() && !createUser.isNull() && !createUser.isBool())
        return wrongType(request, u"create_user"_qs);
    email = email.trimmed().toLower();
    if (email.isEmpty())
        return authError(request, 400, u"validation_failed"_qs,
                         u"An email address or phone number is required"_qs);
    if (!isEmailAddress(email))
        return authError(request, 400, u"validation_failed"_qs,
                         u"Unable to validate email address: invalid format"_qs);

    Database &db = m_backend.db();
    Database::Transaction tx(db);
    QString userId = m_accounts.userIdByEmail(email);
    if (userId.isEmpty() && !createUser.toBool(true))
        return authError(request, 422, u"otp_disabled"_qs, u"Signups not allowed for otp"_qs);

    const qint64 now = Backend::now();
    const QVariant lastSent =
        db.value(u"SELECT sent_at FROM email_sends WHERE email = ?"_qs, {email});
    const int cooldown = m_backend.config().emailCooldown;
    if (!lastSent.isNull() && lastSent.toLongLong() + cooldown > now) {
        const qint64 wait = lastSent.toLongLong() + cooldown - now;
        return authError(
            request, 429, u"over_email_send_rate_limit"_qs,
            u"For security purposes, you can only request this after %1 seconds."_qs.arg(wait));
    }

    if (userId.isEmpty())
        userId = m_accounts.createEmailUser(email, body.value(u"data").toObject());
    const bool confirmed = !(*m_accounts.user(userId))[u"email_confirmed_at"_qs].isNull();
    const QString code = crypto::sixDigitCode();
    // The mail's link carries its own random token, so the link never
    // reveals anything about the code.
    const QByteArray linkToken = crypto::randomToken(24);
    db.exec(u"INSERT OR REPLACE INTO one_time_codes (email, code_hash, link_hash, expires_at) "
            "VALUES (?, ?, ?, ?)"_qs,
            {email, QString::fromLatin1(codeHash(email, code)),
             QString::fromLatin1(crypto::sha256Hex(linkToken)), now + m_backend.config().otpExp});
    QUrl link(m_backend.authIssuer() + u"/verify"_qs);
    link.setQuery(u"token=%1&type=%2&redirect_to=%3"_qs.arg(
        QString::fromLatin1(linkToken), confirmed ? u"magiclink"_qs : u"signup"_qs,
        QString::fromLatin1(
            QUrl::toPercentEncoding(safeRedirect(request.param(u"redirect_to"_qs))))));
    db.exec(u"INSERT OR REPLACE INTO email_sends (email, sent_at) VALUES (?, ?)"_qs, {email, now});

    const QString subject = confirmed ? u"Your sign-in code"_qs : u"Confirm your signup"_qs;
    const QString intro = confirmed ? u"Use this code to sign in to Exegia:"_qs
                                    : u"Welcome to Exegia! Use this code to confirm your email "
                                      "address and finish signing up:"_qs;
    const QString text =
        u"Hello,\n\n%1\n\n    %2\n\nOr open this link on this computer:\n%3\n\nThe code and the "
        "link work once and expire in %4 minutes. If you did not ask for them, you can ignore this "
        "email.\n\n-- Exegia (local backend)\n"_qs
            // One multi-argument arg(): the link's %-escapes must not be
            // taken for placeholders by a second pass.
            .arg(intro, code, QString::fromUtf8(link.toEncoded()),
                 QString::number(qMax(1, m_backend.config().otpExp / 60)));
    m_mailbox.deliver(email, subject, text, code);
    tx.commit();
    return Reply::json(200, QJsonObject{});
}

Reply AuthApi::verify(const Request &request)
{
    auto parsed = jsonObjectBody(request);
    if (auto *error = std::get_if<Reply>(&parsed))
        return *error;
    const QJsonObject body = std::get<QJsonObject>(parsed);
    QString type, email, token;
    if (!optionalString(body, u"type"_qs, &type))
        return wrongType(request, u"type"_qs);
    if (!optionalString(body, u"email"_qs, &email))
        return wrongType(request, u"email"_qs);
    if (!optionalString(body, u"token"_qs, &token))
        return wrongType(request, u"token"_qs);
    if (type != u"email" && type != u"signup" && type != u"magiclink")
        return authError(request, 400, u"validation_failed"_qs,
                         u"Verify requires a verification type"_qs);
    email = email.trimmed().toLower();
    if (!isEmailAddress(email))
        return authError(request, 422, u"validation_failed"_qs,
                         u"Unable to validate email address: invalid format"_qs);
    if (token.trimmed().isEmpty())
        return authError(request, 400, u"validation_failed"_qs, u"Verify requires a token"_qs);

    Database &db = m_backend.db();
    Database::Transaction tx(db);
    const auto row = db.row(u"SELECT * FROM one_time_codes WHERE email = ?"_qs, {email});
    const QString userId = m_accounts.userIdByEmail(email);
    const bool valid = row && !userId.isEmpty() &&
                       (*row)[u"expires_at"_qs].toLongLong() >= Backend::now() &&
                       crypto::constantTimeEquals(codeHash(email, token.trimmed()),
                                                  (*row)[u"code_hash"_qs].toByteArray());
    if (!valid)
        return authError(request, 403, u"otp_expired"_qs, u"Token has expired or is invalid"_qs);
    db.exec(u"DELETE FROM one_time_codes WHERE email = ?"_qs, {email});
    m_accounts.confirmEmail(userId);
    const QJsonObject session = m_sessions.start(userId, u"otp"_qs);
    tx.commit();
    return Reply::json(200, session);
}

Reply AuthApi::user(const Request &request)
{
    auto caller = m_sessions.authenticate(request);
    if (auto *error = std::get_if<Reply>(&caller))
        return *error;
    return Reply::json(200, m_accounts.userJson(std::get<Caller>(caller).userId));
}

Reply AuthApi::logout(const Request &request)
{
    const QString scope = request.hasParam(u"scope"_qs) ? request.param(u"scope"_qs) : u"global"_qs;
    if (scope != u"global" && scope != u"local" && scope != u"others")
        return authError(request, 400, u"validation_failed"_qs,
                         u"Unsupported logout scope \"%1\""_qs.arg(scope));
    auto caller = m_sessions.authenticate(request);
    if (auto *error = std::get_if<Reply>(&caller))
        return *error;
    m_sessions.logout(std::get<Caller>(caller), scope);
    return Reply::empty(204);
}

Reply AuthApi::adminUser(const Request &request)
{
    if (request.bearerToken() != m_backend.serviceRoleKey())
        return authError(request, 403, u"not_admin"_qs, u"User not allowed"_qs);
    const QString id = request.path.section(u'/', -1);
    if (!crypto::isUuid(id))
        return authError(request, 404, u"user_not_found"_qs, u"User not found"_qs);
    if (!m_accounts.user(id))
        return authError(request, 404, u"user_not_found"_qs, u"User not found"_qs);
    const QJsonObject json = m_accounts.userJson(id);
    if (request.method == "DELETE")
        m_accounts.deleteUser(id);
    return Reply::json(200, json);
}

} // namespace exegia::emulator
