#include "RestApi.h"

#include "Backend.h"
#include "Crypto.h"
#include "Errors.h"
#include "Jwt.h"
#include "Server.h"

#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace exegia::emulator {

namespace {

// PostgREST tolerates this much clock skew on exp.
constexpr int kClockSkew = 30;

bool prefers(const Request &request, QByteArrayView token)
{
    for (const QByteArray &part : request.header("prefer").split(',')) {
        if (part.trimmed() == token)
            return true;
    }
    return false;
}

QString resolution(const Request &request)
{
    if (prefers(request, "resolution=merge-duplicates"))
        return u"merge"_s;
    if (prefers(request, "resolution=ignore-duplicates"))
        return u"ignore"_s;
    return {};
}

// QJsonArray's += would nest the second array as one element.
void appendAll(QJsonArray &to, const QJsonArray &from)
{
    for (const auto &value : from)
        to.append(value);
}

bool wantsObject(const Request &request)
{
    return request.header("accept").contains("application/vnd.pgrst.object+json");
}

Reply objectReply(int status, const QJsonObject &row)
{
    Reply reply = Reply::json(status, row);
    reply.contentType = "application/vnd.pgrst.object+json; charset=utf-8";
    return reply;
}

Reply notSingular(qsizetype rows)
{
    return restError(406, u"PGRST116"_s, u"Cannot coerce the result to a single JSON object"_s,
                     u"The result contains %1 rows"_s.arg(rows));
}

Reply invalidBody()
{
    return restError(400, u"PGRST102"_s, u"Empty or invalid json"_s);
}

std::optional<Reply> checkColumns(const QJsonObject &row)
{
    for (auto it = row.begin(); it != row.end(); ++it) {
        if (!kUserColumns.contains(it.key()))
            return restError(
                400, u"PGRST204"_s,
                u"Could not find the '%1' column of 'users' in the schema cache"_s.arg(it.key()));
        if (!it.value().isString() && !it.value().isNull())
            return restError(
                400, u"22P02"_s,
                u"invalid input syntax for type text in column \"%1\""_s.arg(it.key()));
    }
    return std::nullopt;
}

Reply notNull(const QString &id)
{
    return restError(
        400, u"23502"_s,
        u"null value in column \"display_name\" of relation \"users\" violates not-null constraint"_s,
        u"Failing row contains (%1, null, ...)."_s.arg(id));
}

} // namespace

RestApi::RestApi(Backend &backend)
    : m_backend(backend)
{}

void RestApi::registerRoutes(Server &server)
{
    for (const QByteArray method : {"GET", "POST", "PATCH", "DELETE"})
        server.routePrefix(method, u"/rest/v1/"_s, Access::ApiKey,
                           [this](const Request &r) { return handle(r); });
}

std::variant<DbRole, Reply> RestApi::role(const Request &request) const
{
    const QByteArray token = request.bearerToken();
    if (token.isEmpty())
        return DbRole{};
    const jwt::Decoded decoded =
        jwt::verifyHs256(token, m_backend.config().jwtSecret, Backend::now(), kClockSkew);
    if (decoded.status == jwt::Status::Expired) {
        Reply reply = restError(401, u"PGRST303"_s, u"JWT expired"_s);
        reply.withHeader("WWW-Authenticate",
                         "Bearer error=\"invalid_token\", error_description=\"JWT expired\"");
        return reply;
    }
    if (!decoded.ok()) {
        Reply reply = restError(401, u"PGRST301"_s,
                                decoded.status == jwt::Status::BadSignature
                                    ? u"JWSError JWSInvalidSignature"_s
                                    : u"JWSError (CompactDecodeError Invalid number of parts: "
                                      "Expected 3 parts; got 1)"_s);
        reply.withHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"");
        return reply;
    }
    const QString role = decoded.payload.value(u"role").toString();
    if (role == u"anon")
        return DbRole{};
    if (role == u"service_role")
        return DbRole{DbRole::ServiceRole, {}};
    if (role == u"authenticated") {
        const QString sub = decoded.payload.value(u"sub").toString();
        if (!crypto::isUuid(sub))
            return restError(401, u"PGRST301"_s, u"JWT has no valid sub claim"_s);
        return DbRole{DbRole::Authenticated, sub.toLower()};
    }
    return restError(400, u"22023"_s, u"role \"%1\" does not exist"_s.arg(role));
}

