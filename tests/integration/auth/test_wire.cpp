// Records, through a proxy in front of the emulator, the exact requests each
// library call sends, and checks them against docs/wire.md: method, path, query,
// the fixed headers, the bearer, and the JSON body's keys.
#include "AuthFixture.h"
#include "Await.h"
#include "RecordingServer.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>

using namespace exegia::auth;
using exegia::test::await;
using exegia::test::RecordedRequest;

namespace {

struct Expected
{
    QByteArray method;
    QString path;
    QMap<QString, QString> query; // value "*" = present, any value
    QString bearer;               // empty: the publishable key
    QStringList bodyKeys;         // sorted; checked for non-GET
    QByteArray prefer;
};

class Wire : public exegia::test::AuthFixture
{
protected:
    void SetUp() override
    {
        start();
        proxyToEmulator(proxy);
        proxied = makeClient(proxy.url());
    }

    // The requests sent since the previous call of this function.
    QList<RecordedRequest> take()
    {
        QList<RecordedRequest> out = proxy.requests.mid(m_seen);
        m_seen = proxy.requests.size();
        return out;
    }

    // anyOrder: requests sent side by side, compared sorted by path.
    void check(const QString &call, QList<Expected> expected, bool anyOrder = false)
    {
        QList<RecordedRequest> sent = take();
        if (anyOrder) {
            auto byPath = [](const auto &a, const auto &b) { return a.path < b.path; };
            std::sort(sent.begin(), sent.end(), byPath);
            std::sort(expected.begin(), expected.end(), byPath);
        }
        ASSERT_EQ(sent.size(), expected.size()) << call.toStdString();
        for (qsizetype i = 0; i < sent.size(); ++i)
            checkOne(call + QStringLiteral(" #%1").arg(i + 1), sent[i], expected[i]);
    }

    void checkOne(const QString &what, const RecordedRequest &r, const Expected &e)
    {
        SCOPED_TRACE(what.toStdString());
        const QByteArray key = emulator.publishableKey().toLatin1();
        EXPECT_EQ(r.method, e.method);
        EXPECT_EQ(r.path, e.path);
        for (auto it = e.query.cbegin(); it != e.query.cend(); ++it) {
            ASSERT_TRUE(r.query.hasQueryItem(it.key())) << it.key().toStdString();
            if (it.value() != u"*") {
                EXPECT_EQ(r.query.queryItemValue(it.key(), QUrl::FullyDecoded), it.value());
            }
        }
        EXPECT_EQ(r.query.queryItems().size(), e.query.size()) << r.query.toString().toStdString();
        EXPECT_EQ(r.header("apikey"), key);
        EXPECT_EQ(r.header("Authorization"),
                  "Bearer " + (e.bearer.isEmpty() ? key : e.bearer.toLatin1()));
        EXPECT_TRUE(r.header("X-Client-Info").startsWith("exegia-auth-cpp/"));
        if (e.path.startsWith(u"/auth/v1")) {
            EXPECT_EQ(r.header("X-Supabase-Api-Version"), "2024-01-01");
        }
        EXPECT_EQ(r.header("Prefer"), e.prefer);
        if (e.method == "GET") {
            EXPECT_TRUE(r.body.isEmpty());
            return;
        }
        EXPECT_EQ(r.header("Content-Type"), "application/json;charset=UTF-8");
        const QJsonDocument body = QJsonDocument::fromJson(r.body);
        ASSERT_TRUE(body.isObject()) << r.body.toStdString();
        QStringList keys = body.object().keys();
        keys.sort();
        EXPECT_EQ(keys, e.bodyKeys);
    }

    exegia::test::RecordingServer proxy;
    std::unique_ptr<AuthClient> proxied;
    qsizetype m_seen = 0;
};

const QString kUsers = QStringLiteral("/rest/v1/users");

} // namespace

