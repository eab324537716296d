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

QJsonValue JsonReader::typed(QLatin1String key, bool (QJsonValue::*is)() const,
                             const char *expected)
{
    const QJsonValue v = field(key);
    if (v.isUndefined() || v.isNull())
        return {};
    if (!(v.*is)()) {
        wrongType(key, expected);
        return {};
    }
    return v;
}

QString JsonReader::string(QLatin1String key)
{
    return typed(key, &QJsonValue::isString, "a string").toString();
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
    return typed(key, &QJsonValue::isBool, "a boolean").toBool(fallback);
}

QJsonObject JsonReader::object(QLatin1String key)
{
    return typed(key, &QJsonValue::isObject, "an object").toObject();
}

QJsonArray JsonReader::array(QLatin1String key)
{
    return typed(key, &QJsonValue::isArray, "an array").toArray();
}

QDateTime JsonReader::time(QLatin1String key)
{
    const QString text = string(key);
    if (text.isEmpty())
        return {};
    return QDateTime::fromString(text, Qt::ISODateWithMs);
}

} // namespace exegia::auth::detail
