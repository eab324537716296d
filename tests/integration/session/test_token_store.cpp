// The store side without a keychain: entry keys per project, the stored
// value's format, and MemoryTokenStore.
#include "session_fixture.h"

#include <exegia/auth/Errors.h>
#include <exegia/auth/KeychainTokenStore.h>

#include <gtest/gtest.h>

using namespace exegia;
using auth::KeychainTokenStore;

TEST(KeychainTokenStoreKey, OneEntryPerProjectWhateverTheSpelling)
{
    const QString key = KeychainTokenStore::keyFor(QUrl(QStringLiteral("https://abc.supabase.co")));
    EXPECT_EQ(key, u"session:https://abc.supabase.co");
    for (const char *same : {"https://ABC.supabase.co/", "https://abc.supabase.co:443",
                             "https://user@abc.supabase.co/?x=1#f", "HTTPS://abc.supabase.co//"})
        EXPECT_EQ(KeychainTokenStore::keyFor(QUrl(QString::fromLatin1(same))), key) << same;
    for (const char *other : {"https://abd.supabase.co", "http://abc.supabase.co",
                              "https://abc.supabase.co:8443", "http://127.0.0.1:54321"})
        EXPECT_NE(KeychainTokenStore::keyFor(QUrl(QString::fromLatin1(other))), key) << other;
    EXPECT_NE(KeychainTokenStore::keyFor(QUrl(QStringLiteral("http://127.0.0.1:54321"))),
              KeychainTokenStore::keyFor(QUrl(QStringLiteral("http://127.0.0.1:54322"))));
}

TEST(KeychainTokenStoreValue, HoldsOnlyRefreshTokenUserAndExpiry)
{
    const auth::StoredSession s{QStringLiteral("rt-secret"), QStringLiteral("user-1"),
                                QDateTime::fromSecsSinceEpoch(1900000000, Qt::UTC)};
    const QByteArray json = KeychainTokenStore::encode(s);
    const QJsonObject o = QJsonDocument::fromJson(json).object();
    EXPECT_EQ(o.keys(),
              (QStringList{u"expires_at"_qs, u"refresh_token"_qs, u"user_id"_qs, u"v"_qs}));
    EXPECT_EQ(KeychainTokenStore::decode(json), s);
    EXPECT_FALSE(KeychainTokenStore::decode("not json").has_value());
    EXPECT_FALSE(KeychainTokenStore::decode(R"({"v":2,"refresh_token":"x"})").has_value());
    EXPECT_FALSE(KeychainTokenStore::decode(R"({"v":1,"refresh_token":""})").has_value());
}

TEST(MemoryTokenStore, SavesClearsAndFailsOnDemand)
{
    auth::MemoryTokenStore store;
    EXPECT_FALSE(test::await(store.load()).has_value());
    test::await(store.save({QStringLiteral("a"), QStringLiteral("u"), {}}));
    EXPECT_EQ(test::await(store.load())->refreshToken, u"a");
    test::await(store.clear());
    EXPECT_FALSE(test::await(store.load()).has_value());
    store.failNextCalls(1);
    const auto e = test::awaitError<auth::TokenStoreError>(store.load());
    ASSERT_TRUE(e.has_value());
    EXPECT_EQ(e->kind(), auth::TokenStoreError::Kind::Unavailable);
    EXPECT_EQ(e->domain(), auth::ErrorDomain::TokenStore);
    EXPECT_FALSE(test::await(store.load()).has_value());
}