TEST_F(Wire, EveryCallSendsWhatWireMdSays)
{
    // ID token sign-in + profile check.
    const QString email = uniqueEmail(QStringLiteral("wire"));
    const SignInResult google = await(proxied->signInWithIdToken(
        QStringLiteral("google"), idToken(QStringLiteral("google"), email)));
    ASSERT_TRUE(google.session);
    const QString at = google.session->accessToken;
    const QString id = google.session->user.id;
    const QMap<QString, QString> byId{{"select", "*"}, {"id", "eq." + id}};
    check(
        QStringLiteral("signInWithIdToken"),
        {{"POST", "/auth/v1/token", {{"grant_type", "id_token"}}, {}, {"id_token", "provider"}, {}},
         {"GET", kUsers, byId, at, {}, {}}});

    // Sign-up with the token: GET /user, then the insert as the user.
    SignUpOptions signUp;
    signUp.accessToken = at;
    signUp.profileFields = {{"display_name", "Wire"}};
    ASSERT_TRUE(await(proxied->signUp(signUp)).ok);
    check(QStringLiteral("signUp(accessToken)"),
          {{"GET", "/auth/v1/user", {}, at, {}, {}},
           {"POST", kUsers, {}, at, {"display_name", "id"}, "return=representation"}});

    // Current user record: GET /user and the row (id from the token's sub)
    // side by side.
    ASSERT_TRUE(await(proxied->getCurrentUserRecord(at)));
    check(QStringLiteral("getCurrentUserRecord"),
          {{"GET", "/auth/v1/user", {}, at, {}, {}}, {"GET", kUsers, byId, at, {}, {}}}, true);

    // Own row update.
    ASSERT_TRUE(await(proxied->updateProfile(at, {{"display_name", "W2"}})));
    check(QStringLiteral("updateProfile"),
          {{"PATCH", kUsers, {{"id", "eq." + id}}, at, {"display_name"}, "return=representation"}});

    // Link identity: the user's identities, then authorize with PKCE.
    LinkIdentityOptions link;
    link.redirectTo = QStringLiteral("http://127.0.0.1:9/callback");
    link.scopes = QStringLiteral("openid email");
    ASSERT_FALSE(await(proxied->linkIdentityToCurrentUser(at, u"apple"_qs, link)).alreadyLinked);
    check(QStringLiteral("linkIdentityToCurrentUser"), {{"GET", "/auth/v1/user", {}, at, {}, {}},
                                                        {"GET",
                                                         "/auth/v1/user/identities/authorize",
                                                         {{"provider", "apple"},
                                                          {"redirect_to", link.redirectTo},
                                                          {"scopes", "openid email"},
                                                          {"code_challenge", "*"},
                                                          {"code_challenge_method", "s256"},
                                                          {"skip_http_redirect", "true"}},
                                                         at,
                                                         {},
                                                         {}}});

    // Refresh and sign-out.
    const Session refreshed = await(proxied->refreshSession(google.session->refreshToken));
    check(
        QStringLiteral("refreshSession"),
        {{"POST", "/auth/v1/token", {{"grant_type", "refresh_token"}}, {}, {"refresh_token"}, {}}});
    await(proxied->signOut(refreshed.accessToken, SignOutScope::Local));
    check(QStringLiteral("signOut"),
          {{"POST", "/auth/v1/logout", {{"scope", "local"}}, refreshed.accessToken, {}, {}}});
}

TEST_F(Wire, EmailAndGuestCalls)
{
    const QString email = uniqueEmail(QStringLiteral("wiremail"));
    EmailOtpOptions otp;
    otp.emailRedirectTo = QStringLiteral("http://127.0.0.1:9/done");
    await(proxied->requestEmailOtp(email, otp));
    check(QStringLiteral("requestEmailOtp"),
          {{"POST", "/auth/v1/otp", {{"redirect_to", otp.emailRedirectTo}}, {}, {"email"}, {}}});

    const SignInResult verified = await(proxied->verifyEmailOtp(email, mailedCode(email)));
    ASSERT_TRUE(verified.session);
    const QString at = verified.session->accessToken;
    check(QStringLiteral("verifyEmailOtp"),
          {{"POST", "/auth/v1/verify", {}, {}, {"email", "token", "type"}, {}},
           {"GET",
            kUsers,
            {{"select", "*"}, {"id", "eq." + verified.session->user.id}},
            at,
            {},
            {}}});

    SignUpOptions guest;
    guest.anonymous = true;
    const SignUpResult r = await(proxied->signUp(guest));
    ASSERT_TRUE(r.ok);
    check(QStringLiteral("signUp(anonymous)"), {{"POST", "/auth/v1/signup", {}, {}, {}, {}},
                                                {"POST",
                                                 kUsers,
                                                 {},
                                                 r.session->accessToken,
                                                 {"display_name", "id"},
                                                 "return=representation"}});
}
