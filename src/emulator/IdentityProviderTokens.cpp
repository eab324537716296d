// The identity provider's token side: the token endpoint that issues ID
// tokens, and the checks GoTrue applies to them in the ID-token grant.
#include "Backend.h"
#include "Crypto.h"
#include "IdentityProvider.h"
#include "Jwt.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace exegia::emulator {

namespace {

Reply oauthTokenError(const QString &error, const QString &description)
{
    return Reply::json(400,
                       QJsonObject{{u"error"_s, error}, {u"error_description"_s, description}});
}

} // namespace

Reply IdentityProvider::token(const QString &provider, const Request &request)
{
    const QUrlQuery form = parseForm(request.body);
    if (formValue(form, u"grant_type"_s) != u"authorization_code")
        return oauthTokenError(u"unsupported_grant_type"_s,
                               u"Only authorization_code is supported"_s);
    const QString clientId = formValue(form, u"client_id"_s);
    if (clientId.isEmpty())
        return oauthTokenError(u"invalid_client"_s, u"Missing client_id"_s);

    const int lifetime = m_backend.config().idTokenExp;
    QVariantMap codeRow;
    const auto identity =
        redeem(provider, formValue(form, u"code"_s), formValue(form, u"redirect_uri"_s),
               formValue(form, u"code_verifier"_s), &codeRow);
    if (!identity || codeRow.value(u"client_id"_s).toString() != clientId)
        return oauthTokenError(u"invalid_grant"_s,
                               u"The code is unknown, used, expired, or does not match the "
                               "redirect_uri or code_verifier"_s);

    const QByteArray accessToken = "ya29.local-" + crypto::randomToken(24);
    const qint64 now = Backend::now();
    QJsonObject claims{{u"iss"_s, m_backend.idpIssuer(provider)},
                       {u"aud"_s, clientId},
                       {u"azp"_s, clientId},
                       {u"sub"_s, identity->subject},
                       {u"email"_s, identity->email},
                       {u"email_verified"_s, identity->emailVerified},
                       {u"name"_s, identity->data.value(u"name")},
                       {u"picture"_s, identity->data.value(u"picture")},
                       {u"iat"_s, now},
                       {u"auth_time"_s, now},
                       {u"exp"_s, now + lifetime},
                       {u"at_hash"_s, QString::fromLatin1(crypto::base64Url(
                                          crypto::sha256(accessToken).left(16)))}};
    const QString nonce = codeRow.value(u"nonce"_s).toString();
    if (!nonce.isEmpty())
        claims.insert(u"nonce"_s, nonce);
    const QByteArray idToken = jwt::signRs256(claims, m_backend.idpKey(), m_backend.idpKeyId());
    return Reply::json(200, QJsonObject{{u"access_token"_s, QString::fromLatin1(accessToken)},
                                        {u"id_token"_s, QString::fromLatin1(idToken)},
                                        {u"token_type"_s, u"Bearer"_s},
                                        {u"expires_in"_s, lifetime},
                                        {u"scope"_s, u"openid email profile"_s}});
}

IdentityProvider::Verified IdentityProvider::verifyIdToken(const QString &provider,
                                                           const QByteArray &token) const
{
    const jwt::Decoded parsed = jwt::parse(token);
    if (!parsed.ok())
        return {u"Bad ID token"_s, {}};
    if (parsed.header.value(u"kid").toString() != m_backend.idpKeyId())
        return {u"Bad ID token"_s, {}};
    const jwt::Decoded decoded = jwt::verifyRs256(token, m_backend.idpKey(), Backend::now());
    if (!decoded.ok())
        return {u"Bad ID token"_s, {}};
    if (decoded.payload.value(u"iss").toString() != m_backend.idpIssuer(provider))
        return {u"Bad ID token"_s, {}};
    const QJsonValue aud = decoded.payload.value(u"aud");
    const QString clientId = Backend::clientId(provider);
    const bool audienceOk = aud.isString() ? aud.toString() == clientId
                                           : aud.isArray() && aud.toArray().contains(clientId);
    if (!audienceOk)
        return {u"Unacceptable audience in id_token"_s, {}};
    return {{}, decoded.payload};
}

Reply IdentityProvider::avatar(const Request &request)
{
    // A round badge with initials, so local accounts have a picture to show.
    const QString email = request.param(u"email"_s);
    QString initials = email.left(1).toUpper();
    const QByteArray hue = crypto::sha256(email.toUtf8()).left(1);
    const int h = quint8(hue[0]) * 360 / 256;
    const QString svg =
        u"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"96\" height=\"96\" viewBox=\"0 0 96 "
        u"96\">"
        "<circle cx=\"48\" cy=\"48\" r=\"48\" fill=\"hsl(%1,55%,45%)\"/>"
        "<text x=\"48\" y=\"62\" font-family=\"sans-serif\" font-size=\"42\" fill=\"#fff\" "
        "text-anchor=\"middle\">%2</text></svg>"_s.arg(QString::number(h),
                                                       initials.toHtmlEscaped());
    return {200, svg.toUtf8(), "image/svg+xml", {}};
}

} // namespace exegia::emulator
