// Sign-in paths against the emulator: ID token and email code, each with the
// profile check (ok / needs sign-up), and their server-side failures.
#include "AuthFixture.h"
#include "Await.h"

#include <exegia/auth/Errors.h>

#include <QCryptographicHash>
#include <QJsonDocument>

using namespace exegia::auth;
using exegia::test::await;
using exegia::test::awaitError;

namespace {

class SignIn : public exegia::test::AuthFixture
{
};

class SignInShortOtp : public exegia::test::AuthFixture
{
protected:
    void SetUp() override { start({QStringLiteral("--otp-exp"), QStringLiteral("1")}); }
};

} // namespace

TEST_F(SignIn, GoogleNeedsSignupThenRegistersThenSignsIn)
{
    const QString email = uniqueEmail(QStringLiteral("google"));
    const SignInResult first = await(client->signInWithIdToken(
        QStringLiteral("google"), idToken(QStringLiteral("google"), email)));
    EXPECT_FALSE(first.ok);
    EXPECT_TRUE(first.needsSignup);
    ASSERT_TRUE(first.session);
    EXPECT_EQ(first.session->user.email, email);
    EXPECT_FALSE(first.currentUser);
    ASSERT_TRUE(first.message);
    EXPECT_TRUE(first.message->contains(u"Google")) << first.message->toStdString();

    SignUpOptions options;
    options.accessToken = first.session->accessToken;
    options.profileFields = {{"display_name", "Ada"}};
    const SignUpResult signUp = await(client->signUp(options));
    ASSERT_TRUE(signUp.ok) << signUp.message.value_or(QString()).toStdString();
    EXPECT_EQ(signUp.currentUser->displayName(), QStringLiteral("Ada"));
    EXPECT_EQ(signUp.currentUser->userType(), QStringLiteral("registered"));
    EXPECT_TRUE(signUp.currentUser->hasProvider(QStringLiteral("google")));

    const SignInResult again = await(client->signInWithIdToken(
        QStringLiteral("google"), idToken(QStringLiteral("google"), email)));
    EXPECT_TRUE(again.ok);
    EXPECT_FALSE(again.needsSignup);
    EXPECT_FALSE(again.message);
    ASSERT_TRUE(again.currentUser);
    EXPECT_EQ(again.currentUser->id(), first.session->user.id);
    EXPECT_TRUE(again.currentUser->hasProfile());
    EXPECT_TRUE(again.currentUser->isPermanent());
    EXPECT_EQ(again.currentUser->providers(), QStringList{QStringLiteral("google")});
}

TEST_F(SignIn, IdTokenSignInIsTwoRequests)
{
    const QString token = idToken(QStringLiteral("google"), uniqueEmail(QStringLiteral("count")));
    const int before = apiRequestTotal();
    await(client->signInWithIdToken(QStringLiteral("google"), token));
    EXPECT_EQ(apiRequestTotal() - before, 2) << QJsonDocument(apiRequestCounts()).toJson().data();
}

TEST_F(SignIn, AppleNeedsSignupNamesApple)
{
    const SignInResult r = await(client->signInWithIdToken(
        QStringLiteral("apple"), idToken(QStringLiteral("apple"), uniqueEmail(u"apple"_qs))));
    EXPECT_TRUE(r.needsSignup);
    ASSERT_TRUE(r.message);
    EXPECT_TRUE(r.message->contains(u"Apple"));
}

TEST_F(SignIn, NonceMustMatch)
{
    // The IdP gets the hash; Supabase gets the raw value. A different raw value fails.
    const QString raw = QStringLiteral("raw-nonce-1");
    const QString hash = QString::fromLatin1(
        QCryptographicHash::hash(raw.toUtf8(), QCryptographicHash::Sha256).toHex());
    const QString email = uniqueEmail(QStringLiteral("nonce"));
    IdTokenOptions options;
    options.nonce = raw;
    EXPECT_TRUE(await(client->signInWithIdToken(QStringLiteral("google"),
                                                idToken(u"google"_qs, email, hash), options))
                    .session);
    options.nonce = QStringLiteral("other");
    auto e = awaitError<AuthApiError>(client->signInWithIdToken(
        QStringLiteral("google"), idToken(u"google"_qs, email, hash), options));
    ASSERT_TRUE(e);
    EXPECT_EQ(e->httpStatus(), 400);
    EXPECT_EQ(e->errorCode(), QStringLiteral("invalid nonce"));
}

TEST_F(SignIn, ForgedIdTokenIsAnAuthApiError)
{
    std::string other;
    auto e = awaitError<AuthApiError>(
        client->signInWithIdToken(QStringLiteral("google"), QStringLiteral("a.b.c")), &other);
    ASSERT_TRUE(e) << other;
    EXPECT_EQ(e->httpStatus(), 400);
}

