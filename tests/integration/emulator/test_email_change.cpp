// Changing the email address, reauthentication and resending codes
// (issue 13): PUT /user, POST /verify type email_change, GET /reauthenticate,
// POST /resend, as supabase/auth with secure email change off.
#include "EmulatorFixture.h"

using namespace exegia::test;

namespace {

HttpResponse putUser(Emu &e, const QString &token, const QJsonObject &body)
{
    Headers h = e.userHeaders(token);
    h.append(header("Content-Type", "application/json"));
    return e.send("PUT", QStringLiteral("/auth/v1/user"), h,
                  QJsonDocument(body).toJson(QJsonDocument::Compact));
}

HttpResponse verifyChange(Emu &e, const QString &email, const QString &code)
{
    return e.anonPost(QStringLiteral("/auth/v1/verify"),
                      {{"type", "email_change"}, {"email", email}, {"token", code}});
}

Session signIn(Emu &e, const QString &email)
{
    QString why;
    Session s = e.emailSignIn(email, &why);
    EXPECT_TRUE(s.ok()) << qPrintable(why);
    return s;
}

class EmailChange : public EmulatorSuite
{
protected:
    static void SetUpTestSuite() { startSuite(); }
};

TEST_F(EmailChange, ACodeToTheNewAddressChangesIt)
{
    const QString before = uniqueEmail(QStringLiteral("old"));
    const QString after = uniqueEmail(QStringLiteral("new"));
    const Session s = signIn(emu(), before);
    const int oldMails = emu().messages(before).size();

    const HttpResponse put = putUser(emu(), s.accessToken, {{"email", after.toUpper()}});
    ASSERT_EQ(put.status, 200) << qPrintable(dump(put));
    EXPECT_EQ(put.json().value(u"email").toString(), before);
    EXPECT_EQ(put.json().value(u"new_email").toString(), after);
    EXPECT_FALSE(put.json().value(u"email_change_sent_at").toString().isEmpty());
    // Secure email change is off: nothing goes to the old address.
    EXPECT_EQ(emu().messages(before).size(), oldMails);
    const QString code = emu().latestCode(after);
    ASSERT_EQ(code.size(), 6);

    const HttpResponse wrong = verifyChange(
        emu(), after, code == u"000000" ? QStringLiteral("111111") : QStringLiteral("000000"));
    EXPECT_EQ(wrong.status, 403) << qPrintable(dump(wrong));
    EXPECT_EQ(errorCode(wrong), QStringLiteral("otp_expired"));

    const Session changed = toSession(verifyChange(emu(), after, code));
    ASSERT_TRUE(changed.ok()) << qPrintable(changed.describe());
    EXPECT_EQ(changed.userId, s.userId);
    const QJsonObject user = emu().getUser(changed.accessToken).json();
    EXPECT_EQ(user.value(u"email").toString(), after);
    const QJsonObject identity = user.value(u"identities").toArray()[0].toObject();
    EXPECT_EQ(identity.value(u"identity_data").toObject().value(u"email").toString(), after);
    EXPECT_EQ(jwtPart(changed.accessToken, 1).value(u"email").toString(), after);
    // The code works once.
    EXPECT_EQ(verifyChange(emu(), after, code).status, 403);
    // The old address is free again: a sign-in with it is a new account.
    QString why;
    const Session fresh = emu().idTokenSignIn(QStringLiteral("google"), before, &why);
    ASSERT_TRUE(fresh.ok()) << qPrintable(why);
    EXPECT_NE(fresh.userId, s.userId);
}

TEST_F(EmailChange, ErrorsAsGoTrue)
{
    const QString taken = uniqueEmail(QStringLiteral("taken"));
    signIn(emu(), taken);
    const QString mine = uniqueEmail(QStringLiteral("mine"));
    const Session s = signIn(emu(), mine);

    const HttpResponse exists = putUser(emu(), s.accessToken, {{"email", taken}});
    EXPECT_EQ(exists.status, 422) << qPrintable(dump(exists));
    EXPECT_EQ(errorCode(exists), QStringLiteral("email_exists"));
    const HttpResponse invalid = putUser(emu(), s.accessToken, {{"email", "not-an-address"}});
    EXPECT_EQ(invalid.status, 400) << qPrintable(dump(invalid));
    EXPECT_EQ(errorCode(invalid), QStringLiteral("validation_failed"));
    // The same address is no change at all (GoTrue has no error for it).
    const int mails = emu().messages(mine).size();
    const HttpResponse same = putUser(emu(), s.accessToken, {{"email", mine}});
    EXPECT_EQ(same.status, 200) << qPrintable(dump(same));
    EXPECT_FALSE(same.json().contains(u"new_email"));
    EXPECT_EQ(emu().messages(mine).size(), mails);

    const QString next = uniqueEmail(QStringLiteral("next"));
    ASSERT_EQ(putUser(emu(), s.accessToken, {{"email", next}}).status, 200);
    const HttpResponse soon = putUser(emu(), s.accessToken, {{"email", next}});
    EXPECT_EQ(soon.status, 429) << qPrintable(dump(soon));
    EXPECT_EQ(errorCode(soon), QStringLiteral("over_email_send_rate_limit"));
    const HttpResponse resend = emu().anonPost(QStringLiteral("/auth/v1/resend"),
                                               {{"type", "email_change"}, {"email", mine}});
    EXPECT_EQ(resend.status, 429) << qPrintable(dump(resend));
    const HttpResponse admin =
        putUser(emu(), s.accessToken, {{"app_metadata", QJsonObject{{"role", "x"}}}});
    EXPECT_EQ(admin.status, 403) << qPrintable(dump(admin));
    EXPECT_EQ(errorCode(admin), QStringLiteral("not_admin"));
}

TEST_F(EmailChange, UserMetadataMerges)
{
    const Session s = signIn(emu(), uniqueEmail(QStringLiteral("meta")));
    ASSERT_EQ(putUser(emu(), s.accessToken, {{"data", QJsonObject{{"a", 1}, {"b", 2}}}}).status,
              200);
    const HttpResponse r =
        putUser(emu(), s.accessToken, {{"data", QJsonObject{{"a", QJsonValue::Null}, {"c", 3}}}});
    ASSERT_EQ(r.status, 200) << qPrintable(dump(r));
    EXPECT_EQ(r.json().value(u"user_metadata").toObject(), QJsonObject({{"b", 2}, {"c", 3}}));
}

TEST_F(EmailChange, AGuestGainsAnEmailIdentity)
{
    const Session guest = emu().anonSignUp();
    const QString email = uniqueEmail(QStringLiteral("guest"));
    ASSERT_EQ(putUser(emu(), guest.accessToken, {{"email", email}}).status, 200);
    const Session s = toSession(verifyChange(emu(), email, emu().latestCode(email)));
    ASSERT_TRUE(s.ok()) << qPrintable(s.describe());
    const QJsonObject user = s.json.value(u"user").toObject();
    EXPECT_EQ(user.value(u"is_anonymous"), QJsonValue(false));
    EXPECT_EQ(user.value(u"email").toString(), email);
    ASSERT_EQ(user.value(u"identities").toArray().size(), 1);
    EXPECT_EQ(user.value(u"identities").toArray()[0].toObject().value(u"provider").toString(),
              QStringLiteral("email"));
}

TEST_F(EmailChange, ReauthenticationCodeIsANonceForOneUse)
{
    const QString email = uniqueEmail(QStringLiteral("reauth"));
    const Session s = signIn(emu(), email);
    const QString signInCode = emu().latestCode(email);
    const HttpResponse r =
        emu().get(QStringLiteral("/auth/v1/reauthenticate"), emu().userHeaders(s.accessToken));
    ASSERT_EQ(r.status, 200) << qPrintable(dump(r));
    const QString nonce = emu().latestCode(email);
    ASSERT_EQ(nonce.size(), 6);
    const HttpResponse wrong =
        putUser(emu(), s.accessToken,
                {{"nonce", nonce == signInCode ? QStringLiteral("000000") : signInCode}});
    EXPECT_EQ(wrong.status, 422) << qPrintable(dump(wrong));
    EXPECT_EQ(errorCode(wrong), QStringLiteral("reauthentication_not_valid"));
    EXPECT_EQ(putUser(emu(), s.accessToken, {{"nonce", nonce}}).status, 200);
    EXPECT_EQ(errorCode(putUser(emu(), s.accessToken, {{"nonce", nonce}})),
              QStringLiteral("reauthentication_not_valid"));
    const HttpResponse soon =
        emu().get(QStringLiteral("/auth/v1/reauthenticate"), emu().userHeaders(s.accessToken));
    EXPECT_EQ(soon.status, 429) << qPrintable(dump(soon));
    EXPECT_EQ(errorCode(soon), QStringLiteral("over_email_send_rate_limit"));

    const Session guest = emu().anonSignUp();
    const HttpResponse noEmail =
        emu().get(QStringLiteral("/auth/v1/reauthenticate"), emu().userHeaders(guest.accessToken));
    EXPECT_EQ(noEmail.status, 400) << qPrintable(dump(noEmail));
    EXPECT_EQ(errorCode(noEmail), QStringLiteral("validation_failed"));
}

TEST_F(EmailChange, ResendChecksItsInput)
{
    const HttpResponse badType = emu().anonPost(QStringLiteral("/auth/v1/resend"),
                                                {{"type", "magiclink"}, {"email", "a@b.cd"}});
    EXPECT_EQ(badType.status, 400) << qPrintable(dump(badType));
    EXPECT_EQ(errorCode(badType), QStringLiteral("validation_failed"));
    const HttpResponse unknown =
        emu().anonPost(QStringLiteral("/auth/v1/resend"),
                       {{"type", "signup"}, {"email", uniqueEmail(QStringLiteral("nobody"))}});
    EXPECT_EQ(unknown.status, 200) << qPrintable(dump(unknown));

    // An unconfirmed sign-up: the code was just sent, so the cooldown answers.
    const QString pending = uniqueEmail(QStringLiteral("pending"));
    ASSERT_EQ(emu().requestOtp(pending).status, 200);
    const HttpResponse soon =
        emu().anonPost(QStringLiteral("/auth/v1/resend"), {{"type", "signup"}, {"email", pending}});
    EXPECT_EQ(soon.status, 429) << qPrintable(dump(soon));
    EXPECT_EQ(errorCode(soon), QStringLiteral("over_email_send_rate_limit"));
}

TEST(EmailChangeOptions, ResendSendsAFreshCodeAfterTheCooldown)
{
    EXEGIA_START_EMU(e, QStringLiteral("--email-cooldown"), QStringLiteral("1"));
    const QString before = uniqueEmail(QStringLiteral("rs-old"));
    const QString after = uniqueEmail(QStringLiteral("rs-new"));
    const Session s = signIn(e, before);
    ASSERT_EQ(putUser(e, s.accessToken, {{"email", after}}).status, 200);
    const QString first = e.latestCode(after);
    e.advanceClock(2);
    const HttpResponse r = e.anonPost(QStringLiteral("/auth/v1/resend"),
                                      {{"type", "email_change"}, {"email", before}});
    ASSERT_EQ(r.status, 200) << qPrintable(dump(r));
    EXPECT_EQ(e.messages(after).size(), 2);
    const QString second = e.latestCode(after);
    if (first != second) {
        EXPECT_EQ(verifyChange(e, after, first).status, 403) << "the first code is replaced";
    }
    EXPECT_TRUE(toSession(verifyChange(e, after, second)).ok());

    // Signup resend for an unconfirmed address, once its cooldown is over.
    const QString pending = uniqueEmail(QStringLiteral("rs-signup"));
    ASSERT_EQ(e.requestOtp(pending).status, 200);
    e.advanceClock(2);
    EXPECT_EQ(
        e.anonPost(QStringLiteral("/auth/v1/resend"), {{"type", "signup"}, {"email", pending}})
            .status,
        200);
    EXPECT_EQ(e.messages(pending).size(), 2);
}

} // namespace
