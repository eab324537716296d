// The API key on the wire (issue 12): over a whole session (sign-in, the
// profile, refresh, sign-out) an sb_ key goes in Authorization only when it
// is the apikey itself, and a call made for the user carries the user's JWT,
// never the key. Runs in both modes (opaque sb_publishable_ key; legacy anon
// JWT key). Recorded by a proxy in front of the emulator.
#include <exegia/auth/Errors.h>

#include "AuthFixture.h"
#include "Await.h"
#include "RecordingServer.h"

#include <QJsonDocument>

using namespace exegia::auth;
using exegia::test::await;
using exegia::test::RecordedRequest;

namespace {

// The `sub` of a JWT, or empty when `token` is not one.
QString subjectOf(const QByteArray &token)
{
    const QList<QByteArray> parts = token.split('.');
    if (parts.size() != 3)
        return {};
    const QJsonObject payload =
        QJsonDocument::fromJson(QByteArray::fromBase64(parts[1], QByteArray::Base64UrlEncoding))
            .object();
    return payload.value(u"sub").toString();
}

class KeysOnTheWire : public exegia::test::AuthFixture
{
protected:
    // Checks every request the proxy saw; `userId` is the signed-in user.
    void checkAll(const QString &userId)
    {
        const QByteArray key = emulator.publishableKey().toLatin1();
        ASSERT_FALSE(key.isEmpty());
        for (const RecordedRequest &r : proxy.requests) {
            SCOPED_TRACE((r.method + ' ' + r.path.toLatin1()).toStdString());
            EXPECT_EQ(r.header("apikey"), key);
            const QByteArray authorization = r.header("Authorization");
            if (!r.hasHeader("Authorization"))
                continue;
            ASSERT_TRUE(authorization.startsWith("Bearer "));
            const QByteArray bearer = authorization.mid(7);
            if (bearer.startsWith("sb_")) {
                EXPECT_EQ(bearer, key); // an sb_ key only as the apikey itself
            }
            if (forTheUser(r)) {
                EXPECT_EQ(subjectOf(bearer), userId); // the user's JWT, never the key
            } else {
                EXPECT_EQ(bearer, key);
            }
        }
    }

    // Calls the library makes with the user's access token.
    static bool forTheUser(const RecordedRequest &r)
    {
        return r.path.startsWith(u"/rest/v1") || r.path.startsWith(u"/auth/v1/user") ||
               r.path == u"/auth/v1/logout";
    }

    exegia::test::RecordingServer proxy;
};

} // namespace

TEST_F(KeysOnTheWire, NoKeyInAuthorizationUnlessItIsTheApikey)
{
    proxyToEmulator(proxy);
    auto proxied = makeClient(proxy.url());
    const QString email = uniqueEmail(QStringLiteral("keys"));
    const SignInResult in = await(proxied->signInWithIdToken(
        QStringLiteral("google"), idToken(QStringLiteral("google"), email)));
    ASSERT_TRUE(in.session);
    const Session session = *in.session;
    SignUpOptions signUp;
    signUp.accessToken = session.accessToken;
    signUp.profileFields.insert(QStringLiteral("display_name"), QStringLiteral("Ada"));
    EXPECT_TRUE(await(proxied->signUp(signUp)).ok);
    EXPECT_TRUE(await(proxied->getCurrentUserRecord(session.accessToken)));
    EXPECT_TRUE(await(proxied->updateProfile(
        session.accessToken, {{QStringLiteral("display_name"), QStringLiteral("B")}})));
    const Session refreshed = await(proxied->refreshSession(session.refreshToken));
    await(proxied->signOut(refreshed.accessToken));
    ASSERT_GE(proxy.requests.size(), 8);
    checkAll(session.user.id);
}
