// AuthClient's account calls: linked identities, the email change,
// reauthentication and resending codes (docs/wire.md "Two-step verification,
// identities, email change"), after supabase/auth's identity.go, user.go,
// reauthenticate.go and resend.go.
#include <exegia/auth/AuthClient.h>

#include <exegia/auth/Errors.h>

#include "detail/Chain.h"
#include "detail/Ids.h"
#include "detail/Replies.h"
#include "detail/Wire.h"

using namespace Qt::StringLiterals;

namespace exegia::auth {

using detail::Completion;
using detail::step;

QFuture<QList<Identity>> AuthClient::listIdentities(const QString &accessToken)
{
    Completion<QList<Identity>> done;
    step(this, done, getUser(accessToken),
         [done](const HttpReply &reply) { done.succeed(detail::authUser(reply).identities); });
    return done.future();
}

QFuture<void> AuthClient::unlinkIdentity(const QString &accessToken, const QString &identityId)
{
    // The server decides which identity may go (never the last one:
    // single_identity_not_deletable); nothing is refused here but a bad id.
    if (!detail::isUuid(identityId))
        return detail::failedFuture<void>(detail::badId("identity"));
    return sendExpectingSuccess("DELETE", QString(wire::kUserIdentities) + u'/' + identityId, {},
                                accessToken);
}

QFuture<User> AuthClient::requestEmailChange(const QString &accessToken, const QString &newEmail,
                                             const QString &nonce)
{
    QJsonObject body{{u"email"_s, newEmail.trimmed()}};
    if (!nonce.isEmpty())
        body.insert(u"nonce", nonce.trimmed());
    Completion<User> done;
    step(this, done, send("PUT", wire::kUser, body, accessToken),
         [done](const HttpReply &reply) { done.succeed(detail::authUser(reply)); });
    return done.future();
}

QFuture<Session> AuthClient::verifyEmailChange(const QString &newEmail, const QString &code)
{
    const QJsonObject body{{u"type"_s, wire::kOtpTypeEmailChange},
                           {u"email"_s, newEmail.trimmed()},
                           {u"token"_s, code.trimmed()}};
    return sessionFrom(send("POST", wire::kVerify, body, {}));
}

QFuture<void> AuthClient::reauthenticate(const QString &accessToken)
{
    return sendExpectingSuccess("GET", wire::kReauthenticate, {}, accessToken);
}

QFuture<void> AuthClient::resend(ResendType type, const QString &email)
{
    const QJsonObject body{{u"type"_s, type == ResendType::EmailChange ? wire::kOtpTypeEmailChange
                                                                       : wire::kOtpTypeSignup},
                           {u"email"_s, email.trimmed()}};
    return sendExpectingSuccess("POST", wire::kResend, body, {});
}

} // namespace exegia::auth
