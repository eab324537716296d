#include "EmulatorFixture.h"

#include <QJsonDocument>

namespace exegia::test {

// ---- results ------------------------------------------------------------------

QString dump(const HttpResponse &r)
{
    QString s = QStringLiteral("HTTP %1").arg(r.status);
    if (!r.networkError.isEmpty())
        s += QStringLiteral(" (%1)").arg(r.networkError);
    for (const auto &h : r.headers) {
        const QByteArray name = h.first.toLower();
        if (name == "location" || name == "x-sb-error-code" || name == "content-type")
            s += QStringLiteral(" [%1: %2]")
                     .arg(QString::fromLatin1(h.first), QString::fromUtf8(h.second));
    }
    s += QStringLiteral(" body: ") + QString::fromUtf8(r.body.left(600));
    return s;
}

QString Session::describe() const
{
    return dump(raw);
}

QString BrowserLoop::describe() const
{
    QString s = why;
    for (int i = 0; i < hops.size(); ++i)
        s += QStringLiteral("\n  hop %1: %2").arg(i).arg(dump(hops[i]));
    return s;
}

Session toSession(const HttpResponse &r)
{
    Session s;
    s.raw = r;
    s.json = r.json();
    s.accessToken = s.json.value(u"access_token").toString();
    s.refreshToken = s.json.value(u"refresh_token").toString();
    s.userId = s.json.value(u"user").toObject().value(u"id").toString();
    return s;
}

QString errorCode(const HttpResponse &r)
{
    const QByteArray h = r.header("x-sb-error-code");
    if (!h.isEmpty())
        return QString::fromUtf8(h);
    const QJsonObject o = r.json();
    if (o.value(u"code").isString())
        return o.value(u"code").toString();
    return o.value(u"error_code").toString();
}

QString errorMessage(const HttpResponse &r)
{
    const QJsonObject o = r.json();
    for (const auto key : {u"msg", u"message", u"error_description", u"error"}) {
        if (o.value(QStringView(key)).isString())
            return o.value(QStringView(key)).toString();
    }
    return {};
}

// ---- Emu ------------------------------------------------------------------------

bool Emu::start(const QStringList &args, QString *error)
{
    // The suites forge HS256 tokens with the public dev secret and use the
    // legacy service_role JWT; runs on a data folder or with a chosen secret
    // keep the keys that come with them. --no-dev-keys / --no-legacy-keys
    // (fixture-only words) ask for the emulator's defaults.
    const bool ownKeys = args.contains(QStringLiteral("--data")) ||
                         args.contains(QStringLiteral("--jwt-secret")) ||
                         args.contains(QStringLiteral("--no-dev-keys"));
    const bool newKeysOnly = args.contains(QStringLiteral("--no-legacy-keys"));
    QStringList all = args;
    all.removeAll(QStringLiteral("--no-dev-keys"));
    all.removeAll(QStringLiteral("--no-legacy-keys"));
    if (!ownKeys)
        all << QStringLiteral("--dev-keys");
    // ... and read the tokens it issues as HS256.
    if (!newKeysOnly)
        all << QStringLiteral("--legacy-keys");
    if (!newKeysOnly && !args.contains(QStringLiteral("--signing-key")))
        all << QStringLiteral("--signing-key") << QStringLiteral("hs256");
    return proc.start(all, error);
}

QUrl Emu::url(const QString &pathAndQuery) const
{
    return QUrl(proc.urlString() + pathAndQuery);
}

Headers Emu::anonHeaders(bool versioned) const
{
    Headers h{{"apikey", proc.publishableKey().toLatin1()},
              {"Authorization", "Bearer " + proc.publishableKey().toLatin1()},
              {"X-Client-Info", "exegia-tests/0.1"}};
    if (versioned)
        h.append(header("X-Supabase-Api-Version", "2024-01-01"));
    return h;
}

Headers Emu::userHeaders(const QString &token, bool versioned) const
{
    Headers h{{"apikey", proc.publishableKey().toLatin1()},
              {"Authorization", "Bearer " + token.toLatin1()}};
    if (versioned)
        h.append(header("X-Supabase-Api-Version", "2024-01-01"));
    return h;
}

Headers Emu::serviceHeaders() const
{
    return {{"apikey", proc.secretKey().toLatin1()},
            {"Authorization", "Bearer " + proc.secretKey().toLatin1()},
            {"X-Supabase-Api-Version", "2024-01-01"}};
}

HttpResponse Emu::get(const QString &path, const Headers &headers)
{
    return http.get(url(path), headers);
}

HttpResponse Emu::send(const QByteArray &method, const QString &path, const Headers &headers,
                       const QByteArray &body)
{
    return http.send(method, url(path), headers, body);
}

HttpResponse Emu::postJson(const QString &path, const QJsonObject &body, const Headers &headers)
{
    return http.postJson(url(path), body, headers);
}

void Emu::advanceClock(int seconds)
{
    const HttpResponse r = postJson(QStringLiteral("/_emulator/clock"),
                                    {{"advance_seconds", seconds}}, serviceHeaders());
    EXPECT_EQ(r.status, 200) << qPrintable(dump(r));
}

bool Emu::healthy()
{
    if (!proc.isRunning())
        return false;
    const HttpResponse r = get(QStringLiteral("/auth/v1/health"), anonHeaders());
    return r.status == 200 && r.isJsonObject();
}

Session Emu::anonSignUp(const QJsonObject &data)
{
    QJsonObject body;
    if (!data.isEmpty())
        body.insert(QStringLiteral("data"), data);
    return toSession(anonPost(QStringLiteral("/auth/v1/signup"), body));
}

HttpResponse Emu::requestOtp(const QString &email, const QJsonObject &extra)
{
    QJsonObject body = extra;
    body.insert(QStringLiteral("email"), email);
    return anonPost(QStringLiteral("/auth/v1/otp"), body);
}

QJsonArray Emu::messages(const QString &email)
{
    const HttpResponse r = http.get(
        QUrl(proc.mailbox() + QStringLiteral("/messages?to=") + enc(email)), serviceHeaders());
    return r.jsonArray();
}

QString Emu::latestCode(const QString &email)
{
    const QJsonArray list = messages(email);
    return list.isEmpty() ? QString() : list.first().toObject().value(u"code").toString();
}

HttpResponse Emu::verify(const QString &email, const QString &code)
{
    return anonPost(QStringLiteral("/auth/v1/verify"),
                    QJsonObject{{"type", "email"}, {"email", email}, {"token", code}});
}

Session Emu::emailSignIn(const QString &email, QString *why)
{
    const HttpResponse otp = requestOtp(email);
    if (otp.status != 200) {
        if (why)
            *why = QStringLiteral("/otp: ") + dump(otp);
        return toSession(otp);
    }
    const QString code = latestCode(email);
    if (code.isEmpty() && why)
        *why = QStringLiteral("no code in the mailbox for ") + email;
    Session s = toSession(verify(email, code));
    if (!s.ok() && why && why->isEmpty())
        *why = QStringLiteral("/verify: ") + s.describe();
    return s;
}

Session Emu::refresh(const QString &refreshToken)
{
    return toSession(anonPost(QStringLiteral("/auth/v1/token?grant_type=refresh_token"),
                              QJsonObject{{"refresh_token", refreshToken}}));
}

HttpResponse Emu::getUser(const QString &accessToken)
{
    return get(QStringLiteral("/auth/v1/user"), userHeaders(accessToken));
}

HttpResponse Emu::logout(const QString &accessToken, const QString &scope)
{
    Headers h = userHeaders(accessToken);
    h.append(header("Content-Type", "application/json;charset=UTF-8"));
    const QString path = scope.isEmpty() ? QStringLiteral("/auth/v1/logout")
                                         : QStringLiteral("/auth/v1/logout?scope=") + scope;
    return send("POST", path, h, "{}");
}

IdpTokens Emu::idpTokens(const QString &provider, const QString &email, const QString &nonceHash,
                         const QString &clientId)
{
    IdpTokens out;
    const QString issuer = proc.issuer(provider);
    const QString client = clientId.isEmpty() ? proc.clientId(provider) : clientId;
    const QString redirect = QStringLiteral("http://127.0.0.1:45679/idp-cb");
    const QByteArray verifier = randomVerifier(64);
    QString q = QStringLiteral("?client_id=%1&redirect_uri=%2&response_type=code&scope=%3"
                               "&state=s123&code_challenge=%4&code_challenge_method=S256"
                               "&login_hint=%5")
                    .arg(enc(client), enc(redirect), enc(QStringLiteral("openid email profile")),
                         QString::fromLatin1(pkceChallenge(verifier)), enc(email));
    if (!nonceHash.isEmpty())
        q += QStringLiteral("&nonce=") + enc(nonceHash);
    const QUrl authorizeUrl(issuer + QStringLiteral("/authorize") + q);
    const HttpResponse a = http.get(authorizeUrl);
    if (a.status != 302) {
        out.raw = a;
        out.why = QStringLiteral("IdP authorize: ") + dump(a);
        return out;
    }
    const QUrl loc = authorizeUrl.resolved(QUrl(QString::fromUtf8(a.header("Location"))));
    const QString code = QUrlQuery(loc).queryItemValue(QStringLiteral("code"), QUrl::FullyDecoded);
    if (code.isEmpty()) {
        out.raw = a;
        out.why = QStringLiteral("IdP authorize redirect has no code: ") + loc.toString();
        return out;
    }
    const QByteArray form =
        QStringLiteral("grant_type=authorization_code&code=%1&redirect_uri=%2"
                       "&client_id=%3&code_verifier=%4")
            .arg(enc(code), enc(redirect), enc(client), QString::fromLatin1(verifier))
            .toLatin1();
    out.raw = http.send("POST", QUrl(issuer + QStringLiteral("/token")),
                        {{"Content-Type", "application/x-www-form-urlencoded"}}, form);
    const QJsonObject o = out.raw.json();
    out.idToken = o.value(u"id_token").toString();
    out.accessToken = o.value(u"access_token").toString();
    if (out.raw.status != 200 || out.idToken.isEmpty())
        out.why = QStringLiteral("IdP token: ") + dump(out.raw);
    return out;
}

HttpResponse Emu::idTokenGrant(const QJsonObject &body, const Headers &headers)
{
    return postJson(QStringLiteral("/auth/v1/token?grant_type=id_token"), body,
                    headers.isEmpty() ? anonHeaders() : headers);
}

Session Emu::idTokenSignIn(const QString &provider, const QString &email, QString *why)
{
    const QByteArray rawNonce = randomVerifier(32);
    const IdpTokens t = idpTokens(provider, email, sha256Hex(rawNonce));
    if (!t.ok()) {
        if (why)
            *why = t.why;
        return toSession(t.raw);
    }
    Session s = toSession(idTokenGrant(QJsonObject{{"provider", provider},
                                                   {"id_token", t.idToken},
                                                   {"access_token", t.accessToken},
                                                   {"nonce", QString::fromLatin1(rawNonce)}}));
    if (!s.ok() && why)
        *why = QStringLiteral("id_token grant: ") + s.describe();
    return s;
}

BrowserLoop Emu::follow(const QUrl &start, const Headers &firstHeaders)
{
    BrowserLoop out;
    QUrl current = start;
    Headers headers = firstHeaders;
    for (int hop = 0; hop < 8; ++hop) {
        const HttpResponse r = http.get(current, headers);
        headers = {};
        out.hops << r;
        if (r.status < 300 || r.status > 399) {
            out.why = QStringLiteral("GET %1 did not redirect").arg(current.toString());
            return out;
        }
        const QUrl loc = current.resolved(QUrl(QString::fromUtf8(r.header("Location"))));
        if (loc.toString().startsWith(redirectTo())) {
            out.final = loc;
            out.query = QUrlQuery(loc);
            out.code = out.query.queryItemValue(QStringLiteral("code"), QUrl::FullyDecoded);
            return out;
        }
        current = loc;
    }
    out.why = QStringLiteral("too many redirects");
    return out;
}

BrowserLoop Emu::pkceSignIn(const QString &provider, const QString &email,
                            const QByteArray &verifier, const QString &extraQuery)
{
    const QString q = QStringLiteral("/auth/v1/authorize?provider=%1&redirect_to=%2"
                                     "&code_challenge=%3&code_challenge_method=s256&login_hint=%4")
                          .arg(provider, enc(redirectTo()),
                               QString::fromLatin1(pkceChallenge(verifier)), enc(email)) +
                      extraQuery;
    return follow(url(q));
}

HttpResponse Emu::linkAuthorize(const QString &accessToken, const QString &provider,
                                const QString &email, const QByteArray &verifier,
                                bool skipHttpRedirect)
{
    QString q = QStringLiteral("/auth/v1/user/identities/authorize?provider=%1&redirect_to=%2"
                               "&scopes=%3&code_challenge=%4&code_challenge_method=s256"
                               "&login_hint=%5")
                    .arg(provider, enc(redirectTo()), enc(QStringLiteral("openid email")),
                         QString::fromLatin1(pkceChallenge(verifier)), enc(email));
    if (skipHttpRedirect)
        q += QStringLiteral("&skip_http_redirect=true");
    return get(q, userHeaders(accessToken));
}

BrowserLoop Emu::linkLoop(const QString &accessToken, const QString &provider, const QString &email,
                          const QByteArray &verifier)
{
    const HttpResponse r = linkAuthorize(accessToken, provider, email, verifier);
    const QString providerUrl = r.json().value(u"url").toString();
    if (r.status != 200 || providerUrl.isEmpty()) {
        BrowserLoop out;
        out.hops << r;
        out.why = QStringLiteral("/user/identities/authorize gave no url");
        return out;
    }
    return follow(QUrl(providerUrl));
}

HttpResponse Emu::exchange(const QString &authCode, const QByteArray &verifier)
{
    return anonPost(
        QStringLiteral("/auth/v1/token?grant_type=pkce"),
        QJsonObject{{"auth_code", authCode}, {"code_verifier", QString::fromLatin1(verifier)}});
}

HttpResponse Emu::rest(const QByteArray &method, const QString &pathAndQuery, const QString &bearer,
                       const QByteArray &body, const Headers &extra)
{
    Headers h{{"apikey", proc.publishableKey().toLatin1()}};
    if (!bearer.isEmpty())
        h.append(header("Authorization", "Bearer " + bearer.toLatin1()));
    if (!body.isEmpty())
        h.append(header("Content-Type", "application/json"));
    h.append(extra);
    return http.send(method, url(QStringLiteral("/rest/v1") + pathAndQuery), h, body);
}

HttpResponse Emu::insertProfile(const QString &bearer, const QJsonObject &row,
                                const QByteArray &prefer)
{
    Headers extra;
    if (!prefer.isEmpty())
        extra.append(header("Prefer", prefer));
    return rest("POST", QStringLiteral("/users"), bearer,
                QJsonDocument(row).toJson(QJsonDocument::Compact), extra);
}

QJsonArray Emu::profileRows(const QString &bearer, const QString &userId)
{
    return rest("GET", QStringLiteral("/users?select=*&id=eq.") + userId, bearer).jsonArray();
}

// ---- fixture ------------------------------------------------------------------

std::unique_ptr<Emu> EmulatorSuite::s_emu;
QString EmulatorSuite::s_error;

void EmulatorSuite::startSuite(const QStringList &args)
{
    s_error.clear();
    auto e = std::make_unique<Emu>();
    if (e->start(args, &s_error))
        s_emu = std::move(e);
}

void EmulatorSuite::TearDownTestSuite()
{
    s_emu.reset();
}

void EmulatorSuite::SetUp()
{
    ASSERT_TRUE(s_emu) << "emulator did not start: " << qPrintable(s_error);
}

void EmulatorSuite::TearDown()
{
    if (s_emu) {
        EXPECT_TRUE(s_emu->healthy()) << "the emulator no longer answers GET /auth/v1/health";
    }
}

} // namespace exegia::test
