// PostgREST query-string parsing for the users table, and shared replies.
#include "Crypto.h"
#include "Errors.h"
#include "RestApi.h"

using namespace Qt::StringLiterals;

namespace exegia::emulator {

const QStringList kUserColumns{u"id"_s,        u"display_name"_s, u"avatar_url"_s,
                               u"user_type"_s, u"created_at"_s,   u"updated_at"_s};

namespace {

const QStringList kReservedParams{u"select"_s,      u"order"_s,   u"limit"_s, u"offset"_s,
                                  u"on_conflict"_s, u"columns"_s, u"apikey"_s};

Reply unknownColumn(const QString &column)
{
    return restError(400, u"42703"_s, u"column users.%1 does not exist"_s.arg(column));
}

} // namespace

std::variant<RestQuery, Reply> parseRestQuery(const Request &request)
{
    RestQuery query;
    const QString select = request.param(u"select"_s).trimmed();
    if (select.isEmpty() || select == u"*") {
        query.columns = kUserColumns;
    } else {
        for (QString column : select.split(u',')) {
            column = column.trimmed();
            if (!kUserColumns.contains(column))
                return unknownColumn(column);
            query.columns.append(column);
        }
    }

    QStringList conditions;
    for (const auto &item : request.query.queryItems(QUrl::FullyDecoded)) {
        if (kReservedParams.contains(item.first))
            continue;
        if (!kUserColumns.contains(item.first))
            return unknownColumn(item.first);
        const QString op = item.second.section(u'.', 0, 0);
        const QString value = item.second.section(u'.', 1);
        if (op == u"eq" || op == u"neq") {
            if (item.first == u"id" && !crypto::isUuid(value))
                return restError(400, u"22P02"_s,
                                 u"invalid input syntax for type uuid: \"%1\""_s.arg(value));
            conditions.append(item.first + (op == u"eq" ? u" = ?"_s : u" <> ?"_s));
            query.binds.append(item.first == u"id" ? value.toLower() : value);
        } else if (op == u"is" && value == u"null") {
            conditions.append(item.first + u" IS NULL"_s);
        } else {
            return restError(
                400, u"PGRST100"_s,
                u"\"failed to parse filter (%1)\" (line 1, column 1)"_s.arg(item.second),
                u"unexpected \"%1\" expecting operator (eq, neq, is)"_s.arg(op));
        }
    }
    if (!conditions.isEmpty())
        query.where = conditions.join(u" AND "_s);
    if (request.hasParam(u"limit"_s)) {
        bool ok = false;
        const int limit = request.param(u"limit"_s).toInt(&ok);
        if (!ok || limit < 0)
            return restError(400, u"PGRST100"_s, u"\"failed to parse limit\""_s);
        query.limit = limit;
    }
    return query;
}

QJsonObject rowJson(const QVariantMap &row, const QStringList &columns)
{
    QJsonObject json;
    for (const QString &column : columns) {
        const QVariant value = row.value(column);
        json.insert(column,
                    value.isNull() ? QJsonValue(QJsonValue::Null) : QJsonValue(value.toString()));
    }
    return json;
}

Reply permissionDenied(const DbRole &role)
{
    return restError(role.kind == DbRole::Anon ? 401 : 403, u"42501"_s,
                     u"permission denied for table users"_s);
}

Reply rlsViolation()
{
    return restError(403, u"42501"_s,
                     u"new row violates row-level security policy for table \"users\""_s);
}

} // namespace exegia::emulator
