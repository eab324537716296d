#include <exegia/auth/ClientConfig.h>

#include <exegia/auth/ConfigError.h>
#include <exegia/auth/Jwt.h>

#include <QCoreApplication>
#include <QHostAddress>

#ifndef EXEGIA_AUTH_VERSION
#error "EXEGIA_AUTH_VERSION must be defined by the build"
#endif

namespace exegia::auth {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("exegia::auth::ClientConfig", text);
}

bool isLoopbackHost(const QString &host)
{
    if (host.compare(QLatin1String("localhost"), Qt::CaseInsensitive) == 0)
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
        throw ConfigError(tr("The project URL is missing or not a valid address."));
    const QString scheme = url.scheme().toLower();
    if (scheme != QLatin1String("https") && scheme != QLatin1String("http"))
        throw ConfigError(tr("The project URL must start with https://."));
    if (scheme == QLatin1String("http") && !isLoopbackHost(url.host()))
        throw ConfigError(tr("The project URL must use https://. Plain http:// is only allowed "
                             "for a backend on this computer (127.0.0.1 or localhost)."));
    if (url.hasQuery() || url.hasFragment() || !url.userInfo().isEmpty())
        throw ConfigError(tr("The project URL must be a plain address such as "
                             "https://your-project.supabase.co."));
}

ClientConfig ClientConfig::fromEnvironment()
{
    ClientConfig config;
    const QString url = env("SUPABASE_URL");
    if (url.isEmpty())
        throw ConfigError(tr("SUPABASE_URL is not set."));
    config.projectUrl = QUrl(url, QUrl::StrictMode);
    config.publishableKey = env("SUPABASE_PUBLISHABLE_KEY");
    if (config.publishableKey.isEmpty())
        config.publishableKey = env("SUPABASE_ANON_KEY");
    if (config.publishableKey.isEmpty())
        throw ConfigError(tr("Neither SUPABASE_PUBLISHABLE_KEY nor SUPABASE_ANON_KEY is set."));
    config.validate();
    return config;
}

void ClientConfig::validate() const
{
    validateProjectUrl(projectUrl);
    if (publishableKey.isEmpty())
        throw ConfigError(tr("The publishable key is missing."));
    for (const QChar c : publishableKey) {
        if (c.isSpace() || c.unicode() < 0x21 || c.unicode() > 0x7e)
            throw ConfigError(tr("The publishable key contains spaces or invalid characters."));
    }
    if (publishableKey.startsWith(QLatin1String("sb_secret_")))
        throw ConfigError(tr("This is a secret key (sb_secret_...). A desktop program must use "
                             "the project's publishable key: a secret key bypasses all "
                             "row-level security and can be read by anyone who has the "
                             "program."));
    if (Jwt::role(publishableKey) == QLatin1String("service_role"))
        throw ConfigError(tr("This is the service_role key. A desktop program must use the "
                             "project's anon (publishable) key: the service_role key bypasses "
                             "all row-level security and can be read by anyone who has the "
                             "program."));
    if (requestTimeout.count() <= 0)
        throw ConfigError(tr("The request timeout must be positive."));
}

QString ClientConfig::defaultClientInfo()
{
    return QStringLiteral("exegia-auth-cpp/" EXEGIA_AUTH_VERSION);
}

} // namespace exegia::auth
