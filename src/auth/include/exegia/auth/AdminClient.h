#pragma once

#include <QFuture>
#include <QJsonObject>
#include <QObject>
#include <QUrl>

#include <chrono>
#include <memory>
#include <optional>

namespace exegia::auth {

class Transport;
class ProfileStore;

// Operator and server use only: acts with a service key, which bypasses
// row-level security. Never link this into a program handed to users.
// Same asynchronous style as AuthClient (QFuture, exceptions derived from
// exegia::auth::Error).
class AdminClient : public QObject
{
    Q_OBJECT
public:
    // Throws ConfigError unless `serviceKey` is a service key (sb_secret_...
    // or a legacy JWT with role service_role) and the URL is acceptable
    // (https, or http to loopback).
    AdminClient(const QUrl &projectUrl, const QString &serviceKey, QObject *parent = nullptr,
                std::chrono::milliseconds requestTimeout = std::chrono::seconds(30));
    ~AdminClient() override;

    // Inserts the row keyed by userId; `fields` may not carry another id.
    // A row that exists fails with ApiError (23505).
    QFuture<QJsonObject> createUserProfile(const QString &userId, const QJsonObject &fields = {});
    // The row, or nothing.
    QFuture<std::optional<QJsonObject>> getProfile(const QString &userId);

    static bool isServiceKey(const QString &key);
    // A UUID, as every user id is (nothing else is put into a filter).
    static bool isValidUserId(const QString &userId);

private:
    QString m_serviceKey;
    Transport *m_transport = nullptr;
    std::unique_ptr<ProfileStore> m_profiles;
};

} // namespace exegia::auth
