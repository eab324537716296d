#pragma once

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QString>

#include <optional>

namespace exegia::auth::detail {

// Typed access to a server object that never throws and never guesses: a
// missing or null optional field gives the default, a field of the wrong
// type records an error (the first one wins) naming the field, so the parser
// can refuse the whole reply with a precise reason.
class JsonReader
{
public:
    JsonReader(const QJsonValue &value, QString what);

    bool ok() const { return m_error.isEmpty(); }
    const QString &error() const { return m_error; }
    const QJsonObject &object() const { return m_object; }

    QString requiredString(QLatin1String key);
    QString string(QLatin1String key);
    std::optional<qint64> integer(QLatin1String key);
    bool boolean(QLatin1String key, bool fallback = false);
    QJsonObject object(QLatin1String key);
    QJsonArray array(QLatin1String key);
    QDateTime time(QLatin1String key); // ISO 8601; an unparsable text gives an invalid QDateTime
    bool has(QLatin1String key) const;

    void fail(const QString &reason);

    // A nested object read by its own parser (T::fromJson); its failure
    // becomes this reader's.
    template <typename T> std::optional<T> nested(const QJsonValue &value)
    {
        QString why;
        std::optional<T> out = T::fromJson(value, &why);
        if (!out)
            fail(why);
        return out;
    }

    // What a fromJson returns: the value if every field read well, else
    // nothing, with the reason in *error.
    template <typename T> std::optional<T> result(T value, QString *error) const
    {
        if (ok())
            return value;
        if (error)
            *error = m_error;
        return std::nullopt;
    }

private:
    QJsonValue field(QLatin1String key) const;
    // The field if it holds what `is` tests for; undefined if it is
    // missing or null, or (recording the error) of another type.
    QJsonValue typed(QLatin1String key, bool (QJsonValue::*is)() const, const char *expected);
    void wrongType(QLatin1String key, const char *expected);

    QJsonObject m_object;
    QString m_what;
    QString m_error;
};

} // namespace exegia::auth::detail
