// Answers compared with supabase/auth's source (internal/api/*.go) where the
// emulator has no feature of its own: grants and verification types it does
// not serve, unlinking an identity, and the API-version header (issue 12).
#include "EmulatorFixture.h"

#include <QJsonArray>

using namespace exegia::test;
using namespace Qt::StringLiterals;

namespace {

class WireDetails : public EmulatorSuite
{
protected:
    static void SetUpTestSuite() { startSuite(); }

    HttpResponse unlink(const Emu &e, const QString &token, const QString &identityId)
    {
        Http http;
        return http.send("DELETE",
                         QUrl(e.proc.urlString() + u"/auth/v1/user/identities/"_s + identityId),
                         e.userHeaders(token));
    }
};

TEST_F(WireDetails, UnknownGrantTypeIsInvalidCredentials)
{
    // token.go: any grant it lacks is NewBadRequestError(invalid_credentials,
    // "unsupported_grant_type"); the emulator does not serve "password".
    for (const QString &grant : {u"password"_s, u"client_credentials"_s, u""_s}) {
        const HttpResponse r =
            emu().anonPost(u"/auth/v1/token?grant_type="_s + grant, QJsonObject{});
        EXPECT_EQ(r.status, 400) << qPrintable(dump(r));
        EXPECT_EQ(errorCode(r), u"invalid_credentials"_s) << qPrintable(grant);
        EXPECT_EQ(errorMessage(r), u"unsupported_grant_type"_s);
    }
}

TEST_F(WireDetails, VerifyWithAnUnservedTypeIsAnExpiredToken)
{
    // verify.go looks the token up for its type; none was ever issued here.
    const QString email = uniqueEmail(u"verifytype"_s);
    ASSERT_EQ(emu().requestOtp(email).status, 200);
    const QString code = emu().latestCode(email);
    for (const QString &type : {u"recovery"_s, u"invite"_s, u"email_change"_s, u"nonsense"_s}) {
        const HttpResponse r = emu().anonPost(
            u"/auth/v1/verify"_s, QJsonObject{{"type", type}, {"email", email}, {"token", code}});
        EXPECT_EQ(r.status, 403) << qPrintable(type) << ' ' << qPrintable(dump(r));
        EXPECT_EQ(errorCode(r), u"otp_expired"_s);
    }
    const HttpResponse none =
        emu().anonPost(u"/auth/v1/verify"_s, QJsonObject{{"email", email}, {"token", code}});
    EXPECT_EQ(none.status, 400);
    EXPECT_EQ(errorMessage(none), u"Verify requires a verification type"_s);
    EXPECT_TRUE(toSession(emu().verify(email, code)).ok()) << "the code was not spent";
}

TEST_F(WireDetails, ApiVersionHeaderOnlyOnErrors)
{
    const HttpResponse ok = emu().get(u"/auth/v1/settings"_s, emu().anonHeaders(true));
    ASSERT_EQ(ok.status, 200);
    EXPECT_TRUE(ok.header("X-Supabase-Api-Version").isEmpty()) << qPrintable(dump(ok));
    const Session s = emu().anonSignUp();
    ASSERT_TRUE(s.ok());
    EXPECT_TRUE(s.raw.header("X-Supabase-Api-Version").isEmpty());
    const HttpResponse error = emu().getUser(u"not-a-token"_s);
    EXPECT_GE(error.status, 400);
    EXPECT_EQ(error.header("X-Supabase-Api-Version"), QByteArray("2024-01-01"));
}

TEST_F(WireDetails, UnlinkingAnIdentity)
{
    const QString email = uniqueEmail(u"unlink"_s);
    const Session s = emu().emailSignIn(email);
    ASSERT_TRUE(s.ok());
    const QString missing = u"00000000-0000-4000-8000-000000000000"_s;
    // An email user has one identity: it cannot go.
    HttpResponse r = unlink(emu(), s.accessToken, missing);
    EXPECT_EQ(r.status, 422) << qPrintable(dump(r));
    EXPECT_EQ(errorCode(r), u"single_identity_not_deletable"_s);

    const Session google = emu().idTokenSignIn(u"google"_s, email);
    ASSERT_TRUE(google.ok()) << "same verified address: the google identity joins the user";
    const QJsonArray identities = emu().getUser(google.accessToken).json()[u"identities"].toArray();
    ASSERT_EQ(identities.size(), 2);
    EXPECT_EQ(errorCode(unlink(emu(), google.accessToken, missing)), u"identity_not_found"_s);
    EXPECT_EQ(unlink(emu(), google.accessToken, u"not-a-uuid"_s).status, 404);
    QString googleId;
    for (const QJsonValue &v : identities)
        if (v[u"provider"].toString() == u"google")
            googleId = v[u"identity_id"].toString();
    r = unlink(emu(), google.accessToken, googleId);
    EXPECT_EQ(r.status, 200) << qPrintable(dump(r));
    EXPECT_EQ(emu().getUser(google.accessToken).json()[u"identities"].toArray().size(), 1);
    EXPECT_EQ(unlink(emu(), google.accessToken, googleId).status, 422);
}

TEST_F(WireDetails, UnlinkingWithManualLinkingOff)
{
    EXEGIA_START_EMU(off, u"--disable-linking"_s);
    const Session s = off.anonSignUp();
    ASSERT_TRUE(s.ok());
    const QString id = u"00000000-0000-4000-8000-000000000000"_s;
    const HttpResponse r = unlink(off, s.accessToken, id);
    EXPECT_EQ(r.status, 404) << qPrintable(dump(r));
    EXPECT_EQ(errorCode(r), u"manual_linking_disabled"_s);
    EXPECT_EQ(errorMessage(r), u"Manual linking is disabled"_s);
    // Authentication comes first, as in supabase/auth's router.
    const HttpResponse bad = unlink(off, u"garbage"_s, id);
    EXPECT_EQ(bad.status, 403) << qPrintable(dump(bad));
    EXPECT_EQ(errorCode(bad), u"bad_jwt"_s);
}

} // namespace
