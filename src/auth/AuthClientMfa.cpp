// AuthClient's two-step verification calls (docs/wire.md "Two-step
// verification, identities, email change"), after supabase/auth's
// internal/api/mfa.go.
#include <exegia/auth/AuthClient.h>

#include <exegia/auth/Errors.h>

#include "detail/Chain.h"
#include "detail/Ids.h"
#include "detail/JsonReader.h"
#include "detail/Jwt.h"
#include "detail/Replies.h"
#include "detail/Wire.h"

using namespace Qt::StringLiterals;

namespace exegia::auth {

using detail::Completion;
using detail::step;

namespace {

QString factorPath(const QString &factorId, QLatin1StringView suffix = {})
{
    return QString(wire::kFactors) + u'/' + factorId + suffix;
}

// The reply's object read with a JsonReader; a reply that is not the
// promised shape is a MalformedReply like every other.
template <typename T, typename F> T readReply(const HttpReply &reply, const QString &what, F read)
{
    detail::JsonReader r(detail::authObject(reply), what);
    T value = read(r);
    QString why;
    std::optional<T> out = r.result(std::move(value), &why);
    if (!out)
        throw NetworkError(NetworkError::Kind::MalformedReply, why);
    return std::move(*out);
}

TotpEnrollment enrollmentOf(const HttpReply &reply)
{
    return readReply<TotpEnrollment>(reply, u"factor"_s, [](detail::JsonReader &r) {
        TotpEnrollment e;
        e.factorId = r.requiredString("id"_L1);
        e.friendlyName = r.string("friendly_name"_L1);
        detail::JsonReader totp(r.object("totp"_L1), u"factor.totp"_s);
        e.secret = totp.requiredString("secret"_L1);
        e.uri = totp.requiredString("uri"_L1);
        e.qrCodeSvg = totp.string("qr_code"_L1);
        if (!totp.ok())
            r.fail(totp.error());
        return e;
    });
}

MfaChallenge challengeOf(const HttpReply &reply)
{
    return readReply<MfaChallenge>(reply, u"challenge"_s, [](detail::JsonReader &r) {
        MfaChallenge c;
        c.id = r.requiredString("id"_L1);
        const QString type = r.string("type"_L1);
        c.type = type.isEmpty() || type == wire::kFactorTypeTotp ? FactorType::Totp
                                                                 : FactorType::Unknown;
        if (const auto expires = r.integer("expires_at"_L1))
            c.expiresAt = QDateTime::fromSecsSinceEpoch(*expires, Qt::UTC);
        return c;
    });
}

} // namespace

QFuture<HttpReply> AuthClient::send(QByteArray method, const QString &path, const QJsonObject &body,
                                    const QString &bearer)
{
    HttpRequest request;
    request.method = std::move(method);
    request.path = path;
    if (request.method != "GET")
        request.body = body;
    request.bearer = bearer;
    return m_transport->request(request);
}

QFuture<Session> AuthClient::sessionFrom(const QFuture<HttpReply> &reply)
{
    Completion<Session> done;
    step(this, done, reply, [done](const HttpReply &r) { done.succeed(detail::authSession(r)); });
    return done.future();
}

QFuture<void> AuthClient::sendExpectingSuccess(QByteArray method, const QString &path,
                                               const QJsonObject &body, const QString &bearer)
{
    Completion<void> done;
    step(this, done, send(std::move(method), path, body, bearer), [done](const HttpReply &reply) {
        if (!reply.isSuccess())
            throw AuthApiError::fromReply(reply);
        done.succeed();
    });
    return done.future();
}

QFuture<TotpEnrollment> AuthClient::enrollTotp(const QString &accessToken,
                                               const TotpEnrollOptions &options)
{
    QJsonObject body{{u"factor_type"_s, wire::kFactorTypeTotp}};
    if (!options.friendlyName.isEmpty())
        body.insert(u"friendly_name", options.friendlyName);
    if (!options.issuer.isEmpty())
        body.insert(u"issuer", options.issuer);
    Completion<TotpEnrollment> done;
    step(this, done, send("POST", wire::kFactors, body, accessToken),
         [done](const HttpReply &reply) { done.succeed(enrollmentOf(reply)); });
    return done.future();
}

QFuture<MfaChallenge> AuthClient::challengeFactor(const QString &accessToken,
                                                  const QString &factorId)
{
    if (!detail::isUuid(factorId))
        return detail::failedFuture<MfaChallenge>(detail::badId("factor"));
    Completion<MfaChallenge> done;
    step(this, done, send("POST", factorPath(factorId, wire::kChallenge), {}, accessToken),
         [done](const HttpReply &reply) { done.succeed(challengeOf(reply)); });
    return done.future();
}

QFuture<Session> AuthClient::verifyFactor(const QString &accessToken, const QString &factorId,
                                          const QString &challengeId, const QString &code)
{
    if (!detail::isUuid(factorId))
        return detail::failedFuture<Session>(detail::badId("factor"));
    const QJsonObject body{{u"challenge_id"_s, challengeId}, {u"code"_s, code.trimmed()}};
    return sessionFrom(send("POST", factorPath(factorId, wire::kVerifySuffix), body, accessToken));
}

QFuture<Session> AuthClient::challengeAndVerify(const QString &accessToken, const QString &factorId,
                                                const QString &code)
{
    Completion<Session> done;
    step(this, done, challengeFactor(accessToken, factorId),
         [=, this](const MfaChallenge &challenge) {
             detail::forward(this, done, verifyFactor(accessToken, factorId, challenge.id, code));
         });
    return done.future();
}

QFuture<void> AuthClient::unenrollFactor(const QString &accessToken, const QString &factorId)
{
    if (!detail::isUuid(factorId))
        return detail::failedFuture<void>(detail::badId("factor"));
    return sendExpectingSuccess("DELETE", factorPath(factorId), {}, accessToken);
}

QFuture<QList<Factor>> AuthClient::listFactors(const QString &accessToken)
{
    Completion<QList<Factor>> done;
    step(this, done, getUser(accessToken),
         [done](const HttpReply &reply) { done.succeed(detail::authUser(reply).factors); });
    return done.future();
}

AssuranceInfo AuthClient::assuranceLevel(const Session &session)
{
    AssuranceInfo info;
    // Read without verifying: this token came from the server, over this
    // session's own connection, and is only read to decide what to show;
    // the server checks the aal of every request it receives.
    const std::optional<QJsonObject> payload = Jwt::payload(session.accessToken);
    const std::optional<Claims> claims = payload ? Claims::fromPayload(*payload) : std::nullopt;
    if (!claims)
        return info;
    info.current = claims->aal;
    info.methods = claims->amr;
    info.next = session.user.hasVerifiedFactor() ? AssuranceLevel::Aal2 : info.current;
    return info;
}

} // namespace exegia::auth
