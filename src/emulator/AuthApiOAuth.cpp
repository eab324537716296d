// Browser flows: /authorize (sign-in), /user/identities/authorize (linking)
// and /callback, which finishes both the way GoTrue does.
#include "Accounts.h"
#include "AuthApi.h"
#include "Backend.h"
#include "Crypto.h"
#include "Errors.h"
#include "IdentityProvider.h"
#include "Sessions.h"

using namespace Qt::StringLiterals;

namespace exegia::emulator {

namespace {

// Parameters GoTrue keeps for itself; everything else goes to the provider.
const QStringList kReserved{u"provider"_s,
                            u"redirect_to"_s,
                            u"scopes"_s,
                            u"code_challenge"_s,
                            u"code_challenge_method"_s,
                            u"skip_http_redirect"_s,
                            u"client_id"_s,
                            u"client_secret"_s,
                            u"redirect_uri"_s,
                            u"response_type"_s,
                            u"state"_s,
                            u"code_verifier"_s,
                            u"apikey"_s,
                            u"flow_type"_s};

Reply redirectError(const QString &target, const QString &error, const QString &code,
                    const QString &description)
{
    return Reply::redirect(withFormQuery(
        QUrl(target),
        {{u"error"_s, error}, {u"error_code"_s, code}, {u"error_description"_s, description}}));
}

} // namespace

QString AuthApi::safeRedirect(const QString &requested) const
{
    // Loopback http redirects are allowed without an allow-list (Auth v2.171+);
    // anything else silently becomes the site URL, as GoTrue does.
    const QUrl url(requested, QUrl::StrictMode);
    const QString host = url.host();
    const bool loopback = host == u"127.0.0.1" || host == u"localhost" || host == u"::1";
    if (url.isValid() && (url.scheme() == u"http" || url.scheme() == u"https") && loopback)
        return requested;
    return u"http://localhost:3000"_s;
}

Reply AuthApi::authorize(const Request &request)
{
    return startFlow(request, u"signin"_s, {}, false);
}

std::variant<QString, Reply> AuthApi::linkingCaller(const Request &request)
{
    if (!m_backend.config().linkingEnabled)
        return authError(request, 404, u"manual_linking_disabled"_s,
                         u"Manual linking is disabled"_s);
    auto caller = m_sessions.authenticate(request);
    if (auto *error = std::get_if<Reply>(&caller))
        return *error;
    return std::get<Caller>(caller).userId;
}

Reply AuthApi::linkAuthorize(const Request &request)
{
    auto caller = linkingCaller(request);
    if (auto *error = std::get_if<Reply>(&caller))
        return *error;
    return startFlow(request, u"link"_s, std::get<QString>(caller),
                     request.param(u"skip_http_redirect"_s) == u"true");
}

Reply AuthApi::startFlow(const Request &request, const QString &kind, const QString &userId,
                         bool skipRedirect)
{
    const QString provider = request.param(u"provider"_s);
    if (!Backend::isIdpProvider(provider))
        return authError(request, 400, u"validation_failed"_s,
                         u"Unsupported provider: provider %1 could not be found"_s.arg(provider));
    const QString challenge = request.param(u"code_challenge"_s);
    const QString method = request.param(u"code_challenge_method"_s).toLower();
    if (challenge.isEmpty() || (method != u"s256" && method != u"plain"))
        return authError(request, 400, u"validation_failed"_s,
                         u"The local backend supports the PKCE flow only: send code_challenge and "
                         "code_challenge_method=s256"_s);
    if (challenge.size() < 43 || challenge.size() > 128)
        return authError(request, 400, u"validation_failed"_s,
                         u"code challenge has to be between 43 and 128 characters"_s);

    const QString flowId = crypto::uuid();
    const QByteArray idpVerifier = crypto::randomToken(48);
    m_backend.db().exec(
        u"INSERT INTO flow_states (id, kind, provider, user_id, code_challenge, challenge_method, "
        "redirect_to, idp_verifier, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"_s,
        {flowId, kind, provider, userId.isEmpty() ? QVariant() : QVariant(userId), challenge,
         method, safeRedirect(request.param(u"redirect_to"_s)), QString::fromLatin1(idpVerifier),
         Backend::now()});

    QString scopes = u"openid email profile"_s;
    const QString extraScopes = request.param(u"scopes"_s).trimmed();
    if (!extraScopes.isEmpty())
        scopes += u' ' + extraScopes;
    QList<QPair<QString, QString>> extra;
    for (const auto &item : request.query.queryItems(QUrl::FullyDecoded)) {
        if (!kReserved.contains(item.first))
            extra.append(item);
    }
    const QUrl url = m_idp.authorizationUrl(
        provider, flowId, m_backend.baseUrl() + u"/auth/v1/callback"_s,
        QString::fromLatin1(crypto::base64Url(crypto::sha256(idpVerifier))), scopes, extra);
    if (skipRedirect)
        return Reply::json(200, QJsonObject{{u"url"_s, QString::fromUtf8(url.toEncoded())}});
    return Reply::redirect(url);
}

Reply AuthApi::callback(const Request &request)
{
    Database &db = m_backend.db();
    const QString state = request.param(u"state"_s);
    const auto flow =
        crypto::isUuid(state)
            ? db.row(u"SELECT * FROM flow_states WHERE id = ? AND auth_code IS NULL"_s, {state})
            : std::nullopt;
    if (!flow)
        return authError(request, 400, u"bad_oauth_state"_s, u"OAuth state parameter is invalid"_s);
    const QString redirectTo = (*flow)[u"redirect_to"_s].toString();
    const QString provider = (*flow)[u"provider"_s].toString();

    Database::Transaction tx(db);
    auto fail = [&](const QString &error, const QString &code, const QString &description) {
        db.exec(u"DELETE FROM flow_states WHERE id = ?"_s, {state});
        tx.commit();
        return redirectError(redirectTo, error, code, description);
    };
    if (request.hasParam(u"error"_s))
        return fail(request.param(u"error"_s), u"provider_error"_s,
                    request.param(u"error_description"_s).isEmpty()
                        ? u"The provider returned an error"_s
                        : request.param(u"error_description"_s));
    if ((*flow)[u"created_at"_s].toLongLong() + m_backend.config().flowExp < Backend::now())
        return fail(u"invalid_request"_s, u"flow_state_expired"_s, u"Flow state has expired"_s);

    const auto identity = m_idp.redeem(provider, request.param(u"code"_s),
                                       m_backend.baseUrl() + u"/auth/v1/callback"_s,
                                       (*flow)[u"idp_verifier"_s].toString());
    if (!identity)
        return fail(u"server_error"_s, u"bad_oauth_callback"_s,
                    u"Unable to exchange external code"_s);

    QString userId = (*flow)[u"user_id"_s].toString();
    if ((*flow)[u"kind"_s].toString() == u"link") {
        const QString failure = m_accounts.linkIdentity(userId, *identity);
        if (failure == u"identity_already_exists")
            return fail(u"server_error"_s, failure,
                        u"Identity is already linked to another user"_s);
        if (failure == u"email_not_confirmed")
            return fail(
                u"access_denied"_s, failure,
                u"Unverified email with %1. Verify the email with %1 first"_s.arg(provider));
        if (!failure.isEmpty())
            return fail(u"server_error"_s, failure, u"User not found"_s);
    } else {
        userId = m_accounts.signInWithIdentity(*identity);
    }
    const QString authCode = crypto::uuid();
    db.exec(u"UPDATE flow_states SET user_id = ?, auth_code = ? WHERE id = ?"_s,
            {userId, authCode, state});
    tx.commit();
    return Reply::redirect(withFormQuery(QUrl(redirectTo), {{u"code"_s, authCode}}));
}

Reply AuthApi::verifyLink(const Request &request)
{
    // The email's link: GoTrue's implicit flow answer, tokens in the fragment
    // (never sent to a server), errors in the fragment too.
    const QString target = safeRedirect(request.param(u"redirect_to"_s));
    auto fragment = [&](const QList<QPair<QString, QString>> &items) {
        QUrl url(target);
        url.setFragment(withFormQuery(QUrl(u"http://x/"_s), items).query(QUrl::FullyEncoded),
                        QUrl::StrictMode);
        return Reply::redirect(url);
    };
    Database &db = m_backend.db();
    Database::Transaction tx(db);
    const QString hash = QString::fromLatin1(crypto::sha256Hex(request.param(u"token"_s).toUtf8()));
    const auto row = db.row(u"SELECT * FROM one_time_codes WHERE link_hash = ?"_s, {hash});
    if (!row || (*row)[u"expires_at"_s].toLongLong() < Backend::now())
        return fragment({{u"error"_s, u"access_denied"_s},
                         {u"error_code"_s, u"otp_expired"_s},
                         {u"error_description"_s, u"Email link is invalid or has expired"_s}});
    const QString email = (*row)[u"email"_s].toString();
    const QString userId = m_accounts.userIdByEmail(email);
    db.exec(u"DELETE FROM one_time_codes WHERE email = ?"_s, {email});
    m_accounts.confirmEmail(userId);
    const QJsonObject session = m_sessions.start(userId, u"otp"_s);
    tx.commit();
    return fragment({{u"access_token"_s, session.value(u"access_token").toString()},
                     {u"expires_at"_s, QString::number(session.value(u"expires_at").toInteger())},
                     {u"expires_in"_s, QString::number(session.value(u"expires_in").toInteger())},
                     {u"refresh_token"_s, session.value(u"refresh_token").toString()},
                     {u"token_type"_s, u"bearer"_s},
                     {u"type"_s, request.param(u"type"_s)}});
}

} // namespace exegia::emulator
