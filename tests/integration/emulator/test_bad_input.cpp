// Bad input everywhere: wrong types, missing fields, garbage bodies and
// garbage Authorization headers. Always a 4xx JSON error, never a 5xx, a
// dropped connection or a crash: the emulator must answer /health after
// every single request.
#include "EmulatorFixture.h"

#include <QJsonDocument>
#include <QRandomGenerator>

using namespace exegia::test;

namespace {

struct Endpoint
{
    QByteArray method;
    QString path;
};

const QList<Endpoint> &jsonEndpoints()
{
    static const QList<Endpoint> list{
        {"POST", QStringLiteral("/auth/v1/signup")},
        {"POST", QStringLiteral("/auth/v1/otp")},
        {"POST", QStringLiteral("/auth/v1/verify")},
        {"POST", QStringLiteral("/auth/v1/token?grant_type=id_token")},
        {"POST", QStringLiteral("/auth/v1/token?grant_type=refresh_token")},
        {"POST", QStringLiteral("/auth/v1/token?grant_type=pkce")},
        {"POST", QStringLiteral("/rest/v1/users")},
        {"PATCH", QStringLiteral("/rest/v1/users?id=eq.00000000-0000-0000-0000-000000000000")},
        {"POST", QStringLiteral("/_emulator/faults")},
        {"POST", QStringLiteral("/_emulator/clock")},
    };
    return list;
}

class BadInput : public EmulatorSuite
{
protected:
    static void SetUpTestSuite() { startSuite(); }

