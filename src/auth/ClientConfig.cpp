#include <exegia/auth/ClientConfig.h>

#include <exegia/auth/Errors.h>

#include "detail/Jwt.h"

#include <QHostAddress>

#ifndef EXEGIA_AUTH_VERSION
#error "EXEGIA_AUTH_VERSION must be defined by the build"
#endif

using namespace Qt::StringLiterals;

namespace exegia::auth {

namespace {

using Kind = ConfigError::Kind;

bool isLoopbackHost(const QString &host)
{
    if (host.compare("localhost"_L1, Qt::CaseInsensitive) == 0)
        return true;
    const QHostAddress address(host);
    return !address.isNull() && address.isLoopback();
}

QString env(const char *name)
{
    return qEnvironmentVariable(name).trimmed();
}

} // namespace

void validateProjectUrl(const QUrl &url)
{
    if (!url.isValid() || url.host().isEmpty())
        throw ConfigError(Kind::InvalidUrl, u"the project URL is missing or not a valid address"_s);
    const QString scheme = url.scheme().toLower();
    if (scheme != "https"_L1 && scheme != "http"_L1)
        throw ConfigError(Kind::UnsupportedScheme, u"the project URL must start with https://"_s);
    if (scheme == "http"_L1 && !isLoopbackHost(url.host()))
        throw ConfigError(Kind::InsecureHttp, u"the project URL must use https:// (plain http:// "
                                              u"only for 127.0.0.1, ::1 or localhost)"_s);
    if (url.hasQuery() || url.hasFragment() || !url.userInfo().isEmpty())
        throw ConfigError(Kind::UrlNotPlain, u"the project URL must be a plain address such as "
                                             u"https://your-project.supabase.co"_s);
}

ClientConfig ClientConfig::fromEnvironment()
{
    ClientConfig config;
    const QString url = env("SUPABASE_URL");
    if (url.isEmpty())
        throw ConfigError(Kind::MissingEnvironment, u"SUPABASE_URL is not set"_s);
    config.projectUrl = QUrl(url, QUrl::StrictMode);
    config.publishableKey = env("SUPABASE_PUBLISHABLE_KEY");
    if (config.publishableKey.isEmpty())
        config.publishableKey = env("SUPABASE_ANON_KEY");
    if (config.publishableKey.isEmpty())
        throw ConfigError(Kind::MissingEnvironment,
                          u"neither SUPABASE_PUBLISHABLE_KEY nor SUPABASE_ANON_KEY is set"_s);
    config.validate();
    return config;
}

void ClientConfig::validate() const
{
    validateProjectUrl(projectUrl);
    if (publishableKey.isEmpty())
        throw ConfigError(Kind::MissingKey, u"the publishable key is missing"_s);
    for (const QChar c : publishableKey) {
        if (c.isSpace() || c.unicode() < 0x21 || c.unicode() > 0x7e)
            throw ConfigError(Kind::KeyHasBadCharacters,
                              u"the publishable key contains spaces or invalid characters"_s);
    }
    if (publishableKey.startsWith("sb_secret_"_L1))
        throw ConfigError(Kind::SecretKey, u"this is a secret key (sb_secret_...); a desktop "
                                           u"program must use the publishable key"_s);
    if (Jwt::role(publishableKey) == "service_role"_L1)
        throw ConfigError(Kind::ServiceRoleKey, u"this is the service_role key; a desktop program "
                                                u"must use the anon (publishable) key"_s);
    if (requestTimeout.count() <= 0)
        throw ConfigError(Kind::BadTimeout, u"the request timeout must be positive"_s);
}

QString ClientConfig::defaultClientInfo()
{
    return QStringLiteral("exegia-auth-cpp/" EXEGIA_AUTH_VERSION);
}

} // namespace exegia::auth
