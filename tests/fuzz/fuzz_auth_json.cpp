// Session, User and Identity parsing, and the reply helpers that feed them
// (detail::authObject/authSession/authUser): what the client makes of a 200
// from the auth server.
#include "FuzzSupport.h"

#include <exegia/auth/Errors.h>
#include <exegia/auth/Identity.h>
#include <exegia/auth/Session.h>
#include <exegia/auth/User.h>

#include "detail/Replies.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>

using namespace exegia;

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    fuzz::initQt();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray body = fuzz::bytes(data, size);
    const QJsonValue value = QJsonDocument::fromJson(body).object();

    QString why;
    if (const auto session = auth::Session::fromJson(value, &why)) {
        fuzz::require(!session->accessToken.isEmpty() && !session->refreshToken.isEmpty(),
                      "a parsed session has both tokens");
        fuzz::require(!session->user.id.isEmpty(), "a parsed session has a user id");
        (void)session->expiresWithin(90);
        (void)session->expiresWithin(-90, QDateTime::fromSecsSinceEpoch(0, Qt::UTC));
    } else {
        fuzz::require(!why.isEmpty(), "a refused session says why");
    }
    why.clear();
    if (const auto user = auth::User::fromJson(value, &why)) {
        fuzz::require(!user->id.isEmpty(), "a parsed user has an id");
        (void)user->providers();
    } else {
        fuzz::require(!why.isEmpty(), "a refused user says why");
    }
    (void)auth::Identity::fromJson(value);
    // Identities also arrive on their own, as array elements.
    for (const QJsonValue &element : QJsonDocument::fromJson(body).array())
        (void)auth::Identity::fromJson(element);

    const auth::HttpReply reply{200, body, {{"Content-Type", "application/json"}}};
    try {
        (void)auth::detail::authSession(reply);
    } catch (const auth::Error &e) {
        fuzz::requireDescribed(e);
    }
    try {
        (void)auth::detail::authUser(reply);
    } catch (const auth::Error &e) {
        fuzz::requireDescribed(e);
    }
    return 0;
}
