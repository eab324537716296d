// Account changes through the library (issue 13): linked identities, the
// email change by a code to the new address, reauthentication and resending
// codes, against the emulator over real HTTP.
#include "AuthFixture.h"
#include "Await.h"

#include <exegia/auth/Errors.h>

#include <QJsonArray>
#include <QUrlQuery>

using namespace exegia::auth;
using exegia::test::await;
using exegia::test::awaitError;

namespace {

class Account : public exegia::test::AuthFixture
{
protected:
    Session emailSession(const QString &email)
    {
        await(client->requestEmailOtp(email));
        const SignInResult r = await(client->verifyEmailOtp(email, mailedCode(email)));
        EXPECT_TRUE(r.session);
        return r.session.value_or(Session{});
    }
    // An email account with Google linked automatically (same verified address).
    Session emailAndGoogle(const QString &email)
    {
        const Session first = emailSession(email);
        const SignInResult google =
            await(client->signInWithIdToken(u"google"_qs, idToken(u"google"_qs, email)));
        EXPECT_TRUE(google.session);
        EXPECT_EQ(google.session->user.id, first.user.id);
        return *google.session;
    }
    // How many messages the mailbox holds for `email`.
    int mailCount(const QString &email)
    {
        QUrl url(emulator.mailbox() + u"/messages"_qs);
        url.setQuery({{u"to"_qs, QString::fromLatin1(QUrl::toPercentEncoding(email))}});
        return int(http.get(url, serviceHeaders()).jsonArray().size());
    }
    template <typename T> std::optional<AuthApiError> errorOf(QFuture<T> future)
    {
        std::string other;
        auto e = awaitError<AuthApiError>(future, &other);
        EXPECT_TRUE(e) << other;
        return e;
    }
};

QString identityOf(const QList<Identity> &list, const QString &provider)
{
    for (const Identity &identity : list) {
        if (identity.provider == provider)
            return identity.identityId;
    }
    return {};
}

class AccountNoLinking : public exegia::test::AuthFixture
{
protected:
    void SetUp() override { start({u"--disable-linking"_qs}); }
};

} // namespace

TEST_F(Account, ListsAndUnlinksIdentitiesButNeverTheLast)
{
    const QString email = uniqueEmail(u"unlink"_qs);
    const Session s = emailAndGoogle(email);
    const QList<Identity> both = await(client->listIdentities(s.accessToken));
    ASSERT_EQ(both.size(), 2);
    EXPECT_FALSE(identityOf(both, u"email"_qs).isEmpty());
    EXPECT_FALSE(identityOf(both, u"google"_qs).isEmpty());

    await(client->unlinkIdentity(s.accessToken, identityOf(both, u"google"_qs)));
    const QList<Identity> one = await(client->listIdentities(s.accessToken));
    ASSERT_EQ(one.size(), 1);
    EXPECT_EQ(one[0].provider, u"email"_qs);
    EXPECT_EQ(one[0].email, email);

    const auto last = errorOf(client->unlinkIdentity(s.accessToken, one[0].identityId));
    ASSERT_TRUE(last);
    EXPECT_EQ(last->kind(), AuthApiError::Kind::SingleIdentityNotDeletable);
    EXPECT_EQ(await(client->listIdentities(s.accessToken)).size(), 1);
}

TEST_F(AccountNoLinking, UnlinkingIsRefusedWhenLinkingIsOff)
{
    const SignInResult r = await(
        client->signInWithIdToken(u"google"_qs, idToken(u"google"_qs, uniqueEmail(u"nolink"_qs))));
    ASSERT_TRUE(r.session);
    const QString id = r.session->user.identities.value(0).identityId;
    const auto e = awaitError<AuthApiError>(client->unlinkIdentity(r.session->accessToken, id));
    ASSERT_TRUE(e);
    EXPECT_EQ(e->kind(), AuthApiError::Kind::ManualLinkingDisabled);
}

TEST_F(Account, EmailChangeByACodeToTheNewAddress)
{
    const QString before = uniqueEmail(u"old"_qs);
    const QString after = uniqueEmail(u"new"_qs);
    const Session s = emailSession(before);
    const int oldMails = mailCount(before);

    const User pending = await(client->requestEmailChange(s.accessToken, after));
    EXPECT_EQ(pending.email, before);
    EXPECT_EQ(pending.newEmail, after);
    EXPECT_TRUE(pending.emailChangeSentAt.isValid());
    EXPECT_EQ(mailCount(before), oldMails);
    const QString code = mailedCode(after);
    ASSERT_EQ(code.size(), 6);

    const QString wrong = code == u"000000"_qs ? u"111111"_qs : u"000000"_qs;
    const auto refused = errorOf(client->verifyEmailChange(after, wrong));
    ASSERT_TRUE(refused);
    EXPECT_EQ(refused->errorCode(), u"otp_expired"_qs);

    const Session changed = await(client->verifyEmailChange(after, code));
    EXPECT_EQ(changed.user.id, s.user.id);
    EXPECT_EQ(changed.user.email, after);
    EXPECT_TRUE(changed.user.newEmail.isEmpty());
    const auto user = await(client->getCurrentUserRecord(changed.accessToken));
    ASSERT_TRUE(user);
    EXPECT_EQ(user->authUser.email, after);
}

