#pragma once

#include "Database.h"
#include "Http.h"

#include <QJsonObject>
#include <QStringList>
#include <QVariantList>

#include <optional>
#include <variant>

namespace exegia::emulator {

class Backend;
class Server;

// The database role a request runs as, from its bearer JWT.
struct DbRole
{
    enum Kind { Anon, Authenticated, ServiceRole } kind = Anon;
    QString uid; // auth.uid() for Authenticated
};

// A parsed PostgREST query on public.users: the columns to return and the
// eq. filters, as SQL with binds.
struct RestQuery
{
    QStringList columns;
    QString where = QStringLiteral("1");
    QVariantList binds;
    std::optional<int> limit;
};

// PostgREST's view of public.users, with the migration's RLS policies,
// column privileges and triggers (supabase/migrations) applied by hand.
class RestApi
{
public:
    explicit RestApi(Backend &backend);
    void registerRoutes(Server &server);

private:
    Reply handle(const Request &request);
    std::variant<DbRole, Reply> role(const Request &request) const;
    Reply select(const Request &request, const DbRole &role, const RestQuery &query);
    Reply insert(const Request &request, const DbRole &role, const RestQuery &query);
    Reply update(const Request &request, const DbRole &role, const RestQuery &query);
    Reply remove(const Request &request, const DbRole &role, const RestQuery &query);
    // Validates and writes one row; an error reply when a rule refuses it.
    std::optional<Reply> checkInsertable(const DbRole &role, const QJsonObject &row,
                                         const QString &resolution) const;
    std::variant<QString, Reply> userTypeFor(const DbRole &role, const QJsonObject &row,
                                             const QString &id);
    void mergeRow(const DbRole &role, const QJsonObject &row, const QString &id);
    std::optional<Reply> insertRow(const DbRole &role, const QJsonObject &row,
                                   const QString &resolution, QStringList *insertedIds);
    Reply finishWrite(const Request &request, Database::Transaction &tx, int status,
                      const QJsonArray &rows);
    QJsonArray fetch(const QStringList &columns, const QString &where, const QVariantList &binds,
                     std::optional<int> limit = std::nullopt);

    Backend &m_backend;
};

// RestQuery.cpp
extern const QStringList kUserColumns;
std::variant<RestQuery, Reply> parseRestQuery(const Request &request);
QJsonObject rowJson(const QVariantMap &row, const QStringList &columns);
// PostgREST answers a refused privilege with 401 for anon, 403 otherwise.
Reply permissionDenied(const DbRole &role);
Reply rlsViolation();

} // namespace exegia::emulator
