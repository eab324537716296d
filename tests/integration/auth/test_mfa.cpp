// Two-step verification through the library (issue 13): AuthClient's TOTP
// calls against the emulator over real HTTP, with codes computed in the
// test (tests/support/TestTotp, liboath), and the assurance level they give.
#include "AuthFixture.h"
#include "Await.h"
#include "TestTotp.h"

#include <exegia/auth/Errors.h>

#include <QRegularExpression>
#include <QUuid>

using namespace exegia::auth;
using exegia::test::await;
using exegia::test::awaitError;
using exegia::test::totpCode;

namespace {

class Mfa : public exegia::test::AuthFixture
{
protected:
    // A Google sign-in: again for the same address, a new aal1 session of
    // the same user, with no mail cooldown in the way.
    Session googleSession(const QString &email)
    {
        const SignInResult r =
            await(client->signInWithIdToken(u"google"_qs, idToken(u"google"_qs, email)));
        EXPECT_TRUE(r.session);
        return r.session.value_or(Session{});
    }
    // Enrolls and verifies a factor: the aal2 session.
    Session enrollVerified(const Session &s, TotpEnrollment *enrollment)
    {
        *enrollment = await(client->enrollTotp(s.accessToken, {u"Phone"_qs, u"Exegia"_qs}));
        return await(client->challengeAndVerify(s.accessToken, enrollment->factorId,
                                                totpCode(enrollment->secret)));
    }
    // The server's answer as the Kind the app words.
    template <typename T> std::optional<AuthApiError::Kind> kindOf(QFuture<T> future)
    {
        std::string other;
        const auto e = awaitError<AuthApiError>(future, &other);
        EXPECT_TRUE(e) << other;
        return e ? std::optional(e->kind()) : std::nullopt;
    }
};

bool hasMethod(const AssuranceInfo &info, const QString &method)
{
    return std::any_of(info.methods.cbegin(), info.methods.cend(),
                       [&](const AuthMethod &m) { return m.method == method; });
}

} // namespace

TEST_F(Mfa, EnrollGivesTheSecretTheUriAndTheQrCode)
{
    const QString email = uniqueEmail(u"enroll"_qs);
    const Session s = googleSession(email);
    const TotpEnrollment e = await(client->enrollTotp(s.accessToken, {u"Phone"_qs, u"Exegia"_qs}));
    EXPECT_FALSE(QUuid::fromString(e.factorId).isNull()) << e.factorId.toStdString();
    EXPECT_EQ(e.friendlyName, u"Phone"_qs);
    EXPECT_TRUE(QRegularExpression(u"^[A-Z2-7]{32}$"_qs).match(e.secret).hasMatch());
    EXPECT_TRUE(e.uri.startsWith(u"otpauth://totp/Exegia:"_qs + email)) << e.uri.toStdString();
    EXPECT_TRUE(e.uri.contains(u"secret="_qs + e.secret));
    EXPECT_TRUE(e.qrCodeSvg.contains(u"<svg"_qs)) << e.qrCodeSvg.left(100).toStdString();

    const QList<Factor> factors = await(client->listFactors(s.accessToken));
    ASSERT_EQ(factors.size(), 1);
    EXPECT_EQ(factors[0].id, e.factorId);
    EXPECT_EQ(factors[0].type, FactorType::Totp);
    EXPECT_EQ(factors[0].status, FactorStatus::Unverified);
    EXPECT_EQ(factors[0].friendlyName, u"Phone"_qs);
    // An unverified factor does not raise what the session can reach.
    const AssuranceInfo info = AuthClient::assuranceLevel(s);
    EXPECT_EQ(info.current, AssuranceLevel::Aal1);
    EXPECT_EQ(info.next, AssuranceLevel::Aal1);
    EXPECT_FALSE(info.needsSecondFactor());
}

