#include "accounts.h"

#include "backend.h"
#include "crypto.h"

#include <QJsonDocument>

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
    return m_backend.db().row(u"SELECT * FROM users WHERE id = ?"_qs, {id});
}

QString Accounts::userIdByEmail(const QString &email)
{
    return m_backend.db()
        .value(u"SELECT id FROM users WHERE email = ?"_qs, {email.toLower()})
        .toString();
}

QJsonArray Accounts::identitiesJson(const QString &userId)
{
    QJsonArray identities;
    const auto rows = m_backend.db().rows(
        u"SELECT * FROM identities WHERE user_id = ? ORDER BY created_at, rowid"_qs, {userId});
    for (const QVariantMap &row : rows) {
        QJsonObject identity{{u"identity_id"_qs, row[u"identity_id"_qs].toString()},
                             {u"id"_qs, row[u"provider_id"_qs].toString()},
                             {u"user_id"_qs, userId},
                             {u"identity_data"_qs, parseObject(row[u"identity_data"_qs])},
                             {u"provider"_qs, row[u"provider"_qs].toString()},
                             {u"created_at"_qs, row[u"created_at"_qs].toString()},
                             {u"updated_at"_qs, row[u"updated_at"_qs].toString()}};
        putOptional(identity, u"last_sign_in_at"_qs, row[u"last_sign_in_at"_qs]);
        putOptional(identity, u"email"_qs, row[u"email"_qs]);
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
    QJsonObject json{{u"id"_qs, id},
                     {u"aud"_qs, u"authenticated"_qs},
                     {u"role"_qs, u"authenticated"_qs},
                     {u"email"_qs, u[u"email"_qs].toString()},
                     {u"phone"_qs, u""_qs},
                     {u"app_metadata"_qs, parseObject(u[u"app_metadata"_qs])},
                     {u"user_metadata"_qs, parseObject(u[u"user_metadata"_qs])},
                     {u"identities"_qs, identitiesJson(id)},
                     {u"created_at"_qs, u[u"created_at"_qs].toString()},
                     {u"updated_at"_qs, u[u"updated_at"_qs].toString()},
                     {u"is_anonymous"_qs, u[u"is_anonymous"_qs].toBool()}};
    putOptional(json, u"email_confirmed_at"_qs, u[u"email_confirmed_at"_qs]);
    putOptional(json, u"confirmed_at"_qs, u[u"email_confirmed_at"_qs]);
    putOptional(json, u"last_sign_in_at"_qs, u[u"last_sign_in_at"_qs]);
    return json;
}

QString Accounts::createAnonymousUser(const QJsonObject &userMetadata)
{
    QString id = crypto::uuid();
    const QString now = Backend::isoNow();
    m_backend.db().exec(
        u"INSERT INTO users (id, is_anonymous, app_metadata, user_metadata, created_at, "
        "updated_at) VALUES (?, 1, '{}', ?, ?, ?)"_qs,
        {id, toText(userMetadata), now, now});
    return id;
}

QString Accounts::createEmailUser(const QString &email, const QJsonObject &userMetadata)
{
    QString id = crypto::uuid();
    const QString now = Backend::isoNow();
    m_backend.db().exec(
        u"INSERT INTO users (id, email, user_metadata, created_at, updated_at) VALUES (?, ?, ?, ?, ?)"_qs,
        {id, email.toLower(), toText(userMetadata), now, now});
    insertIdentity(id, {u"email"_qs,
                        id,
                        email.toLower(),
                        false,
                        {{u"sub"_qs, id},
                         {u"email"_qs, email.toLower()},
                         {u"email_verified"_qs, false},
                         {u"phone_verified"_qs, false}}});
    refreshAppMetadata(id);
    return id;
}

void Accounts::confirmEmail(const QString &userId)
{
    Database &db = m_backend.db();
    const QString now = Backend::isoNow();
    db.exec(
        u"UPDATE users SET email_confirmed_at = COALESCE(email_confirmed_at, ?), updated_at = ? "
        "WHERE id = ?"_qs,
        {now, now, userId});
    db.exec(u"UPDATE identities SET identity_data = json_set(identity_data, '$.email_verified', "
            "json('true')), updated_at = ? WHERE user_id = ? AND provider = 'email'"_qs,
            {now, userId});
}

void Accounts::recordSignIn(const QString &userId)
{
    const QString now = Backend::isoNow();
    m_backend.db().exec(u"UPDATE users SET last_sign_in_at = ?, updated_at = ? WHERE id = ?"_qs,
                        {now, now, userId});
}

void Accounts::deleteUser(const QString &userId)
{
    // Identities, sessions, refresh tokens and the profile row cascade.
    m_backend.db().exec(u"DELETE FROM users WHERE id = ?"_qs, {userId});
}

QString Accounts::identityOwner(const QString &provider, const QString &subject)
{
    return m_backend.db()
        .value(u"SELECT user_id FROM identities WHERE provider = ? AND provider_id = ?"_qs,
               {provider, subject})
        .toString();
}

void Accounts::insertIdentity(const QString &userId, const ProviderIdentity &identity)
{
    const QString now = Backend::isoNow();
    m_backend.db().exec(
        u"INSERT INTO identities (identity_id, provider_id, user_id, provider, identity_data, "
        u"email, "
        "last_sign_in_at, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"_qs,
        {crypto::uuid(), identity.subject, userId, identity.provider, toText(identity.data),
         identity.email.isEmpty() ? QVariant() : QVariant(identity.email), now, now, now});
}

void Accounts::refreshAppMetadata(const QString &userId)
{
    // GoTrue rebuilds provider/providers from the identities; a guest without
    // any identity keeps an empty object.
    const auto rows = m_backend.db().rows(
        u"SELECT provider FROM identities WHERE user_id = ? ORDER BY created_at, rowid"_qs,
        {userId});
    QJsonObject appMetadata;
    if (!rows.isEmpty()) {
        QJsonArray providers;
        for (const QVariantMap &row : rows) {
            const QString provider = row[u"provider"_qs].toString();
            if (!providers.contains(provider))
                providers.append(provider);
        }
        appMetadata = {{u"provider"_qs, providers.first()}, {u"providers"_qs, providers}};
    }
    m_backend.db().exec(u"UPDATE users SET app_metadata = ?, updated_at = ? WHERE id = ?"_qs,
                        {toText(appMetadata), Backend::isoNow(), userId});
}

QString Accounts::signInWithIdentity(const ProviderIdentity &identity)
{
    Database &db = m_backend.db();
    QString userId = identityOwner(identity.provider, identity.subject);
    if (!userId.isEmpty()) {
        db.exec(u"UPDATE identities SET identity_data = ?, last_sign_in_at = ?, updated_at = ? "
                "WHERE provider = ? AND provider_id = ?"_qs,
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
                "updated_at) VALUES (?, ?, ?, ?, ?, ?)"_qs,
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
        return u"identity_already_exists"_qs;
    const auto row = user(userId);
    if (!row)
        return u"user_not_found"_qs;
    if (!identity.emailVerified)
        return u"email_not_confirmed"_qs;

    Database &db = m_backend.db();
    const QString now = Backend::isoNow();
    // A user without an email takes the identity's; a guest becomes permanent.
    if ((*row)[u"email"_qs].toString().isEmpty() && !identity.email.isEmpty() &&
        userIdByEmail(identity.email).isEmpty()) {
        db.exec(u"UPDATE users SET email = ?, email_confirmed_at = ? WHERE id = ?"_qs,
                {identity.email, now, userId});
    }
    if ((*row)[u"is_anonymous"_qs].toBool()) {
        db.exec(u"UPDATE users SET is_anonymous = 0, updated_at = ? WHERE id = ?"_qs,
                {now, userId});
        // Mirrors the migration's trigger on auth.users.is_anonymous.
        db.exec(u"UPDATE profiles SET user_type = 'registered', updated_at = ? "
                "WHERE id = ? AND user_type = 'anonymous'"_qs,
                {now, userId});
    }
    insertIdentity(userId, identity);
    refreshAppMetadata(userId);
    return {};
}

} // namespace exegia::emulator
