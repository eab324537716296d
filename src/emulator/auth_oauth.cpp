// Browser flows: /authorize (sign-in), /user/identities/authorize (linking)
// and /callback, which finishes both the way GoTrue does.
#include "accounts.h"
#include "auth_api.h"
#include "backend.h"
#include "crypto.h"
#include "errors.h"
#include "identity_provider.h"
#include "sessions.h"

namespace exegia::emulator {

namespace {

// Parameters GoTrue keeps for itself; everything else goes to the provider.
const QStringList kReserved{u"provider"_qs,
                            u"redirect_to"_qs,
                            u"scopes"_qs,
                            u"code_challenge"_qs,
                            u"code_challenge_method"_qs,
                            u"skip_http_redirect"_qs,
                            u"client_id"_qs,
                            u"client_secret"_qs,
                            u"redirect_uri"_qs,
                            u"response_type"_qs,
                            u"state"_qs,
                            u"code_verifier"_qs,
                            u"apikey"_qs,
                            u"flow_type"_qs};

Reply redirectError(const QString &target, const QString &error, const QString &code,
                    const QString &description)
{
    return Reply::redirect(withFormQuery(
        QUrl(target),
        {{u"error"_qs, error}, {u"error_code"_qs, code}, {u"error_description"_qs, description}}));
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
    return u"http://localhost:3000"_qs;
}

Reply AuthApi::authorize(const Request &request)
{
    return startFlow(request, u"signin"_qs, {}, false);
}

Reply AuthApi::linkAuthorize(const Request &request)
{
    if (!m_backend.config().linkingEnabled)
        return authError(request, 404, u"manual_linking_disabled"_qs,
                         u"Manual linking is disabled"_qs);
    auto caller = m_sessions.authenticate(request);
    if (auto *error = std::get_if<Reply>(&caller))
        return *error;
    return startFlow(request, u"link"_qs, std::get<Caller>(caller).userId,
                     request.param(u"skip_http_redirect"_qs) == u"true");
}

Reply AuthApi::startFlow(const Request &request, const QString &kind, const QString &userId,
                         bool skipRedirect)
{
    const QString provider = request.param(u"provider"_qs);
    if (!Backend::isIdpProvider(provider))
        return authError(request, 400, u"validation_failed"_qs,
                         u"Unsupported provider: provider %1 could not be found"_qs.arg(provider));
    const QString challenge = request.param(u"code_challenge"_qs);
    const QString method = request.param(u"code_challenge_method"_qs).toLower();
    if (challenge.isEmpty() || (method != u"s256" && method != u"plain"))
        return authError(request, 400, u"validation_failed"_qs,
                         u"The local backend supports the PKCE flow only: send code_challenge and "
                         "code_challenge_method=s256"_qs);
    if (challenge.size() < 43 || challenge.size() > 128)
        return authError(request, 400, u"validation_failed"_qs,
                         u"code challenge has to be between 43 and 128 characters"_qs);

    const QString flowId = crypto::uuid();
    const QByteArray idpVerifier = crypto::randomToken(48);
    m_backend.db().exec(
        u"INSERT INTO flow_states (id, kind, provider, user_id, code_challenge, challenge_method, "
        "redirect_to, idp_verifier, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"_qs,
        {flowId, kind, provider, userId.isEmpty() ? QVariant() : QVariant(userId), challenge,
         method, safeRedirect(request.param(u"redirect_to"_qs)), QString::fromLatin1(idpVerifier),
         Backend::now()});

    QString scopes = u"openid email profile"_qs;
    const QString extraScopes = request.param(u"scopes"_qs).trimmed();
    if (!extraScopes.isEmpty())
        scopes += u' ' + extraScopes;
    QList<QPair<QString, QString>> extra;
    for (const auto &item : request.query.queryItems(QUrl::FullyDecoded)) {
        if (!kReserved.contains(item.first))
            extra.append(item);
    }
    const QUrl url = m_idp.authorizationUrl(
        provider, flowId, m_backend.baseUrl() + u"/auth/v1/callback"_qs,
        QString::fromLatin1(crypto::base64Url(crypto::sha256(idpVerifier))), scopes, extra);
    if (skipRedirect)
        return Reply::json(200, QJsonObject{{u"url"_qs, QString::fromUtf8(url.toEncoded())}});
    return Reply::redirect(url);
}

Reply AuthApi::callback(const Request &request)
{
    Database &db = m_backend.db();
    const QString state = request.param(u"state"_qs);
    const auto flow =
        crypto::isUuid(state)
            ? db.row(u"SELECT * FROM flow_states WHERE id = ? AND auth_code IS NULL"_qs, {state})
            : std::nullopt;
    if (!flow)
        return authError(request, 400, u"bad_oauth_state"_qs,
                         u"OAuth state parameter is invalid"_qs);
    const QString redirectTo = (*flow)[u"redirect_to"_qs].toString();
    const QString provider = (*flow)[u"provider"_qs].toString();

    Database::Transaction tx(db);
    auto fail = [&](const QString &error, const QString &code, const QString &description) {
        db.exec(u"DELETE FROM flow_states WHERE id = ?"_qs, {state});
        tx.commit();
        return redirectError(redirectTo, error, code, description);
    };
    if (request.hasParam(u"error"_qs))
        return fail(request.param(u"error"_qs), u"provider_error"_qs,
                    request.param(u"error_description"_qs).isEmpty()
                        ? u"The provider returned an error"_qs
                        : request.param(u"error_description"_qs));
    if ((*flow)[u"created_at"_qs].toLongLong() + m_backend.config().flowExp < Backend::now())
        return fail(u"invalid_request"_qs, u"flow_state_expired"_qs, u"Flow state has expired"_qs);

    const auto identity = m_idp.redeem(provider, request.param(u"code"_qs),
                                       m_backend.baseUrl() + u"/auth/v1/callback"_qs,
                                       (*flow)[u"idp_verifier"_qs].toString());
    if (!identity)
        return fail(u"server_error"_qs, u"bad_oauth_callback"_qs,
                    u"Unable to exchange external code"_qs);

    QString userId = (*flow)[u"user_id"_qs].toString();
    if ((*flow)[u"kind"_qs].toString() == u"link") {
        const QString failure = m_accounts.linkIdentity(userId, *identity);
        if (failure == u"identity_already_exists")
            return fail(u"server_error"_qs, failure,
                        u"Identity is already linked to another user"_qs);
        if (failure == u"email_not_confirmed")
            return fail(
                u"access_denied"_qs, failure,
                u"Unverified email with %1. Verify the email with %1 first"_qs.arg(provider));
        if (!failure.isEmpty())
            return fail(u"server_error"_qs, failure, u"User not found"_qs);
    } else {
        userId = m_accounts.signInWithIdentity(*identity);
    }
    const QString authCode = crypto::uuid();
    db.exec(u"UPDATE flow_states SET user_id = ?, auth_code = ? WHERE id = ?"_qs,
            {userId, authCode, state});
    tx.commit();
    return Reply::redirect(withFormQuery(QUrl(redirectTo), {{u"code"_qs, authCode}}));
}

Reply AuthApi::verifyLink(const Request &request)
{
    // The email's link: GoTrue's implicit flow answer, tokens in the fragment
    // (never sent to a server), errors in the fragment too.
    const QString target = safeRedirect(request.param(u"redirect_to"_qs));
    auto fragment = [&](const QList<QPair<QString, QString>> &items) {
        QUrl url(target);
        url.setFragment(withFormQuery(QUrl(u"http://x/"_qs), items).query(QUrl::FullyEncoded),
                        QUrl::StrictMode);
        return Reply::redirect(url);
    };
    Database &db = m_backend.db();
    Database::Transaction tx(db);
    const QString hash =
        QString::fromLatin1(crypto::sha256Hex(request.param(u"token"_qs).toUtf8()));
    const auto row = db.row(u"SELECT * FROM one_time_codes WHERE link_hash = ?"_qs, {hash});
    if (!row || (*row)[u"expires_at"_qs].toLongLong() < Backend::now())
        return fragment({{u"error"_qs, u"access_denied"_qs},
                         {u"error_code"_qs, u"otp_expired"_qs},
                         {u"error_description"_qs, u"Email link is invalid or has expired"_qs}});
    const QString email = (*row)[u"email"_qs].toString();
    const QString userId = m_accounts.userIdByEmail(email);
    db.exec(u"DELETE FROM one_time_codes WHERE email = ?"_qs, {email});
    m_accounts.confirmEmail(userId);
    const QJsonObject session = m_sessions.start(userId, u"otp"_qs);
    tx.commit();
    return fragment({{u"access_token"_qs, session.value(u"access_token").toString()},
                     {u"expires_at"_qs, QString::number(session.value(u"expires_at").toInteger())},
                     {u"expires_in"_qs, QString::number(session.value(u"expires_in").toInteger())},
                     {u"refresh_token"_qs, session.value(u"refresh_token").toString()},
                     {u"token_type"_qs, u"bearer"_qs},
                     {u"type"_qs, request.param(u"type"_qs)}});
}

} // namespace exegia::emulator
