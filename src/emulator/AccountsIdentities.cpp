// Unlinking identities and confirming a change of address (issue 13),
// after supabase/auth's DeleteIdentity and UpdateUserEmailFromIdentities.
#include "Accounts.h"

#include "Backend.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace exegia::emulator {

namespace {

// UpdateUserEmailFromIdentities' ranking: provider-verified addresses
// first, then unverified ones, then identities without an address.
int identityRank(const QVariantMap &identity)
{
    if (identity[u"email"_s].toString().isEmpty())
        return 2;
    const bool verified =
        identity[u"identity_data"_s].toString().contains(u"\"email_verified\":true"_s);
    return verified ? 0 : 1;
}

} // namespace

QString Accounts::unlinkIdentity(const QString &userId, const QString &identityId)
{
    Database &db = m_backend.db();
    QList<QVariantMap> identities = db.rows(
        u"SELECT * FROM identities WHERE user_id = ? ORDER BY created_at, rowid"_s, {userId});
    if (identities.size() <= 1)
        return u"single_identity_not_deletable"_s;
    const auto doomed = std::find_if(identities.begin(), identities.end(), [&](const auto &row) {
        return row[u"identity_id"_s].toString() == identityId;
    });
    if (doomed == identities.end())
        return u"identity_not_found"_s;
    identities.erase(doomed);

    // The user keeps their address while a remaining identity carries it;
    // otherwise the best-ranked free address of the others takes its place.
    const QString email = (*user(userId))[u"email"_s].toString();
    const bool kept = std::any_of(identities.begin(), identities.end(), [&](const auto &row) {
        return row[u"email"_s].toString() == email;
    });
    if (!kept) {
        std::stable_sort(identities.begin(), identities.end(), [](const auto &a, const auto &b) {
            return identityRank(a) < identityRank(b);
        });
        const auto primary =
            std::find_if(identities.begin(), identities.end(), [&](const auto &row) {
                const QString candidate = row[u"email"_s].toString();
                return candidate.isEmpty() || userIdByEmail(candidate).isEmpty();
            });
        if (primary == identities.end())
            return u"email_conflict_identity_not_deletable"_s;
        const QString promoted = (*primary)[u"email"_s].toString();
        const bool confirmed = identityRank(*primary) == 0;
        db.exec(u"UPDATE users SET email = ?, email_confirmed_at = CASE WHEN ? THEN "
                "email_confirmed_at ELSE NULL END, updated_at = ? WHERE id = ?"_s,
                {promoted.isEmpty() ? QVariant() : QVariant(promoted), confirmed, Backend::isoNow(),
                 userId});
        db.exec(u"DELETE FROM email_changes WHERE user_id = ?"_s, {userId});
        db.exec(u"DELETE FROM reauthentications WHERE user_id = ?"_s, {userId});
    }
    db.exec(u"DELETE FROM identities WHERE identity_id = ?"_s, {identityId});
    refreshAppMetadata(userId);
    return {};
}

void Accounts::changeEmail(const QString &userId, const QString &newEmail)
{
    Database &db = m_backend.db();
    const QString now = Backend::isoNow();
    const bool hasEmailIdentity =
        !db.value(u"SELECT 1 FROM identities WHERE user_id = ? AND provider = 'email'"_s, {userId})
             .isNull();
    if (!hasEmailIdentity) {
        // A guest (or a Google-only account) gains an email identity; for a
        // guest this is the upgrade to a permanent account.
        db.exec(u"UPDATE users SET email = NULL WHERE id = ?"_s, {userId});
        linkIdentity(userId, {u"email"_s,
                              userId,
                              newEmail,
                              true,
                              {{u"sub"_s, userId},
                               {u"email"_s, newEmail},
                               {u"email_verified"_s, true},
                               {u"phone_verified"_s, false}}});
        return;
    }
    db.exec(u"UPDATE users SET email = ?, email_confirmed_at = COALESCE(email_confirmed_at, ?), "
            "updated_at = ? WHERE id = ?"_s,
            {newEmail, now, now, userId});
    db.exec(u"UPDATE identities SET email = ?, identity_data = json_set(identity_data, '$.email', "
            "?, '$.email_verified', json('true')), updated_at = ? WHERE user_id = ? AND "
            "provider = 'email'"_s,
            {newEmail, newEmail, now, userId});
}

} // namespace exegia::emulator
