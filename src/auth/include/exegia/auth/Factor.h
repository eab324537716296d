#pragma once

#include <QDateTime>
#include <QJsonValue>
#include <QString>

#include <optional>

namespace exegia::auth {

// What kind of second factor (docs/wire.md "Two-step verification").
enum class FactorType { Totp, Phone, WebAuthn, Unknown };

// A factor is unverified from enrollment until its first verified code.
enum class FactorStatus { Unverified, Verified };

// One second factor of a user, as the user object's `factors[]` lists it.
// Never holds the secret: the server gives that only once, at enrollment.
struct Factor
{
    QString id; // uuid
    QString friendlyName;
    FactorType type = FactorType::Unknown;
    FactorStatus status = FactorStatus::Unverified;
    QDateTime createdAt;
    QDateTime updatedAt;

    // Nothing, with `error` set, when the value is not a factor object.
    static std::optional<Factor> fromJson(const QJsonValue &value, QString *error = nullptr);
};

} // namespace exegia::auth
