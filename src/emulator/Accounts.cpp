#include "Accounts.h"

#include "Backend.h"
#include "Crypto.h"

#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace exegia::emulator {

namespace {

QJsonObject parseObject(const QVariant &text)
{
    return QJsonDocument::fromJson(text.toByteArray()).object();
}

QString toText(const QJsonObject &object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

void putOptional(QJsonObject &object, const QString &key, const QVariant &value)
{
    if (!value.isNull())
        object.insert(key, value.toString());
}

} // namespace

Accounts::Accounts(Backend &backend)
    : m_backend(backend)
{}

std::optional<QVariantMap> Accounts::user(const QString &id)
{
    return m_backend.db().row(u"SELECT * FROM users WHERE id = ?"_s, {id});
}

QString Accounts::userIdByEmail(const QString &email)
{
    return m_backend.db()
        .value(u"SELECT id FROM users WHERE email = ?"_s, {email.toLower()})
        .toString();
}

QJsonArray Accounts::identitiesJson(const QString &userId)
{
    QJsonArray identities;
    const auto rows = m_backend.db().rows(
        u"SELECT * FROM identities WHERE user_id = ? ORDER BY created_at, rowid"_s, {userId});
    for (const QVariantMap &row : rows) {
        QJsonObject identity{{u"identity_id"_s, row[u"identity_id"_s].toString()},
                             {u"id"_s, row[u"provider_id"_s].toString()},
                             {u"user_id"_s, userId},
                             {u"identity_data"_s, parseObject(row[u"identity_data"_s])},
                             {u"provider"_s, row[u"provider"_s].toString()},
                             {u"created_at"_s, row[u"created_at"_s].toString()},
                             {u"updated_at"_s, row[u"updated_at"_s].toString()}};
        putOptional(identity, u"last_sign_in_at"_s, row[u"last_sign_in_at"_s]);
        putOptional(identity, u"email"_s, row[u"email"_s]);
        identities.append(identity);
    }
    return identities;
}

QJsonObject Accounts::userJson(const QString &id)
{
    const auto row = user(id);
    if (!row)
        return {};
    const QVariantMap &u = *row;
    QJsonObject json{{u"id"_s, id},
                     {u"aud"_s, u"authenticated"_s},
                     {u"role"_s, u"authenticated"_s},
                     {u"email"_s, u[u"email"_s].toString()},
                     {u"phone"_s, u""_s},
                     {u"app_metadata"_s, parseObject(u[u"app_metadata"_s])},
                     {u"user_metadata"_s, parseObject(u[u"user_metadata"_s])},
                     {u"identities"_s, identitiesJson(id)},
                     {u"created_at"_s, u[u"created_at"_s].toString()},
                     {u"updated_at"_s, u[u"updated_at"_s].toString()},
                     {u"is_anonymous"_s, u[u"is_anonymous"_s].toBool()}};
    putOptional(json, u"email_confirmed_at"_s, u[u"email_confirmed_at"_s]);
    putOptional(json, u"confirmed_at"_s, u[u"email_confirmed_at"_s]);
    putOptional(json, u"last_sign_in_at"_s, u[u"last_sign_in_at"_s]);
    return json;
}

QString Accounts::createAnonymousUser(const QJsonObject &userMetadata)
{
    QString id = crypto::uuid();
    const QString now = Backend::isoNow();
    m_backend.db().exec(
        u"INSERT INTO users (id, is_anonymous, app_metadata, user_metadata, created_at, "
        "updated_at) VALUES (?, 1, '{}', ?, ?, ?)"_s,
        {id, toText(userMetadata), now, now});
    return id;
}

QString Accounts::createEmailUser(const QString &email, const QJsonObject &userMetadata)
{
    QString id = crypto::uuid();
    const QString now = Backend::isoNow();
    m_backend.db().exec(
        u"INSERT INTO users (id, email, user_metadata, created_at, updated_at) VALUES (?, ?, ?, ?, ?)"_s,
        {id, email.toLower(), toText(userMetadata), now, now});
    insertIdentity(id, {u"email"_s,
                        id,
                        email.toLower(),
                        false,
                        {{u"sub"_s, id},
                         {u"email"_s, email.toLower()},
                         {u"email_verified"_s, false},
                         {u"phone_verified"_s, false}}});
    refreshAppMetadata(id);
    return id;
}

void Accounts::confirmEmail(const QString &userId)
{
    Database &db = m_backend.db();
    const QString now = Backend::isoNow();
    db.exec(
        u"UPDATE users SET email_confirmed_at = COALESCE(email_confirmed_at, ?), updated_at = ? "
        "WHERE id = ?"_s,
        {now, now, userId});
    db.exec(u"UPDATE identities SET identity_data = json_set(identity_data, '$.email_verified', "
            "json('true')), updated_at = ? WHERE user_id = ? AND provider = 'email'"_s,
            {now, userId});
}

void Accounts::recordSignIn(const QString &userId)
{
    const QString now = Backend::isoNow();
    m_backend.db().exec(u"UPDATE users SET last_sign_in_at = ?, updated_at = ? WHERE id = ?"_s,
                        {now, now, userId});
}

void Accounts::deleteUser(const QString &userId)
{
    // Identities, sessions, refresh tokens and the profile row cascade.
    m_backend.db().exec(u"DELETE FROM users WHERE id = ?"_s, {userId});
}

QString Accounts::identityOwner(const QString &provider, const QString &subject)
{
    return m_backend.db()
        .value(u"SELECT user_id FROM identities WHERE provider = ? AND provider_id = ?"_s,
               {provider, subject})
        .toString();
}

void Accounts::insertIdentity(const QString &userId, const ProviderIdentity &identity)
{
    const QString now = Backend::isoNow();
    m_backend.db().exec(
        u"INSERT INTO identities (identity_id, provider_id, user_id, provider, identity_data, "
        u"email, "
        "last_sign_in_at, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"_s,
        {crypto::uuid(), identity.subject, userId, identity.provider, toText(identity.data),
         identity.email.isEmpty() ? QVariant() : QVariant(identity.email), now, now, now});
}

void Accounts::refreshAppMetadata(const QString &userId)
{
    // GoTrue rebuilds provider/providers from the identities; a guest without
    // any identity keeps an empty object.
    const auto rows = m_backend.db().rows(
        u"SELECT provider FROM identities WHERE user_id = ? ORDER BY created_at, rowid"_s,
        {userId});
    QJsonObject appMetadata;
    if (!rows.isEmpty()) {
        QJsonArray providers;
        for (const QVariantMap &row : rows) {
            const QString provider = row[u"provider"_s].toString();
            if (!providers.contains(provider))
                providers.append(provider);
        }
        appMetadata = {{u"provider"_s, providers.first()}, {u"providers"_s, providers}};
    }
    m_backend.db().exec(u"UPDATE users SET app_metadata = ?, updated_at = ? WHERE id = ?"_s,
                        {toText(appMetadata), Backend::isoNow(), userId});
}

QString Accounts::signInWithIdentity(const ProviderIdentity &identity)
{
    Database &db = m_backend.db();
    QString userId = identityOwner(identity.provider, identity.subject);
    if (!userId.isEmpty()) {
        db.exec(u"UPDATE identities SET identity_data = ?, last_sign_in_at = ?, updated_at = ? "
                "WHERE provider = ? AND provider_id = ?"_s,
                {toText(identity.data), Backend::isoNow(), Backend::isoNow(), identity.provider,
                 identity.subject});
        return userId;
    }
    if (identity.emailVerified && !identity.email.isEmpty())
        userId = userIdByEmail(identity.email);
    const bool emailTaken =
        userId.isEmpty() && !identity.email.isEmpty() && !userIdByEmail(identity.email).isEmpty();
    if (userId.isEmpty()) {
        userId = crypto::uuid();
        const QString now = Backend::isoNow();
        QJsonObject metadata = identity.data;
        db.exec(u"INSERT INTO users (id, email, email_confirmed_at, user_metadata, created_at, "
                "updated_at) VALUES (?, ?, ?, ?, ?, ?)"_s,
                {userId,
                 emailTaken || identity.email.isEmpty() ? QVariant() : QVariant(identity.email),
                 identity.emailVerified ? QVariant(now) : QVariant(), toText(metadata), now, now});
    }
    insertIdentity(userId, identity);
    refreshAppMetadata(userId);
    return userId;
}

QString Accounts::linkIdentity(const QString &userId, const ProviderIdentity &identity)
{
    if (!identityOwner(identity.provider, identity.subject).isEmpty())
        return u"identity_already_exists"_s;
    const auto row = user(userId);
    if (!row)
        return u"user_not_found"_s;
    if (!identity.emailVerified)
        return u"email_not_confirmed"_s;

    Database &db = m_backend.db();
    const QString now = Backend::isoNow();
    // A user without an email takes the identity's; a guest becomes permanent.
    if ((*row)[u"email"_s].toString().isEmpty() && !identity.email.isEmpty() &&
        userIdByEmail(identity.email).isEmpty()) {
        db.exec(u"UPDATE users SET email = ?, email_confirmed_at = ? WHERE id = ?"_s,
                {identity.email, now, userId});
    }
    if ((*row)[u"is_anonymous"_s].toBool()) {
        db.exec(u"UPDATE users SET is_anonymous = 0, updated_at = ? WHERE id = ?"_s, {now, userId});
        // Mirrors the migration's trigger on auth.users.is_anonymous.
        db.exec(u"UPDATE profiles SET user_type = 'registered', updated_at = ? "
                "WHERE id = ? AND user_type = 'anonymous'"_s,
                {now, userId});
    }
    insertIdentity(userId, identity);
    refreshAppMetadata(userId);
    return {};
}

} // namespace exegia::emulator
