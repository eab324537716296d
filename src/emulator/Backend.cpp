#include "Backend.h"

#include "Jwt.h"
#include "Logging.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>

#include <stdexcept>

#include <sys/stat.h>

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
{}

QByteArray Backend::devJwtSecret()
{
    return QByteArrayLiteral("super-secret-jwt-token-with-at-least-32-characters-long");
}

// The data folder holds refresh tokens, codes and private keys: only its
// owner may read it. New files are private from the start (umask before
// SQLite creates the database and its -wal/-shm); a folder made by an older
// version is tightened in place.
bool Backend::preparePrivateFolder(QString *error) const
{
    ::umask(077);
    const QString dir = m_config.dataDir;
    if (!QDir().mkpath(dir)) {
        *error = u"cannot create the data folder %1"_s.arg(dir);
        return false;
    }
    constexpr auto ownerOnly = QFile::ReadOwner | QFile::WriteOwner;
    if (!QFile::setPermissions(dir, ownerOnly | QFile::ExeOwner)) {
        *error = u"cannot make the data folder %1 private"_s.arg(dir);
        return false;
    }
    const QStringList files = QDir(dir).entryList({u"emulator.sqlite3*"_s}, QDir::Files);
    for (const QString &name : files)
        QFile::setPermissions(QDir(dir).filePath(name), ownerOnly);
    return true;
}

bool Backend::open(QString *error)
{
    QString path;
    if (!m_config.inMemory) {
        if (!preparePrivateFolder(error))
            return false;
        path = QDir(m_config.dataDir).filePath(u"emulator.sqlite3"_s);
    }
    if (!m_db.open(path, error))
        return false;
    settleKeys();
    return true;
}

// Which JWT secret signs tokens and the API keys: the one asked for on the
// command line, else the one made for this data folder at its first start.
void Backend::settleKeys()
{
    m_secretPrintable = m_config.devKeys || !m_config.jwtSecret.isEmpty();
    if (m_config.devKeys) {
        m_jwtSecret = devJwtSecret();
        m_publishableKey = QByteArrayLiteral("sb_publishable_exegia-local-development-key");
        m_secretKey = QByteArrayLiteral("sb_secret_exegia-local-development-key");
    } else {
        m_jwtSecret =
            m_config.jwtSecret.isEmpty() ? storedRandom(u"jwt_secret"_s, {}) : m_config.jwtSecret;
        m_publishableKey = storedRandom(u"publishable_key"_s, "sb_publishable_");
        m_secretKey = storedRandom(u"secret_key"_s, "sb_secret_");
    }
    m_anonKey = legacyApiKey(u"anon"_s, m_jwtSecret);
    m_serviceRoleKey = legacyApiKey(u"service_role"_s, m_jwtSecret);
    loadSigningKeys();
}

// The signing keys live with the data (meta.signing_keys, newest first),
// so tokens stay valid across restarts; keys of another algorithm than
// the one asked for are left out.
void Backend::loadSigningKeys()
{
    m_signingKeys.clear();
    if (m_config.signingKey == u"hs256")
        return;
    const bool ec = m_config.signingKey == u"es256";
    const QJsonArray stored = QJsonDocument::fromJson(m_db.metaValue(u"signing_keys"_s)).array();
    for (const QJsonValue &entry : stored) {
        crypto::KeyPair key = crypto::KeyPair::fromPem(entry[u"pem"].toString().toLatin1());
        if (!key.isNull() && key.isEc() == ec)
            m_signingKeys.push_back({key.keyId(), std::move(key)});
    }
    if (m_signingKeys.empty() || m_config.rotateSigningKey)
        rotateSigningKey();
}

void Backend::saveSigningKeys()
{
    QJsonArray stored;
    for (const SigningKey &k : m_signingKeys)
        stored.append(
            QJsonObject{{u"kid"_s, k.kid}, {u"pem"_s, QString::fromLatin1(k.key.privatePem())}});
    m_db.setMetaValue(u"signing_keys"_s, QJsonDocument(stored).toJson(QJsonDocument::Compact));
}

QString Backend::rotateSigningKey()
{
    if (m_config.signingKey == u"hs256")
        return {};
    crypto::KeyPair key = m_config.signingKey == u"es256" ? crypto::KeyPair::generateP256()
                                                          : crypto::KeyPair::generate(2048);
    if (key.isNull())
        throw std::runtime_error("cannot create a signing key");
    const QString kid = key.keyId();
    m_signingKeys.insert(m_signingKeys.begin(), {kid, std::move(key)});
    if (m_signingKeys.size() > 2)
        m_signingKeys.resize(2);
    saveSigningKeys();
    m_roleTokens.clear();
    return kid;
}

QByteArray Backend::signAccessToken(const QJsonObject &claims) const
{
    if (m_signingKeys.empty())
        return jwt::signHs256(claims, m_jwtSecret);
    return jwt::signWithKey(claims, m_signingKeys.front().key, m_signingKeys.front().kid);
}

