#pragma once

#include <exegia/auth/User.h>

namespace exegia::auth {

// The auth user joined with their public.users row, if any.
struct CurrentUser
{
    User authUser;
    std::optional<QJsonObject> profile; // the public.users row

    const QString &id() const { return authUser.id; }
    // Empty when no email is attached.
    const QString &email() const { return authUser.email; }
    bool isAnonymous() const { return authUser.isAnonymous; }
    bool isPermanent() const { return !authUser.isAnonymous; }
    bool hasProfile() const { return profile.has_value(); }
    QStringList providers() const { return authUser.providers(); }
    bool hasProvider(const QString &provider) const { return providers().contains(provider); }

    // Convenience reads of the row; empty when absent or not a string.
    QString displayName() const { return profileString(u"display_name"); }
    QString avatarUrl() const { return profileString(u"avatar_url"); }
    QString userType() const { return profileString(u"user_type"); }

private:
    QString profileString(QStringView key) const
    {
        return profile ? profile->value(key).toString() : QString();
    }
};

} // namespace exegia::auth