Reply RestApi::handle(const Request &request)
{
    const QString table = request.path.mid(int(qstrlen("/rest/v1/")));
    if (table != u"users")
        return restError(404, u"PGRST205"_s,
                         u"Could not find the table 'public.%1' in the schema cache"_s.arg(table));
    auto who = role(request);
    if (auto *error = std::get_if<Reply>(&who))
        return *error;
    auto parsed = parseRestQuery(request);
    if (auto *error = std::get_if<Reply>(&parsed))
        return *error;
    const DbRole &dbRole = std::get<DbRole>(who);
    const RestQuery &query = std::get<RestQuery>(parsed);
    if (request.method == "GET")
        return select(request, dbRole, query);
    if (request.method == "POST")
        return insert(request, dbRole, query);
    if (request.method == "PATCH")
        return update(request, dbRole, query);
    return remove(request, dbRole, query);
}

QJsonArray RestApi::fetch(const QStringList &columns, const QString &where,
                          const QVariantList &binds, std::optional<int> limit)
{
    // LIMIT must follow ORDER BY in SQL.
    QString sql = u"SELECT * FROM profiles WHERE "_s + where + u" ORDER BY created_at, id"_s;
    if (limit)
        sql += u" LIMIT %1"_s.arg(*limit);
    QJsonArray rows;
    for (const QVariantMap &row : m_backend.db().rows(sql, binds))
        rows.append(rowJson(row, columns));
    return rows;
}

Reply RestApi::select(const Request &request, const DbRole &role, const RestQuery &query)
{
    if (role.kind == DbRole::Anon)
        return permissionDenied(role);
    QString where = query.where;
    QVariantList binds = query.binds;
    if (role.kind == DbRole::Authenticated) {
        // RLS: users_select_own.
        where = u"("_s + where + u") AND id = ?"_s;
        binds.append(role.uid);
    }
    const QJsonArray rows = fetch(query.columns, where, binds, query.limit);
    if (wantsObject(request))
        return rows.size() == 1 ? objectReply(200, rows.first().toObject())
                                : notSingular(rows.size());
    Reply reply = Reply::json(200, rows);
    reply.withHeader("Content-Range", rows.isEmpty()
                                          ? QByteArray("*/*")
                                          : "0-" + QByteArray::number(rows.size() - 1) + "/*");
    return reply;
}

Reply RestApi::insert(const Request &request, const DbRole &role, const RestQuery &query)
{
    if (role.kind == DbRole::Anon)
        return permissionDenied(role);
    const QJsonDocument doc = QJsonDocument::fromJson(request.body);
    QJsonArray rows;
    if (doc.isObject())
        rows.append(doc.object());
    else if (doc.isArray())
        rows = doc.array();
    else
        return invalidBody();

    const QString onConflict = request.param(u"on_conflict"_s);
    if (!onConflict.isEmpty() && onConflict != u"id")
        return restError(
            400, u"42P10"_s,
            u"there is no unique or exclusion constraint matching the ON CONFLICT specification"_s);

    Database::Transaction tx(m_backend.db());
    QStringList ids;
    for (const auto &value : rows) {
        if (!value.isObject())
            return invalidBody();
        if (auto error = insertRow(role, value.toObject(), resolution(request), &ids))
            return *error;
    }
    QJsonArray inserted;
    for (const QString &id : ids)
        appendAll(inserted, fetch(query.columns, u"id = ?"_s, {id}));
    return finishWrite(request, tx, 201, inserted);
}