    // Sends, then checks the answer is a 4xx JSON object and the emulator lives.
    void expectCleanError(const QByteArray &method, const QString &path, const Headers &headers,
                          const QByteArray &body, const char *what, bool allowSuccess = false)
    {
        const HttpResponse r = emu().send(method, path, headers, body);
        const QString where =
            QStringLiteral("%1 %2 with %3")
                .arg(QString::fromLatin1(method), path, QString::fromLatin1(what));
        EXPECT_GE(r.status, allowSuccess ? 200 : 400)
            << qPrintable(where) << ": " << qPrintable(dump(r));
        EXPECT_LT(r.status, 500) << qPrintable(where) << ": " << qPrintable(dump(r));
        EXPECT_TRUE(r.isJsonObject() || (allowSuccess && r.status < 300))
            << qPrintable(where) << ": " << qPrintable(dump(r));
        ASSERT_TRUE(emu().healthy()) << "emulator died after " << qPrintable(where) << "\n"
                                     << emu().proc.standardError().right(2000).constData();
    }
    Headers headersFor(const QString &path)
    {
        Headers h = path.startsWith(QStringLiteral("/_emulator")) ? emu().serviceHeaders()
                                                                  : emu().anonHeaders();
        if (path.startsWith(QStringLiteral("/rest"))) {
            const Session s = emu().anonSignUp();
            h = emu().userHeaders(s.accessToken);
        }
        h.append(header("Content-Type", "application/json;charset=UTF-8"));
        return h;
    }
};

TEST_F(BadInput, WrongTypesAndMissingFields)
{
    const QList<QByteArray> bodies{
        R"({})",
        R"({"email": 5, "token": 123456, "type": 7})",
        R"({"email": null, "create_user": "yes", "data": "not-an-object"})",
        R"({"email": ["a@b.c"], "data": [1, 2]})",
        R"({"email": {"x": 1}, "gotrue_meta_security": "captcha"})",
        R"({"refresh_token": 5})",
        R"({"refresh_token": ""})",
        R"({"provider": 1, "id_token": true, "nonce": [], "access_token": {}})",
        R"({"provider": "google", "id_token": "", "link_identity": "yes"})",
        R"({"auth_code": 1, "code_verifier": []})",
        R"({"auth_code": "", "code_verifier": ""})",
        R"({"id": 5, "display_name": ["x"], "user_type": {}})",
        R"({"id": null, "display_name": null})",
        R"({"method": 1, "path": [], "status": "500", "count": -1})",
        R"({"type": "email", "email": "a@b.c", "token": "12345678901234567890"})",
        R"({"type": "magiclink-but-unknown", "email": "a@b.c", "token": "123456"})",
        R"({"unknown_column": 1})",
    };
    for (const Endpoint &e : jsonEndpoints()) {
        const Headers h = headersFor(e.path);
        for (const QByteArray &b : bodies) {
            // Some bodies are legitimately fine for some endpoints (an empty
            // anonymous sign-up; an empty upsert): accept a 2xx there, never a 5xx.
            const HttpResponse r = emu().send(e.method, e.path, h, b);
            EXPECT_TRUE((r.status >= 400 && r.status < 500) || (r.status >= 200 && r.status < 300))
                << e.method.constData() << ' ' << qPrintable(e.path) << ' ' << b.constData() << ": "
                << qPrintable(dump(r));
            if (r.status >= 400) {
                EXPECT_TRUE(r.isJsonObject())
                    << qPrintable(e.path) << ' ' << b.constData() << ": " << qPrintable(dump(r));
            }
            ASSERT_TRUE(emu().healthy())
                << "died after " << qPrintable(e.path) << ' ' << b.constData();
        }
    }
}

TEST_F(BadInput, GarbageBodies)
{
    QByteArray binary(4096, '\0');
    for (auto &c : binary)
        c = char(QRandomGenerator::global()->bounded(256));
    const QByteArray deep = QByteArray(5000, '[') + QByteArray(5000, ']');
    const QByteArray deepObject = QByteArray()
                                      .fill('{', 1)
                                      .append(QByteArray("\"a\":{").repeated(3000))
                                      .append(QByteArray(3001, '}'));
    const QByteArray longString = "{\"email\":\"" + QByteArray(500 * 1000, 'x') + "\"}";
    const QList<QPair<const char *, QByteArray>> bodies{
        {"binary", binary},
        {"nested arrays", deep},
        {"nested objects", deepObject},
        {"a 500 kB string", longString},
        {"top-level array", "[]"},
        {"top-level string", "\"str\""},
        {"top-level number", "1"},
        {"top-level null", "null"},
        {"NUL bytes", QByteArray("{\"email\":\"a") + '\0' + QByteArray("b@c.d\"}")},
        {"escaped NUL", R"({"email":"a\u0000b@c.d","token":"\u0000"})"},
        {"lone surrogate", R"({"email":"\ud800@c.d"})"},
        {"invalid UTF-8", "{\"email\":\"\xc3\x28@c.d\"}"},
        {"trailing garbage", "{} {}"},
        {"duplicate keys", R"({"email":"a@b.c","email":5})"},
        {"huge number", R"({"count": 1e999999, "status": 99999999999999999999})"},
    };
    for (const Endpoint &e : jsonEndpoints()) {
        const Headers h = headersFor(e.path);
        for (const auto &b : bodies) {
            const HttpResponse r = emu().send(e.method, e.path, h, b.second);
            EXPECT_TRUE((r.status >= 400 && r.status < 500) || (r.status >= 200 && r.status < 300))
                << e.method.constData() << ' ' << qPrintable(e.path) << " with " << b.first << ": "
                << qPrintable(dump(r));
            EXPECT_NE(r.status, 0)
                << qPrintable(e.path) << " with " << b.first << ": " << qPrintable(dump(r));
            if (r.status >= 400) {
                EXPECT_TRUE(r.isJsonObject())
                    << qPrintable(e.path) << " with " << b.first << ": " << qPrintable(dump(r));
            }
            ASSERT_TRUE(emu().healthy())
                << "died after " << qPrintable(e.path) << " with " << b.first;
        }
    }
}

TEST_F(BadInput, HugeBodiesEverywhereAre413)
{
    const QByteArray big = "{\"x\":\"" + QByteArray(3 * 1024 * 1024, 'x') + "\"}";
    for (const Endpoint &e : jsonEndpoints()) {
        const HttpResponse r = emu().send(e.method, e.path, headersFor(e.path), big);
        EXPECT_EQ(r.status, 413) << qPrintable(e.path) << ": " << qPrintable(dump(r));
        ASSERT_TRUE(emu().healthy()) << "died after a 3 MB body to " << qPrintable(e.path);
    }
}

// Authorization values that must never authenticate, most derived from `real`.
QList<QPair<const char *, QByteArray>> garbageAuthorizations(const Session &real,
                                                             const QByteArray &secret)
{
    QJsonObject claims = jwtPart(real.accessToken, 1);
    auto withClaim = [&](const QString &key, const QJsonValue &value) {
        QJsonObject c = claims;
        if (value.isUndefined())
            c.remove(key);
        else
            c.insert(key, value);
        return signHs256(c, secret).toLatin1();
    };
    return {
        {"empty", ""},
        {"scheme only", "Bearer"},
        {"scheme and space", "Bearer "},
        {"basic", "Basic dXNlcjpwYXNz"},
        {"two parts", "Bearer abc.def"},
        {"four parts", "Bearer a.b.c.d"},
        {"dots", "Bearer ...."},
        {"long", "Bearer " + QByteArray(20000, 'x')},
        {"non-JSON header", "Bearer " + b64url("not json") + '.' + b64url("{}") + ".sig"},
        {"non-JSON payload",
         "Bearer " + b64url(R"({"alg":"HS256"})") + '.' + b64url("nope") + ".sig"},
        {"non-ASCII", "Bearer \xc3\xa9\xc3\xa9.\xe2\x82\xac.x"},
        {"sub not a uuid",
         "Bearer " + withClaim(QStringLiteral("sub"), QStringLiteral("not-a-uuid"))},
        {"sub a number", "Bearer " + withClaim(QStringLiteral("sub"), 42)},
        {"no sub", "Bearer " + withClaim(QStringLiteral("sub"), QJsonValue::Undefined)},
        {"exp a string", "Bearer " + withClaim(QStringLiteral("exp"), QStringLiteral("tomorrow"))},
        {"session_id garbage",
         "Bearer " + withClaim(QStringLiteral("session_id"), QStringLiteral("zzz"))},
        {"role an object", "Bearer " + withClaim(QStringLiteral("role"), QJsonObject{{"a", 1}})},
        {"alg HS512", "Bearer " + b64url(R"({"alg":"HS512","typ":"JWT"})") + '.' +
                          real.accessToken.split(QLatin1Char('.'))[1].toLatin1() + '.' +
                          real.accessToken.split(QLatin1Char('.'))[2].toLatin1()},
    };
}

TEST_F(BadInput, GarbageAuthorizationHeaders)
{
    const QByteArray secret = emu().proc.jwtSecret().toUtf8();
    const Session real = emu().anonSignUp();
    ASSERT_TRUE(real.ok());
    const auto auths = garbageAuthorizations(real, secret);
    const QList<Endpoint> targets{
        {"GET", QStringLiteral("/auth/v1/user")},
        {"POST", QStringLiteral("/auth/v1/logout")},
        {"GET", QStringLiteral(
                    "/auth/v1/user/identities/authorize?provider=google&skip_http_redirect=true")},
        {"GET", QStringLiteral("/rest/v1/users?select=*")},
        {"GET", QStringLiteral("/_emulator/stats")},
        {"DELETE", QStringLiteral("/auth/v1/admin/users/") + real.userId}};
    for (const Endpoint &t : targets) {
        for (const auto &a : auths) {
            Headers h{{"apikey", emu().proc.publishableKey().toLatin1()},
                      {"X-Supabase-Api-Version", "2024-01-01"},
                      {"Content-Type", "application/json"}};
            if (!a.second.isEmpty())
                h.append(header("Authorization", a.second));
            // PostgREST treats a request without a usable Bearer as anon, and
            // does not care about GoTrue-only claims: a 200 (no rows) is fine there.
            const bool rest = t.path.startsWith(QStringLiteral("/rest"));
            expectCleanError(t.method, t.path, h,
                             t.method == "GET" ? QByteArray() : QByteArray("{}"), a.first, rest);
            if (rest) {
                const HttpResponse r = emu().send(t.method, t.path, h);
                if (r.status == 200) {
                    EXPECT_TRUE(r.jsonArray().isEmpty()) << a.first << ": " << qPrintable(dump(r));
                }
            }
        }
    }
    EXPECT_EQ(emu().getUser(real.accessToken).status, 200)
        << "nothing above touched the real session";
}

TEST_F(BadInput, ForgedRolesDoNotBypassRls)
{
    const Session a = emu().anonSignUp();
    ASSERT_EQ(
        emu()
            .insertProfile(a.accessToken, QJsonObject{{"id", a.userId}, {"display_name", "Secret"}})
            .status,
        201);
    const QByteArray secret = emu().proc.jwtSecret().toUtf8();
    for (const QString &role : {QStringLiteral("postgres"), QStringLiteral("supabase_admin"),
                                QStringLiteral("admin"), QStringLiteral("")}) {
        QJsonObject c{
            {"role", role}, {"iss", "supabase"}, {"iat", nowSecs()}, {"exp", nowSecs() + 600}};
        const HttpResponse r =
            emu().rest("GET", QStringLiteral("/users?select=*"), signHs256(c, secret));
        EXPECT_LT(r.status, 500) << qPrintable(role) << ": " << qPrintable(dump(r));
        if (r.status == 200) {
            EXPECT_TRUE(r.jsonArray().isEmpty())
                << "role '" << qPrintable(role) << "' saw rows: " << qPrintable(dump(r));
        }
        ASSERT_TRUE(emu().healthy());
    }
}

TEST_F(BadInput, WeirdQueriesAndPaths)
{
    const QString ch = QString::fromLatin1(pkceChallenge(randomVerifier()));
    const QStringList gets{
        QStringLiteral("/auth/v1/authorize?provider=google&redirect_to=%00&code_challenge=") + ch +
            QStringLiteral("&code_challenge_method=plain"),
        QStringLiteral(
            "/auth/v1/authorize?provider=google&code_challenge=short&code_challenge_method=s256"),
        QStringLiteral(
            "/auth/v1/"
            "authorize?provider=google&provider=apple&code_challenge_method=nope&code_challenge=x"),
        QStringLiteral("/auth/v1/callback"),
        QStringLiteral("/auth/v1/callback?state=%ff%fe&code="),
        QStringLiteral("/auth/v1/callback?error=access_denied&state=garbage"),
        QStringLiteral("/rest/v1/users?select=*&id=neq.x&id=in.(a,b"),
        QStringLiteral("/rest/v1/users?select=nonexistent_column"),
        QStringLiteral("/rest/v1/users?select=*&order=;drop table users"),
        QStringLiteral("/rest/v1/users?select=*&id=eq.'%20or%201=1--"),
        QStringLiteral("/rest/v1/users?select=*&nonexistent=eq.1"),
        QStringLiteral("/idp/google/authorize"),
        QStringLiteral(
            "/idp/google/"
            "authorize?client_id=x&redirect_uri=not-a-url&response_type=code&login_hint=a@b.c"),
        QStringLiteral("/idp/unknown/.well-known/openid-configuration"),
        QStringLiteral("/auth/v1/admin/users/%2e%2e%2f%2e%2e"),
        QStringLiteral("/auth/v1/../../etc/passwd"),
    };
    for (const QString &path : gets) {
        const HttpResponse r = emu().get(path, emu().serviceHeaders());
        EXPECT_NE(r.status, 0) << qPrintable(path) << ": " << qPrintable(dump(r));
        EXPECT_LT(r.status, 500) << qPrintable(path) << ": " << qPrintable(dump(r));
        if (r.status >= 400 && !path.startsWith(QStringLiteral("/idp"))) {
            EXPECT_TRUE(r.isJsonObject()) << qPrintable(path) << ": " << qPrintable(dump(r));
        }
        ASSERT_TRUE(emu().healthy()) << "died after GET " << qPrintable(path);
    }
    // The emulator's own tables stay intact after the SQL-looking queries.
    EXPECT_EQ(
        emu().rest("GET", QStringLiteral("/users?select=*"), emu().proc.serviceRoleKey()).status,
        200);
}

TEST_F(BadInput, IdpTokenEndpointGarbage)
{
    const QString token = emu().proc.issuer(QStringLiteral("google")) + QStringLiteral("/token");
    for (const QByteArray &form :
         {QByteArray(), QByteArray("grant_type=authorization_code"),
          QByteArray("grant_type=password&username=a&password=b"),
          QByteArray(
              "grant_type=authorization_code&code=nope&code_verifier=x&client_id=y&redirect_uri=z"),
          QByteArray("%%%&&&==="), QByteArray(4000, '&')}) {
        const HttpResponse r = emu().http.send(
            "POST", QUrl(token), {{"Content-Type", "application/x-www-form-urlencoded"}}, form);
        EXPECT_GE(r.status, 400) << form.left(60).constData() << ": " << qPrintable(dump(r));
        EXPECT_LT(r.status, 500) << form.left(60).constData() << ": " << qPrintable(dump(r));
        ASSERT_TRUE(emu().healthy());
    }
}

TEST_F(BadInput, VeryLongUrlIsRefusedCleanly)
{
    const QString path =
        QStringLiteral("/auth/v1/health?pad=") + QString(200 * 1000, QLatin1Char('a'));
    const HttpResponse r = emu().get(path, emu().anonHeaders());
    EXPECT_NE(r.status, 0) << "connection dropped: " << qPrintable(dump(r));
    EXPECT_LT(r.status, 500) << qPrintable(dump(r));
    ASSERT_TRUE(emu().healthy());
}

TEST_F(BadInput, ManyRequestsInARowStayHealthy)
{
    // A quick burst through one client: nothing leaks into failures.
    const Session s = emu().anonSignUp();
    for (int i = 0; i < 200; ++i) {
        const HttpResponse r = emu().getUser(s.accessToken);
        ASSERT_EQ(r.status, 200) << "request " << i << ": " << qPrintable(dump(r));
    }
}

} // namespace
