#pragma once

#include <QFuture>
#include <QJsonObject>
#include <QString>

#include <optional>

namespace exegia::auth {

class Transport;
struct HttpReply;

// Reads and writes rows of public.users through PostgREST under the bearer
// it is given: a user's access token (RLS applies: their own row only) or,
// in AdminClient only, a service key. Failures: ApiError, NetworkError,
// ConfigError (a user id that is not a UUID, so no filter can be smuggled in).
class ProfileStore
{
public:
    explicit ProfileStore(Transport *transport);

    // GET /rest/v1/users?select=*&id=eq.<id>: the row, or nothing for no row
    // ("maybe single": the array form, so 0 rows is not an error).
    QFuture<std::optional<QJsonObject>> fetch(const QString &bearer, const QString &userId);
    // POST with Prefer: return=representation; the inserted row. A row that
    // already exists fails with ApiError code 23505 (HTTP 409).
    QFuture<QJsonObject> insert(const QString &bearer, const QJsonObject &row);
    // PATCH ...?id=eq.<id>; the updated row, or nothing when no row matched.
    QFuture<std::optional<QJsonObject>> update(const QString &bearer, const QString &userId,
                                               const QJsonObject &fields);

    static bool isValidUserId(const QString &userId);
    // The single row of a PostgREST array reply; nothing for `[]`.
    // Throws ApiError for an error status, NetworkError for anything else odd.
    static std::optional<QJsonObject> singleRow(const HttpReply &reply);

private:
    Transport *m_transport;
};

} // namespace exegia::auth
