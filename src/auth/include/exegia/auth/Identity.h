#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QString>

#include <optional>

namespace exegia::auth {

// One provider identity of a user (docs/wire.md "Identity").
struct Identity
{
    QString identityId; // the identity row's uuid
    QString id;         // the provider's subject
    QString userId;
    QString provider; // "google", "apple", "email", ...
    QString email;    // empty when none
    QJsonObject identityData;
    QDateTime lastSignInAt;
    QDateTime createdAt;
    QDateTime updatedAt;

    // Nothing, with `error` set, when the value is not an identity object.
    static std::optional<Identity> fromJson(const QJsonValue &value, QString *error = nullptr);
};

} // namespace exegia::auth
