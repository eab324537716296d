// Sign-up, guest sessions and the current-user record against the emulator.
#include "AuthFixture.h"
#include "Await.h"

#include <exegia/auth/Errors.h>

#include <QJsonDocument>

using namespace exegia::auth;
using exegia::test::await;
using exegia::test::awaitError;

namespace {

class SignUp : public exegia::test::AuthFixture
{
protected:
    Session googleSession(const QString &tag)
    {
        const SignInResult r = await(client->signInWithIdToken(
            QStringLiteral("google"), idToken(QStringLiteral("google"), uniqueEmail(tag))));
        EXPECT_TRUE(r.session);
        return r.session.value_or(Session{});
    }
};

class NoAnonymous : public exegia::test::AuthFixture
{
protected:
    void SetUp() override { start({QStringLiteral("--disable-anonymous")}); }
};

class ShortTokens : public exegia::test::AuthFixture
{
protected:
    void SetUp() override { start({QStringLiteral("--jwt-exp"), QStringLiteral("1")}); }
};

} // namespace

TEST_F(SignUp, AnonymousIsTwoRequestsAndAGuestRow)
{
    const int before = apiRequestTotal();
    SignUpOptions options;
    options.anonymous = true;
    options.anonymousMetadata = {{"locale", "fr"}};
    const SignUpResult r = await(client->signUp(options));
    EXPECT_EQ(apiRequestTotal() - before, 2) << QJsonDocument(apiRequestCounts()).toJson().data();
    ASSERT_TRUE(r.ok) << r.message.value_or(QString()).toStdString();
    ASSERT_TRUE(r.session);
    ASSERT_TRUE(r.currentUser);
    EXPECT_TRUE(r.currentUser->isAnonymous());
    EXPECT_FALSE(r.currentUser->isPermanent());
    EXPECT_TRUE(r.currentUser->providers().isEmpty());
    EXPECT_EQ(r.currentUser->userType(), QStringLiteral("anonymous"));
    EXPECT_EQ(r.currentUser->displayName(), QStringLiteral("Guest"));
    EXPECT_EQ(r.session->user.userMetadata.value(u"locale").toString(), QStringLiteral("fr"));
}

TEST_F(SignUp, SecondSignUpIsAlreadyRegisteredWithTheExistingRow)
{
    const Session session = googleSession(QStringLiteral("twice"));
    SignUpOptions options;
    options.accessToken = session.accessToken;
    options.profileFields = {{"display_name", "First"}};
    ASSERT_TRUE(await(client->signUp(options)).ok);
    options.profileFields = {{"display_name", "Second"}};
    const SignUpResult r = await(client->signUp(options));
    EXPECT_FALSE(r.ok);
    EXPECT_TRUE(r.alreadyRegistered);
    ASSERT_TRUE(r.currentUser);
    EXPECT_EQ(r.currentUser->displayName(), QStringLiteral("First"));
    EXPECT_TRUE(r.message);
}

TEST_F(SignUp, BothOrNeitherArgumentsSendNothing)
{
    const Session session = googleSession(QStringLiteral("args"));
    const int before = apiRequestTotal();
    SignUpOptions both;
    both.accessToken = session.accessToken;
    both.anonymous = true;
    const SignUpResult r1 = await(client->signUp(both));
    const SignUpResult r2 = await(client->signUp({}));
    EXPECT_FALSE(r1.ok);
    EXPECT_FALSE(r2.ok);
    EXPECT_TRUE(r1.message && r2.message);
    EXPECT_FALSE(r1.alreadyRegistered || r2.alreadyRegistered);
    EXPECT_EQ(apiRequestTotal(), before);
}

TEST_F(SignUp, PrivilegedFieldsAreRefused)
{
    const Session session = googleSession(QStringLiteral("admin"));
    SignUpOptions options;
    options.accessToken = session.accessToken;
    options.profileFields = {{"user_type", "admin"}};
    const SignUpResult r = await(client->signUp(options));
    EXPECT_FALSE(r.ok);
    ASSERT_TRUE(r.message);
    const auto record = await(client->getCurrentUserRecord(session.accessToken));
    ASSERT_TRUE(record);
    EXPECT_FALSE(record->hasProfile());
}

TEST_F(SignUp, BadTokenIsAnAuthApiError)
{
    SignUpOptions options;
    options.accessToken = QStringLiteral("not-a-jwt");
    auto e = awaitError<AuthApiError>(client->signUp(options));
    ASSERT_TRUE(e);
    EXPECT_TRUE(e->isSessionGone()) << e->what();
}

