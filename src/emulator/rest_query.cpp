// PostgREST query-string parsing for the users table, and shared replies.
#include "crypto.h"
#include "errors.h"
#include "rest_api.h"

namespace exegia::emulator {

const QStringList kUserColumns{u"id"_qs,        u"display_name"_qs, u"avatar_url"_qs,
                               u"user_type"_qs, u"created_at"_qs,   u"updated_at"_qs};

namespace {

const QStringList kReservedParams{u"select"_qs,      u"order"_qs,   u"limit"_qs, u"offset"_qs,
                                  u"on_conflict"_qs, u"columns"_qs, u"apikey"_qs};

Reply unknownColumn(const QString &column)
{
    return restError(400, u"42703"_qs, u"column users.%1 does not exist"_qs.arg(column));
}

} // namespace

std::variant<RestQuery, Reply> parseRestQuery(const Request &request)
{
    RestQuery query;
    const QString select = request.param(u"select"_qs).trimmed();
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
                return restError(400, u"22P02"_qs,
                                 u"invalid input syntax for type uuid: \"%1\""_qs.arg(value));
            conditions.append(item.first + (op == u"eq" ? u" = ?"_qs : u" <> ?"_qs));
            query.binds.append(item.first == u"id" ? value.toLower() : value);
        } else if (op == u"is" && value == u"null") {
            conditions.append(item.first + u" IS NULL"_qs);
        } else {
            return restError(
                400, u"PGRST100"_qs,
                u"\"failed to parse filter (%1)\" (line 1, column 1)"_qs.arg(item.second),
                u"unexpected \"%1\" expecting operator (eq, neq, is)"_qs.arg(op));
        }
    }
    if (!conditions.isEmpty())
        query.where = conditions.join(u" AND "_qs);
    if (request.hasParam(u"limit"_qs)) {
        bool ok = false;
        const int limit = request.param(u"limit"_qs).toInt(&ok);
        if (!ok || limit < 0)
            return restError(400, u"PGRST100"_qs, u"\"failed to parse limit\""_qs);
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
    return restError(role.kind == DbRole::Anon ? 401 : 403, u"42501"_qs,
                     u"permission denied for table users"_qs);
}

Reply rlsViolation()
{
    return restError(403, u"42501"_qs,
                     u"new row violates row-level security policy for table \"users\""_qs);
}

} // namespace exegia::emulator
