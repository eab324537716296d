#include "AuthFixture.h"

#include "RecordingServer.h"

#include <QJsonArray>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QUrlQuery>
#include <QUuid>

#include <algorithm>

namespace exegia::test {

namespace {

QPair<QByteArray, QByteArray> h(const QByteArray &name, const QByteArray &value)
{
    return {name, value};
}

} // namespace

void AuthFixture::start(const QStringList &args)
{
    QString error;
    ASSERT_TRUE(emulator.start(args, &error)) << error.toStdString();
    client = makeClient(emulator.url());
}

std::unique_ptr<exegia::auth::AuthClient> AuthFixture::makeClient(const QUrl &url) const
{
    exegia::auth::ClientConfig config;
    config.projectUrl = url;
    config.publishableKey = emulator.publishableKey();
    config.requestTimeout = std::chrono::seconds(10);
    return std::make_unique<exegia::auth::AuthClient>(config);
}

Headers AuthFixture::serviceHeaders() const
{
    const QByteArray key = emulator.secretKey().toLatin1();
    return {h("apikey", key), h("Authorization", "Bearer " + key)};
}

QString AuthFixture::uniqueEmail(const QString &tag)
{
    return tag + u'-' + QUuid::createUuid().toString(QUuid::Id128).left(10) +
           QStringLiteral("@example.com");
}

QString AuthFixture::idToken(const QString &provider, const QString &email,
                             const QString &nonceHash)
{
    const QString redirect = QStringLiteral("http://127.0.0.1:9/callback");
    QUrl authorize(emulator.issuer(provider) + QStringLiteral("/authorize"));
    QUrlQuery q;
    q.addQueryItem(QStringLiteral("client_id"), emulator.clientId(provider));
    q.addQueryItem(QStringLiteral("redirect_uri"), redirect);
    q.addQueryItem(QStringLiteral("response_type"), QStringLiteral("code"));
    q.addQueryItem(QStringLiteral("scope"), QStringLiteral("openid email profile"));
    q.addQueryItem(QStringLiteral("state"), QStringLiteral("s"));
    q.addQueryItem(QStringLiteral("login_hint"),
                   QString::fromLatin1(QUrl::toPercentEncoding(email)));
    if (!nonceHash.isEmpty())
        q.addQueryItem(QStringLiteral("nonce"), nonceHash);
    authorize.setQuery(q);
    const HttpResponse page = http.get(authorize);
    const QUrl location(QString::fromUtf8(page.header("Location")));
    const QString code = QUrlQuery(location).queryItemValue(QStringLiteral("code"));
    EXPECT_FALSE(code.isEmpty()) << "IdP authorize: " << page.status << page.body.toStdString();
    const QByteArray form = "grant_type=authorization_code&code=" + QUrl::toPercentEncoding(code) +
                            "&redirect_uri=" + QUrl::toPercentEncoding(redirect) +
                            "&client_id=" + QUrl::toPercentEncoding(emulator.clientId(provider));
    const HttpResponse token =
        http.send("POST", QUrl(emulator.issuer(provider) + QStringLiteral("/token")),
                  {h("Content-Type", "application/x-www-form-urlencoded")}, form);
    const QString idToken = token.json().value(u"id_token").toString();
    EXPECT_FALSE(idToken.isEmpty()) << "IdP token: " << token.status << token.body.toStdString();
    return idToken;
}

QString AuthFixture::mailedCode(const QString &email)
{
    QUrl url(emulator.mailbox() + QStringLiteral("/messages"));
    QUrlQuery q;
    q.addQueryItem(QStringLiteral("to"), QString::fromLatin1(QUrl::toPercentEncoding(email)));
    url.setQuery(q);
    const HttpResponse messages = http.get(url, serviceHeaders());
    return messages.jsonArray().first().toObject().value(u"code").toString();
}

void AuthFixture::advanceServerClock(int seconds)
{
    const HttpResponse r =
        http.postJson(QUrl(emulator.urlString() + QStringLiteral("/_emulator/clock")),
                      QJsonObject{{"advance_seconds", seconds}}, serviceHeaders());
    ASSERT_EQ(r.status, 200) << r.body.toStdString();
}

int AuthFixture::deleteUser(const QString &userId)
{
    return http
        .send("DELETE",
              QUrl(emulator.urlString() + QStringLiteral("/auth/v1/admin/users/") + userId),
              serviceHeaders())
        .status;
}

void AuthFixture::injectFault(const QByteArray &method, const QString &path, int status, int count)
{
    const HttpResponse r =
        http.postJson(QUrl(emulator.urlString() + QStringLiteral("/_emulator/faults")),
                      QJsonObject{{"method", QString::fromLatin1(method)},
                                  {"path", path},
                                  {"status", status},
                                  {"count", count}},
                      serviceHeaders());
    ASSERT_TRUE(r.status >= 200 && r.status < 300) << r.status << r.body.toStdString();
}

QJsonObject AuthFixture::apiRequestCounts()
{
    const HttpResponse r =
        http.get(QUrl(emulator.urlString() + QStringLiteral("/_emulator/stats")), serviceHeaders());
    EXPECT_EQ(r.status, 200) << r.body.toStdString();
    QJsonObject out;
    const QJsonObject all = r.json().value(u"requests").toObject();
    for (auto it = all.begin(); it != all.end(); ++it) {
        const QString path = it.key().section(u' ', 1);
        if (path.startsWith(u"/auth/v1") || path.startsWith(u"/rest/v1"))
            out.insert(it.key(), it.value());
    }
    return out;
}

int AuthFixture::apiRequestTotal()
{
    int total = 0;
    const QJsonObject counts = apiRequestCounts();
    for (const QJsonValue &v : counts)
        total += v.toInt();
    return total;
}

void AuthFixture::proxyToEmulator(RecordingServer &proxy, Intercept intercept)
{
    if (!m_upstream)
        m_upstream = std::make_unique<QNetworkAccessManager>();
    proxy.handler = [this, &proxy, intercept](const RecordedRequest &r,
                                              RecordingServer::Respond respond) {
        if (intercept && intercept(r, proxy)) {
            respond(CannedResponse::close());
            return;
        }
        QUrl target = emulator.url();
        target.setPath(r.path);
        target.setQuery(r.query);
        QNetworkRequest forward(target);
        forward.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                             QNetworkRequest::ManualRedirectPolicy);
        for (const auto &header : r.headers) {
            const QByteArray name = header.first.toLower();
            if (name != "host" && name != "content-length" && name != "connection")
                forward.setRawHeader(header.first, header.second);
        }
        QNetworkReply *reply = m_upstream->sendCustomRequest(forward, r.method, r.body);
        QObject::connect(reply, &QNetworkReply::finished, reply, [reply, respond] {
            reply->deleteLater();
            CannedResponse out;
            out.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
            if (out.status == 0) {
                respond(CannedResponse::close());
                return;
            }
            for (const auto &header : reply->rawHeaderPairs()) {
                const QByteArray name = header.first.toLower();
                if (name != "content-length" && name != "transfer-encoding" && name != "connection")
                    out.headers.append(header);
            }
            out.body = reply->readAll();
            respond(out);
        });
    };
}

QUrl AuthFixture::followToForeignRedirect(const QUrl &start, int maxHops)
{
    QUrl next = start;
    for (int i = 0; i < maxHops; ++i) {
        if (next.port() != emulator.url().port())
            return next;
        const HttpResponse r = http.get(next);
        const QByteArray location = r.header("Location");
        if (location.isEmpty()) {
            ADD_FAILURE() << "no redirect from " << next.toString().toStdString() << ": "
                          << r.status << " " << r.body.left(300).toStdString();
            return {};
        }
        next = next.resolved(QUrl(QString::fromUtf8(location)));
    }
    return next;
}

} // namespace exegia::test