TEST_F(Mfa, VerifyGivesAnAal2Session)
{
    const Session s = googleSession(uniqueEmail(u"verify"_qs));
    const TotpEnrollment e = await(client->enrollTotp(s.accessToken));
    const MfaChallenge c = await(client->challengeFactor(s.accessToken, e.factorId));
    EXPECT_FALSE(c.id.isEmpty());
    EXPECT_EQ(c.type, FactorType::Totp);
    EXPECT_GT(c.expiresAt, QDateTime::currentDateTimeUtc());

    const Session raised =
        await(client->verifyFactor(s.accessToken, e.factorId, c.id, totpCode(e.secret)));
    EXPECT_EQ(raised.user.id, s.user.id);
    EXPECT_NE(raised.refreshToken, s.refreshToken);
    EXPECT_TRUE(raised.user.hasVerifiedFactor());
    const AssuranceInfo info = AuthClient::assuranceLevel(raised);
    EXPECT_EQ(info.current, AssuranceLevel::Aal2);
    EXPECT_EQ(info.next, AssuranceLevel::Aal2);
    EXPECT_FALSE(info.needsSecondFactor());
    EXPECT_TRUE(hasMethod(info, u"totp"_qs));
    EXPECT_GE(info.methods.size(), 2); // the first factor is still there

    const QList<Factor> factors = await(client->listFactors(raised.accessToken));
    ASSERT_EQ(factors.size(), 1);
    EXPECT_EQ(factors[0].status, FactorStatus::Verified);
}

TEST_F(Mfa, WrongAndReusedCodesAreRefused)
{
    const Session s = googleSession(uniqueEmail(u"wrong"_qs));
    const TotpEnrollment e = await(client->enrollTotp(s.accessToken));
    const QString code = totpCode(e.secret);
    const QString wrong = code == u"000000"_qs ? u"111111"_qs : u"000000"_qs;
    EXPECT_EQ(kindOf(client->challengeAndVerify(s.accessToken, e.factorId, wrong)),
              AuthApiError::Kind::MfaVerificationFailed);

    const Session raised = await(client->challengeAndVerify(s.accessToken, e.factorId, code));
    // The same code again, even on a new challenge (RFC 6238 section 5.2).
    EXPECT_EQ(kindOf(client->challengeAndVerify(raised.accessToken, e.factorId, code)),
              AuthApiError::Kind::MfaVerificationFailed);
    // A challenge is used once.
    const MfaChallenge c = await(client->challengeFactor(raised.accessToken, e.factorId));
    await(client->verifyFactor(raised.accessToken, e.factorId, c.id, totpCode(e.secret, 1)));
    EXPECT_EQ(
        kindOf(client->verifyFactor(raised.accessToken, e.factorId, c.id, totpCode(e.secret, 1))),
        AuthApiError::Kind::MfaChallengeExpired);
}

TEST_F(Mfa, SigningInAgainNeedsTheSecondFactor)
{
    const QString email = uniqueEmail(u"again"_qs);
    TotpEnrollment e;
    enrollVerified(googleSession(email), &e);

    const Session again = googleSession(email);
    ASSERT_TRUE(again.user.hasVerifiedFactor());
    const AssuranceInfo info = AuthClient::assuranceLevel(again);
    EXPECT_EQ(info.current, AssuranceLevel::Aal1);
    EXPECT_EQ(info.next, AssuranceLevel::Aal2);
    EXPECT_TRUE(info.needsSecondFactor());
    EXPECT_FALSE(hasMethod(info, u"totp"_qs));

    // The next time step's code: the current one was spent by the enrollment.
    const Session raised =
        await(client->challengeAndVerify(again.accessToken, e.factorId, totpCode(e.secret, 1)));
    EXPECT_EQ(AuthClient::assuranceLevel(raised).current, AssuranceLevel::Aal2);
    EXPECT_FALSE(AuthClient::assuranceLevel(raised).needsSecondFactor());
}

