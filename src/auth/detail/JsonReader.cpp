#include "JsonReader.h"

#include <cmath>

namespace exegia::auth::detail {

JsonReader::JsonReader(const QJsonValue &value, QString what)
    : m_what(std::move(what))
{
    if (value.isObject())
        m_object = value.toObject();
    else
        m_error = QStringLiteral("%1 is not a JSON object").arg(m_what);
}

QJsonValue JsonReader::field(QLatin1String key) const
{
    return m_object.value(key);
}

bool JsonReader::has(QLatin1String key) const
{
    const QJsonValue v = field(key);
    return !v.isUndefined() && !v.isNull();
}

void JsonReader::fail(const QString &reason)
{
    if (m_error.isEmpty())
        m_error = QStringLiteral("%1: %2").arg(m_what, reason);
}

void JsonReader::wrongType(QLatin1String key, const char *expected)
{
    fail(QStringLiteral("field \"%1\" is not %2").arg(key, QLatin1String(expected)));
}

QString JsonReader::requiredString(QLatin1String key)
{
    const QJsonValue v = field(key);
    if (!v.isString() || v.toString().isEmpty()) {
        fail(QStringLiteral("field \"%1\" is missing or not a non-empty string").arg(key));
        return {};
    }
    return v.toString();
}

QString JsonReader::string(QLatin1String key)
{
    const QJsonValue v = field(key);
    if (v.isUndefined() || v.isNull())
        return {};
    if (!v.isString()) {
        wrongType(key, "a string");
        return {};
    }
    return v.toString();
}

std::optional<qint64> JsonReader::integer(QLatin1String key)
{
    const QJsonValue v = field(key);
    if (v.isUndefined() || v.isNull())
        return std::nullopt;
    const double d = v.toDouble();
    if (!v.isDouble() || !std::isfinite(d) || d != std::floor(d) || std::abs(d) > 9.0e15) {
        wrongType(key, "an integer");
        return std::nullopt;
    }
    return static_cast<qint64>(d);
}

bool JsonReader::boolean(QLatin1String key, bool fallback)
{
    const QJsonValue v = field(key);
    if (v.isUndefined() || v.isNull())
        return fallback;
    if (!v.isBool()) {
        wrongType(key, "a boolean");
        return fallback;
    }
    return v.toBool();
}

QJsonObject JsonReader::object(QLatin1String key)
{
    const QJsonValue v = field(key);
    if (v.isUndefined() || v.isNull())
        return {};
    if (!v.isObject()) {
        wrongType(key, "an object");
        return {};
    }
    return v.toObject();
}

QJsonArray JsonReader::array(QLatin1String key)
{
    const QJsonValue v = field(key);
    if (v.isUndefined() || v.isNull())
        return {};
    if (!v.isArray()) {
        wrongType(key, "an array");
        return {};
    }
    return v.toArray();
}

QDateTime JsonReader::time(QLatin1String key)
{
    const QString text = string(key);
    if (text.isEmpty())
        return {};
    return QDateTime::fromString(text, Qt::ISODateWithMs);
}

} // namespace exegia::auth::detail
