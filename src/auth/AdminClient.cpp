#include <exegia/auth/AdminClient.h>

#include <exegia/auth/ClientConfig.h>
#include <exegia/auth/Errors.h>

#include "detail/Completion.h"
#include "detail/HttpTransport.h"
#include "detail/Jwt.h"
#include "detail/ProfileStore.h"

using namespace Qt::StringLiterals;

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
        throw ConfigError(ConfigError::Kind::MissingKey, u"the service key is missing"_s);
    if (!isServiceKey(m_serviceKey))
        throw ConfigError(ConfigError::Kind::NotServiceKey,
                          u"this is not a service key: the admin client needs the project's "
                          u"secret key (sb_secret_...) or its service_role key"_s);
    m_transport = new HttpTransport(
        {projectUrl, m_serviceKey, requestTimeout, ClientConfig::defaultClientInfo()}, this);
    m_profiles = std::make_unique<ProfileStore>(m_transport);
}

AdminClient::~AdminClient() = default;

bool AdminClient::isValidUserId(const QString &userId)
{
    return ProfileStore::isValidUserId(userId);
}

QFuture<QJsonObject> AdminClient::createUserProfile(const QString &userId,
                                                    const QJsonObject &fields)
{
    if (fields.contains(u"id") && fields.value(u"id").toString() != userId)
        return detail::failedFuture<QJsonObject>(
            ConfigError(ConfigError::Kind::InvalidArgument,
                        u"the fields name a different id than the user id"_s));
    QJsonObject row = fields;
    row.insert(u"id", userId);
    return m_profiles->insert(m_serviceKey, row);
}

QFuture<std::optional<QJsonObject>> AdminClient::getProfile(const QString &userId)
{
    return m_profiles->fetch(m_serviceKey, userId);
}

} // namespace exegia::auth