TEST_F(Account, EmailChangeErrorsHaveTheirKinds)
{
    const QString taken = uniqueEmail(u"taken"_qs);
    emailSession(taken);
    const QString mine = uniqueEmail(u"mine"_qs);
    const Session s = emailSession(mine);

    const auto exists = errorOf(client->requestEmailChange(s.accessToken, taken));
    ASSERT_TRUE(exists);
    EXPECT_EQ(exists->kind(), AuthApiError::Kind::EmailExists);

    // The same address: no change, no code, and no error from the server.
    const int mails = mailCount(mine);
    const User same = await(client->requestEmailChange(s.accessToken, mine));
    EXPECT_TRUE(same.newEmail.isEmpty());
    EXPECT_EQ(same.email, mine);
    EXPECT_EQ(mailCount(mine), mails);

    const QString next = uniqueEmail(u"next"_qs);
    await(client->requestEmailChange(s.accessToken, next));
    const auto soon = errorOf(client->requestEmailChange(s.accessToken, next));
    ASSERT_TRUE(soon);
    EXPECT_EQ(soon->kind(), AuthApiError::Kind::EmailRateLimited);
    ASSERT_TRUE(soon->retryAfterSeconds());
    EXPECT_GT(*soon->retryAfterSeconds(), 0);
    EXPECT_LE(*soon->retryAfterSeconds(), 60);

    const auto resend = errorOf(client->resend(ResendType::EmailChange, mine));
    ASSERT_TRUE(resend);
    EXPECT_EQ(resend->kind(), AuthApiError::Kind::EmailRateLimited);
    EXPECT_EQ(mailCount(next), 1);
}

TEST_F(Account, ReauthenticateMailsACodeThatConfirmsAChange)
{
    const QString email = uniqueEmail(u"reauth"_qs);
    const Session s = emailSession(email);
    const QString signInCode = mailedCode(email);
    const int mails = mailCount(email);
    await(client->reauthenticate(s.accessToken));
    ASSERT_EQ(mailCount(email), mails + 1);
    const QString nonce = mailedCode(email);
    ASSERT_EQ(nonce.size(), 6);

    const QString wrong = nonce == signInCode ? u"000000"_qs : signInCode;
    const auto refused =
        errorOf(client->requestEmailChange(s.accessToken, uniqueEmail(u"to"_qs), wrong));
    ASSERT_TRUE(refused);
    EXPECT_EQ(refused->kind(), AuthApiError::Kind::ReauthenticationInvalid);

    const QString after = uniqueEmail(u"to"_qs);
    EXPECT_EQ(await(client->requestEmailChange(s.accessToken, after, nonce)).newEmail, after);

    const auto soon = errorOf(client->reauthenticate(s.accessToken));
    ASSERT_TRUE(soon);
    EXPECT_EQ(soon->kind(), AuthApiError::Kind::EmailRateLimited);
}

TEST_F(Account, ResendHonoursTheCooldownAndSaysNothingOfUnknownAddresses)
{
    const QString pending = uniqueEmail(u"pending"_qs);
    await(client->requestEmailOtp(pending));
    const auto soon = errorOf(client->resend(ResendType::Signup, pending));
    ASSERT_TRUE(soon);
    EXPECT_EQ(soon->kind(), AuthApiError::Kind::EmailRateLimited);
    EXPECT_TRUE(soon->retryAfterSeconds());
    EXPECT_EQ(mailCount(pending), 1);

    // Unknown address, no pending change: the same 200 as a sent code.
    const QString nobody = uniqueEmail(u"nobody"_qs);
    await(client->resend(ResendType::Signup, nobody));
    await(client->resend(ResendType::EmailChange, nobody));
    EXPECT_EQ(mailCount(nobody), 0);
}

namespace {

class AccountShortCooldown : public Account
{
protected:
    void SetUp() override { start({u"--email-cooldown"_qs, u"1"_qs}); }
};

} // namespace

TEST_F(AccountShortCooldown, ResendSendsANewEmailChangeCode)
{
    const QString before = uniqueEmail(u"rs-old"_qs);
    const QString after = uniqueEmail(u"rs-new"_qs);
    const Session s = emailSession(before);
    await(client->requestEmailChange(s.accessToken, after));
    const QString first = mailedCode(after);
    advanceServerClock(2); // past the 1 s cooldown
    await(client->resend(ResendType::EmailChange, before));
    ASSERT_EQ(mailCount(after), 2);
    const QString second = mailedCode(after);
    // The first code stopped working; the new one finishes the change.
    if (first != second) {
        EXPECT_TRUE(errorOf(client->verifyEmailChange(after, first)));
    }
    EXPECT_EQ(await(client->verifyEmailChange(after, second)).user.email, after);
}
