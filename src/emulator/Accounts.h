#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QString>
#include <QVariantMap>

#include <optional>

namespace exegia::emulator {

class Backend;

// What an identity provider said about a person.
struct ProviderIdentity
{
    QString provider;
    QString subject;
    QString email; // lowercase
    bool emailVerified = false;
    QJsonObject data; // identity_data as GoTrue stores it
};

// auth.users and auth.identities: creating, finding, linking, and the JSON
// shapes of docs/wire.md "Session and user".
class Accounts
{
public:
    explicit Accounts(Backend &backend);

    std::optional<QVariantMap> user(const QString &id);
    QString userIdByEmail(const QString &email);
    QJsonObject userJson(const QString &id);

    QString createAnonymousUser(const QJsonObject &userMetadata);
    // A new email user (unconfirmed until the first verify) with its email identity.
    QString createEmailUser(const QString &email, const QJsonObject &userMetadata);
    void confirmEmail(const QString &userId);
    void recordSignIn(const QString &userId);
    void deleteUser(const QString &userId);

    // Owner of (provider, subject), or empty.
    QString identityOwner(const QString &provider, const QString &subject);
    // Sign-in with a provider identity: the owner, an account with the same
    // verified email (automatic linking, as GoTrue does), or a new user.
    QString signInWithIdentity(const ProviderIdentity &identity);
    // Manual linking to `userId`. Returns an error code (identity_already_exists,
    // email_not_confirmed) or empty on success.
    QString linkIdentity(const QString &userId, const ProviderIdentity &identity);
    // AccountsIdentities.cpp: GoTrue's DeleteIdentity rules. Returns an error
    // code (single_identity_not_deletable, identity_not_found,
    // email_conflict_identity_not_deletable) or empty on success.
    QString unlinkIdentity(const QString &userId, const QString &identityId);
    // Confirms a change of address: the user's email and their email identity.
    void changeEmail(const QString &userId, const QString &newEmail);

private:
    void insertIdentity(const QString &userId, const ProviderIdentity &identity);
    void refreshAppMetadata(const QString &userId);
    QJsonArray identitiesJson(const QString &userId);

    Backend &m_backend;
};

} // namespace exegia::emulator
