// AuthClient's two-step verification and account calls against a scripted
// server: the exact requests (docs/wire.md "Two-step verification,
// identities, email change"), how replies are read, and the error kinds.
#include <exegia/auth/AuthClient.h>
#include <exegia/auth/Errors.h>

#include "Await.h"
#include "RecordingServer.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <gtest/gtest.h>

using namespace exegia::auth;
using exegia::test::await;
using exegia::test::awaitError;
using exegia::test::CannedResponse;
using exegia::test::RecordedRequest;

namespace {

const QString kFactorId = QStringLiteral("0b6c7d1e-2f3a-4b5c-8d9e-0f1a2b3c4d5e");
const QString kIdentityId = QStringLiteral("9a8b7c6d-5e4f-4a3b-9c2d-1e0f9a8b7c6d");

QByteArray userWithFactor(const char *status)
{
    const QJsonObject user{
        {"id", "4f1c0f7e-4a6e-4b8e-9d2e-2f1e7d4c9a11"},
        {"email", "a@b.c"},
        {"new_email", "new@b.c"},
        {"email_change_sent_at", "2026-12-02T10:00:00Z"},
        {"identities",
         QJsonArray{QJsonObject{{"provider", "email"}, {"identity_id", kIdentityId}}}},
        {"factors", QJsonArray{QJsonObject{{"id", kFactorId},
                                           {"friendly_name", "Phone"},
                                           {"factor_type", "totp"},
                                           {"status", status},
                                           {"created_at", "2026-12-02T09:00:00Z"},
                                           {"updated_at", "2026-12-02T09:30:00Z"}}}}};
    return QJsonDocument(user).toJson(QJsonDocument::Compact);
}

QJsonObject bodyOf(const RecordedRequest &r)
{
    return QJsonDocument::fromJson(r.body).object();
}

class MfaRequests : public ::testing::Test
{
protected:
    MfaRequests()
        : client(ClientConfig{server.url(), QStringLiteral("pk")})
    {}
    // The one request the call sent.
    const RecordedRequest &sent()
    {
        EXPECT_EQ(server.requests.size(), 1);
        return server.requests.first();
    }

    exegia::test::RecordingServer server;
    AuthClient client;
};

} // namespace