TEST_F(Mfa, UnenrollNeedsAal2)
{
    const QString email = uniqueEmail(u"unenroll"_qs);
    TotpEnrollment e;
    const Session raised = enrollVerified(googleSession(email), &e);
    const Session aal1 = googleSession(email);
    EXPECT_EQ(kindOf(client->unenrollFactor(aal1.accessToken, e.factorId)),
              AuthApiError::Kind::InsufficientAal);
    // An email change of such a user needs aal2 as well.
    EXPECT_EQ(kindOf(client->requestEmailChange(aal1.accessToken, uniqueEmail(u"to"_qs))),
              AuthApiError::Kind::InsufficientAal);

    await(client->unenrollFactor(raised.accessToken, e.factorId));
    EXPECT_TRUE(await(client->listFactors(raised.accessToken)).isEmpty());
    EXPECT_EQ(kindOf(client->unenrollFactor(raised.accessToken, e.factorId)),
              AuthApiError::Kind::FactorNotFound);
}

TEST_F(Mfa, EnrollmentErrorsHaveTheirKinds)
{
    const Session s = googleSession(uniqueEmail(u"errors"_qs));
    await(client->enrollTotp(s.accessToken, {u"Phone"_qs, {}}));
    EXPECT_EQ(kindOf(client->enrollTotp(s.accessToken, {u"Phone"_qs, {}})),
              AuthApiError::Kind::FactorNameConflict);
    for (int i = 1; i < 10; ++i)
        await(client->enrollTotp(s.accessToken, {u"Phone %1"_qs.arg(i), {}}));
    EXPECT_EQ(kindOf(client->enrollTotp(s.accessToken, {u"One too many"_qs, {}})),
              AuthApiError::Kind::TooManyFactors);
    EXPECT_EQ(await(client->listFactors(s.accessToken)).size(), 10);

    const QString unknown = QUuid::createUuid().toString(QUuid::WithoutBraces);
    EXPECT_EQ(kindOf(client->challengeFactor(s.accessToken, unknown)),
              AuthApiError::Kind::FactorNotFound);
}

TEST_F(Mfa, AnIdThatIsNotAUuidIsNeverSent)
{
    const Session s = googleSession(uniqueEmail(u"badid"_qs));
    const int before = apiRequestTotal();
    for (const QString &id : {u"../user"_qs, u""_qs, u"x/../../admin/users"_qs}) {
        EXPECT_TRUE(awaitError<ConfigError>(client->challengeFactor(s.accessToken, id)));
        EXPECT_TRUE(awaitError<ConfigError>(client->unenrollFactor(s.accessToken, id)));
        EXPECT_TRUE(awaitError<ConfigError>(client->unlinkIdentity(s.accessToken, id)));
    }
    EXPECT_EQ(apiRequestTotal(), before);
}

TEST_F(Mfa, AssuranceOfASessionWithoutClaimsIsNone)
{
    Session s;
    s.accessToken = u"not-a-jwt"_qs;
    const AssuranceInfo info = AuthClient::assuranceLevel(s);
    EXPECT_EQ(info.current, AssuranceLevel::None);
    EXPECT_EQ(info.next, AssuranceLevel::None);
    EXPECT_TRUE(info.methods.isEmpty());
}

namespace {

class MfaShortChallenge : public exegia::test::AuthFixture
{
protected:
    void SetUp() override { start({u"--mfa-challenge-exp"_qs, u"1"_qs}); }
};

} // namespace

TEST_F(MfaShortChallenge, AnExpiredChallengeSaysSo)
{
    const SignInResult r = await(
        client->signInWithIdToken(u"google"_qs, idToken(u"google"_qs, uniqueEmail(u"expired"_qs))));
    ASSERT_TRUE(r.session);
    const QString token = r.session->accessToken;
    const TotpEnrollment e = await(client->enrollTotp(token));
    const MfaChallenge c = await(client->challengeFactor(token, e.factorId));
    advanceServerClock(2); // past the 1 s lifetime
    std::string other;
    const auto error = awaitError<AuthApiError>(
        client->verifyFactor(token, e.factorId, c.id, totpCode(e.secret)), &other);
    ASSERT_TRUE(error) << other;
    EXPECT_EQ(error->kind(), AuthApiError::Kind::MfaChallengeExpired);
    EXPECT_EQ(error->errorCode(), u"mfa_challenge_expired"_qs);
}
