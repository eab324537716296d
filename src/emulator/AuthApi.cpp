#include "AuthApi.h"

#include "Accounts.h"
#include "Backend.h"
#include "Crypto.h"
#include "Errors.h"
#include "Mailbox.h"
#include "Server.h"
#include "Sessions.h"

#include <QJsonDocument>
#include <QRegularExpression>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace exegia::emulator {

std::variant<QJsonObject, Reply> jsonObjectBody(const Request &request)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(request.body, &error);
    if (!doc.isObject())
        return authError(request, 400, u"bad_json"_s,
                         request.body.trimmed().isEmpty()
                             ? u"Request body is empty: send a JSON object"_s
                             : u"Could not parse request body as JSON: "_s + error.errorString());
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

bool isEmailAddress(const QString &email)
{
    static const QRegularExpression re(u"^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$"_s);
    // Control and format characters (NUL, U+202E RIGHT-TO-LEFT OVERRIDE...)
    // would be stored and later shown to people as a different address.
    const bool hidden = std::any_of(email.cbegin(), email.cend(), [](QChar c) {
        return c.category() == QChar::Other_Control || c.category() == QChar::Other_Format;
    });
    return !hidden && email.size() <= 255 && re.match(email).hasMatch();
}

namespace {

Reply wrongType(const Request &request, const QString &field)
{
    return authError(
        request, 400, u"bad_json"_s,
        u"Could not parse request body as JSON: field %1 has the wrong type"_s.arg(field));
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
    // A handler that reads a JSON object gets the parsed body; any other
    // body is refused (bad_json) before the handler runs.
    auto bindJson = [this](Reply (AuthApi::*method)(const Request &, const QJsonObject &)) {
        return [this, method](const Request &r) {
            auto parsed = jsonObjectBody(r);
            if (auto *error = std::get_if<Reply>(&parsed))
                return *error;
            return (this->*method)(r, std::get<QJsonObject>(parsed));
        };
    };
    const QString base = u"/auth/v1"_s;
    server.route("GET", base + u"/health"_s, Access::ApiKey, bind(&AuthApi::health));
    server.route("GET", base + u"/settings"_s, Access::ApiKey, bind(&AuthApi::settings));
    server.route("POST", base + u"/signup"_s, Access::ApiKey, bindJson(&AuthApi::signup));
    server.route("POST", base + u"/otp"_s, Access::ApiKey, bindJson(&AuthApi::otp));
    server.route("POST", base + u"/verify"_s, Access::Open, bindJson(&AuthApi::verify));
    server.route("GET", base + u"/verify"_s, Access::Open, bind(&AuthApi::verifyLink));
    server.route("POST", base + u"/token"_s, Access::ApiKey, bind(&AuthApi::token));
    server.route("GET", base + u"/user"_s, Access::ApiKey, bind(&AuthApi::user));
    server.route("POST", base + u"/logout"_s, Access::ApiKey, bind(&AuthApi::logout));
    server.route("PUT", base + u"/user"_s, Access::ApiKey, bind(&AuthApi::updateUser));
    server.route("GET", base + u"/reauthenticate"_s, Access::ApiKey,
                 bind(&AuthApi::reauthenticate));
    server.route("POST", base + u"/resend"_s, Access::ApiKey, bindJson(&AuthApi::resend));
    server.routePrefix("DELETE", base + u"/user/identities/"_s, Access::ApiKey,
                       bind(&AuthApi::unlinkIdentity));
    server.route("GET", base + u"/authorize"_s, Access::Open, bind(&AuthApi::authorize));
    server.route("GET", base + u"/callback"_s, Access::Open, bind(&AuthApi::callback));
    server.route("GET", base + u"/user/identities/authorize"_s, Access::ApiKey,
                 bind(&AuthApi::linkAuthorize));
    server.routePrefix("GET", base + u"/admin/users/"_s, Access::ApiKey, bind(&AuthApi::adminUser));
    server.routePrefix("DELETE", base + u"/admin/users/"_s, Access::ApiKey,
                       bind(&AuthApi::adminUser));
    server.route("GET", base + u"/.well-known/jwks.json"_s, Access::Open, [this](const Request &) {
        // The public signing keys (none with hs256), cached as supabase/auth
        // lets them be (internal/api/jwks.go).
        return Reply::json(200, QJsonObject{{u"keys"_s, m_backend.publicJwks()}})
            .withHeader("Cache-Control", "public, max-age=600");
    });
}

Reply AuthApi::health(const Request &)
{
    return Reply::json(
        200,
        QJsonObject{{u"version"_s, u"v2.196.0-exegia-emulator"_s},
                    {u"name"_s, u"GoTrue"_s},
                    {u"description"_s, u"GoTrue is a user registration and authentication API"_s}});
}

Reply AuthApi::settings(const Request &)
{
    const Config &config = m_backend.config();
    const QJsonObject external{{u"anonymous_users"_s, config.anonymousEnabled},
                               {u"apple"_s, true},
                               {u"google"_s, true},
                               {u"email"_s, true},
                               {u"phone"_s, false}};
    return Reply::json(200, QJsonObject{{u"external"_s, external},
                                        {u"disable_signup"_s, false},
                                        {u"mailer_autoconfirm"_s, false},
                                        {u"phone_autoconfirm"_s, false},
                                        {u"sms_provider"_s, u""_s},
                                        {u"saml_enabled"_s, false}});
}

Reply AuthApi::signup(const Request &request, const QJsonObject &body)
{
    QString email, phone;
    if (!optionalString(body, u"email"_s, &email))
        return wrongType(request, u"email"_s);
    if (!optionalString(body, u"phone"_s, &phone))
        return wrongType(request, u"phone"_s);
    const QJsonValue data = body.value(u"data");
    if (!data.isUndefined() && !data.isNull() && !data.isObject())
        return wrongType(request, u"data"_s);
    if (!email.isEmpty() || !phone.isEmpty())
        return authError(request, 422, u"validation_failed"_s,
                         u"Signup requires a valid password"_s);
    if (!m_backend.config().anonymousEnabled)
        return authError(request, 422, u"anonymous_provider_disabled"_s,
                         u"Anonymous sign-ins are disabled"_s);

    Database::Transaction tx(m_backend.db());
    const QString userId = m_accounts.createAnonymousUser(data.toObject());
    return sessionReply(tx, userId, u"anonymous"_s);
}

Reply AuthApi::otp(const Request &request, const QJsonObject &body)
{
    QString email;
    if (!optionalString(body, u"email"_s, &email))
        return wrongType(request, u"email"_s);
    const QJsonValue createUser = body.value(u"create_user");
    if (!createUser.isUndefined() && !createUser.isNull() && !createUser.isBool())
        return wrongType(request, u"create_user"_s);
    email = email.trimmed().toLower();
    if (email.isEmpty())
        return authError(request, 400, u"validation_failed"_s,
                         u"An email address or phone number is required"_s);
    if (!isEmailAddress(email))
        return invalidEmail(request, 400);

    Database::Transaction tx(m_backend.db());
    QString userId = m_accounts.userIdByEmail(email);
    if (userId.isEmpty() && !createUser.toBool(true))
        return authError(request, 422, u"otp_disabled"_s, u"Signups not allowed for otp"_s);

    if (auto wait = emailCooldown(request, email))
        return *wait;
    if (userId.isEmpty())
        userId = m_accounts.createEmailUser(email, body.value(u"data").toObject());
    const bool confirmed = !(*m_accounts.user(userId))[u"email_confirmed_at"_s].isNull();
    mailCode(request, email, confirmed);
    tx.commit();
    return Reply::json(200, QJsonObject{});
}

std::optional<Reply> AuthApi::emailCooldown(const Request &request, const QString &email)
{
    const qint64 now = Backend::now();
    const QVariant lastSent =
        m_backend.db().value(u"SELECT sent_at FROM email_sends WHERE email = ?"_s, {email});
    const int cooldown = m_backend.config().emailCooldown;
    if (lastSent.isNull() || lastSent.toLongLong() + cooldown <= now)
        return std::nullopt;
    const qint64 wait = lastSent.toLongLong() + cooldown - now;
    return authError(
        request, 429, u"over_email_send_rate_limit"_s,
        u"For security purposes, you can only request this after %1 seconds."_s.arg(wait));
}

// Stores a fresh code and link token for `email` and puts the mail in the mailbox.
void AuthApi::mailCode(const Request &request, const QString &email, bool confirmed)
{
    Database &db = m_backend.db();
    const qint64 now = Backend::now();
    const QString code = crypto::sixDigitCode();
    // The mail's link carries its own random token, so the link never
    // reveals anything about the code.
    const QByteArray linkToken = crypto::randomToken(24);
    db.exec(u"INSERT OR REPLACE INTO one_time_codes (email, code_hash, link_hash, expires_at) "
            "VALUES (?, ?, ?, ?)"_s,
            {email, QString::fromLatin1(codeHash(email, code)),
             QString::fromLatin1(crypto::sha256Hex(linkToken)), now + m_backend.config().otpExp});
    QUrl link(m_backend.authIssuer() + u"/verify"_s);
    link.setQuery(u"token=%1&type=%2&redirect_to=%3"_s.arg(
        QString::fromLatin1(linkToken), confirmed ? u"magiclink"_s : u"signup"_s,
        QString::fromLatin1(
            QUrl::toPercentEncoding(safeRedirect(request.param(u"redirect_to"_s))))));
    db.exec(u"INSERT OR REPLACE INTO email_sends (email, sent_at) VALUES (?, ?)"_s, {email, now});

    const QString subject = confirmed ? u"Your sign-in code"_s : u"Confirm your signup"_s;
    const QString intro = confirmed ? u"Use this code to sign in to Exegia:"_s
                                    : u"Welcome to Exegia! Use this code to confirm your email "
                                      "address and finish signing up:"_s;
    const QString text =
        u"Hello,\n\n%1\n\n    %2\n\nOr open this link on this computer:\n%3\n\nThe code and the "
        "link work once and expire in %4 minutes. If you did not ask for them, you can ignore this "
        "email.\n\n-- Exegia (local backend)\n"_s
            // One multi-argument arg(): the link's %-escapes must not be
            // taken for placeholders by a second pass.
            .arg(intro, code, QString::fromUtf8(link.toEncoded()),
                 QString::number(qMax(1, m_backend.config().otpExp / 60)));
    m_mailbox.deliver(email, subject, text, code);
}

Reply AuthApi::verify(const Request &request, const QJsonObject &body)
{
    QString type, email, token;
    if (!optionalString(body, u"type"_s, &type))
        return wrongType(request, u"type"_s);
    if (!optionalString(body, u"email"_s, &email))
        return wrongType(request, u"email"_s);
    if (!optionalString(body, u"token"_s, &token))
        return wrongType(request, u"token"_s);
    if (type == u"email_change")
        return verifyEmailChange(request, email.trimmed().toLower(), token.trimmed());
    if (type.isEmpty())
        return authError(request, 400, u"validation_failed"_s,
                         u"Verify requires a verification type"_s);
    email = email.trimmed().toLower();
    if (!isEmailAddress(email))
        return invalidEmail(request, 422);
    if (token.trimmed().isEmpty())
        return authError(request, 400, u"validation_failed"_s, u"Verify requires a token"_s);

    // GoTrue looks the token up by its type; this emulator never issues
    // tokens of the others (recovery, invite, email_change, sms...), so
    // they can only be wrong.
    if (type != u"email" && type != u"signup" && type != u"magiclink")
        return otpExpired(request);
    Database &db = m_backend.db();
    Database::Transaction tx(db);
    const auto row = db.row(u"SELECT * FROM one_time_codes WHERE email = ?"_s, {email});
    const QString userId = m_accounts.userIdByEmail(email);
    const bool valid = row && !userId.isEmpty() &&
                       (*row)[u"expires_at"_s].toLongLong() >= Backend::now() &&
                       crypto::constantTimeEquals(codeHash(email, token.trimmed()),
                                                  (*row)[u"code_hash"_s].toByteArray());
    if (!valid)
        return otpExpired(request);
    db.exec(u"DELETE FROM one_time_codes WHERE email = ?"_s, {email});
    m_accounts.confirmEmail(userId);
    return sessionReply(tx, userId, u"otp"_s);
}

Reply AuthApi::sessionReply(Database::Transaction &tx, const QString &userId, const QString &method)
{
    const QJsonObject session = m_sessions.start(userId, method);
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
    const QString scope = request.hasParam(u"scope"_s) ? request.param(u"scope"_s) : u"global"_s;
    if (scope != u"global" && scope != u"local" && scope != u"others")
        return authError(request, 400, u"validation_failed"_s,
                         u"Unsupported logout scope \"%1\""_s.arg(scope));
    auto caller = m_sessions.authenticate(request);
    if (auto *error = std::get_if<Reply>(&caller))
        return *error;
    m_sessions.logout(std::get<Caller>(caller), scope);
    return Reply::empty(204);
}

Reply AuthApi::adminUser(const Request &request)
{
    const jwt::Decoded caller = m_backend.verifyAccessToken(request.bearerToken(), Backend::now());
    if (!caller.ok() || caller.payload.value(u"role").toString() != u"service_role")
        return authError(request, 403, u"not_admin"_s, u"User not allowed"_s);
    if (m_adminFactors && request.path.section(u'/', 6, 6) == u"factors")
        return m_adminFactors(request);
    const QString id = request.path.section(u'/', -1);
    if (!crypto::isUuid(id))
        return authError(request, 404, u"user_not_found"_s, u"User not found"_s);
    if (!m_accounts.user(id))
        return authError(request, 404, u"user_not_found"_s, u"User not found"_s);
    const QJsonObject json = m_accounts.userJson(id);
    if (request.method == "DELETE")
        m_accounts.deleteUser(id);
    return Reply::json(200, json);
}

} // namespace exegia::emulator
