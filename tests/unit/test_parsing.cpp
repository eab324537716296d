// Parsing of every docs/wire.md shape the client reads, and what happens when the
// server (or something pretending to be it) sends anything else.
#include <exegia/auth/AuthResults.h>
#include <exegia/auth/Errors.h>

#include "detail/ProfileStore.h"
#include "detail/Replies.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <gtest/gtest.h>

using namespace exegia::auth;

namespace {

const char *kGoogleUser = R"({
  "id": "4f1c0f7e-4a6e-4b8e-9d2e-2f1e7d4c9a11", "aud": "authenticated", "role": "authenticated",
  "email": "ada@example.com", "phone": "",
  "email_confirmed_at": "2025-01-02T03:04:05.123456Z", "confirmed_at": "2025-01-02T03:04:05Z",
  "last_sign_in_at": "2025-01-02T03:04:05.5+00:00",
  "app_metadata": {"provider": "google", "providers": ["google", "email"]},
  "user_metadata": {"full_name": "Ada Lovelace"},
  "identities": [
    {"identity_id": "b0d1c3a4-0000-4000-8000-000000000001", "id": "1234567890",
     "user_id": "4f1c0f7e-4a6e-4b8e-9d2e-2f1e7d4c9a11",
     "identity_data": {"email": "ada@example.com", "sub": "1234567890"},
     "provider": "google", "email": "ada@example.com",
     "last_sign_in_at": "2025-01-02T03:04:05Z", "created_at": "2025-01-02T03:04:05Z",
     "updated_at": "2025-01-02T03:04:05Z"},
    {"identity_id": "b0d1c3a4-0000-4000-8000-000000000002", "id": "4f1c0f7e",
     "user_id": "4f1c0f7e-4a6e-4b8e-9d2e-2f1e7d4c9a11", "identity_data": {},
     "provider": "email"}
  ],
  "created_at": "2025-01-01T00:00:00Z", "updated_at": "2025-01-02T03:04:05Z",
  "is_anonymous": false})";

const char *kAnonymousUser = R"({
  "id": "0b9b1e52-7d0c-4a53-8f3e-6c1d2b3a4f5e", "aud": "authenticated", "role": "authenticated",
  "email": "", "phone": "", "app_metadata": {}, "user_metadata": {}, "identities": [],
  "created_at": "2025-01-01T00:00:00Z", "updated_at": "2025-01-01T00:00:00Z",
  "is_anonymous": true})";

QJsonObject parse(const QByteArray &json)
{
    return QJsonDocument::fromJson(json).object();
}

QJsonObject sessionJson(const QJsonObject &user)
{
    return {{"access_token", "header.payload.sig"},
            {"token_type", "bearer"},
            {"expires_in", 3600},
            {"expires_at", 1893456000},
            {"refresh_token", "r1"},
            {"user", user}};
}

HttpReply reply(int status, const QByteArray &body)
{
    HttpReply r;
    r.status = status;
    r.body = body;
    return r;
}

template <typename F> NetworkError::Kind malformedKind(F &&f)
{
    try {
        f();
    } catch (const NetworkError &e) {
        return e.kind();
    }
    ADD_FAILURE() << "no NetworkError";
    return NetworkError::Kind::Other;
}

} // namespace

TEST(Parsing, UserWithIdentities)
{
    QString error;
    const auto user = User::fromJson(parse(kGoogleUser), &error);
    ASSERT_TRUE(user) << error.toStdString();
    EXPECT_EQ(user->id, QStringLiteral("4f1c0f7e-4a6e-4b8e-9d2e-2f1e7d4c9a11"));
    EXPECT_EQ(user->email, QStringLiteral("ada@example.com"));
    EXPECT_FALSE(user->isAnonymous);
    EXPECT_TRUE(user->emailConfirmedAt.isValid());
    EXPECT_EQ(user->emailConfirmedAt.toUTC().time().msec(), 123);
    EXPECT_TRUE(user->lastSignInAt.isValid());
    ASSERT_EQ(user->identities.size(), 2);
    EXPECT_EQ(user->identities[0].provider, QStringLiteral("google"));
    EXPECT_EQ(user->identities[0].identityData.value(u"sub").toString(),
              QStringLiteral("1234567890"));
    EXPECT_EQ(user->providers(), (QStringList{QStringLiteral("google"), QStringLiteral("email")}));
}