// Column privileges, the id and the row-level policy for one inserted row.
std::optional<Reply> RestApi::checkInsertable(const DbRole &role, const QJsonObject &row,
                                              const QString &resolution) const
{
    if (auto error = checkColumns(row))
        return error;
    // Column privileges: authenticated may insert only these.
    if (role.kind == DbRole::Authenticated) {
        for (const QString &key : row.keys()) {
            if (key != u"id" && key != u"display_name" && key != u"avatar_url")
                return permissionDenied(role);
        }
    }
    // PostgREST's merge upsert is ON CONFLICT DO UPDATE SET <every column in
    // the body>, id included; without UPDATE on id, PostgreSQL refuses the
    // whole statement at plan time, conflict or not.
    if (role.kind == DbRole::Authenticated && resolution == u"merge")
        return permissionDenied(role);
    const QString id = row.value(u"id").toString().toLower();
    if (!crypto::isUuid(id))
        return id.isEmpty()
                   ? restError(
                         400, u"23502"_s,
                         u"null value in column \"id\" of relation \"users\" violates not-null constraint"_s)
                   : restError(400, u"22P02"_s,
                               u"invalid input syntax for type uuid: \"%1\""_s.arg(id));
    if (role.kind == DbRole::Authenticated && id != role.uid)
        return rlsViolation(); // users_insert_own
    if (row.value(u"display_name").toString().isEmpty() && !row.value(u"display_name").isString())
        return notNull(id);
    return std::nullopt;
}

// The migration's trigger: user_type follows auth.users.is_anonymous, and
// only service_role may choose it.
std::variant<QString, Reply> RestApi::userTypeFor(const DbRole &role, const QJsonObject &row,
                                                  const QString &id)
{
    const auto authUser =
        m_backend.db().row(u"SELECT is_anonymous FROM users WHERE id = ?"_s, {id});
    if (!authUser)
        return restError(
            409, u"23503"_s,
            u"insert or update on table \"users\" violates foreign key constraint \"users_id_fkey\""_s,
            u"Key (id)=(%1) is not present in table \"users\"."_s.arg(id));
    QString userType = (*authUser)[u"is_anonymous"_s].toBool() ? u"anonymous"_s : u"registered"_s;
    if (role.kind == DbRole::ServiceRole && row.contains(u"user_type"_s)) {
        userType = row.value(u"user_type").toString();
        if (userType != u"anonymous" && userType != u"registered" && userType != u"admin")
            return restError(
                400, u"23514"_s,
                u"new row for relation \"users\" violates check constraint \"users_user_type_check\""_s);
    }
    return userType;
}

// PostgREST's merge upsert: ON CONFLICT DO UPDATE SET the body's columns.
void RestApi::mergeRow(const DbRole &role, const QJsonObject &row, const QString &id)
{
    Database &db = m_backend.db();
    QStringList sets;
    QVariantList binds;
    for (const QString &column : {u"display_name"_s, u"avatar_url"_s, u"user_type"_s}) {
        if (!row.contains(column) || (column == u"user_type" && role.kind != DbRole::ServiceRole))
            continue;
        sets.append(column + u" = ?"_s);
        binds.append(row.value(column).isNull() ? QVariant()
                                                : QVariant(row.value(column).toString()));
    }
    sets.append(u"updated_at = ?"_s);
    binds << Backend::isoNow() << id;
    db.exec(u"UPDATE profiles SET "_s + sets.join(u", "_s) + u" WHERE id = ?"_s, binds);
}

std::optional<Reply> RestApi::insertRow(const DbRole &role, const QJsonObject &row,
                                        const QString &resolution, QStringList *insertedIds)
{
    if (auto error = checkInsertable(role, row, resolution))
        return error;
    const QString id = row.value(u"id").toString().toLower();
    auto type = userTypeFor(role, row, id);
    if (auto *error = std::get_if<Reply>(&type))
        return *error;
    const QString userType = std::get<QString>(type);

    Database &db = m_backend.db();
    const bool exists = !db.value(u"SELECT 1 FROM profiles WHERE id = ?"_s, {id}).isNull();
    if (exists) {
        if (resolution == u"ignore")
            return std::nullopt;
        if (resolution != u"merge")
            return restError(409, u"23505"_s,
                             u"duplicate key value violates unique constraint \"users_pkey\""_s,
                             u"Key (id)=(%1) already exists."_s.arg(id));
        mergeRow(role, row, id);
        insertedIds->append(id);
        return std::nullopt;
    }
    const QString now = Backend::isoNow();
    const QJsonValue avatar = row.value(u"avatar_url");
    db.exec(
        u"INSERT INTO profiles (id, display_name, avatar_url, user_type, created_at, updated_at) "
        "VALUES (?, ?, ?, ?, ?, ?)"_s,
        {id, row.value(u"display_name").toString(),
         avatar.isString() ? QVariant(avatar.toString()) : QVariant(), userType, now, now});
    insertedIds->append(id);
    return std::nullopt;
}

