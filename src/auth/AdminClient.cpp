#include <exegia/auth/AdminClient.h>

#include <exegia/auth/ClientConfig.h>
#include <exegia/auth/ConfigError.h>
#include <exegia/auth/HttpTransport.h>
#include <exegia/auth/Jwt.h>
#include <exegia/auth/ProfileStore.h>

#include "detail/Completion.h"

namespace exegia::auth {

bool AdminClient::isServiceKey(const QString &key)
{
    return key.startsWith(QLatin1String("sb_secret_")) ||
           Jwt::role(key) == QLatin1String("service_role");
}

AdminClient::AdminClient(const QUrl &projectUrl, const QString &serviceKey, QObject *parent,
                         std::chrono::milliseconds requestTimeout)
    : QObject(parent)
    , m_serviceKey(serviceKey.trimmed())
{
    validateProjectUrl(projectUrl);
    if (m_serviceKey.isEmpty())
        throw ConfigError(tr("The service key is missing."));
    if (!isServiceKey(m_serviceKey))
        throw ConfigError(tr("This is not a service key. The admin client needs the project's "
                             "secret key (sb_secret_...) or its service_role key."));
    m_transport = new HttpTransport(
        {projectUrl, m_serviceKey, requestTimeout, ClientConfig::defaultClientInfo()}, this);
    m_profiles = std::make_unique<ProfileStore>(m_transport);
}

AdminClient::~AdminClient() = default;

QFuture<QJsonObject> AdminClient::createUserProfile(const QString &userId,
                                                    const QJsonObject &fields)
{
    if (fields.contains(u"id") && fields.value(u"id").toString() != userId)
        return detail::failedFuture<QJsonObject>(
            ConfigError(tr("The fields name a different id than the user id.")));
    QJsonObject row = fields;
    row.insert(u"id", userId);
    return m_profiles->insert(m_serviceKey, row);
}

QFuture<std::optional<QJsonObject>> AdminClient::getProfile(const QString &userId)
{
    return m_profiles->fetch(m_serviceKey, userId);
}

} // namespace exegia::auth
