#include "IdentityProvider.h"

#include "Backend.h"
#include "Crypto.h"
#include "Jwt.h"
#include "Server.h"

#include <QJsonDocument>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace exegia::emulator {

namespace {

constexpr int kCodeLifetime = 600;

QString subjectFor(const QString &provider, const QString &email)
{
    const QByteArray digest = crypto::sha256(provider.toUtf8() + ':' + email.toUtf8());
    if (provider == u"google") {
        // Google subjects are 21 decimal digits.
        QString digits = u"1"_s;
        for (int i = 0; digits.size() < 21; ++i)
            digits += QString::number(quint8(digest[i % digest.size()]) % 10);
        return digits;
    }
    return u"001"_s + QString::fromLatin1(digest.toHex().left(32)) + u".0001"_s;
}

QString nameFromEmail(const QString &email)
{
    QString local = email.section(u'@', 0, 0).section(u'+', 0, 0);
    QStringList words = local.split(QRegularExpression(u"[._-]+"_s), Qt::SkipEmptyParts);
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
    for (const QString &provider : {u"google"_s, u"apple"_s}) {
        const QString base = u"/idp/"_s + provider;
        server.route("GET", base + u"/.well-known/openid-configuration"_s, Access::Open,
                     [this, provider](const Request &) { return discovery(provider); });
        server.route("GET", base + u"/jwks"_s, Access::Open,
                     [this](const Request &) { return jwks(); });
        server.route("GET", base + u"/authorize"_s, Access::Open,
                     [this, provider](const Request &r) { return authorize(provider, r); });
        server.route("POST", base + u"/token"_s, Access::Open,
                     [this, provider](const Request &r) { return token(provider, r); });
        server.route("GET", base + u"/avatar"_s, Access::Open,
                     [this](const Request &r) { return avatar(r); });
    }
}

Reply IdentityProvider::discovery(const QString &provider)
{
    const QString issuer = m_backend.idpIssuer(provider);
    return Reply::json(
        200,
        QJsonObject{{u"issuer"_s, issuer},
                    {u"authorization_endpoint"_s, issuer + u"/authorize"_s},
                    {u"token_endpoint"_s, issuer + u"/token"_s},
                    {u"jwks_uri"_s, issuer + u"/jwks"_s},
                    {u"response_types_supported"_s, QJsonArray{u"code"_s}},
                    {u"subject_types_supported"_s, QJsonArray{u"public"_s}},
                    {u"id_token_signing_alg_values_supported"_s, QJsonArray{u"RS256"_s}},
                    {u"scopes_supported"_s, QJsonArray{u"openid"_s, u"email"_s, u"profile"_s}},
                    {u"code_challenge_methods_supported"_s, QJsonArray{u"S256"_s, u"plain"_s}}});
}

Reply IdentityProvider::jwks()
{
    const crypto::RsaKey &key = m_backend.idpKey();
    const QJsonObject jwk{{u"kty"_s, u"RSA"_s},
                          {u"use"_s, u"sig"_s},
                          {u"alg"_s, u"RS256"_s},
                          {u"kid"_s, m_backend.idpKeyId()},
                          {u"n"_s, QString::fromLatin1(crypto::base64Url(key.modulus()))},
                          {u"e"_s, QString::fromLatin1(crypto::base64Url(key.exponent()))}};
    return Reply::json(200, QJsonObject{{u"keys"_s, QJsonArray{jwk}}});
}

QUrl IdentityProvider::authorizationUrl(const QString &provider, const QString &state,
                                        const QString &redirectUri, const QString &codeChallenge,
                                        const QString &scopes,
                                        const QList<QPair<QString, QString>> &extra) const
{
    QList<QPair<QString, QString>> items{{u"client_id"_s, Backend::clientId(provider)},
                                         {u"redirect_uri"_s, redirectUri},
                                         {u"response_type"_s, u"code"_s},
                                         {u"scope"_s, scopes},
                                         {u"state"_s, state},
                                         {u"code_challenge"_s, codeChallenge},
                                         {u"code_challenge_method"_s, u"S256"_s}};
    items += extra;
    return withFormQuery(QUrl(m_backend.idpIssuer(provider) + u"/authorize"_s), items);
}

Reply IdentityProvider::authorize(const QString &provider, const Request &request)
{
    const QUrl redirect(request.param(u"redirect_uri"_s), QUrl::StrictMode);
    // Any client id is accepted, as Google does for every registered client,
    // so tests can mint tokens for an audience Supabase will refuse.
    if (request.param(u"client_id"_s).isEmpty())
        return Reply::html(400, "<!doctype html><title>Error</title><p>Missing client_id.</p>");
    if (!redirect.isValid() || (redirect.scheme() != u"http" && redirect.scheme() != u"https"))
        return Reply::html(400, "<!doctype html><title>Error</title><p>Invalid redirect_uri.</p>");
    if (request.param(u"response_type"_s) != u"code")
        return Reply::redirect(
            withFormQuery(redirect, {{u"error"_s, u"unsupported_response_type"_s},
                                     {u"state"_s, request.param(u"state"_s)}}));
    if (request.param(u"deny"_s) == u"1")
        return Reply::redirect(
            withFormQuery(redirect, {{u"error"_s, u"access_denied"_s},
                                     {u"error_description"_s, u"The user cancelled sign-in"_s},
                                     {u"state"_s, request.param(u"state"_s)}}));
    const QString email = request.param(u"login_hint"_s).trimmed().toLower();
    if (email.isEmpty() || !email.contains(u'@'))
        return Reply::html(200, loginPage(provider, request));

    QString name = request.param(u"name"_s).trimmed();
    if (name.isEmpty())
        name = nameFromEmail(email);
    const QString code = QString::fromLatin1(crypto::randomToken(24));
    QString method = request.param(u"code_challenge_method"_s);
    m_backend.db().exec(
        u"INSERT INTO idp_codes (code, provider, client_id, redirect_uri, code_challenge, "
        "challenge_method, nonce, email, name, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_s,
        {code, provider, request.param(u"client_id"_s), request.param(u"redirect_uri"_s),
         request.param(u"code_challenge"_s), method, request.param(u"nonce"_s), email, name,
         Backend::now()});
    return Reply::redirect(
        withFormQuery(redirect, {{u"code"_s, code}, {u"state"_s, request.param(u"state"_s)}}));
}

QByteArray IdentityProvider::loginPage(const QString &provider, const Request &request) const
{
    const QString title = provider == u"google" ? u"Google (local)"_s : u"Apple (local)"_s;
    QString hidden;
    for (const auto &item : request.query.queryItems(QUrl::FullyDecoded)) {
        if (item.first == u"login_hint" || item.first == u"name" || item.first == u"deny")
            continue;
        hidden += u"<input type=\"hidden\" name=\"%1\" value=\"%2\">"_s.arg(
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
        "</form></body></html>"_s.arg(title, hidden);
    return page.toUtf8();
}

std::optional<ProviderIdentity>
IdentityProvider::redeem(const QString &provider, const QString &code, const QString &redirectUri,
                         const QString &verifier, QVariantMap *codeRow)
{
    Database &db = m_backend.db();
    const auto row =
        db.row(u"SELECT * FROM idp_codes WHERE code = ? AND provider = ?"_s, {code, provider});
    if (!row)
        return std::nullopt;
    // One use, even when the checks below fail.
    db.exec(u"DELETE FROM idp_codes WHERE code = ?"_s, {code});
    if ((*row)[u"created_at"_s].toLongLong() + kCodeLifetime < Backend::now() ||
        (*row)[u"redirect_uri"_s].toString() != redirectUri)
        return std::nullopt;
    const QString challenge = (*row)[u"code_challenge"_s].toString();
    if (!challenge.isEmpty()) {
        const QString method = (*row)[u"challenge_method"_s].toString();
        const QByteArray expected = method.compare(u"plain"_s, Qt::CaseInsensitive) == 0
                                        ? verifier.toLatin1()
                                        : crypto::base64Url(crypto::sha256(verifier.toLatin1()));
        if (!crypto::constantTimeEquals(expected, challenge.toLatin1()))
            return std::nullopt;
    }
    if (codeRow)
        *codeRow = *row;
    const QString email = (*row)[u"email"_s].toString();
    const bool verified = !email.section(u'@', 0, 0).endsWith(u"+unverified"_s);
    const QString sub = subjectFor(provider, email);
    return identityFromClaims(
        provider, {{u"sub"_s, sub},
                   {u"iss"_s, m_backend.idpIssuer(provider)},
                   {u"email"_s, email},
                   {u"email_verified"_s, verified},
                   {u"name"_s, (*row)[u"name"_s].toString()},
                   {u"picture"_s, m_backend.idpIssuer(provider) + u"/avatar?email="_s +
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
    QJsonObject data{{u"iss"_s, claims.value(u"iss")},
                     {u"sub"_s, identity.subject},
                     {u"provider_id"_s, identity.subject},
                     {u"email"_s, identity.email},
                     {u"email_verified"_s, identity.emailVerified},
                     {u"phone_verified"_s, false}};
    for (const QString &key : {u"name"_s, u"picture"_s}) {
        if (claims.contains(key)) {
            data.insert(key, claims.value(key));
            data.insert(key == u"name" ? u"full_name"_s : u"avatar_url"_s, claims.value(key));
        }
    }
    identity.data = data;
    return identity;
}

} // namespace exegia::emulator