TEST(Parsing, AnonymousUser)
{
    const auto user = User::fromJson(parse(kAnonymousUser));
    ASSERT_TRUE(user);
    EXPECT_TRUE(user->isAnonymous);
    EXPECT_TRUE(user->email.isEmpty());
    EXPECT_TRUE(user->providers().isEmpty());
    const CurrentUser current{*user, std::nullopt};
    EXPECT_TRUE(current.isAnonymous());
    EXPECT_FALSE(current.isPermanent());
    EXPECT_FALSE(current.hasProfile());
    EXPECT_FALSE(current.hasProvider(QStringLiteral("google")));
}

TEST(Parsing, ProvidersFallBackToAppMetadata)
{
    QJsonObject json = parse(kGoogleUser);
    json.remove(u"identities");
    const auto user = User::fromJson(json);
    ASSERT_TRUE(user);
    EXPECT_EQ(user->providers(), (QStringList{QStringLiteral("google"), QStringLiteral("email")}));
}

TEST(Parsing, CurrentUserWithProfile)
{
    const CurrentUser current{*User::fromJson(parse(kGoogleUser)),
                              QJsonObject{{"display_name", "Ada"},
                                          {"user_type", "registered"},
                                          {"avatar_url", QJsonValue::Null}}};
    EXPECT_TRUE(current.hasProfile());
    EXPECT_TRUE(current.isPermanent());
    EXPECT_TRUE(current.hasProvider(QStringLiteral("google")));
    EXPECT_EQ(current.displayName(), QStringLiteral("Ada"));
    EXPECT_EQ(current.userType(), QStringLiteral("registered"));
    EXPECT_TRUE(current.avatarUrl().isEmpty());
}

TEST(Parsing, Session)
{
    QString error;
    const auto session = Session::fromJson(sessionJson(parse(kGoogleUser)), &error);
    ASSERT_TRUE(session) << error.toStdString();
    EXPECT_EQ(session->refreshToken, QStringLiteral("r1"));
    EXPECT_EQ(session->expiresIn, 3600);
    EXPECT_EQ(session->expiresAt.toSecsSinceEpoch(), 1893456000);
    EXPECT_EQ(session->user.email, QStringLiteral("ada@example.com"));
    EXPECT_TRUE(session->providerToken.isEmpty());
}

TEST(Parsing, SessionWithoutExpiresAtComputesIt)
{
    QJsonObject json = sessionJson(parse(kAnonymousUser));
    json.remove(u"expires_at");
    const auto session = Session::fromJson(json);
    ASSERT_TRUE(session);
    EXPECT_FALSE(session->expiresWithin(3000));
    EXPECT_TRUE(session->expiresWithin(3700));
}

TEST(Parsing, WrongTypesAreRefusedWithTheFieldName)
{
    const QList<std::pair<QString, QJsonValue>> cases = {
        {"id", 42},           {"email", QJsonArray{}}, {"is_anonymous", "yes"},
        {"identities", "[]"}, {"app_metadata", 1},     {"identities", QJsonArray{1}},
        {"id", ""},
    };
    for (const auto &[key, value] : cases) {
        QJsonObject json = parse(kGoogleUser);
        json.insert(key, value);
        QString error;
        EXPECT_FALSE(User::fromJson(json, &error)) << key.toStdString();
        EXPECT_FALSE(error.isEmpty());
    }
    QJsonObject session = sessionJson(parse(kGoogleUser));
    for (const char *key : {"access_token", "refresh_token", "user"}) {
        QJsonObject broken = session;
        broken.remove(QLatin1String(key));
        QString error;
        EXPECT_FALSE(Session::fromJson(broken, &error)) << key;
        EXPECT_TRUE(error.contains(QLatin1String(key))) << error.toStdString();
    }
    session.insert(u"expires_in", "3600");
    EXPECT_FALSE(Session::fromJson(session));
    session.insert(u"expires_in", 3600.5);
    EXPECT_FALSE(Session::fromJson(session));
}

