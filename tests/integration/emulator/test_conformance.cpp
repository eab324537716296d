// Finer wire details: API-version negotiation, the x-sb-error-code header on
// every coded error, e-mail normalisation, provider metadata, redirect_to
// hygiene, replayed callbacks, more PostgREST forms, concurrency, and the
// command line.
#include "EmulatorFixture.h"

#include <QDateTime>
#include <QEventLoop>
#include <QFile>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSet>
#include <QTemporaryDir>
#include <QTimer>

using namespace exegia::test;

namespace {

class Conformance : public EmulatorSuite
{
protected:
    static void SetUpTestSuite() { startSuite(); }

    // Sends `n` copies of a request at once; returns the statuses and bodies.
    QList<QPair<int, QByteArray>> parallel(int n, const QByteArray &method, const QString &path,
                                           const Headers &headers, const QByteArray &body = {})
    {
        QNetworkAccessManager nam;
        QList<QNetworkReply *> replies;
        for (int i = 0; i < n; ++i) {
            QNetworkRequest req(emu().url(path));
            for (const auto &h : headers)
                req.setRawHeader(h.first, h.second);
            replies << nam.sendCustomRequest(req, method, body);
        }
        QEventLoop loop;
        QTimer deadline;
        deadline.setSingleShot(true);
        QObject::connect(&deadline, &QTimer::timeout, &loop, &QEventLoop::quit);
        int done = 0;
        for (QNetworkReply *r : replies) {
            QObject::connect(r, &QNetworkReply::finished, &loop, [&] {
                if (++done == n)
                    loop.quit();
            });
        }
        deadline.start(20000);
        if (done < n)
            loop.exec();
        QList<QPair<int, QByteArray>> out;
        for (QNetworkReply *r : replies) {
            out.append(qMakePair(r->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(),
                                 r->isFinished() ? r->readAll() : QByteArray("(unfinished)")));
            r->deleteLater();
        }
        return out;
    }
};

TEST_F(Conformance, ApiVersionNegotiation)
{
    auto wrong = [&](const QByteArray &version) {
        Headers h{{"apikey", emu().proc.publishableKey().toLatin1()}};
        if (!version.isEmpty())
            h.append(header("X-Supabase-Api-Version", version));
        return emu().postJson(
            QStringLiteral("/auth/v1/verify"),
            QJsonObject{{"type", "email"}, {"email", "v@example.com"}, {"token", "000000"}}, h);
    };
    // A later date still gets the 2024-01-01 format, echoed as the version used.
    const HttpResponse later = wrong("2025-06-01");
    EXPECT_EQ(later.json().value(u"code").toString(), QStringLiteral("otp_expired"))
        << qPrintable(dump(later));
    EXPECT_EQ(later.header("X-Supabase-Api-Version"), QByteArray("2024-01-01"));
    // Garbage or an earlier date: the legacy format.
    for (const QByteArray &v : {QByteArray("garbage"), QByteArray("2023-12-31")}) {
        const HttpResponse r = wrong(v);
        EXPECT_EQ(r.json().value(u"code").toInt(), 403)
            << v.constData() << ": " << qPrintable(dump(r));
        EXPECT_EQ(r.json().value(u"error_code").toString(), QStringLiteral("otp_expired"));
    }
}

TEST_F(Conformance, EveryCodedErrorCarriesTheHeader)
{
    const Session s = emu().anonSignUp();
    QList<HttpResponse> errors;
    errors << emu().get(QStringLiteral("/auth/v1/user"),
                        {{"apikey", emu().proc.publishableKey().toLatin1()}});
    errors << emu().getUser(QStringLiteral("x.y.z"));
    errors << emu().verify(QStringLiteral("h@example.com"), QStringLiteral("111111"));
    errors << emu().refresh(QStringLiteral("nope")).raw;
    errors << emu().exchange(QStringLiteral("00000000-0000-0000-0000-000000000000"),
                             randomVerifier());
    errors << emu().requestOtp(QStringLiteral("bad"));
    errors << emu().requestOtp(uniqueEmail(QStringLiteral("h")),
                               QJsonObject{{"create_user", false}});
    errors << emu().logout(s.accessToken, QStringLiteral("bogus"));
    Headers h = emu().anonHeaders();
    h.append(header("Content-Type", "application/json"));
    errors << emu().send("POST", QStringLiteral("/auth/v1/otp"), h, "{");
    errors << emu().postJson(
        QStringLiteral("/auth/v1/verify"),
        QJsonObject{{"type", "email"}, {"email", "l@example.com"}, {"token", "1"}},
        {{"apikey", emu().proc.publishableKey().toLatin1()}});
    for (const HttpResponse &e : errors) {
        const QJsonObject o = e.json();
        const QString bodyCode = o.value(u"code").isString() ? o.value(u"code").toString()
                                                             : o.value(u"error_code").toString();
        EXPECT_FALSE(bodyCode.isEmpty()) << qPrintable(dump(e));
        EXPECT_EQ(QString::fromUtf8(e.header("x-sb-error-code")), bodyCode) << qPrintable(dump(e));
    }
}

TEST_F(Conformance, EmailsAreNormalisedToLowerCase)
{
    const QString mixed = QStringLiteral("Mixed.Case%1@Example.COM").arg(nowSecs());
    ASSERT_EQ(emu().requestOtp(mixed).status, 200);
    const QString code = emu().latestCode(mixed.toLower());
    ASSERT_FALSE(code.isEmpty()) << "mail goes to the normalised address";
    const Session s = toSession(emu().verify(mixed.toUpper(), code));
    ASSERT_TRUE(s.ok()) << qPrintable(s.describe());
    EXPECT_EQ(s.json.value(u"user").toObject().value(u"email").toString(), mixed.toLower());
}

TEST_F(Conformance, GoogleUserMetadataComesFromTheIdToken)
{
    const QString email = uniqueEmail(QStringLiteral("meta"));
    const IdpTokens t = emu().idpTokens(QStringLiteral("google"), email);
    ASSERT_TRUE(t.ok()) << qPrintable(t.why);
    const QJsonObject c = jwtPart(t.idToken, 1);
    const Session s =
        toSession(emu().idTokenGrant(QJsonObject{{"provider", "google"}, {"id_token", t.idToken}}));
    ASSERT_TRUE(s.ok()) << qPrintable(s.describe());
    const QJsonObject m = s.json.value(u"user").toObject().value(u"user_metadata").toObject();
    EXPECT_EQ(m.value(u"name"), c.value(u"name")) << qPrintable(s.describe());
    EXPECT_EQ(m.value(u"full_name"), c.value(u"name")) << qPrintable(s.describe());
    EXPECT_EQ(m.value(u"avatar_url"), c.value(u"picture")) << qPrintable(s.describe());
    EXPECT_EQ(m.value(u"sub"), c.value(u"sub"));
    EXPECT_EQ(m.value(u"provider_id"), c.value(u"sub"));
    EXPECT_EQ(m.value(u"email_verified"), QJsonValue(true));
    const QJsonObject id =
        s.json.value(u"user").toObject().value(u"identities").toArray().at(0).toObject();
    EXPECT_EQ(id.value(u"identity_data").toObject().value(u"email").toString(), email);
    EXPECT_EQ(id.value(u"identity_data").toObject().value(u"sub"), c.value(u"sub"));
}

TEST_F(Conformance, ForeignRedirectToIsNotFollowed)
{
    const QByteArray verifier = randomVerifier();
    const QString q =
        QStringLiteral("/auth/v1/authorize?provider=google&redirect_to=%1&code_challenge=%2"
                       "&code_challenge_method=s256&login_hint=%3")
            .arg(enc(QStringLiteral("https://evil.example/steal")),
                 QString::fromLatin1(pkceChallenge(verifier)),
                 enc(uniqueEmail(QStringLiteral("evil"))));
    QUrl current = emu().url(q);
    for (int hop = 0; hop < 6; ++hop) {
        const HttpResponse r = emu().http.get(current);
        if (r.status != 302)
            break;
        const QUrl next = current.resolved(QUrl(QString::fromUtf8(r.header("Location"))));
        EXPECT_NE(next.host(), QStringLiteral("evil.example"))
            << "the code went to a redirect_to that is not allowed: "
            << qPrintable(next.toString());
        if (next.host() != QStringLiteral("127.0.0.1"))
            break;
        current = next;
    }
}

TEST_F(Conformance, ReplayedCallbackGivesNoSecondCode)
{
    const QByteArray verifier = randomVerifier();
    const BrowserLoop loop =
        emu().pkceSignIn(QStringLiteral("google"), uniqueEmail(QStringLiteral("replay")), verifier);
    ASSERT_TRUE(loop.reached() && !loop.code.isEmpty()) << qPrintable(loop.describe());
    ASSERT_EQ(loop.hops.size(), 3);
    // hops[1] is the IdP's answer: its Location is the callback URL.
    const QUrl callback =
        emu().url(QString()).resolved(QUrl(QString::fromUtf8(loop.hops[1].header("Location"))));
    ASSERT_TRUE(callback.path().endsWith(QStringLiteral("/auth/v1/callback")))
        << qPrintable(callback.toString());
    const BrowserLoop replay = emu().follow(callback);
    if (replay.reached())
        EXPECT_TRUE(replay.code.isEmpty())
            << "a replayed callback minted another code: " << qPrintable(replay.final.toString());
    else
        EXPECT_LT(replay.hops.last().status, 500) << qPrintable(replay.describe());
    EXPECT_TRUE(toSession(emu().exchange(loop.code, verifier)).ok());
}

TEST_F(Conformance, MoreRestForms)
{
    QString why;
    const Session a =
        emu().idTokenSignIn(QStringLiteral("google"), uniqueEmail(QStringLiteral("forms")), &why);
    ASSERT_TRUE(a.ok()) << qPrintable(why);
    const Session b = emu().anonSignUp();
    // Bulk insert: one row not the caller's fails the whole statement.
    const QByteArray bulk =
        QJsonDocument(QJsonArray{QJsonObject{{"id", a.userId}, {"display_name", "A"}},
                                 QJsonObject{{"id", b.userId}, {"display_name", "B"}}})
            .toJson(QJsonDocument::Compact);
    const HttpResponse mixed = emu().rest("POST", QStringLiteral("/users"), a.accessToken, bulk);
    EXPECT_EQ(mixed.status, 403) << qPrintable(dump(mixed));
    EXPECT_TRUE(emu().profileRows(emu().proc.serviceRoleKey(), a.userId).isEmpty())
        << "all or nothing";
    // An array of one row and a single-object answer.
    const QByteArray one =
        QJsonDocument(QJsonArray{QJsonObject{{"id", a.userId}, {"display_name", "A"}}})
            .toJson(QJsonDocument::Compact);
    const HttpResponse ins = emu().rest(
        "POST", QStringLiteral("/users"), a.accessToken, one,
        {{"Prefer", "return=representation"}, {"Accept", "application/vnd.pgrst.object+json"}});
    EXPECT_EQ(ins.status, 201) << qPrintable(dump(ins));
    EXPECT_TRUE(ins.isJsonObject()) << qPrintable(dump(ins));
    EXPECT_EQ(ins.json().value(u"id").toString(), a.userId);
    // No select= means every column.
    const HttpResponse all =
        emu().rest("GET", QStringLiteral("/users?id=eq.") + a.userId, a.accessToken);
    ASSERT_EQ(all.status, 200) << qPrintable(dump(all));
    EXPECT_TRUE(all.jsonArray().at(0).toObject().contains(u"user_type"));
    // PATCH of zero rows with a single-object answer: 406.
    const HttpResponse none = emu().rest(
        "PATCH", QStringLiteral("/users?id=eq.") + b.userId, a.accessToken,
        R"({"display_name":"x"})",
        {{"Prefer", "return=representation"}, {"Accept", "application/vnd.pgrst.object+json"}});
    EXPECT_EQ(none.status, 406) << qPrintable(dump(none));
    EXPECT_EQ(none.json().value(u"code").toString(), QStringLiteral("PGRST116"));
}

TEST_F(Conformance, ConcurrentRefreshesOfOneToken)
{
    const Session s = emu().anonSignUp();
    ASSERT_TRUE(s.ok());
    Headers h = emu().anonHeaders();
    h.append(header("Content-Type", "application/json"));
    const auto results =
        parallel(6, "POST", QStringLiteral("/auth/v1/token?grant_type=refresh_token"), h,
                 QJsonDocument(QJsonObject{{"refresh_token", s.refreshToken}}).toJson());
    int ok = 0;
    for (const auto &r : results) {
        EXPECT_TRUE(r.first == 200 || r.first == 409)
            << r.first << ' ' << r.second.left(300).constData();
        if (r.first == 200) {
            ++ok;
            const QString at =
                QJsonDocument::fromJson(r.second).object().value(u"access_token").toString();
            EXPECT_EQ(jwtPart(at, 1).value(u"session_id"),
                      jwtPart(s.accessToken, 1).value(u"session_id"));
        }
    }
    EXPECT_GE(ok, 1);
    EXPECT_TRUE(emu().healthy());
}

TEST_F(Conformance, ConcurrentReadsAndSignUps)
{
    const Session s = emu().anonSignUp();
    for (const auto &r :
         parallel(24, "GET", QStringLiteral("/auth/v1/user"), emu().userHeaders(s.accessToken)))
        EXPECT_EQ(r.first, 200) << r.second.left(300).constData();
    Headers h = emu().anonHeaders();
    h.append(header("Content-Type", "application/json"));
    QSet<QString> ids;
    for (const auto &r : parallel(12, "POST", QStringLiteral("/auth/v1/signup"), h, "{}")) {
        EXPECT_EQ(r.first, 200) << r.second.left(300).constData();
        ids.insert(QJsonDocument::fromJson(r.second)
                       .object()
                       .value(u"user")
                       .toObject()
                       .value(u"id")
                       .toString());
    }
    EXPECT_EQ(ids.size(), 12);
}

TEST_F(Conformance, MailCarriesTheCodeAndALink)
{
    const QString email = uniqueEmail(QStringLiteral("link"));
    ASSERT_EQ(emu().requestOtp(email).status, 200);
    const QJsonObject m = emu().messages(email).at(0).toObject();
    const QString text = m.value(u"text").toString();
    EXPECT_TRUE(text.contains(m.value(u"code").toString()));
    EXPECT_TRUE(text.contains(QStringLiteral("http"))) << qPrintable(text);
    EXPECT_TRUE(QDateTime::fromString(m.value(u"sent_at").toString(), Qt::ISODateWithMs).isValid())
        << qPrintable(m.value(u"sent_at").toString());
    const HttpResponse letters = emu().verify(email, QStringLiteral("abcdef"));
    EXPECT_EQ(letters.status, 403) << qPrintable(dump(letters));
    EXPECT_EQ(errorCode(letters), QStringLiteral("otp_expired"));
}

TEST(CommandLine, BadOptionsAreRefusedAtStartUp)
{
    for (const QStringList &args :
         {QStringList{QStringLiteral("--jwt-secret"), QStringLiteral("too-short")},
          QStringList{QStringLiteral("--no-such-option")},
          QStringList{QStringLiteral("--otp-exp"), QStringLiteral("soon")}}) {
        EmulatorProcess p;
        QString error;
        EXPECT_FALSE(p.start(args, &error, 5000)) << "started with " << qPrintable(args.join(u' '));
    }
}

TEST(CommandLine, DataFolderIsCreated)
{
    QTemporaryDir base;
    ASSERT_TRUE(base.isValid());
    const QString dir = base.filePath(QStringLiteral("a/b"));
    EXEGIA_START_EMU(e, QStringLiteral("--data"), dir);
    EXPECT_TRUE(e.anonSignUp().ok());
    EXPECT_TRUE(QFile::exists(dir + QStringLiteral("/emulator.sqlite3")));
}

} // namespace
