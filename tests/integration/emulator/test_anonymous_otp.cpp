// Anonymous sign-up (docs/wire.md operation 4), e-mail codes (operations 2 and 3)
// and the local mailbox.
#include "EmulatorFixture.h"

#include <QRegularExpression>

using namespace exegia::test;

namespace {

class Anonymous : public EmulatorSuite
{
protected:
    static void SetUpTestSuite() { startSuite(); }
};

TEST_F(Anonymous, SignUpGivesAnAnonymousSession)
{
    const Session s = emu().anonSignUp();
    ASSERT_TRUE(s.ok()) << qPrintable(s.describe());
    const QJsonObject user = s.json.value(u"user").toObject();
    EXPECT_TRUE(isUuid(user.value(u"id").toString()));
    EXPECT_EQ(user.value(u"is_anonymous"), QJsonValue(true));
    EXPECT_EQ(user.value(u"email"), QJsonValue(QString()));
    EXPECT_EQ(user.value(u"phone"), QJsonValue(QString()));
    EXPECT_EQ(user.value(u"app_metadata").toObject(), QJsonObject()) << qPrintable(s.describe());
    ASSERT_TRUE(user.value(u"identities").isArray()) << qPrintable(s.describe());
    EXPECT_TRUE(user.value(u"identities").toArray().isEmpty());
    EXPECT_EQ(user.value(u"role").toString(), QStringLiteral("authenticated"));
    EXPECT_EQ(user.value(u"aud").toString(), QStringLiteral("authenticated"));

    const QJsonObject claims = jwtPart(s.accessToken, 1);
    EXPECT_EQ(claims.value(u"is_anonymous"), QJsonValue(true));
    EXPECT_EQ(claims.value(u"role").toString(), QStringLiteral("authenticated"));
    const QJsonArray amr = claims.value(u"amr").toArray();
    ASSERT_EQ(amr.size(), 1) << qPrintable(s.describe());
    EXPECT_EQ(amr[0].toObject().value(u"method").toString(), QStringLiteral("anonymous"));
}

TEST_F(Anonymous, SignUpKeepsTheMetadata)
{
    const Session s = emu().anonSignUp(QJsonObject{{"name", "Guest Person"}, {"level", 3}});
    ASSERT_TRUE(s.ok()) << qPrintable(s.describe());
    const QJsonObject meta = s.json.value(u"user").toObject().value(u"user_metadata").toObject();
    EXPECT_EQ(meta.value(u"name").toString(), QStringLiteral("Guest Person"));
    EXPECT_EQ(meta.value(u"level").toInt(), 3);
    EXPECT_EQ(jwtPart(s.accessToken, 1).value(u"user_metadata").toObject().value(u"name"),
              QJsonValue(QStringLiteral("Guest Person")));
}

TEST_F(Anonymous, EverySignUpIsANewUser)
{
    const Session a = emu().anonSignUp();
    const Session b = emu().anonSignUp();
    ASSERT_TRUE(a.ok() && b.ok());
    EXPECT_NE(a.userId, b.userId);
    EXPECT_NE(a.refreshToken, b.refreshToken);
}

TEST_F(Anonymous, SignUpWithAnEmailAndNoPasswordIsRefused)
{
    const HttpResponse r =
        emu().anonPost(QStringLiteral("/auth/v1/signup"),
                       QJsonObject{{"email", uniqueEmail(QStringLiteral("su"))}});
    EXPECT_EQ(r.status, 422) << qPrintable(dump(r));
    EXPECT_FALSE(errorCode(r).isEmpty()) << qPrintable(dump(r));
}

TEST(AnonymousOptions, DisabledAnonymousIs422)
{
    EXEGIA_START_EMU(e, QStringLiteral("--disable-anonymous"));
    const HttpResponse r = e.anonPost(QStringLiteral("/auth/v1/signup"), {});
    EXPECT_EQ(r.status, 422) << qPrintable(dump(r));
    EXPECT_EQ(errorCode(r), QStringLiteral("anonymous_provider_disabled")) << qPrintable(dump(r));
    EXPECT_EQ(r.json().value(u"code").toString(), QStringLiteral("anonymous_provider_disabled"));
    // Other sign-ins still work.
    QString why;
    EXPECT_TRUE(e.emailSignIn(uniqueEmail(QStringLiteral("noanon")), &why).ok()) << qPrintable(why);
}

class Otp : public EmulatorSuite
{
protected:
    static void SetUpTestSuite() { startSuite(); }
};

TEST_F(Otp, RequestAnswersAnEmptyObjectAndMailsASixDigitCode)
{
    const QString email = uniqueEmail(QStringLiteral("otp"));
    const HttpResponse r = emu().requestOtp(email);
    ASSERT_EQ(r.status, 200) << qPrintable(dump(r));
    EXPECT_EQ(r.json(), QJsonObject()) << qPrintable(dump(r));
    const QJsonArray list = emu().messages(email);
    ASSERT_EQ(list.size(), 1);
    const QJsonObject m = list[0].toObject();
    EXPECT_EQ(m.value(u"to").toString(), email);
    EXPECT_FALSE(m.value(u"subject").toString().isEmpty());
    EXPECT_FALSE(m.value(u"id").toVariant().toString().isEmpty());
    EXPECT_FALSE(m.value(u"sent_at").toVariant().toString().isEmpty());
    const QString code = m.value(u"code").toString();
    EXPECT_TRUE(QRegularExpression(QStringLiteral("^[0-9]{6}$")).match(code).hasMatch())
        << qPrintable(code);
    EXPECT_TRUE(m.value(u"text").toString().contains(code))
        << qPrintable(m.value(u"text").toString());
}

TEST_F(Otp, VerifyGivesAnOtpSessionAndConfirmsTheUser)
{
    const QString email = uniqueEmail(QStringLiteral("verify"));
    ASSERT_EQ(emu().requestOtp(email).status, 200);
    const Session s = toSession(emu().verify(email, emu().latestCode(email)));
    ASSERT_TRUE(s.ok()) << qPrintable(s.describe());
    const QJsonObject user = s.json.value(u"user").toObject();
    EXPECT_EQ(user.value(u"email").toString(), email);
    EXPECT_EQ(user.value(u"is_anonymous"), QJsonValue(false));
    EXPECT_FALSE(user.value(u"email_confirmed_at").toString().isEmpty())
        << qPrintable(s.describe());
    const QJsonObject app = user.value(u"app_metadata").toObject();
    EXPECT_EQ(app.value(u"provider").toString(), QStringLiteral("email"));
    EXPECT_EQ(app.value(u"providers").toArray(), QJsonArray{QStringLiteral("email")});
    const QJsonArray ids = user.value(u"identities").toArray();
    ASSERT_EQ(ids.size(), 1) << qPrintable(s.describe());
    EXPECT_EQ(ids[0].toObject().value(u"provider").toString(), QStringLiteral("email"));
    const QJsonArray amr = jwtPart(s.accessToken, 1).value(u"amr").toArray();
    ASSERT_FALSE(amr.isEmpty());
    EXPECT_EQ(amr[0].toObject().value(u"method").toString(), QStringLiteral("otp"));

    const HttpResponse me = emu().getUser(s.accessToken);
    ASSERT_EQ(me.status, 200) << qPrintable(dump(me));
    EXPECT_FALSE(me.json().value(u"email_confirmed_at").toString().isEmpty())
        << qPrintable(dump(me));
    EXPECT_FALSE(me.json().value(u"confirmed_at").toString().isEmpty()) << qPrintable(dump(me));
}

TEST_F(Otp, CodeWorksOnlyOnce)
{
    const QString email = uniqueEmail(QStringLiteral("once"));
    ASSERT_EQ(emu().requestOtp(email).status, 200);
    const QString code = emu().latestCode(email);
    ASSERT_TRUE(toSession(emu().verify(email, code)).ok());
    const HttpResponse again = emu().verify(email, code);
    EXPECT_EQ(again.status, 403) << qPrintable(dump(again));
    EXPECT_EQ(errorCode(again), QStringLiteral("otp_expired"));
}

TEST_F(Otp, WrongCodeIs403AndTheRightOneStillWorks)
{
    const QString email = uniqueEmail(QStringLiteral("wrong"));
    ASSERT_EQ(emu().requestOtp(email).status, 200);
    const QString code = emu().latestCode(email);
    const QString wrong =
        code == QStringLiteral("123456") ? QStringLiteral("654321") : QStringLiteral("123456");
    const HttpResponse r = emu().verify(email, wrong);
    EXPECT_EQ(r.status, 403) << qPrintable(dump(r));
    EXPECT_EQ(errorCode(r), QStringLiteral("otp_expired"));
    EXPECT_EQ(errorMessage(r), QStringLiteral("Token has expired or is invalid"));
    // A code for another address does not work either.
    const HttpResponse other = emu().verify(uniqueEmail(QStringLiteral("other")), code);
    EXPECT_EQ(other.status, 403) << qPrintable(dump(other));
    EXPECT_TRUE(toSession(emu().verify(email, code)).ok());
}

TEST_F(Otp, SecondRequestWithinTheCooldownIs429WithTheSecondsLeft)
{
    const QString email = uniqueEmail(QStringLiteral("cool"));
    ASSERT_EQ(emu().requestOtp(email).status, 200);
    const HttpResponse r = emu().requestOtp(email);
    EXPECT_EQ(r.status, 429) << qPrintable(dump(r));
    EXPECT_EQ(errorCode(r), QStringLiteral("over_email_send_rate_limit"));
    const QRegularExpressionMatch m =
        QRegularExpression(QStringLiteral("^For security purposes, you can only request this "
                                          "after (\\d+) seconds?\\.$"))
            .match(errorMessage(r));
    ASSERT_TRUE(m.hasMatch()) << qPrintable(errorMessage(r));
    const int seconds = m.captured(1).toInt();
    EXPECT_GE(seconds, 55);
    EXPECT_LE(seconds, 60);
    EXPECT_EQ(emu().messages(email).size(), 1) << "no second mail within the cooldown";
    // The cooldown is per address.
    EXPECT_EQ(emu().requestOtp(uniqueEmail(QStringLiteral("cool2"))).status, 200);
}

TEST_F(Otp, CreateUserFalseForAnUnknownAddressIs422OtpDisabled)
{
    const QString email = uniqueEmail(QStringLiteral("nocreate"));
    const HttpResponse r = emu().requestOtp(email, QJsonObject{{"create_user", false}});
    EXPECT_EQ(r.status, 422) << qPrintable(dump(r));
    EXPECT_EQ(errorCode(r), QStringLiteral("otp_disabled"));
    EXPECT_TRUE(emu().messages(email).isEmpty());
}

TEST_F(Otp, ExistingConfirmedUserGetsAMagicLinkMailEvenWithCreateUserFalse)
{
    // A user made by Google sign-in is confirmed and was never mailed.
    const QString email = uniqueEmail(QStringLiteral("known"));
    QString why;
    const Session g = emu().idTokenSignIn(QStringLiteral("google"), email, &why);
    ASSERT_TRUE(g.ok()) << qPrintable(why);
    const HttpResponse r = emu().requestOtp(email, QJsonObject{{"create_user", false}});
    ASSERT_EQ(r.status, 200) << qPrintable(dump(r));
    const QString magic = emu().messages(email)[0].toObject().value(u"subject").toString();

    const QString fresh = uniqueEmail(QStringLiteral("fresh"));
    ASSERT_EQ(emu().requestOtp(fresh).status, 200);
    const QString confirm = emu().messages(fresh)[0].toObject().value(u"subject").toString();
    EXPECT_TRUE(confirm.contains(QStringLiteral("confirm"), Qt::CaseInsensitive))
        << qPrintable(confirm);
    EXPECT_NE(magic, confirm);

    const Session s = toSession(emu().verify(email, emu().latestCode(email)));
    ASSERT_TRUE(s.ok()) << qPrintable(s.describe());
    EXPECT_EQ(s.userId, g.userId) << "same address, same user";
}

TEST_F(Otp, SignUpDataLandsInUserMetadata)
{
    const QString email = uniqueEmail(QStringLiteral("data"));
    ASSERT_EQ(emu().requestOtp(email, QJsonObject{{"data", QJsonObject{{"name", "Ada"}}}}).status,
              200);
    const Session s = toSession(emu().verify(email, emu().latestCode(email)));
    ASSERT_TRUE(s.ok()) << qPrintable(s.describe());
    EXPECT_EQ(s.json.value(u"user").toObject().value(u"user_metadata").toObject().value(u"name"),
              QJsonValue(QStringLiteral("Ada")));
}

TEST_F(Otp, InvalidRedirectToIsIgnored)
{
    const QString email = uniqueEmail(QStringLiteral("redir"));
    const HttpResponse r = emu().anonPost(QStringLiteral("/auth/v1/otp?redirect_to=") +
                                              enc(QStringLiteral("javascript:alert(1)")),
                                          QJsonObject{{"email", email}});
    EXPECT_EQ(r.status, 200) << qPrintable(dump(r));
    EXPECT_EQ(emu().messages(email).size(), 1);
}

TEST_F(Otp, BadOrMissingEmailIsValidationFailed)
{
    const HttpResponse bad = emu().requestOtp(QStringLiteral("not-an-email"));
    EXPECT_EQ(bad.status, 400) << qPrintable(dump(bad));
    EXPECT_EQ(errorCode(bad), QStringLiteral("validation_failed"));
    const HttpResponse missing = emu().anonPost(QStringLiteral("/auth/v1/otp"), QJsonObject{});
    EXPECT_TRUE(missing.status == 400 || missing.status == 422) << qPrintable(dump(missing));
    EXPECT_EQ(errorCode(missing), QStringLiteral("validation_failed"));
    const HttpResponse verify =
        emu().verify(QStringLiteral("not-an-email"), QStringLiteral("123456"));
    EXPECT_EQ(verify.status, 422) << qPrintable(dump(verify));
    EXPECT_EQ(errorCode(verify), QStringLiteral("validation_failed"));
}

TEST_F(Otp, VerifyWithoutTypeOrTokenIsRefused)
{
    const QString email = uniqueEmail(QStringLiteral("notype"));
    ASSERT_EQ(emu().requestOtp(email).status, 200);
    const QString code = emu().latestCode(email);
    const HttpResponse noType = emu().anonPost(QStringLiteral("/auth/v1/verify"),
                                               QJsonObject{{"email", email}, {"token", code}});
    EXPECT_GE(noType.status, 400) << qPrintable(dump(noType));
    EXPECT_LT(noType.status, 500) << qPrintable(dump(noType));
    const HttpResponse noToken = emu().anonPost(QStringLiteral("/auth/v1/verify"),
                                                QJsonObject{{"type", "email"}, {"email", email}});
    EXPECT_GE(noToken.status, 400) << qPrintable(dump(noToken));
    EXPECT_LT(noToken.status, 500) << qPrintable(dump(noToken));
    EXPECT_TRUE(toSession(emu().verify(email, code)).ok())
        << "failed attempts do not spend the code";
}

TEST_F(Otp, MailboxListsNewestFirstAndDeletes)
{
    const QString a = uniqueEmail(QStringLiteral("boxa"));
    const QString b = uniqueEmail(QStringLiteral("boxb"));
    ASSERT_EQ(emu().requestOtp(a).status, 200);
    ASSERT_EQ(emu().requestOtp(b).status, 200);
    const HttpResponse all = emu().http.get(
        QUrl(emu().proc.mailbox() + QStringLiteral("/messages")), emu().serviceHeaders());
    ASSERT_EQ(all.status, 200) << qPrintable(dump(all));
    int posA = -1, posB = -1;
    const QJsonArray list = all.jsonArray();
    for (int i = 0; i < list.size(); ++i) {
        const QString to = list[i].toObject().value(u"to").toString();
        if (to == a)
            posA = i;
        if (to == b)
            posB = i;
    }
    ASSERT_GE(posA, 0);
    ASSERT_GE(posB, 0);
    EXPECT_LT(posB, posA) << "newest first";

    const HttpResponse del = emu().http.send(
        "DELETE", QUrl(emu().proc.mailbox() + QStringLiteral("/messages?to=") + enc(a)),
        emu().serviceHeaders());
    EXPECT_EQ(del.status, 204) << qPrintable(dump(del));
    EXPECT_TRUE(emu().messages(a).isEmpty());
    EXPECT_EQ(emu().messages(b).size(), 1) << "other addresses keep their mail";
}

TEST_F(Otp, PlusAddressesAreMailedAndVerified)
{
    const QString email = QStringLiteral("plus+tag%1@example.com").arg(nowSecs());
    ASSERT_EQ(emu().requestOtp(email).status, 200);
    const QString code = emu().latestCode(email);
    ASSERT_FALSE(code.isEmpty()) << "mailbox ?to= must decode %2B as '+'";
    const Session s = toSession(emu().verify(email, code));
    ASSERT_TRUE(s.ok()) << qPrintable(s.describe());
    EXPECT_EQ(s.json.value(u"user").toObject().value(u"email").toString(), email);
}

TEST(OtpOptions, CodeExpiresAfterOtpExp)
{
    EXEGIA_START_EMU(e, QStringLiteral("--otp-exp"), QStringLiteral("1"));
    const QString email = uniqueEmail(QStringLiteral("exp"));
    ASSERT_EQ(e.requestOtp(email).status, 200);
    const QString code = e.latestCode(email);
    e.advanceClock(2);
    const HttpResponse r = e.verify(email, code);
    EXPECT_EQ(r.status, 403) << qPrintable(dump(r));
    EXPECT_EQ(errorCode(r), QStringLiteral("otp_expired"));
}

TEST(OtpOptions, NewCodeAfterTheCooldownReplacesTheOldOne)
{
    // The emulator counts the cooldown in whole seconds: with 1 s, a second
    // request that crosses a second boundary (even 10 ms later) is already
    // allowed. 2 s keeps the early one inside; moving the clock 2 s ends it.
    EXEGIA_START_EMU(e, QStringLiteral("--email-cooldown"), QStringLiteral("2"));
    const QString email = uniqueEmail(QStringLiteral("again"));
    ASSERT_EQ(e.requestOtp(email).status, 200);
    const QString first = e.latestCode(email);
    const HttpResponse early = e.requestOtp(email);
    EXPECT_EQ(early.status, 429) << qPrintable(dump(early));
    e.advanceClock(2);
    const HttpResponse later = e.requestOtp(email);
    ASSERT_EQ(later.status, 200) << qPrintable(dump(later));
    const QJsonArray list = e.messages(email);
    ASSERT_EQ(list.size(), 2);
    const QString second = list[0].toObject().value(u"code").toString();
    EXPECT_EQ(list[1].toObject().value(u"code").toString(), first) << "newest first";
    if (second != first) {
        EXPECT_EQ(e.verify(email, first).status, 403) << "a new code replaces the old one";
    }
    EXPECT_TRUE(toSession(e.verify(email, second)).ok());
}

} // namespace
