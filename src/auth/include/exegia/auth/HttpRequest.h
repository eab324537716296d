#pragma once

#include <QByteArray>
#include <QJsonValue>
#include <QList>
#include <QPair>
#include <QString>
#include <QUrlQuery>

#include <optional>

namespace exegia::auth {

// One call to the project, described independently of Qt's network classes so
// that HttpTransport alone decides the headers every request carries.
struct HttpRequest
{
    QByteArray method = "GET";
    QString path; // below the project URL, e.g. "/auth/v1/user"
    QUrlQuery query;
    // Non-GET requests without a body send `{}` (GoTrue rejects an empty body).
    std::optional<QJsonValue> body;
    // The user's access token, or empty to send the API key as Bearer.
    QString bearer;
    // Extra headers such as Prefer; they cannot replace the fixed ones.
    QList<QPair<QByteArray, QByteArray>> headers;

    bool isIdempotent() const { return method == "GET" || method == "HEAD"; }
};

} // namespace exegia::auth
