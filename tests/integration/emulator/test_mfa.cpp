// Multi-factor authentication (issue 13): GoTrue's /factors endpoints for
// TOTP, aal/amr in the tokens, and the admin API's factor routes. Codes are
// computed here with liboath, independently of the emulator's own TOTP.
#include "EmulatorFixture.h"

#include "TestTotp.h"

#include <QRegularExpression>

using namespace exegia::test;

namespace {

struct Factor
{
    HttpResponse raw;
    QString id;
    QString secret;
};

class Mfa : public EmulatorSuite
{
protected:
    static void SetUpTestSuite() { startSuite(); }

    // A Google sign-in: a second call for the same address is a new aal1
    // session of the same user, with no mail cooldown in the way.
    static Session signIn(const QString &email)
    {
        QString why;
        Session s = emu().idTokenSignIn(QStringLiteral("google"), email, &why);
        EXPECT_TRUE(s.ok()) << qPrintable(why);
        return s;
    }
    static HttpResponse call(const QByteArray &method, const QString &path, const QString &token,
                             const QJsonObject &body = {})
    {
        return emu().send(
            method, path, emu().userHeaders(token) << header("Content-Type", "application/json"),
            method == "DELETE" ? QByteArray() : QJsonDocument(body).toJson(QJsonDocument::Compact));
    }
    static Factor enroll(const QString &token, const QString &name)
    {
        Factor f;
        f.raw = call("POST", QStringLiteral("/auth/v1/factors"), token,
                     {{"factor_type", "totp"}, {"friendly_name", name}, {"issuer", "Exegia"}});
        f.id = f.raw.json().value(u"id").toString();
        f.secret = f.raw.json().value(u"totp").toObject().value(u"secret").toString();
        return f;
    }
    static HttpResponse challenge(const QString &token, const QString &factorId)
    {
        return call("POST", QStringLiteral("/auth/v1/factors/%1/challenge").arg(factorId), token);
    }
    static HttpResponse verify(const QString &token, const QString &factorId,
                               const QString &challengeId, const QString &code)
    {
        return call("POST", QStringLiteral("/auth/v1/factors/%1/verify").arg(factorId), token,
                    {{"challenge_id", challengeId}, {"code", code}});
    }
    // Enrols and verifies a factor: the aal2 session.
    static Session enrollVerified(const Session &s, Factor *factor)
    {
        *factor = enroll(s.accessToken, QStringLiteral("phone app"));
        const HttpResponse c = challenge(s.accessToken, factor->id);
        return toSession(verify(s.accessToken, factor->id, c.json().value(u"id").toString(),
                                totpCode(factor->secret)));
    }
    static QString aal(const Session &s)
    {
        return jwtPart(s.accessToken, 1).value(u"aal").toString();
    }
};

TEST_F(Mfa, EnrollAnswersSecretUriAndQrCode)
{
    const QString email = uniqueEmail(QStringLiteral("mfa-enroll"));
    const Session s = signIn(email);
    EXPECT_EQ(aal(s), QStringLiteral("aal1"));
    const Factor f = enroll(s.accessToken, QStringLiteral("phone app"));
    ASSERT_EQ(f.raw.status, 200) << qPrintable(dump(f.raw));
    const QJsonObject body = f.raw.json();
    EXPECT_TRUE(isUuid(f.id));
    EXPECT_EQ(body.value(u"type").toString(), QStringLiteral("totp"));
    EXPECT_EQ(body.value(u"friendly_name").toString(), QStringLiteral("phone app"));
    EXPECT_TRUE(QRegularExpression(QStringLiteral("^[A-Z2-7]{32}$")).match(f.secret).hasMatch())
        << qPrintable(f.secret);
    EXPECT_EQ(body.value(u"totp").toObject().value(u"uri").toString(),
              QStringLiteral("otpauth://totp/Exegia:%1?algorithm=SHA1&digits=6&issuer=Exegia&"
                             "period=30&secret=%2")
                  .arg(email, f.secret));
    const QString svg = body.value(u"totp").toObject().value(u"qr_code").toString();
    EXPECT_TRUE(svg.contains(QStringLiteral("<svg"))) << qPrintable(svg.left(200));
    EXPECT_TRUE(svg.contains(QStringLiteral("<path"))) << qPrintable(svg.left(200));

    // The user object lists the factor, unverified.
    const QJsonArray factors = emu().getUser(s.accessToken).json().value(u"factors").toArray();
    ASSERT_EQ(factors.size(), 1);
    EXPECT_EQ(factors[0].toObject().value(u"id").toString(), f.id);
    EXPECT_EQ(factors[0].toObject().value(u"status").toString(), QStringLiteral("unverified"));
    EXPECT_EQ(factors[0].toObject().value(u"factor_type").toString(), QStringLiteral("totp"));
    EXPECT_FALSE(factors[0].toObject().contains(u"secret"));
}

TEST_F(Mfa, VerifyRaisesTheSessionToAal2AndRefreshKeepsIt)
{
    const Session s = signIn(uniqueEmail(QStringLiteral("mfa-verify")));
    const Factor f = enroll(s.accessToken, QStringLiteral("app"));
    const HttpResponse c = challenge(s.accessToken, f.id);
    ASSERT_EQ(c.status, 200) << qPrintable(dump(c));
    EXPECT_TRUE(isUuid(c.json().value(u"id").toString()));
    EXPECT_EQ(c.json().value(u"type").toString(), QStringLiteral("totp"));
    EXPECT_NEAR(double(c.json().value(u"expires_at").toInteger()), double(nowSecs() + 300), 5.0);

    const Session up = toSession(
        verify(s.accessToken, f.id, c.json().value(u"id").toString(), totpCode(f.secret)));
    ASSERT_TRUE(up.ok()) << qPrintable(up.describe());
    EXPECT_EQ(aal(up), QStringLiteral("aal2"));
    const QJsonArray amr = jwtPart(up.accessToken, 1).value(u"amr").toArray();
    ASSERT_EQ(amr.size(), 2) << qPrintable(up.describe());
    EXPECT_EQ(amr[0].toObject().value(u"method").toString(), QStringLiteral("totp"));
    EXPECT_EQ(jwtPart(up.accessToken, 1).value(u"session_id"),
              jwtPart(s.accessToken, 1).value(u"session_id"));
    EXPECT_NE(up.refreshToken, s.refreshToken);
    EXPECT_EQ(up.json.value(u"user")
                  .toObject()
                  .value(u"factors")
                  .toArray()[0]
                  .toObject()
                  .value(u"status"),
              QJsonValue(QStringLiteral("verified")));

    const Session again = emu().refresh(up.refreshToken);
    ASSERT_TRUE(again.ok()) << qPrintable(again.describe());
    EXPECT_EQ(aal(again), QStringLiteral("aal2"));
}

TEST_F(Mfa, WrongCodeIsRefused)
{
    const Session s = signIn(uniqueEmail(QStringLiteral("mfa-wrong")));
    const Factor f = enroll(s.accessToken, QStringLiteral("app"));
    const QString challengeId = challenge(s.accessToken, f.id).json().value(u"id").toString();
    // Two steps away is outside the one-step window.
    const HttpResponse r = verify(s.accessToken, f.id, challengeId, totpCode(f.secret, 2));
    EXPECT_EQ(r.status, 422) << qPrintable(dump(r));
    EXPECT_EQ(errorCode(r), QStringLiteral("mfa_verification_failed"));
    const HttpResponse empty = verify(s.accessToken, f.id, challengeId, {});
    EXPECT_EQ(empty.status, 400) << qPrintable(dump(empty));
    EXPECT_EQ(errorCode(empty), QStringLiteral("validation_failed"));
    // The challenge survives a wrong code.
    const HttpResponse ok = verify(s.accessToken, f.id, challengeId, totpCode(f.secret));
    EXPECT_EQ(ok.status, 200) << qPrintable(dump(ok));
}

TEST_F(Mfa, ACodeOrChallengeIsUsedOnce)
{
    const Session s = signIn(uniqueEmail(QStringLiteral("mfa-replay")));
    const Factor f = enroll(s.accessToken, QStringLiteral("app"));
    const QString first = challenge(s.accessToken, f.id).json().value(u"id").toString();
    const QString code = totpCode(f.secret);
    const Session up = toSession(verify(s.accessToken, f.id, first, code));
    ASSERT_TRUE(up.ok()) << qPrintable(up.describe());

    const HttpResponse spent = verify(up.accessToken, f.id, first, totpCode(f.secret));
    EXPECT_EQ(spent.status, 422) << qPrintable(dump(spent));
    EXPECT_EQ(errorCode(spent), QStringLiteral("mfa_ip_address_mismatch"));

    const QString second = challenge(up.accessToken, f.id).json().value(u"id").toString();
    const HttpResponse replay = verify(up.accessToken, f.id, second, code);
    EXPECT_EQ(replay.status, 422) << qPrintable(dump(replay));
    EXPECT_EQ(errorCode(replay), QStringLiteral("mfa_verification_failed"));

    const HttpResponse unknown = verify(up.accessToken, f.id, f.id, code);
    EXPECT_EQ(unknown.status, 422) << qPrintable(dump(unknown));
    EXPECT_EQ(errorCode(unknown), QStringLiteral("mfa_factor_not_found"));
}

TEST(MfaOptions, ExpiredChallengeIsRefused)
{
    EXEGIA_START_EMU(e, QStringLiteral("--mfa-challenge-exp"), QStringLiteral("1"));
    QString why;
    const Session s =
        e.idTokenSignIn(QStringLiteral("google"), uniqueEmail(QStringLiteral("exp")), &why);
    ASSERT_TRUE(s.ok()) << qPrintable(why);
    Headers h = e.userHeaders(s.accessToken);
    h.append(header("Content-Type", "application/json"));
    const HttpResponse enrolled = e.postJson(QStringLiteral("/auth/v1/factors"),
                                             {{"factor_type", "totp"}, {"friendly_name", "x"}}, h);
    const QString id = enrolled.json().value(u"id").toString();
    const QString secret = enrolled.json().value(u"totp").toObject().value(u"secret").toString();
    const HttpResponse c =
        e.postJson(QStringLiteral("/auth/v1/factors/%1/challenge").arg(id), {}, h);
    ASSERT_EQ(c.status, 200) << qPrintable(dump(c));
    e.advanceClock(2);
    const QJsonObject body{{"challenge_id", c.json().value(u"id")}, {"code", totpCode(secret)}};
    const QString path = QStringLiteral("/auth/v1/factors/%1/verify").arg(id);
    const HttpResponse late = e.postJson(path, body, h);
    EXPECT_EQ(late.status, 422) << qPrintable(dump(late));
    EXPECT_EQ(errorCode(late), QStringLiteral("mfa_challenge_expired"));
    // GoTrue deletes the expired challenge.
    EXPECT_EQ(errorCode(e.postJson(path, body, h)), QStringLiteral("mfa_factor_not_found"));
}

TEST_F(Mfa, Aal1SessionsOfAnMfaUserAreLimited)
{
    const QString email = uniqueEmail(QStringLiteral("mfa-aal1"));
    const Session before = signIn(email);
    const Session s = signIn(email);
    Factor f;
    const Session up = enrollVerified(s, &f);
    ASSERT_TRUE(up.ok()) << qPrintable(up.describe());
    // Verifying ends the user's other aal1 sessions (InvalidateSessionsWithAALLessThan).
    EXPECT_FALSE(emu().refresh(before.refreshToken).ok());

    const Session later = signIn(email);
    EXPECT_EQ(aal(later), QStringLiteral("aal1"));
    const Factor second = enroll(later.accessToken, QStringLiteral("second"));
    EXPECT_EQ(second.raw.status, 403) << qPrintable(dump(second.raw));
    EXPECT_EQ(errorCode(second.raw), QStringLiteral("insufficient_aal"));
    const HttpResponse del =
        call("DELETE", QStringLiteral("/auth/v1/factors/%1").arg(f.id), later.accessToken);
    EXPECT_EQ(del.status, 422) << qPrintable(dump(del));
    EXPECT_EQ(errorCode(del), QStringLiteral("insufficient_aal"));

    // PUT /user: a new address needs aal2 once a factor is verified.
    const HttpResponse change = emu().send(
        "PUT", QStringLiteral("/auth/v1/user"),
        emu().userHeaders(later.accessToken) << header("Content-Type", "application/json"),
        QJsonDocument(QJsonObject{{"email", uniqueEmail(QStringLiteral("mfa-moved"))}})
            .toJson(QJsonDocument::Compact));
    EXPECT_EQ(change.status, 401) << qPrintable(dump(change));
    EXPECT_EQ(errorCode(change), QStringLiteral("insufficient_aal"));

    // At aal2 the factor goes, and the session falls back to aal1.
    const HttpResponse ok =
        call("DELETE", QStringLiteral("/auth/v1/factors/%1").arg(f.id), up.accessToken);
    ASSERT_EQ(ok.status, 200) << qPrintable(dump(ok));
    EXPECT_EQ(ok.json(), QJsonObject({{"id", f.id}}));
    EXPECT_EQ(aal(emu().refresh(up.refreshToken)), QStringLiteral("aal1"));
}

TEST_F(Mfa, EnrollRulesAsGoTrue)
{
    const Session s = signIn(uniqueEmail(QStringLiteral("mfa-rules")));
    const Factor first = enroll(s.accessToken, QStringLiteral("same"));
    ASSERT_EQ(first.raw.status, 200) << qPrintable(dump(first.raw));
    const Factor dup = enroll(s.accessToken, QStringLiteral("same"));
    EXPECT_EQ(dup.raw.status, 422) << qPrintable(dump(dup.raw));
    EXPECT_EQ(errorCode(dup.raw), QStringLiteral("mfa_factor_name_conflict"));
    for (int i = 1; i < 10; ++i)
        ASSERT_EQ(enroll(s.accessToken, QStringLiteral("f%1").arg(i)).raw.status, 200);
    const Factor tooMany = enroll(s.accessToken, QStringLiteral("eleventh"));
    EXPECT_EQ(tooMany.raw.status, 422) << qPrintable(dump(tooMany.raw));
    EXPECT_EQ(errorCode(tooMany.raw), QStringLiteral("too_many_enrolled_mfa_factors"));

    const HttpResponse badType =
        call("POST", QStringLiteral("/auth/v1/factors"), s.accessToken, {{"factor_type", "sms"}});
    EXPECT_EQ(badType.status, 400) << qPrintable(dump(badType));
    EXPECT_EQ(errorCode(badType), QStringLiteral("validation_failed"));
    const HttpResponse phone =
        call("POST", QStringLiteral("/auth/v1/factors"), s.accessToken, {{"factor_type", "phone"}});
    EXPECT_EQ(errorCode(phone), QStringLiteral("mfa_phone_enroll_not_enabled"));

    // Verifying one TOTP factor removes the other unverified ones.
    const QString c = challenge(s.accessToken, first.id).json().value(u"id").toString();
    const Session up = toSession(verify(s.accessToken, first.id, c, totpCode(first.secret)));
    ASSERT_TRUE(up.ok()) << qPrintable(up.describe());
    EXPECT_EQ(up.json.value(u"user").toObject().value(u"factors").toArray().size(), 1);
}

TEST_F(Mfa, AnonymousUsersAndUnknownFactorsAreRefused)
{
    const Session guest = emu().anonSignUp();
    const Factor f = enroll(guest.accessToken, QStringLiteral("guest"));
    EXPECT_EQ(f.raw.status, 403) << qPrintable(dump(f.raw));
    EXPECT_EQ(errorCode(f.raw), QStringLiteral("no_authorization"));

    const Session a = signIn(uniqueEmail(QStringLiteral("mfa-owner")));
    const Session b = signIn(uniqueEmail(QStringLiteral("mfa-other")));
    const Factor mine = enroll(a.accessToken, QStringLiteral("mine"));
    const HttpResponse foreign = challenge(b.accessToken, mine.id);
    EXPECT_EQ(foreign.status, 404) << qPrintable(dump(foreign));
    EXPECT_EQ(errorCode(foreign), QStringLiteral("mfa_factor_not_found"));
    const HttpResponse notUuid = challenge(a.accessToken, QStringLiteral("nope"));
    EXPECT_EQ(notUuid.status, 404) << qPrintable(dump(notUuid));
    EXPECT_EQ(errorCode(notUuid), QStringLiteral("validation_failed"));
    const HttpResponse noToken = emu().postJson(
        QStringLiteral("/auth/v1/factors/%1/challenge").arg(mine.id), {}, emu().anonHeaders());
    // The publishable key is no user's token (GoTrue: no sub claim).
    EXPECT_EQ(noToken.status, 403) << qPrintable(dump(noToken));
    EXPECT_EQ(errorCode(noToken), QStringLiteral("bad_jwt"));
    // An unverified factor goes at aal1.
    EXPECT_EQ(
        call("DELETE", QStringLiteral("/auth/v1/factors/%1").arg(mine.id), a.accessToken).status,
        200);
}

TEST_F(Mfa, AdminListsAndDeletesFactors)
{
    const Session s = signIn(uniqueEmail(QStringLiteral("mfa-admin")));
    Factor f;
    const Session up = enrollVerified(s, &f);
    ASSERT_TRUE(up.ok()) << qPrintable(up.describe());
    const QString base = QStringLiteral("/auth/v1/admin/users/%1").arg(s.userId);

    const HttpResponse list = emu().get(base + QStringLiteral("/factors"), emu().serviceHeaders());
    ASSERT_EQ(list.status, 200) << qPrintable(dump(list));
    ASSERT_EQ(list.jsonArray().size(), 1);
    EXPECT_EQ(list.jsonArray()[0].toObject().value(u"id").toString(), f.id);
    EXPECT_EQ(list.jsonArray()[0].toObject().value(u"status").toString(),
              QStringLiteral("verified"));
    const HttpResponse asUser =
        emu().get(base + QStringLiteral("/factors"), emu().userHeaders(up.accessToken));
    EXPECT_EQ(asUser.status, 403) << qPrintable(dump(asUser));
    // The admin user route itself still answers.
    EXPECT_EQ(emu().get(base, emu().serviceHeaders()).status, 200);

    const HttpResponse del =
        emu().send("DELETE", base + QStringLiteral("/factors/") + f.id, emu().serviceHeaders());
    ASSERT_EQ(del.status, 200) << qPrintable(dump(del));
    EXPECT_EQ(del.json().value(u"id").toString(), f.id);
    EXPECT_TRUE(
        emu().get(base + QStringLiteral("/factors"), emu().serviceHeaders()).jsonArray().isEmpty());
    EXPECT_EQ(aal(emu().refresh(up.refreshToken)), QStringLiteral("aal1"));
    const HttpResponse again =
        emu().send("DELETE", base + QStringLiteral("/factors/") + f.id, emu().serviceHeaders());
    EXPECT_EQ(again.status, 404) << qPrintable(dump(again));
    EXPECT_EQ(errorCode(again), QStringLiteral("mfa_factor_not_found"));
}

// The optional MFA migration as /rest/v1 applies it (--mfa-migration):
// with a verified factor, the profile row needs an aal2 token.
TEST(MfaOptions, MigrationFlagRequiresAal2ForTheProfileRow)
{
    EXEGIA_START_EMU(e, QStringLiteral("--mfa-migration"));
    QString why;
    const Session s =
        e.idTokenSignIn(QStringLiteral("google"), uniqueEmail(QStringLiteral("rls")), &why);
    ASSERT_TRUE(s.ok()) << qPrintable(why);
    ASSERT_EQ(e.insertProfile(s.accessToken, {{"id", s.userId}, {"display_name", "Rita"}}).status,
              201);
    ASSERT_EQ(e.profileRows(s.accessToken, s.userId).size(), 1) << "no factor: aal1 suffices";

    Headers h = e.userHeaders(s.accessToken);
    h.append(header("Content-Type", "application/json"));
    const QJsonObject f = e.postJson(QStringLiteral("/auth/v1/factors"),
                                     {{"factor_type", "totp"}, {"friendly_name", "x"}}, h)
                              .json();
    const QString id = f.value(u"id").toString();
    const QString challengeId =
        e.postJson(QStringLiteral("/auth/v1/factors/%1/challenge").arg(id), {}, h)
            .json()
            .value(u"id")
            .toString();
    const Session up = toSession(
        e.postJson(QStringLiteral("/auth/v1/factors/%1/verify").arg(id),
                   {{"challenge_id", challengeId},
                    {"code", totpCode(f.value(u"totp").toObject().value(u"secret").toString())}},
                   h));
    ASSERT_TRUE(up.ok()) << qPrintable(up.describe());

    // The aal1 token is still a valid JWT for PostgREST, but sees nothing.
    EXPECT_TRUE(e.profileRows(s.accessToken, s.userId).isEmpty());
    const HttpResponse patch = e.rest("PATCH", QStringLiteral("/users?id=eq.") + s.userId,
                                      s.accessToken, R"({"display_name":"Changed at aal1"})",
                                      {header("Prefer", "return=representation")});
    EXPECT_EQ(patch.status, 200) << qPrintable(dump(patch));
    EXPECT_TRUE(patch.jsonArray().isEmpty()) << qPrintable(dump(patch));
    EXPECT_EQ(e.profileRows(up.accessToken, s.userId).size(), 1);
}

TEST_F(Mfa, WithoutTheMigrationFlagAal1StillReadsTheRow)
{
    const Session s = signIn(uniqueEmail(QStringLiteral("mfa-norls")));
    ASSERT_EQ(
        emu().insertProfile(s.accessToken, {{"id", s.userId}, {"display_name", "Norm"}}).status,
        201);
    Factor f;
    ASSERT_TRUE(enrollVerified(s, &f).ok());
    EXPECT_EQ(emu().profileRows(s.accessToken, s.userId).size(), 1);
}

} // namespace
