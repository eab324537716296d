#pragma once

#include <QByteArray>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QString>
#include <QUrl>
#include <QUrlQuery>

namespace exegia::emulator {

using HeaderList = QList<QPair<QByteArray, QByteArray>>;

// One request as the handlers see it: fully read, path decoded.
struct Request
{
    QByteArray method;
    QString path;
    QUrl url;
    QUrlQuery query;
    HeaderList headers;
    QByteArray body;

    QByteArray header(QByteArrayView name) const;
    // Query value with percent-escapes decoded ('+' stays '+', as in GoTrue).
    QString param(const QString &name) const;
    bool hasParam(const QString &name) const { return query.hasQueryItem(name); }
    // X-Supabase-Api-Version: 2024-01-01 or later selects the newer error format.
    bool apiVersioned() const;
    // The token after "Bearer " in Authorization, or empty.
    QByteArray bearerToken() const;
};

// What a handler answers.
struct Reply
{
    int status = 200;
    QByteArray body;
    QByteArray contentType = "application/json";
    HeaderList headers;

    static Reply json(int status, const QJsonObject &object);
    static Reply json(int status, const QJsonArray &array);
    static Reply empty(int status);
    static Reply redirect(const QUrl &location);
    static Reply html(int status, const QByteArray &page);
    Reply &withHeader(const QByteArray &name, const QByteArray &value)
    {
        headers.append({name, value});
        return *this;
    }
};

// `url` with `items` appended to its query, encoded as Go's url.Values
// does ('+' for a space), the way GoTrue writes its redirects.
QUrl withFormQuery(const QUrl &url, const QList<QPair<QString, QString>> &items);

// application/x-www-form-urlencoded, '+' meaning space.
QUrlQuery parseForm(const QByteArray &body);
QString formValue(const QUrlQuery &form, const QString &name);

} // namespace exegia::emulator
