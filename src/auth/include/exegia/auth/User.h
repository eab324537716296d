#pragma once

#include <exegia/auth/Factor.h>
#include <exegia/auth/Identity.h>

#include <QList>
#include <QStringList>

namespace exegia::auth {

// An auth user (auth.users) as GoTrue returns it (docs/wire.md "User").
struct User
{
    QString id; // uuid, also the public.users primary key
    QString aud;
    QString role;
    QString email; // empty when none (GoTrue sends "")
    QString phone;
    QDateTime emailConfirmedAt;
    QDateTime confirmedAt;
    QDateTime lastSignInAt;
    QDateTime createdAt;
    QDateTime updatedAt;
    QJsonObject appMetadata;
    QJsonObject userMetadata;
    QList<Identity> identities;
    QList<Factor> factors; // second factors; empty when the server sent none
    // An email change waiting for its code (PUT /user): the new address and
    // when the code went out; empty/invalid when none is pending.
    QString newEmail;
    QDateTime emailChangeSentAt;
    bool isAnonymous = false;

    // Providers of the user's identities, in order, without repeats; falls
    // back to app_metadata.providers when the reply had no identities.
    QStringList providers() const;
    // A verified second factor: this user's sessions can (and, under an
    // aal2 policy, must) reach aal2.
    bool hasVerifiedFactor() const;

    static std::optional<User> fromJson(const QJsonValue &value, QString *error = nullptr);
};

} // namespace exegia::auth