jwt::Decoded Backend::verifyAccessToken(const QByteArray &token, qint64 now, int leeway) const
{
    jwt::Decoded parsed = jwt::parse(token);
    if (!parsed.ok())
        return parsed;
    if (parsed.header.value(u"alg").toString() == u"HS256") {
        if (m_signingKeys.empty() || m_config.legacyKeys)
            return jwt::verifyHs256(token, m_jwtSecret, now, leeway);
        parsed.status = jwt::Status::WrongAlgorithm;
        return parsed;
    }
    const QString kid = parsed.header.value(u"kid").toString();
    for (const SigningKey &k : m_signingKeys) {
        if (k.kid == kid)
            return jwt::verifyWithKey(token, k.key, now, leeway);
    }
    parsed.status = jwt::Status::BadSignature;
    return parsed;
}

QJsonArray Backend::publicJwks() const
{
    QJsonArray keys;
    for (const SigningKey &k : m_signingKeys) {
        QJsonObject jwk{
            {u"kid"_s, k.kid}, {u"use"_s, u"sig"_s}, {u"key_ops"_s, QJsonArray{u"verify"_s}}};
        if (k.key.isEc()) {
            jwk.insert(u"kty"_s, u"EC"_s);
            jwk.insert(u"crv"_s, u"P-256"_s);
            jwk.insert(u"alg"_s, u"ES256"_s);
            jwk.insert(u"x"_s, QString::fromLatin1(crypto::base64Url(k.key.ecX())));
            jwk.insert(u"y"_s, QString::fromLatin1(crypto::base64Url(k.key.ecY())));
        } else {
            jwk.insert(u"kty"_s, u"RSA"_s);
            jwk.insert(u"alg"_s, u"RS256"_s);
            jwk.insert(u"n"_s, QString::fromLatin1(crypto::base64Url(k.key.modulus())));
            jwk.insert(u"e"_s, QString::fromLatin1(crypto::base64Url(k.key.exponent())));
        }
        keys.append(jwk);
    }
    return keys;
}

QByteArray Backend::roleToken(const QString &role)
{
    if (m_signingKeys.empty())
        return role == u"service_role" ? m_serviceRoleKey : m_anonKey;
    QByteArray &token = m_roleTokens[role];
    if (token.isEmpty())
        token = signAccessToken({{u"iss"_s, u"supabase"_s},
                                 {u"ref"_s, u"local"_s},
                                 {u"role"_s, role},
                                 {u"iat"_s, 1735689600},
                                 {u"exp"_s, 2051222400}});
    return token;
}

// A random value made once for this database and kept in it (in memory:
// once per run).
QByteArray Backend::storedRandom(const QString &name, const QByteArray &prefix)
{
    QByteArray value = m_db.metaValue(name);
    if (value.size() < prefix.size() + 32) {
        value = prefix + crypto::randomToken(32);
        m_db.setMetaValue(name, value);
    }
    return value;
}

Backend::KeyRole Backend::keyRole(const QByteArray &apiKey) const
{
    if (apiKey.isEmpty())
        return KeyRole::None;
    if (crypto::constantTimeEquals(apiKey, m_publishableKey))
        return KeyRole::Anon;
    if (crypto::constantTimeEquals(apiKey, m_secretKey))
        return KeyRole::ServiceRole;
    if (m_config.legacyKeys && crypto::constantTimeEquals(apiKey, m_anonKey))
        return KeyRole::Anon;
    if (m_config.legacyKeys && crypto::constantTimeEquals(apiKey, m_serviceRoleKey))
        return KeyRole::ServiceRole;
    return KeyRole::None;
}

const crypto::KeyPair &Backend::idpKey()
{
    // Made on first use: RSA key generation takes 50-500 ms, which most
    // emulator runs (and every test that never signs in with a provider)
    // should not pay at start-up. The key lives with the data, so ID tokens
    // and the published JWKS stay valid across restarts.
    if (!m_idpKey.isNull())
        return m_idpKey;
    const QByteArray pem = m_db.metaValue(QStringLiteral("idp_rsa_key"));
    if (!pem.isEmpty())
        m_idpKey = crypto::KeyPair::fromPem(pem);
    if (m_idpKey.isNull()) {
        m_idpKey = crypto::KeyPair::generate(2048);
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

namespace {
qint64 g_clockAdvance = 0; // seconds; only ever grows (one Backend per process)
} // namespace

qint64 Backend::now()
{
    return QDateTime::currentSecsSinceEpoch() + g_clockAdvance;
}

QString Backend::isoNow()
{
    return QDateTime::currentDateTimeUtc().addSecs(g_clockAdvance).toString(Qt::ISODateWithMs);
}

void Backend::advanceClock(qint64 seconds)
{
    g_clockAdvance += seconds;
}

QString Backend::isoTime(qint64 unixSeconds)
{
    return QDateTime::fromSecsSinceEpoch(unixSeconds, Qt::UTC).toString(Qt::ISODate);
}

} // namespace exegia::emulator