TEST_F(MfaRequests, EnrollSendsTotpWithNameAndIssuerAndReadsTheSecret)
{
    server.queue = {CannedResponse::json(
        200, R"({"id":")" + kFactorId.toLatin1() +
                 R"(","type":"totp","friendly_name":"Phone","totp":{"qr_code":"<svg/>",)"
                 R"("secret":"ABCDEFGH","uri":"otpauth://totp/X:a@b.c?secret=ABCDEFGH"}})")};
    const TotpEnrollment e = await(
        client.enrollTotp(QStringLiteral("at"), {QStringLiteral("Phone"), QStringLiteral("X")}));
    EXPECT_EQ(e.factorId, kFactorId);
    EXPECT_EQ(e.secret, QStringLiteral("ABCDEFGH"));
    EXPECT_EQ(e.qrCodeSvg, QStringLiteral("<svg/>"));
    EXPECT_TRUE(e.uri.startsWith(u"otpauth://"));
    const RecordedRequest &r = sent();
    EXPECT_EQ(r.method, "POST");
    EXPECT_EQ(r.path, QStringLiteral("/auth/v1/factors"));
    EXPECT_EQ(r.header("Authorization"), "Bearer at");
    EXPECT_EQ(bodyOf(r),
              (QJsonObject{{"factor_type", "totp"}, {"friendly_name", "Phone"}, {"issuer", "X"}}));
}

TEST_F(MfaRequests, AnEnrollmentWithoutASecretIsMalformed)
{
    server.queue = {CannedResponse::json(200, R"({"id":"x","type":"totp","totp":{}})")};
    const auto e = awaitError<NetworkError>(client.enrollTotp(QStringLiteral("at")));
    ASSERT_TRUE(e);
    EXPECT_EQ(e->kind(), NetworkError::Kind::MalformedReply);
}

TEST_F(MfaRequests, ChallengeThenVerifyAreTwoRequests)
{
    server.queue = {
        CannedResponse::json(200, R"({"id":"ch-1","type":"totp","expires_at":1893456000})"),
        CannedResponse::json(200, R"({"access_token":"aal2-at","token_type":"bearer",)"
                                  R"("expires_in":3600,"refresh_token":"rt2","user":)" +
                                      userWithFactor("verified") + "}")};
    const Session s = await(
        client.challengeAndVerify(QStringLiteral("at"), kFactorId, QStringLiteral(" 123456 ")));
    EXPECT_EQ(s.accessToken, QStringLiteral("aal2-at"));
    EXPECT_TRUE(s.user.hasVerifiedFactor());
    ASSERT_EQ(server.requests.size(), 2);
    EXPECT_EQ(server.requests[0].path,
              QStringLiteral("/auth/v1/factors/") + kFactorId + QStringLiteral("/challenge"));
    EXPECT_EQ(server.requests[1].path,
              QStringLiteral("/auth/v1/factors/") + kFactorId + QStringLiteral("/verify"));
    EXPECT_EQ(bodyOf(server.requests[1]),
              (QJsonObject{{"challenge_id", "ch-1"}, {"code", "123456"}}));
    EXPECT_EQ(server.requests[1].header("Authorization"), "Bearer at");
}

TEST_F(MfaRequests, UnenrollAndUnlinkAreDeletes)
{
    server.queue = {CannedResponse::json(200, R"({"id":"x"})"), CannedResponse::json(200, "{}")};
    await(client.unenrollFactor(QStringLiteral("at"), kFactorId));
    await(client.unlinkIdentity(QStringLiteral("at"), kIdentityId));
    ASSERT_EQ(server.requests.size(), 2);
    EXPECT_EQ(server.requests[0].method, "DELETE");
    EXPECT_EQ(server.requests[0].path, QStringLiteral("/auth/v1/factors/") + kFactorId);
    EXPECT_EQ(server.requests[1].method, "DELETE");
    EXPECT_EQ(server.requests[1].path, QStringLiteral("/auth/v1/user/identities/") + kIdentityId);
}

TEST_F(MfaRequests, ListsComeFromTheUser)
{
    server.queue = {CannedResponse::json(200, userWithFactor("unverified")),
                    CannedResponse::json(200, userWithFactor("unverified"))};
    const QList<Factor> factors = await(client.listFactors(QStringLiteral("at")));
    ASSERT_EQ(factors.size(), 1);
    EXPECT_EQ(factors[0].type, FactorType::Totp);
    EXPECT_EQ(factors[0].status, FactorStatus::Unverified);
    EXPECT_EQ(factors[0].friendlyName, QStringLiteral("Phone"));
    EXPECT_EQ(factors[0].updatedAt, QDateTime(QDate(2026, 12, 2), QTime(9, 30), Qt::UTC));
    const QList<Identity> identities = await(client.listIdentities(QStringLiteral("at")));
    ASSERT_EQ(identities.size(), 1);
    EXPECT_EQ(identities[0].identityId, kIdentityId);
    EXPECT_EQ(server.requests[0].path, QStringLiteral("/auth/v1/user"));
    EXPECT_EQ(server.requests[0].method, "GET");
}

TEST_F(MfaRequests, EmailChangeRequestsAndVerification)
{
    server.queue = {CannedResponse::json(200, userWithFactor("verified")),
                    CannedResponse::json(200, R"({"access_token":"at2","token_type":"bearer",)"
                                              R"("expires_in":3600,"refresh_token":"rt2","user":)" +
                                                  userWithFactor("verified") + "}"),
                    CannedResponse::json(200, "{}"), CannedResponse::json(200, "{}")};
    const User u = await(client.requestEmailChange(QStringLiteral("at"), QStringLiteral("new@b.c"),
                                                   QStringLiteral("654321")));
    EXPECT_EQ(u.newEmail, QStringLiteral("new@b.c"));
    EXPECT_TRUE(u.emailChangeSentAt.isValid());
    await(client.verifyEmailChange(QStringLiteral("new@b.c"), QStringLiteral("123456")));
    await(client.reauthenticate(QStringLiteral("at")));
    await(client.resend(ResendType::EmailChange, QStringLiteral("a@b.c")));
    ASSERT_EQ(server.requests.size(), 4);
    EXPECT_EQ(server.requests[0].method, "PUT");
    EXPECT_EQ(bodyOf(server.requests[0]), (QJsonObject{{"email", "new@b.c"}, {"nonce", "654321"}}));
    EXPECT_EQ(server.requests[1].path, QStringLiteral("/auth/v1/verify"));
    EXPECT_EQ(bodyOf(server.requests[1]),
              (QJsonObject{{"type", "email_change"}, {"email", "new@b.c"}, {"token", "123456"}}));
    EXPECT_EQ(server.requests[1].header("Authorization"), "Bearer pk");
    EXPECT_EQ(server.requests[2].method, "GET");
    EXPECT_EQ(server.requests[2].path, QStringLiteral("/auth/v1/reauthenticate"));
    EXPECT_EQ(server.requests[3].path, QStringLiteral("/auth/v1/resend"));
    EXPECT_EQ(bodyOf(server.requests[3]),
              (QJsonObject{{"type", "email_change"}, {"email", "a@b.c"}}));
}

TEST(AuthApiErrorKind, MfaAndAccountCodesHaveTheirKinds)
{
    using K = AuthApiError::Kind;
    const QList<std::pair<const char *, K>> cases{
        {"mfa_verification_failed", K::MfaVerificationFailed},
        {"mfa_challenge_expired", K::MfaChallengeExpired},
        {"mfa_ip_address_mismatch", K::MfaChallengeExpired},
        {"too_many_enrolled_mfa_factors", K::TooManyFactors},
        {"insufficient_aal", K::InsufficientAal},
        {"single_identity_not_deletable", K::SingleIdentityNotDeletable},
        {"manual_linking_disabled", K::ManualLinkingDisabled},
        {"email_exists", K::EmailExists},
        {"reauthentication_needed", K::ReauthenticationNeeded},
        {"reauthentication_not_valid", K::ReauthenticationInvalid},
        {"mfa_factor_not_found", K::FactorNotFound},
        {"mfa_factor_name_conflict", K::FactorNameConflict},
        {"over_email_send_rate_limit", K::EmailRateLimited},
        {"session_not_found", K::SessionGone},
        {"otp_expired", K::Refused}};
    for (const auto &[code, kind] : cases) {
        const AuthApiError e(422, QString::fromLatin1(code), QStringLiteral("m"));
        EXPECT_EQ(e.kind(), kind) << code;
    }
    const AuthApiError limited(429, QStringLiteral("over_email_send_rate_limit"),
                               QStringLiteral("you can only request this after 42 seconds."), 42);
    EXPECT_EQ(limited.retryAfterSeconds(), 42);
}
