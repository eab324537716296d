// The browser loops: /authorize (docs/wire.md operation 7), linking through
// /user/identities/authorize (operation 6), /callback and the PKCE exchange.
#include "EmulatorFixture.h"

using namespace exegia::test;

namespace {

const QString kGoogle = QStringLiteral("google");
const QString kApple = QStringLiteral("apple");

class Browser : public EmulatorSuite
{
protected:
    static void SetUpTestSuite() { startSuite(); }

    Session signIn(const QString &provider, const QString &email)
    {
        const QByteArray verifier = randomVerifier();
        const BrowserLoop loop = emu().pkceSignIn(provider, email, verifier);
        EXPECT_TRUE(loop.reached() && !loop.code.isEmpty()) << qPrintable(loop.describe());
        return toSession(emu().exchange(loop.code, verifier));
    }
    static void expectRedirectError(const BrowserLoop &loop, const QString &errorCode)
    {
        ASSERT_TRUE(loop.reached()) << qPrintable(loop.describe());
        EXPECT_TRUE(loop.code.isEmpty()) << qPrintable(loop.final.toString());
        EXPECT_EQ(loop.query.queryItemValue(QStringLiteral("error_code")), errorCode)
            << qPrintable(loop.final.toString());
        EXPECT_FALSE(loop.query.queryItemValue(QStringLiteral("error")).isEmpty());
        EXPECT_FALSE(loop.query.queryItemValue(QStringLiteral("error_description")).isEmpty());
    }
};

TEST_F(Browser, AuthorizeSendsTheBrowserToTheLocalIdp)
{
    const QByteArray verifier = randomVerifier();
    const QString q =
        QStringLiteral("/auth/v1/authorize?provider=google&redirect_to=%1"
                       "&code_challenge=%2&code_challenge_method=s256&login_hint=%3")
            .arg(enc(emu().redirectTo()), QString::fromLatin1(pkceChallenge(verifier)),
                 enc(QStringLiteral("first@example.com")));
    const HttpResponse r = emu().get(q, {});
    ASSERT_EQ(r.status, 302) << qPrintable(dump(r));
    const QUrl loc(QString::fromUtf8(r.header("Location")));
    EXPECT_TRUE(
        loc.toString().startsWith(emu().proc.issuer(kGoogle) + QStringLiteral("/authorize")))
        << qPrintable(loc.toString());
    const QUrlQuery lq(loc);
    EXPECT_EQ(lq.queryItemValue(QStringLiteral("client_id"), QUrl::FullyDecoded),
              emu().proc.clientId(kGoogle));
    EXPECT_EQ(lq.queryItemValue(QStringLiteral("redirect_uri"), QUrl::FullyDecoded),
              emu().proc.urlString() + QStringLiteral("/auth/v1/callback"));
    EXPECT_EQ(lq.queryItemValue(QStringLiteral("response_type")), QStringLiteral("code"));
    EXPECT_FALSE(lq.queryItemValue(QStringLiteral("state")).isEmpty());
    EXPECT_EQ(lq.queryItemValue(QStringLiteral("login_hint"), QUrl::FullyDecoded),
              QStringLiteral("first@example.com"))
        << "extra parameters pass through";
}

TEST_F(Browser, GoogleAndAppleSignInLoops)
{
    for (const QString &p : {kGoogle, kApple}) {
        const QString email = uniqueEmail(QStringLiteral("loop-") + p);
        const QByteArray verifier = randomVerifier(112);
        const BrowserLoop loop = emu().pkceSignIn(p, email, verifier);
        ASSERT_TRUE(loop.reached()) << qPrintable(loop.describe());
        EXPECT_EQ(loop.hops.size(), 3) << "authorize -> idp -> callback -> redirect_to";
        EXPECT_EQ(loop.hops.last().status, 302);
        EXPECT_TRUE(isUuid(loop.code)) << qPrintable(loop.final.toString());
        const Session s = toSession(emu().exchange(loop.code, verifier));
        ASSERT_TRUE(s.ok()) << qPrintable(s.describe());
        const QJsonObject u = s.json.value(u"user").toObject();
        EXPECT_EQ(u.value(u"email").toString(), email);
        EXPECT_EQ(u.value(u"app_metadata").toObject().value(u"provider").toString(), p);
        EXPECT_EQ(u.value(u"identities").toArray().size(), 1);
        EXPECT_EQ(emu().getUser(s.accessToken).status, 200);
        const QJsonArray amr = jwtPart(s.accessToken, 1).value(u"amr").toArray();
        ASSERT_FALSE(amr.isEmpty());
        EXPECT_EQ(amr[0].toObject().value(u"method").toString(), QStringLiteral("oauth"));
    }
}

TEST_F(Browser, SameAccountTwiceIsTheSameUser)
{
    const QString email = uniqueEmail(QStringLiteral("twice"));
    const Session a = signIn(kGoogle, email);
    const Session b = signIn(kGoogle, email);
    ASSERT_TRUE(a.ok() && b.ok()) << qPrintable(a.describe() + b.describe());
    EXPECT_EQ(a.userId, b.userId);
    EXPECT_NE(jwtPart(a.accessToken, 1).value(u"session_id"),
              jwtPart(b.accessToken, 1).value(u"session_id"));
}

TEST_F(Browser, DeniedAtTheProviderComesBackAsAnError)
{
    const BrowserLoop loop = emu().pkceSignIn(kGoogle, uniqueEmail(QStringLiteral("deny")),
                                              randomVerifier(), QStringLiteral("&deny=1"));
    ASSERT_TRUE(loop.reached()) << qPrintable(loop.describe());
    EXPECT_TRUE(loop.code.isEmpty());
    EXPECT_EQ(loop.query.queryItemValue(QStringLiteral("error")), QStringLiteral("access_denied"))
        << qPrintable(loop.final.toString());
}

TEST_F(Browser, AuthorizeErrors)
{
    const HttpResponse unknown =
        emu().get(QStringLiteral("/auth/v1/authorize?provider=myspace&redirect_to=") +
                      enc(emu().redirectTo()) + QStringLiteral("&code_challenge=") +
                      QString::fromLatin1(pkceChallenge(randomVerifier())) +
                      QStringLiteral("&code_challenge_method=s256"),
                  {});
    EXPECT_EQ(unknown.status, 400) << qPrintable(dump(unknown));
    EXPECT_EQ(errorCode(unknown), QStringLiteral("validation_failed"));
    const HttpResponse noProvider = emu().get(QStringLiteral("/auth/v1/authorize"), {});
    EXPECT_EQ(noProvider.status, 400) << qPrintable(dump(noProvider));
    EXPECT_TRUE(noProvider.isJsonObject());
}

TEST_F(Browser, CallbackWithABadStateFailsCleanly)
{
    const HttpResponse r =
        emu().get(QStringLiteral("/auth/v1/callback?code=abc&state=not-a-state"), {});
    EXPECT_LT(r.status, 500) << qPrintable(dump(r));
    if (r.status == 302) {
        EXPECT_TRUE(r.header("Location").contains("error")) << qPrintable(dump(r));
    } else {
        EXPECT_EQ(r.status, 400) << qPrintable(dump(r));
    }
}

TEST_F(Browser, PkceExchangeErrors)
{
    const QByteArray verifier = randomVerifier();
    const BrowserLoop loop =
        emu().pkceSignIn(kGoogle, uniqueEmail(QStringLiteral("pkce")), verifier);
    ASSERT_TRUE(loop.reached() && !loop.code.isEmpty()) << qPrintable(loop.describe());

    const HttpResponse unknown =
        emu().exchange(QUuid::createUuid().toString(QUuid::WithoutBraces), verifier);
    EXPECT_EQ(unknown.status, 404) << qPrintable(dump(unknown));
    EXPECT_EQ(errorCode(unknown), QStringLiteral("flow_state_not_found"));

    const HttpResponse wrong = emu().exchange(loop.code, randomVerifier());
    EXPECT_EQ(wrong.status, 400) << qPrintable(dump(wrong));
    EXPECT_EQ(errorCode(wrong), QStringLiteral("bad_code_verifier"));

    const HttpResponse missing = emu().anonPost(QStringLiteral("/auth/v1/token?grant_type=pkce"),
                                                QJsonObject{{"auth_code", loop.code}});
    EXPECT_EQ(missing.status, 400) << qPrintable(dump(missing));
    EXPECT_EQ(errorCode(missing), QStringLiteral("validation_failed"));

    const Session ok = toSession(emu().exchange(loop.code, verifier));
    // A wrong verifier may burn the flow state; real GoTrue keeps it.
    ASSERT_TRUE(ok.ok()) << "the right verifier after a wrong one: " << qPrintable(ok.describe());
    const HttpResponse reused = emu().exchange(loop.code, verifier);
    EXPECT_EQ(reused.status, 404) << "one use only: " << qPrintable(dump(reused));
    EXPECT_EQ(errorCode(reused), QStringLiteral("flow_state_not_found"));
}

TEST(BrowserOptions, FlowStateExpires)
{
    EXEGIA_START_EMU(e, QStringLiteral("--flow-exp"), QStringLiteral("1"));
    const QByteArray verifier = randomVerifier();
    const BrowserLoop loop =
        e.pkceSignIn(kGoogle, uniqueEmail(QStringLiteral("flowexp")), verifier);
    ASSERT_TRUE(loop.reached() && !loop.code.isEmpty()) << qPrintable(loop.describe());
    e.advanceClock(2);
    const HttpResponse r = e.exchange(loop.code, verifier);
    EXPECT_EQ(r.status, 422) << qPrintable(dump(r));
    EXPECT_EQ(errorCode(r), QStringLiteral("flow_state_expired"));
}

TEST_F(Browser, LinkAuthorizeAnswersTheProviderUrl)
{
    const Session s = emu().anonSignUp();
    ASSERT_TRUE(s.ok());
    const HttpResponse r = emu().linkAuthorize(s.accessToken, kGoogle,
                                               QStringLiteral("x@example.com"), randomVerifier());
    ASSERT_EQ(r.status, 200) << qPrintable(dump(r));
    const QString url = r.json().value(u"url").toString();
    EXPECT_TRUE(url.startsWith(emu().proc.issuer(kGoogle) + QStringLiteral("/authorize")))
        << qPrintable(url);
    // Without skip_http_redirect the same answer comes as a 302.
    const HttpResponse redirect = emu().linkAuthorize(
        s.accessToken, kGoogle, QStringLiteral("x@example.com"), randomVerifier(), false);
    EXPECT_EQ(redirect.status, 302) << qPrintable(dump(redirect));
    EXPECT_TRUE(redirect.header("Location").startsWith(emu().proc.issuer(kGoogle).toUtf8()));
    // A bearer is required.
    const HttpResponse noBearer =
        emu().get(QStringLiteral(
                      "/auth/v1/user/identities/authorize?provider=google&skip_http_redirect=true"),
                  emu().anonHeaders());
    EXPECT_TRUE(noBearer.status == 401 || noBearer.status == 403) << qPrintable(dump(noBearer));
}

TEST_F(Browser, GuestLinksGoogleAndBecomesPermanent)
{
    const Session guest = emu().anonSignUp();
    ASSERT_TRUE(guest.ok());
    // The guest registered a profile first.
    const HttpResponse ins = emu().insertProfile(
        guest.accessToken, QJsonObject{{"id", guest.userId}, {"display_name", "Guest"}});
    ASSERT_EQ(ins.status, 201) << qPrintable(dump(ins));
    ASSERT_EQ(ins.jsonArray().at(0).toObject().value(u"user_type").toString(),
              QStringLiteral("anonymous"));

    const QString email = uniqueEmail(QStringLiteral("upgrade"));
    const QByteArray verifier = randomVerifier();
    const BrowserLoop loop = emu().linkLoop(guest.accessToken, kGoogle, email, verifier);
    ASSERT_TRUE(loop.reached() && !loop.code.isEmpty()) << qPrintable(loop.describe());
    const Session s = toSession(emu().exchange(loop.code, verifier));
    ASSERT_TRUE(s.ok()) << qPrintable(s.describe());
    EXPECT_EQ(s.userId, guest.userId);
    const QJsonObject u = s.json.value(u"user").toObject();
    EXPECT_EQ(u.value(u"is_anonymous"), QJsonValue(false));
    EXPECT_EQ(u.value(u"email").toString(), email) << "a user without e-mail takes the identity's";
    EXPECT_TRUE(
        u.value(u"app_metadata").toObject().value(u"providers").toArray().contains(kGoogle));
    EXPECT_EQ(jwtPart(s.accessToken, 1).value(u"is_anonymous"), QJsonValue(false));

    const QJsonArray rows = emu().profileRows(s.accessToken, s.userId);
    ASSERT_EQ(rows.size(), 1);
    EXPECT_EQ(rows[0].toObject().value(u"user_type").toString(), QStringLiteral("registered"));
    EXPECT_EQ(rows[0].toObject().value(u"display_name").toString(), QStringLiteral("Guest"));
}

TEST_F(Browser, PermanentUserLinksApple)
{
    QString why;
    const Session s = emu().emailSignIn(uniqueEmail(QStringLiteral("perm")), &why);
    ASSERT_TRUE(s.ok()) << qPrintable(why);
    const QByteArray verifier = randomVerifier();
    const BrowserLoop loop =
        emu().linkLoop(s.accessToken, kApple, uniqueEmail(QStringLiteral("perm-apple")), verifier);
    ASSERT_TRUE(loop.reached() && !loop.code.isEmpty()) << qPrintable(loop.describe());
    const Session linked = toSession(emu().exchange(loop.code, verifier));
    ASSERT_TRUE(linked.ok()) << qPrintable(linked.describe());
    EXPECT_EQ(linked.userId, s.userId);
    const QJsonObject u = linked.json.value(u"user").toObject();
    EXPECT_EQ(u.value(u"email"), s.json.value(u"user").toObject().value(u"email"))
        << "keeps its e-mail";
    EXPECT_EQ(u.value(u"identities").toArray().size(), 2);
    const QJsonArray providers = u.value(u"app_metadata").toObject().value(u"providers").toArray();
    EXPECT_TRUE(providers.contains(QStringLiteral("email")) && providers.contains(kApple));
}

TEST_F(Browser, LinkingAnIdentityOfAnotherUserIsRedirectedAsAnError)
{
    const QString taken = uniqueEmail(QStringLiteral("owned"));
    const Session owner = signIn(kGoogle, taken);
    ASSERT_TRUE(owner.ok()) << qPrintable(owner.describe());
    const Session guest = emu().anonSignUp();
    ASSERT_TRUE(guest.ok());
    const BrowserLoop loop = emu().linkLoop(guest.accessToken, kGoogle, taken, randomVerifier());
    expectRedirectError(loop, QStringLiteral("identity_already_exists"));
    EXPECT_EQ(loop.query.queryItemValue(QStringLiteral("error")), QStringLiteral("server_error"));
    EXPECT_EQ(emu().getUser(guest.accessToken).json().value(u"is_anonymous"), QJsonValue(true));
}

TEST_F(Browser, LinkingAnUnverifiedAddressIsEmailNotConfirmed)
{
    const Session guest = emu().anonSignUp();
    ASSERT_TRUE(guest.ok());
    const QString email = QStringLiteral("guest%1+unverified@example.com").arg(nowSecs());
    const BrowserLoop loop = emu().linkLoop(guest.accessToken, kGoogle, email, randomVerifier());
    expectRedirectError(loop, QStringLiteral("email_not_confirmed"));
    const HttpResponse me = emu().getUser(guest.accessToken);
    EXPECT_EQ(me.json().value(u"is_anonymous"), QJsonValue(true)) << qPrintable(dump(me));
    EXPECT_TRUE(me.json().value(u"identities").toArray().isEmpty());
}

TEST(BrowserOptions, DisabledLinkingIs404)
{
    EXEGIA_START_EMU(e, QStringLiteral("--disable-linking"));
    const Session s = e.anonSignUp();
    ASSERT_TRUE(s.ok()) << qPrintable(s.describe());
    const HttpResponse r =
        e.linkAuthorize(s.accessToken, kGoogle, QStringLiteral("l@example.com"), randomVerifier());
    EXPECT_EQ(r.status, 404) << qPrintable(dump(r));
    EXPECT_EQ(errorCode(r), QStringLiteral("manual_linking_disabled"));
    // Sign-in through the browser still works.
    const QByteArray verifier = randomVerifier();
    const BrowserLoop loop = e.pkceSignIn(kGoogle, uniqueEmail(QStringLiteral("nolink")), verifier);
    ASSERT_TRUE(loop.reached() && !loop.code.isEmpty()) << qPrintable(loop.describe());
    EXPECT_TRUE(toSession(e.exchange(loop.code, verifier)).ok());
}

} // namespace
