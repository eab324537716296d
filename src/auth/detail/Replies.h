#pragma once

#include <exegia/auth/Session.h>
#include <exegia/auth/Transport.h>

#include <QJsonObject>
#include <QUrlQuery>

namespace exegia::auth::detail {

// Turn an auth-server reply into a value, or throw: AuthApiError for an
// error status, NetworkError(MalformedReply) for a body that is not the
// promised JSON shape (HTML, truncated, wrong types).
QJsonObject authObject(const HttpReply &reply);
Session authSession(const HttpReply &reply);
User authUser(const HttpReply &reply);
// The {"url": ...} of /user/identities/authorize: an absolute http(s) URL.
QUrl authorizationUrl(const HttpReply &reply);

// Adds a query item whose value is fully percent-encoded: QUrlQuery leaves
// '+' alone, which the server would read as a space.
void addEncoded(QUrlQuery &query, const QString &key, const QString &value);

} // namespace exegia::auth::detail
