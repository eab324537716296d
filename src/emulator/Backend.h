#pragma once

#include "Crypto.h"
#include "Database.h"
#include "Jwt.h"

#include <QHash>
#include <QJsonArray>

#include <vector>

#include <QByteArray>
#include <QString>

namespace exegia::emulator {

struct Config
{
    quint16 port = 54321;
    QString dataDir;
    bool inMemory = false;
    // Empty: the data folder's own random secret (made at first start), or
    // a random one per run with --in-memory. --dev-keys sets the public one.
    QByteArray jwtSecret;
    bool devKeys = false;
    bool openMailbox = false; // the mailbox without the secret key (runs by hand)
    bool legacyKeys = false;  // also accept the JWT anon/service_role API keys
    QString signingKey = QStringLiteral("es256"); // access tokens: es256, rs256 or hs256
    bool rotateSigningKey = false;                // a new current key at start
    int idleTimeout = 60;                         // seconds a connection may sit without a request
    int jwtExp = 3600;
    int otpExp = 3600;
    int emailCooldown = 60;
    int refreshReuseInterval = 10;
    int flowExp = 300;
    int idTokenExp = 3600;     // the local identity provider's ID tokens
    int mfaChallengeExp = 300; // GoTrue's MFA_CHALLENGE_EXPIRY_DURATION
    bool mfaMigration = false; // /rest/v1 as with supabase/migrations/*_users_mfa.sql
    bool anonymousEnabled = true;
    bool linkingEnabled = true;
};

// State every area of the emulator shares: configuration, the database,
// the API keys and the identity provider's signing key.
class Backend
{
public:
    explicit Backend(Config config);

    // The documented public secret behind --dev-keys (README, tests, docs).
    static QByteArray devJwtSecret();

    // Opens the database (in a private folder) and settles the keys.
    bool open(QString *error);
    // Whether the start line may show the JWT secret: only when it is no
    // secret (the public dev one) or the caller chose it (--jwt-secret).
    bool jwtSecretIsPrintable() const { return m_secretPrintable; }
    const QByteArray &jwtSecret() const { return m_jwtSecret; }
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

    // The API keys: opaque sb_publishable_/sb_secret_ ones, and the legacy
    // JWT anon/service_role ones (accepted only with --legacy-keys; the
    // gateway also hands them to the services in place of an opaque key,
    // as the platform's gateway does).
    const QByteArray &publishableKey() const { return m_publishableKey; }
    const QByteArray &secretKey() const { return m_secretKey; }
    const QByteArray &anonKey() const { return m_anonKey; }
    const QByteArray &serviceRoleKey() const { return m_serviceRoleKey; }
    enum class KeyRole { None, Anon, ServiceRole };
    KeyRole keyRole(const QByteArray &apiKey) const;

    // Access tokens: the current signing key (ES256 or RS256, with kid), or
    // HS256 with the JWT secret under --signing-key hs256. Verification
    // knows the current and the previous key; HS256 only with hs256
    // signing or --legacy-keys.
    QByteArray signAccessToken(const QJsonObject &claims) const;
    jwt::Decoded verifyAccessToken(const QByteArray &token, qint64 now, int leeway = 0) const;
    QJsonArray publicJwks() const;
    // Adds a new current key and keeps the previous one; returns its kid.
    QString rotateSigningKey();
    // The JWT the gateway hands the services for an opaque key's role.
    QByteArray roleToken(const QString &role);
    // The identity provider's signing key, created on first use.
    const crypto::KeyPair &idpKey();
    const QString &idpKeyId();

    // The emulator's clock: the system's, plus what tests moved it forward
    // by (POST /_emulator/clock), so expiry and cooldowns are tested
    // without waiting for them.
    static qint64 now();
    static QString isoNow();
    static void advanceClock(qint64 seconds);
    static QString isoTime(qint64 unixSeconds);

private:
    Config m_config;
    Database m_db;
    QString m_baseUrl;
    bool preparePrivateFolder(QString *error) const;
    void settleKeys();
    QByteArray storedRandom(const QString &name, const QByteArray &prefix);
    void loadSigningKeys();
    void saveSigningKeys();

    struct SigningKey
    {
        QString kid;
        crypto::KeyPair key;
    };
    std::vector<SigningKey> m_signingKeys; // newest (current) first
    QHash<QString, QByteArray> m_roleTokens;

    QByteArray m_jwtSecret;
    bool m_secretPrintable = false;
    QByteArray m_publishableKey;
    QByteArray m_secretKey;
    QByteArray m_anonKey;
    QByteArray m_serviceRoleKey;
    crypto::KeyPair m_idpKey;
    QString m_idpKeyId;
};

} // namespace exegia::emulator
