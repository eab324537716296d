#include "AuthBodies.h"

#include "Replies.h"

#include "Wire.h"

using namespace Qt::StringLiterals;

namespace exegia::auth::detail {

QJsonObject withCaptcha(QJsonObject body, const QString &captchaToken)
{
    if (!captchaToken.isEmpty())
        body.insert(u"gotrue_meta_security", QJsonObject{{u"captcha_token"_s, captchaToken}});
    return body;
}

std::optional<QString> refusedFields(const QJsonObject &fields)
{
    if (fields.contains(u"id"))
        return u"A profile's id is always the signed-in user's; it cannot be set."_s;
    if (fields.contains(u"user_type"))
        return u"The account type is set by the server; it cannot be chosen."_s;
    return std::nullopt;
}

QString defaultDisplayName(const User &user)
{
    for (const char *key : {"full_name", "name", "display_name"}) {
        const QString name = user.userMetadata.value(QLatin1String(key)).toString().trimmed();
        if (!name.isEmpty())
            return name;
    }
    if (!user.email.isEmpty())
        return user.email.section(u'@', 0, 0);
    return u"Guest"_s;
}

bool isReservedLinkParam(const QString &name)
{
    static const QStringList reserved{QStringLiteral("client_id"),
                                      QStringLiteral("client_secret"),
                                      QStringLiteral("redirect_uri"),
                                      QStringLiteral("response_type"),
                                      QStringLiteral("state"),
                                      QStringLiteral("code_challenge"),
                                      QStringLiteral("code_challenge_method"),
                                      QStringLiteral("code_verifier"),
                                      QStringLiteral("provider"),
                                      QStringLiteral("redirect_to"),
                                      QStringLiteral("scopes"),
                                      QStringLiteral("skip_http_redirect")};
    return reserved.contains(name.toLower());
}

HttpRequest linkAuthorizeRequest(const QString &accessToken, const QString &provider,
                                 const LinkIdentityOptions &options, const QString &challenge)
{
    HttpRequest request;
    request.path = wire::kIdentitiesAuthorize;
    request.bearer = accessToken;
    addEncoded(request.query, QStringLiteral("provider"), provider);
    if (!options.redirectTo.isEmpty())
        addEncoded(request.query, wire::kRedirectTo, options.redirectTo);
    if (!options.scopes.isEmpty())
        addEncoded(request.query, QStringLiteral("scopes"), options.scopes);
    addEncoded(request.query, QStringLiteral("code_challenge"), challenge);
    addEncoded(request.query, QStringLiteral("code_challenge_method"), QStringLiteral("s256"));
    for (auto it = options.queryParams.cbegin(); it != options.queryParams.cend(); ++it)
        addEncoded(request.query, it.key(), it.value());
    addEncoded(request.query, QStringLiteral("skip_http_redirect"), QStringLiteral("true"));
    return request;
}

} // namespace exegia::auth::detail