Reply RestApi::update(const Request &request, const DbRole &role, const RestQuery &query)
{
    if (role.kind == DbRole::Anon)
        return permissionDenied(role);
    const QJsonDocument doc = QJsonDocument::fromJson(request.body);
    if (!doc.isObject())
        return invalidBody();
    const QJsonObject changes = doc.object();
    if (auto error = checkColumns(changes))
        return *error;
    QStringList sets;
    QVariantList binds;
    for (auto it = changes.begin(); it != changes.end(); ++it) {
        const bool allowed = it.key() == u"display_name" || it.key() == u"avatar_url" ||
                             (role.kind == DbRole::ServiceRole && it.key() == u"user_type");
        if (!allowed)
            return permissionDenied(role); // column privileges
        if (it.key() == u"display_name" && it.value().isNull())
            return notNull(role.uid);
        if (it.key() == u"user_type" &&
            !QStringList{u"anonymous"_s, u"registered"_s, u"admin"_s}.contains(
                it.value().toString()))
            return restError(
                400, u"23514"_s,
                u"new row for relation \"users\" violates check constraint \"users_user_type_check\""_s);
        sets.append(it.key() + u" = ?"_s);
        binds.append(it.value().isNull() ? QVariant() : QVariant(it.value().toString()));
    }
    QString where = query.where;
    QVariantList whereBinds = query.binds;
    if (role.kind == DbRole::Authenticated) {
        where = u"("_s + where + u") AND id = ?"_s; // users_update_own
        whereBinds.append(role.uid);
    }
    Database::Transaction tx(m_backend.db());
    const QJsonArray before = fetch({u"id"_s}, where, whereBinds);
    if (!sets.isEmpty() && !before.isEmpty()) {
        sets.append(u"updated_at = ?"_s);
        binds.append(Backend::isoNow());
        m_backend.db().exec(u"UPDATE profiles SET "_s + sets.join(u", "_s) + u" WHERE "_s + where,
                            binds + whereBinds);
    }
    QJsonArray rows;
    for (const auto &row : before)
        appendAll(rows,
                  fetch(query.columns, u"id = ?"_s, {row.toObject().value(u"id").toString()}));
    return finishWrite(request, tx, 200, rows);
}

Reply RestApi::finishWrite(const Request &request, Database::Transaction &tx, int status,
                           const QJsonArray &rows)
{
    // With the single-object Accept, PostgREST rolls the statement back
    // unless it touched exactly one row.
    const bool singular = wantsObject(request);
    if (singular && rows.size() != 1)
        return notSingular(rows.size());
    tx.commit();
    if (!prefers(request, "return=representation"))
        return Reply::empty(status == 201 ? 201 : 204);
    return singular ? objectReply(status, rows.first().toObject()) : Reply::json(status, rows);
}

Reply RestApi::remove(const Request &request, const DbRole &role, const RestQuery &query)
{
    // No delete grant or policy: the row goes with the auth user.
    if (role.kind != DbRole::ServiceRole)
        return permissionDenied(role);
    const QJsonArray rows = fetch(query.columns, query.where, query.binds);
    m_backend.db().exec(u"DELETE FROM profiles WHERE "_s + query.where, query.binds);
    if (!prefers(request, "return=representation"))
        return Reply::empty(204);
    return Reply::json(200, rows);
}

} // namespace exegia::emulator