TEST_F(SignIn, EmailCodeNeedsSignupThenOk)
{
    const QString email = uniqueEmail(QStringLiteral("mail"));
    await(client->requestEmailOtp(email));
    const QString code = mailedCode(email);
    ASSERT_EQ(code.size(), 6);
    const int before = apiRequestTotal();
    const SignInResult first = await(client->verifyEmailOtp(email, code));
    EXPECT_EQ(apiRequestTotal() - before, 2);
    EXPECT_TRUE(first.needsSignup);
    ASSERT_TRUE(first.session);
    EXPECT_TRUE(first.message->contains(u"email"));

    SignUpOptions options;
    options.accessToken = first.session->accessToken;
    const SignUpResult signUp = await(client->signUp(options));
    ASSERT_TRUE(signUp.ok);
    // No display name given: the email's local part.
    EXPECT_EQ(signUp.currentUser->displayName(), email.section(u'@', 0, 0));

    // A later sign-in by code (after the send cooldown) is ok; the
    // cooldown itself is checked below, so reuse the session here.
    const auto current = await(client->getCurrentUserRecord(first.session->accessToken));
    ASSERT_TRUE(current);
    EXPECT_TRUE(current->hasProfile());
    EXPECT_TRUE(current->hasProvider(QStringLiteral("email")));
}

TEST_F(SignIn, AFailedProfileCheckKeepsTheSessionOfASpentCode)
{
    const QString email = uniqueEmail(QStringLiteral("keep"));
    await(client->requestEmailOtp(email));
    const QString code = mailedCode(email);
    // The profile read fails on every retry; the code is spent by then.
    injectFault("GET", QStringLiteral("/rest/v1/users"), 503, 3);
    const auto error = awaitError<ProfileCheckError>(client->verifyEmailOtp(email, code));
    ASSERT_TRUE(error.has_value());
    EXPECT_EQ(error->session().user.email, email);
    EXPECT_FALSE(error->session().accessToken.isEmpty());
    EXPECT_EQ(error->domain(), ErrorDomain::ProfileCheck);
    EXPECT_TRUE(error->cause());
    EXPECT_FALSE(QString::fromUtf8(error->what()).contains(error->session().accessToken));

    // Retrying the check alone finishes the sign-in without a new code.
    const SignInResult retried =
        await(client->completeSignIn(error->session(), QStringLiteral("email")));
    EXPECT_TRUE(retried.needsSignup);
    EXPECT_EQ(retried.session->accessToken, error->session().accessToken);
}

TEST_F(SignIn, WrongCodeIsOtpExpired)
{
    const QString email = uniqueEmail(QStringLiteral("wrong"));
    await(client->requestEmailOtp(email));
    const QString code = mailedCode(email);
    const QString wrong = code == u"000000"_qs ? u"111111"_qs : u"000000"_qs;
    auto e = awaitError<AuthApiError>(client->verifyEmailOtp(email, wrong));
    ASSERT_TRUE(e);
    EXPECT_EQ(e->httpStatus(), 403);
    EXPECT_EQ(e->errorCode(), QStringLiteral("otp_expired"));
}

TEST_F(SignInShortOtp, ExpiredCodeIsOtpExpired)
{
    const QString email = uniqueEmail(QStringLiteral("late"));
    await(client->requestEmailOtp(email));
    const QString code = mailedCode(email);
    advanceServerClock(2);
    auto e = awaitError<AuthApiError>(client->verifyEmailOtp(email, code));
    ASSERT_TRUE(e);
    EXPECT_EQ(e->errorCode(), QStringLiteral("otp_expired"));
}

TEST_F(SignIn, SecondCodeWithinCooldownSurfacesRetryAfter)
{
    const QString email = uniqueEmail(QStringLiteral("again"));
    await(client->requestEmailOtp(email));
    auto e = awaitError<AuthApiError>(client->requestEmailOtp(email));
    ASSERT_TRUE(e);
    EXPECT_EQ(e->httpStatus(), 429);
    EXPECT_EQ(e->errorCode(), QStringLiteral("over_email_send_rate_limit"));
    ASSERT_TRUE(e->retryAfterSeconds());
    EXPECT_GT(*e->retryAfterSeconds(), 0);
    EXPECT_LE(*e->retryAfterSeconds(), 60);
}

TEST_F(SignIn, UnknownEmailWithoutCreateIsOtpDisabled)
{
    EmailOtpOptions options;
    options.shouldCreateUser = false;
    auto e = awaitError<AuthApiError>(client->requestEmailOtp(uniqueEmail(u"nobody"_qs), options));
    ASSERT_TRUE(e);
    EXPECT_EQ(e->errorCode(), QStringLiteral("otp_disabled"));
}