TEST(Parsing, NullOptionalFieldsAreAbsent)
{
    QJsonObject json = parse(kGoogleUser);
    json.insert(u"email_confirmed_at", QJsonValue::Null);
    json.insert(u"user_metadata", QJsonValue::Null);
    const auto user = User::fromJson(json);
    ASSERT_TRUE(user);
    EXPECT_FALSE(user->emailConfirmedAt.isValid());
}

TEST(Parsing, NonObjectsAreRefused)
{
    EXPECT_FALSE(User::fromJson(QJsonValue(QJsonArray{})));
    EXPECT_FALSE(User::fromJson(QJsonValue("x")));
    EXPECT_FALSE(Session::fromJson(QJsonValue()));
    EXPECT_FALSE(Identity::fromJson(QJsonValue(3)));
}

TEST(Replies, SessionReplyRoundTrip)
{
    const QByteArray body = QJsonDocument(sessionJson(parse(kGoogleUser))).toJson();
    EXPECT_EQ(detail::authSession(reply(200, body)).user.identities.size(), 2);
}

TEST(Replies, MalformedBodiesBecomeNetworkErrors)
{
    const QByteArray full = QJsonDocument(sessionJson(parse(kGoogleUser))).toJson();
    const QList<QByteArray> bodies = {
        "",
        "<html><body>Please log in to the Wi-Fi</body></html>",
        full.left(full.size() / 2), // truncated
        "[]",
        "null",
        R"({"access_token": 1})",
    };
    for (const QByteArray &body : bodies) {
        EXPECT_EQ(malformedKind([&] { detail::authSession(reply(200, body)); }),
                  NetworkError::Kind::MalformedReply)
            << body.constData();
    }
    EXPECT_EQ(malformedKind([&] { detail::authUser(reply(200, "{\"id\": null}")); }),
              NetworkError::Kind::MalformedReply);
}

TEST(Replies, TruncationAtEveryLengthNeverCrashes)
{
    const QByteArray full = QJsonDocument(sessionJson(parse(kGoogleUser))).toJson();
    for (int n = 0; n < full.size(); n += 7) {
        try {
            detail::authSession(reply(200, full.left(n)));
            ADD_FAILURE() << "accepted a prefix of " << n << " bytes";
        } catch (const NetworkError &e) {
            EXPECT_EQ(e.kind(), NetworkError::Kind::MalformedReply);
        }
    }
}

TEST(ProfileRows, MaybeSingle)
{
    EXPECT_FALSE(ProfileStore::singleRow(reply(200, "[]")));
    const auto row = ProfileStore::singleRow(reply(200, R"([{"id":"x","display_name":"A"}])"));
    ASSERT_TRUE(row);
    EXPECT_EQ(row->value(u"display_name").toString(), QStringLiteral("A"));
    for (const QByteArray &body : {QByteArray("[{},{}]"), QByteArray("{}"), QByteArray("[1]"),
                                   QByteArray("<html>"), QByteArray("[{\"id\":")}) {
        EXPECT_EQ(malformedKind([&] { ProfileStore::singleRow(reply(200, body)); }),
                  NetworkError::Kind::MalformedReply)
            << body.constData();
    }
    EXPECT_THROW(ProfileStore::singleRow(reply(401, R"({"code":"PGRST301"})")), ApiError);
}

TEST(ProfileRows, UserIdsMustBeUuids)
{
    EXPECT_TRUE(
        ProfileStore::isValidUserId(QStringLiteral("4f1c0f7e-4a6e-4b8e-9d2e-2f1e7d4c9a11")));
    EXPECT_FALSE(ProfileStore::isValidUserId(QString()));
    EXPECT_FALSE(
        ProfileStore::isValidUserId(QStringLiteral("{4f1c0f7e-4a6e-4b8e-9d2e-2f1e7d4c9a11}")));
    EXPECT_FALSE(
        ProfileStore::isValidUserId(QStringLiteral("4f1c0f7e-4a6e-4b8e-9d2e-2f1e7d4c9a1,")));
    EXPECT_FALSE(ProfileStore::isValidUserId(QStringLiteral("x&id=neq.0")));
}