TEST_F(SignUp, GuestSessionHasNoRow)
{
    const AuthResponse guest = await(client->startAnonymousSession({{{"k", "v"}}, {}}));
    EXPECT_TRUE(guest.user().isAnonymous);
    EXPECT_TRUE(guest.user().email.isEmpty());
    const auto record = await(client->getCurrentUserRecord(guest.session.accessToken));
    ASSERT_TRUE(record);
    EXPECT_TRUE(record->isAnonymous());
    EXPECT_FALSE(record->hasProfile());
}

TEST_F(NoAnonymous, GuestIsRefused)
{
    auto e = awaitError<AuthApiError>(client->startAnonymousSession());
    ASSERT_TRUE(e);
    EXPECT_EQ(e->httpStatus(), 422);
    EXPECT_EQ(e->errorCode(), QStringLiteral("anonymous_provider_disabled"));
    SignUpOptions options;
    options.anonymous = true;
    auto e2 = awaitError<AuthApiError>(client->signUp(options));
    ASSERT_TRUE(e2);
    EXPECT_EQ(e2->errorCode(), QStringLiteral("anonymous_provider_disabled"));
}

TEST_F(SignUp, CurrentUserRecordWithProfile)
{
    const Session session = googleSession(QStringLiteral("record"));
    SignUpOptions options;
    options.accessToken = session.accessToken;
    ASSERT_TRUE(await(client->signUp(options)).ok);
    const int before = apiRequestTotal();
    const auto record = await(client->getCurrentUserRecord(session.accessToken));
    EXPECT_EQ(apiRequestTotal() - before, 2);
    ASSERT_TRUE(record);
    EXPECT_EQ(record->id(), session.user.id);
    EXPECT_TRUE(record->hasProfile());
    EXPECT_EQ(record->email(), session.user.email);
}

TEST_F(SignUp, GarbageTokenIsBadJwt)
{
    auto e = awaitError<AuthApiError>(client->getCurrentUserRecord(QStringLiteral("x.y.z")));
    ASSERT_TRUE(e);
    EXPECT_EQ(e->httpStatus(), 403);
    EXPECT_EQ(e->errorCode(), QStringLiteral("bad_jwt"));
}

TEST_F(ShortTokens, ExpiredTokenIsBadJwt)
{
    const AuthResponse guest = await(client->startAnonymousSession());
    advanceServerClock(2);
    auto e = awaitError<AuthApiError>(client->getCurrentUserRecord(guest.session.accessToken));
    ASSERT_TRUE(e);
    EXPECT_EQ(e->errorCode(), QStringLiteral("bad_jwt"));
    EXPECT_TRUE(e->isSessionGone());
}

TEST_F(SignUp, DeletedUserHasNoRecord)
{
    const Session session = googleSession(QStringLiteral("deleted"));
    ASSERT_EQ(deleteUser(session.user.id) / 100, 2);
    const auto record = await(client->getCurrentUserRecord(session.accessToken));
    EXPECT_FALSE(record);
}

TEST_F(SignUp, SignedOutSessionIsAnError)
{
    const Session session = googleSession(QStringLiteral("out"));
    await(client->signOut(session.accessToken));
    auto e = awaitError<AuthApiError>(client->getCurrentUserRecord(session.accessToken));
    ASSERT_TRUE(e);
    EXPECT_EQ(e->errorCode(), QStringLiteral("session_not_found"));
    EXPECT_TRUE(e->isSessionGone());
    // Signing out again still counts as signed out.
    EXPECT_NO_THROW(await(client->signOut(session.accessToken)));
}

TEST_F(SignUp, UpdateProfileChangesOwnRowOnly)
{
    const Session session = googleSession(QStringLiteral("edit"));
    SignUpOptions options;
    options.accessToken = session.accessToken;
    ASSERT_TRUE(await(client->signUp(options)).ok);
    const auto row =
        await(client->updateProfile(session.accessToken, {{"display_name", "Renamed"}}));
    ASSERT_TRUE(row);
    EXPECT_EQ(row->value(u"display_name").toString(), QStringLiteral("Renamed"));
    EXPECT_TRUE(awaitError<ConfigError>(
        client->updateProfile(session.accessToken, {{"user_type", "admin"}})));
}
