#include "Http.h"

#include <QDate>
#include <QJsonDocument>

namespace exegia::emulator {

QByteArray Request::header(QByteArrayView name) const
{
    for (const auto &h : headers) {
        if (QByteArrayView(h.first).compare(name, Qt::CaseInsensitive) == 0)
            return h.second;
    }
    return {};
}

QString Request::param(const QString &name) const
{
    return query.queryItemValue(name, QUrl::FullyDecoded);
}

bool Request::apiVersioned() const
{
    // GoTrue treats a value it cannot parse as the initial (legacy) version.
    const QDate version = QDate::fromString(
        QString::fromLatin1(header("x-supabase-api-version").trimmed()), Qt::ISODate);
    return version.isValid() && version >= QDate(2024, 1, 1);
}

QByteArray Request::bearerToken() const
{
    const QByteArray value = header("authorization").trimmed();
    if (value.size() < 7 || !value.first(7).toLower().startsWith("bearer "))
        return {};
    return value.mid(7).trimmed();
}

Reply Reply::json(int status, const QJsonObject &object)
{
    return {status, QJsonDocument(object).toJson(QJsonDocument::Compact), "application/json", {}};
}

Reply Reply::json(int status, const QJsonArray &array)
{
    return {status, QJsonDocument(array).toJson(QJsonDocument::Compact), "application/json", {}};
}

Reply Reply::empty(int status)
{
    return {status, {}, {}, {}};
}

Reply Reply::redirect(const QUrl &location)
{
    Reply reply{302, {}, {}, {}};
    reply.headers.append({"Location", location.toEncoded()});
    return reply;
}

Reply Reply::html(int status, const QByteArray &page)
{
    return {status, page, "text/html; charset=utf-8", {}};
}

QUrl withFormQuery(const QUrl &url, const QList<QPair<QString, QString>> &items)
{
    QByteArray query = url.query(QUrl::FullyEncoded).toUtf8();
    for (const auto &[key, value] : items) {
        if (!query.isEmpty())
            query += '&';
        query +=
            QUrl::toPercentEncoding(key) + '=' + QUrl::toPercentEncoding(value).replace("%20", "+");
    }
    QUrl result = url;
    result.setQuery(QString::fromLatin1(query), QUrl::StrictMode);
    return result;
}

QUrlQuery parseForm(const QByteArray &body)
{
    QByteArray copy = body;
    copy.replace('+', "%20");
    return QUrlQuery(QString::fromLatin1(copy));
}

QString formValue(const QUrlQuery &form, const QString &name)
{
    return form.queryItemValue(name, QUrl::FullyDecoded);
}

} // namespace exegia::emulator
