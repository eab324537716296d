#pragma once

#include "Crypto.h"
#include "Database.h"

#include <QByteArray>
#include <QString>

namespace exegia::emulator {

struct Config
{
    quint16 port = 54321;
    QString dataDir;
    bool inMemory = false;
    QByteArray jwtSecret = "super-secret-jwt-token-with-at-least-32-characters-long";
    int jwtExp = 3600;
    int otpExp = 3600;
    int emailCooldown = 60;
    int refreshReuseInterval = 10;
    int flowExp = 300;
    int idTokenExp = 3600; // the local identity provider's ID tokens
    bool anonymousEnabled = true;
    bool linkingEnabled = true;
};

// State every area of the emulator shares: configuration, the database,
// the API keys and the identity provider's signing key.
class Backend
{
public:
    explicit Backend(Config config);

    bool open(QString *error);
    void setBaseUrl(const QString &url) { m_baseUrl = url; }

    const Config &config() const { return m_config; }
    Database &db() { return m_db; }
    const QString &baseUrl() const { return m_baseUrl; }
    QString authIssuer() const { return m_baseUrl + QStringLiteral("/auth/v1"); }
    QString idpIssuer(const QString &provider) const
    {
        return m_baseUrl + QStringLiteral("/idp/") + provider;
    }
    static QString clientId(const QString &provider);
    static bool isIdpProvider(const QString &provider);

    const QByteArray &anonKey() const { return m_anonKey; }
    const QByteArray &serviceRoleKey() const { return m_serviceRoleKey; }
    // The identity provider's signing key, created on first use.
    const crypto::RsaKey &idpKey();
    const QString &idpKeyId();

    static qint64 now();
    static QString isoNow();
    static QString isoTime(qint64 unixSeconds);

private:
    Config m_config;
    Database m_db;
    QString m_baseUrl;
    QByteArray m_anonKey;
    QByteArray m_serviceRoleKey;
    crypto::RsaKey m_idpKey;
    QString m_idpKeyId;
};

} // namespace exegia::emulator
