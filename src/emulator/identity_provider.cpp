#include "identity_provider.h"

#include "backend.h"
#include "crypto.h"
#include "jwt.h"
#include "server.h"

#include <QJsonDocument>
#include <QRegularExpression>

namespace exegia::emulator {

namespace {

constexpr int kCodeLifetime = 600;

QString subjectFor(const QString &provider, const QString &email)
{
    const QByteArray digest = crypto::sha256(provider.toUtf8() + ':' + email.toUtf8());
    if (provider == u"google") {
        // Google subjects are 21 decimal digits.
        QString digits = u"1"_qs;
        for (int i = 0; digits.size() < 21; ++i)
            digits += QString::number(quint8(digest[i % digest.size()]) % 10);
        return digits;
    }
    return u"001"_qs + QString::fromLatin1(digest.toHex().left(32)) + u".0001"_qs;
}

QString nameFromEmail(const QString &email)
{
    QString local = email.section(u'@', 0, 0).section(u'+', 0, 0);
    QStringList words = local.split(QRegularExpression(u"[._-]+"_qs), Qt::SkipEmptyParts);
    for (QString &word : words)
        word[0] = word[0].toUpper();
    return words.isEmpty() ? email : words.join(u' ');
}

QString htmlEscape(const QString &text)
{
    return text.toHtmlEscaped();
}

} // namespace

IdentityProvider::IdentityProvider(Backend &backend)
    : m_backend(backend)
{}

void IdentityProvider::registerRoutes(Server &server)
{
    for (const QString &provider : {u"google"_qs, u"apple"_qs}) {
        const QString base = u"/idp/"_qs + provider;
        server.route("GET", base + u"/.well-known/openid-configuration"_qs, Access::Open,
                     [this, provider](const Request &) { return discovery(provider); });
        server.route("GET", base + u"/jwks"_qs, Access::Open,
                     [this](const Request &) { return jwks(); });
        server.route("GET", base + u"/authorize"_qs, Access::Open,
                     [this, provider](const Request &r) { return authorize(provider, r); });
        server.route("POST", base + u"/token"_qs, Access::Open,
                     [this, provider](const Request &r) { return token(provider, r); });
        server.route("GET", base + u"/avatar"_qs, Access::Open,
                     [this](const Request &r) { return avatar(r); });
    }
}

Reply IdentityProvider::discovery(const QString &provider)
{
    const QString issuer = m_backend.idpIssuer(provider);
    return Reply::json(
        200,
        QJsonObject{{u"issuer"_qs, issuer},
                    {u"authorization_endpoint"_qs, issuer + u"/authorize"_qs},
                    {u"token_endpoint"_qs, issuer + u"/token"_qs},
                    {u"jwks_uri"_qs, issuer + u"/jwks"_qs},
                    {u"response_types_supported"_qs, QJsonArray{u"code"_qs}},
                    {u"subject_types_supported"_qs, QJsonArray{u"public"_qs}},
                    {u"id_token_signing_alg_values_supported"_qs, QJsonArray{u"RS256"_qs}},
                    {u"scopes_supported"_qs, QJsonArray{u"openid"_qs, u"email"_qs, u"profile"_qs}},
                    {u"code_challenge_methods_supported"_qs, QJsonArray{u"S256"_qs, u"plain"_qs}}});
}

Reply IdentityProvider::jwks()
{
    const crypto::RsaKey &key = m_backend.idpKey();
    const QJsonObject jwk{{u"kty"_qs, u"RSA"_qs},
                          {u"use"_qs, u"sig"_qs},
                          {u"alg"_qs, u"RS256"_qs},
                          {u"kid"_qs, m_backend.idpKeyId()},
                          {u"n"_qs, QString::fromLatin1(crypto::base64Url(key.modulus()))},
                          {u"e"_qs, QString::fromLatin1(crypto::base64Url(key.exponent()))}};
    return Reply::json(200, QJsonObject{{u"keys"_qs, QJsonArray{jwk}}});
}

QUrl IdentityProvider::authorizationUrl(const QString &provider, const QString &state,
                                        const QString &redirectUri, const QString &codeChallenge,
                                        const QString &scopes,
                                        const QList<QPair<QString, QString>> &extra) const
{
    QList<QPair<QString, QString>> items{{u"client_id"_qs, Backend::clientId(provider)},
                                         {u"redirect_uri"_qs, redirectUri},
                                         {u"response_type"_qs, u"code"_qs},
                                         {u"scope"_qs, scopes},
                                         {u"state"_qs, state},
                                         {u"code_challenge"_qs, codeChallenge},
                                         {u"code_challenge_method"_qs, u"S256"_qs}};
    items += extra;
    return withFormQuery(QUrl(m_backend.idpIssuer(provider) + u"/authorize"_qs), items);
}

Reply IdentityProvider::authorize(const QString &provider, const Request &request)
{
    const QUrl redirect(request.param(u"redirect_uri"_qs), QUrl::StrictMode);
    // Any client id is accepted, as Google does for every registered client,
    // so tests can mint tokens for an audience Supabase will refuse.
    if (request.param(u"client_id"_qs).isEmpty())
        return Reply::html(400, "<!doctype html><title>Error</title><p>Missing client_id.</p>");
    if (!redirect.isValid() || (redirect.scheme() != u"http" && redirect.scheme() != u"https"))
        return Reply::html(400, "<!doctype html><title>Error</title><p>Invalid redirect_uri.</p>");
    if (request.param(u"response_type"_qs) != u"code")
        return Reply::redirect(
            withFormQuery(redirect, {{u"error"_qs, u"unsupported_response_type"_qs},
                                     {u"state"_qs, request.param(u"state"_qs)}}));
    if (request.param(u"deny"_qs) == u"1")
        return Reply::redirect(
            withFormQuery(redirect, {{u"error"_qs, u"access_denied"_qs},
                                     {u"error_description"_qs, u"The user cancelled sign-in"_qs},
                                     {u"state"_qs, request.param(u"state"_qs)}}));
    const QString email = request.param(u"login_hint"_qs).trimmed().toLower();
    if (email.isEmpty() || !email.contains(u'@'))
        return Reply::html(200, loginPage(provider, request));

    QString name = request.param(u"name"_qs).trimmed();
    if (name.isEmpty())
        name = nameFromEmail(email);
    const QString code = QString::fromLatin1(crypto::randomToken(24));
    QString method = request.param(u"code_challenge_method"_qs);
    m_backend.db().exec(
        u"INSERT INTO idp_codes (code, provider, client_id, redirect_uri, code_challenge, "
        "challenge_method, nonce, email, name, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_qs,
        {code, provider, request.param(u"client_id"_qs), request.param(u"redirect_uri"_qs),
         request.param(u"code_challenge"_qs), method, request.param(u"nonce"_qs), email, name,
         Backend::now()});
    return Reply::redirect(
        withFormQuery(redirect, {{u"code"_qs, code}, {u"state"_qs, request.param(u"state"_qs)}}));
}

QByteArray IdentityProvider::loginPage(const QString &provider, const Request &request) const
{
    const QString title = provider == u"google" ? u"Google (local)"_qs : u"Apple (local)"_qs;
    QString hidden;
    for (const auto &item : request.query.queryItems(QUrl::FullyDecoded)) {
        if (item.first == u"login_hint" || item.first == u"name" || item.first == u"deny")
            continue;
        hidden += u"<input type=\"hidden\" name=\"%1\" value=\"%2\">"_qs.arg(
            htmlEscape(item.first), htmlEscape(item.second));
    }
    const QString page =
        u"<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Sign in with "
        u"%1</title>"
        "<style>body{font-family:sans-serif;max-width:26rem;margin:4rem auto;padding:0 1rem}"
        "label{display:block;margin:.8rem 0 .2rem}input[type=email],input[type=text]{width:100%;"
        "padding:.5rem;box-sizing:border-box}button{margin-top:1rem;padding:.5rem 1rem}</style>"
        "</head><body><h1>Sign in with %1</h1><p>This is the local test identity provider. "
        "Type any address: it signs you in as that test account.</p>"
        "<form method=\"get\" action=\"authorize\">%2"
        "<label for=\"email\">Email</label><input id=\"email\" type=\"email\" name=\"login_hint\" "
        "required autofocus><label for=\"name\">Name</label><input id=\"name\" type=\"text\" "
        "name=\"name\" placeholder=\"From the address when empty\">"
        "<button type=\"submit\">Continue</button> "
        "<button type=\"submit\" name=\"deny\" value=\"1\" formnovalidate>Cancel</button>"
        "</form></body></html>"_qs.arg(title, hidden);
    return page.toUtf8();
}

std::optional<ProviderIdentity>
IdentityProvider::redeem(const QString &provider, const QString &code, const QString &redirectUri,
                         const QString &verifier, QVariantMap *codeRow)
{
    Database &db = m_backend.db();
    const auto row =
        db.row(u"SELECT * FROM idp_codes WHERE code = ? AND provider = ?"_qs, {code, provider});
    if (!row)
        return std::nullopt;
    // One use, even when the checks below fail.
    db.exec(u"DELETE FROM idp_codes WHERE code = ?"_qs, {code});
    if ((*row)[u"created_at"_qs].toLongLong() + kCodeLifetime < Backend::now() ||
        (*row)[u"redirect_uri"_qs].toString() != redirectUri)
        return std::nullopt;
    const QString challenge = (*row)[u"code_challenge"_qs].toString();
    if (!challenge.isEmpty()) {
        const QString method = (*row)[u"challenge_method"_qs].toString();
        const QByteArray expected = method.compare(u"plain"_qs, Qt::CaseInsensitive) == 0
                                        ? verifier.toLatin1()
                                        : crypto::base64Url(crypto::sha256(verifier.toLatin1()));
        if (!crypto::constantTimeEquals(expected, challenge.toLatin1()))
            return std::nullopt;
    }
    if (codeRow)
        *codeRow = *row;
    const QString email = (*row)[u"email"_qs].toString();
    const bool verified = !email.section(u'@', 0, 0).endsWith(u"+unverified"_qs);
    const QString sub = subjectFor(provider, email);
    return identityFromClaims(
        provider, {{u"sub"_qs, sub},
                   {u"iss"_qs, m_backend.idpIssuer(provider)},
                   {u"email"_qs, email},
                   {u"email_verified"_qs, verified},
                   {u"name"_qs, (*row)[u"name"_qs].toString()},
                   {u"picture"_qs, m_backend.idpIssuer(provider) + u"/avatar?email="_qs +
                                       QString::fromLatin1(QUrl::toPercentEncoding(email))}});
}

ProviderIdentity IdentityProvider::identityFromClaims(const QString &provider,
                                                      const QJsonObject &claims)
{
    ProviderIdentity identity;
    identity.provider = provider;
    identity.subject = claims.value(u"sub").toString();
    identity.email = claims.value(u"email").toString().toLower();
    const QJsonValue verified = claims.value(u"email_verified");
    identity.emailVerified = verified.isBool() ? verified.toBool() : verified.toString() == u"true";
    // GoTrue's identity_data: the provider's claims plus its own fields.
    QJsonObject data{{u"iss"_qs, claims.value(u"iss")},
                     {u"sub"_qs, identity.subject},
                     {u"provider_id"_qs, identity.subject},
                     {u"email"_qs, identity.email},
                     {u"email_verified"_qs, identity.emailVerified},
                     {u"phone_verified"_qs, false}};
    for (const QString &key : {u"name"_qs, u"picture"_qs}) {
        if (claims.contains(key)) {
            data.insert(key, claims.value(key));
            data.insert(key == u"name" ? u"full_name"_qs : u"avatar_url"_qs, claims.value(key));
        }
    }
    identity.data = data;
    return identity;
}

} // namespace exegia::emulator
