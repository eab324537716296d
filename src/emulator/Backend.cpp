#include "Backend.h"

#include "Jwt.h"
#include "Logging.h"

#include <QDateTime>
#include <QDir>
#include <QJsonObject>

#include <stdexcept>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcEmulator, "exegia.emulator")

namespace exegia::emulator {

namespace {

QByteArray legacyApiKey(const QString &role, const QByteArray &secret)
{
    // Fixed iat/exp so a given secret always yields the same keys.
    return jwt::signHs256({{u"iss"_s, u"supabase"_s},
                           {u"ref"_s, u"local"_s},
                           {u"role"_s, role},
                           {u"iat"_s, 1735689600},
                           {u"exp"_s, 2051222400}},
                          secret);
}

} // namespace

Backend::Backend(Config config)
    : m_config(std::move(config))
    , m_anonKey(legacyApiKey(u"anon"_s, m_config.jwtSecret))
    , m_serviceRoleKey(legacyApiKey(u"service_role"_s, m_config.jwtSecret))
{}

bool Backend::open(QString *error)
{
    QString path;
    if (!m_config.inMemory) {
        if (!QDir().mkpath(m_config.dataDir)) {
            *error = QStringLiteral("cannot create the data folder %1").arg(m_config.dataDir);
            return false;
        }
        path = QDir(m_config.dataDir).filePath(QStringLiteral("emulator.sqlite3"));
    }
    if (!m_db.open(path, error))
        return false;

    return true;
}

const crypto::RsaKey &Backend::idpKey()
{
    // Made on first use: RSA key generation takes 50-500 ms, which most
    // emulator runs (and every test that never signs in with a provider)
    // should not pay at start-up. The key lives with the data, so ID tokens
    // and the published JWKS stay valid across restarts.
    if (!m_idpKey.isNull())
        return m_idpKey;
    const QByteArray pem = m_db.metaValue(QStringLiteral("idp_rsa_key"));
    if (!pem.isEmpty())
        m_idpKey = crypto::RsaKey::fromPem(pem);
    if (m_idpKey.isNull()) {
        m_idpKey = crypto::RsaKey::generate(2048);
        if (m_idpKey.isNull())
            throw std::runtime_error("cannot create the identity provider's RSA key");
        m_db.setMetaValue(QStringLiteral("idp_rsa_key"), m_idpKey.privatePem());
    }
    m_idpKeyId = m_idpKey.keyId();
    return m_idpKey;
}

const QString &Backend::idpKeyId()
{
    idpKey();
    return m_idpKeyId;
}

QString Backend::clientId(const QString &provider)
{
    if (provider == u"google")
        return QStringLiteral("local-desktop.apps.googleusercontent.com");
    if (provider == u"apple")
        return QStringLiteral("dev.exegia.signin");
    return {};
}

bool Backend::isIdpProvider(const QString &provider)
{
    return provider == u"google" || provider == u"apple";
}

qint64 Backend::now()
{
    return QDateTime::currentSecsSinceEpoch();
}

QString Backend::isoNow()
{
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
}

QString Backend::isoTime(qint64 unixSeconds)
{
    return QDateTime::fromSecsSinceEpoch(unixSeconds, Qt::UTC).toString(Qt::ISODate);
}

} // namespace exegia::emulator
