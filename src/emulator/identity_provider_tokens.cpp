// The identity provider's token side: the token endpoint that issues ID
// tokens, and the checks GoTrue applies to them in the ID-token grant.
#include "backend.h"
#include "crypto.h"
#include "identity_provider.h"
#include "jwt.h"

#include <QJsonArray>

namespace exegia::emulator {

namespace {

Reply oauthTokenError(const QString &error, const QString &description)
{
    return Reply::json(400,
                       QJsonObject{{u"error"_qs, error}, {u"error_description"_qs, description}});
}

} // namespace

Reply IdentityProvider::token(const QString &provider, const Request &request)
{
    const QUrlQuery form = parseForm(request.body);
    if (formValue(form, u"grant_type"_qs) != u"authorization_code")
        return oauthTokenError(u"unsupported_grant_type"_qs,
                               u"Only authorization_code is supported"_qs);
    const QString clientId = formValue(form, u"client_id"_qs);
    if (clientId.isEmpty())
        return oauthTokenError(u"invalid_client"_qs, u"Missing client_id"_qs);

    const int lifetime = m_backend.config().idTokenExp;
    QVariantMap codeRow;
    const auto identity =
        redeem(provider, formValue(form, u"code"_qs), formValue(form, u"redirect_uri"_qs),
               formValue(form, u"code_verifier"_qs), &codeRow);
    if (!identity || codeRow.value(u"client_id"_qs).toString() != clientId)
        return oauthTokenError(u"invalid_grant"_qs,
                               u"The code is unknown, used, expired, or does not match the "
                               "redirect_uri or code_verifier"_qs);

    const QByteArray accessToken = "ya29.local-" + crypto::randomToken(24);
    const qint64 now = Backend::now();
    QJsonObject claims{{u"iss"_qs, m_backend.idpIssuer(provider)},
                       {u"aud"_qs, clientId},
                       {u"azp"_qs, clientId},
                       {u"sub"_qs, identity->subject},
                       {u"email"_qs, identity->email},
                       {u"email_verified"_qs, identity->emailVerified},
                       {u"name"_qs, identity->data.value(u"name")},
                       {u"picture"_qs, identity->data.value(u"picture")},
                       {u"iat"_qs, now},
                       {u"auth_time"_qs, now},
                       {u"exp"_qs, now + lifetime},
                       {u"at_hash"_qs, QString::fromLatin1(crypto::base64Url(
                                           crypto::sha256(accessToken).left(16)))}};
    const QString nonce = codeRow.value(u"nonce"_qs).toString();
    if (!nonce.isEmpty())
        claims.insert(u"nonce"_qs, nonce);
    const QByteArray idToken = jwt::signRs256(claims, m_backend.idpKey(), m_backend.idpKeyId());
    return Reply::json(200, QJsonObject{{u"access_token"_qs, QString::fromLatin1(accessToken)},
                                        {u"id_token"_qs, QString::fromLatin1(idToken)},
                                        {u"token_type"_qs, u"Bearer"_qs},
                                        {u"expires_in"_qs, lifetime},
                                        {u"scope"_qs, u"openid email profile"_qs}});
}

IdentityProvider::Verified IdentityProvider::verifyIdToken(const QString &provider,
                                                           const QByteArray &token) const
{
    const jwt::Decoded parsed = jwt::parse(token);
    if (!parsed.ok())
        return {u"Bad ID token"_qs, {}};
    if (parsed.header.value(u"kid").toString() != m_backend.idpKeyId())
        return {u"Bad ID token"_qs, {}};
    const jwt::Decoded decoded = jwt::verifyRs256(token, m_backend.idpKey(), Backend::now());
    if (!decoded.ok())
        return {u"Bad ID token"_qs, {}};
    if (decoded.payload.value(u"iss").toString() != m_backend.idpIssuer(provider))
        return {u"Bad ID token"_qs, {}};
    const QJsonValue aud = decoded.payload.value(u"aud");
    const QString clientId = Backend::clientId(provider);
    const bool audienceOk = aud.isString() ? aud.toString() == clientId
                                           : aud.isArray() && aud.toArray().contains(clientId);
    if (!audienceOk)
        return {u"Unacceptable audience in id_token"_qs, {}};
    return {{}, decoded.payload};
}

Reply IdentityProvider::avatar(const Request &request)
{
    // A round badge with initials, so local accounts have a picture to show.
    const QString email = request.param(u"email"_qs);
    QString initials = email.left(1).toUpper();
    const QByteArray hue = crypto::sha256(email.toUtf8()).left(1);
    const int h = quint8(hue[0]) * 360 / 256;
    const QString svg =
        u"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"96\" height=\"96\" viewBox=\"0 0 96 "
        u"96\">"
        "<circle cx=\"48\" cy=\"48\" r=\"48\" fill=\"hsl(%1,55%,45%)\"/>"
        "<text x=\"48\" y=\"62\" font-family=\"sans-serif\" font-size=\"42\" fill=\"#fff\" "
        "text-anchor=\"middle\">%2</text></svg>"_qs.arg(QString::number(h),
                                                        initials.toHtmlEscaped());
    return {200, svg.toUtf8(), "image/svg+xml", {}};
}

} // namespace exegia::emulator
