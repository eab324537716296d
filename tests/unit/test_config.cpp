#include <exegia/auth/AdminClient.h>
#include <exegia/auth/AuthClient.h>
#include <exegia/auth/ClientConfig.h>
#include <exegia/auth/Errors.h>

#include <QJsonDocument>
#include <gtest/gtest.h>

using namespace exegia::auth;

namespace {

QString legacyKey(const char *role)
{
    auto seg = [](const QByteArray &raw) {
        return raw.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
    };
    const QByteArray payload =
        QByteArray(R"({"iss":"supabase","ref":"local","role":")") + role + R"(","iat":1})";
    return QString::fromLatin1(seg(R"({"alg":"HS256"})") + '.' + seg(payload) + ".sig");
}

ClientConfig config(const QString &url, const QString &key)
{
    ClientConfig c;
    c.projectUrl = QUrl(url);
    c.publishableKey = key;
    return c;
}

// The what() of the ConfigError validate() throws, or empty when valid.
QString problem(const ClientConfig &c)
{
    try {
        c.validate();
    } catch (const ConfigError &e) {
        EXPECT_EQ(e.domain(), ErrorDomain::Config);
        return QString::fromUtf8(e.what());
    }
    return {};
}

// Which rule validate() refused, for the app to word.
std::optional<ConfigError::Kind> refusal(const ClientConfig &c)
{
    try {
        c.validate();
    } catch (const ConfigError &e) {
        return e.kind();
    }
    return std::nullopt;
}

class EnvGuard
{
public:
    EnvGuard()
    {
        for (const char *name : kNames) {
            m_saved.append(qgetenv(name));
            qunsetenv(name);
        }
    }
    ~EnvGuard()
    {
        for (int i = 0; i < 3; ++i) {
            if (m_saved[i].isNull())
                qunsetenv(kNames[i]);
            else
                qputenv(kNames[i], m_saved[i]);
        }
    }

private:
    static constexpr const char *kNames[3] = {"SUPABASE_URL", "SUPABASE_PUBLISHABLE_KEY",
                                              "SUPABASE_ANON_KEY"};
    QList<QByteArray> m_saved;
};

} // namespace

TEST(ClientConfig, AcceptsHttpsAndPublishableKeys)
{
    EXPECT_EQ(problem(config("https://abc.supabase.co", "sb_publishable_xyz")), QString());
    EXPECT_EQ(problem(config("https://abc.supabase.co", legacyKey("anon"))), QString());
}

TEST(ClientConfig, AcceptsPlainHttpOnlyToLoopback)
{
    EXPECT_EQ(problem(config("http://127.0.0.1:54321", "k")), QString());
    EXPECT_EQ(problem(config("http://127.1.2.3:54321", "k")), QString());
    EXPECT_EQ(problem(config("http://localhost:54321", "k")), QString());
    EXPECT_EQ(problem(config("http://[::1]:54321", "k")), QString());
    EXPECT_TRUE(problem(config("http://abc.supabase.co", "k")).contains(u"https"));
    EXPECT_FALSE(problem(config("http://192.168.1.10:54321", "k")).isEmpty());
    EXPECT_FALSE(problem(config("http://localhost.evil.example", "k")).isEmpty());
}

TEST(ClientConfig, RefusesOtherSchemesAndJunk)
{
    EXPECT_FALSE(problem(config("", "k")).isEmpty());
    EXPECT_FALSE(problem(config("ftp://abc.supabase.co", "k")).isEmpty());
    EXPECT_FALSE(problem(config("abc.supabase.co", "k")).isEmpty());
    EXPECT_FALSE(problem(config("https://abc.supabase.co/?x=1", "k")).isEmpty());
    EXPECT_FALSE(problem(config("https://user:pw@abc.supabase.co", "k")).isEmpty());
}

TEST(ClientConfig, RefusesServiceKeysWithReason)
{
    const QString secret = problem(config("https://a.supabase.co", "sb_secret_abcdef"));
    EXPECT_TRUE(secret.contains(u"secret key")) << secret.toStdString();
    const QString service = problem(config("https://a.supabase.co", legacyKey("service_role")));
    EXPECT_TRUE(service.contains(u"service_role")) << service.toStdString();
    // The refusal must not echo the key back.
    EXPECT_FALSE(secret.contains(u"abcdef"));
}

TEST(ClientConfig, SaysWhichRuleRefused)
{
    using K = ConfigError::Kind;
    EXPECT_EQ(refusal(config("", "k")), K::InvalidUrl);
    EXPECT_EQ(refusal(config("ftp://abc.supabase.co", "k")), K::UnsupportedScheme);
    EXPECT_EQ(refusal(config("http://abc.supabase.co", "k")), K::InsecureHttp);
    EXPECT_EQ(refusal(config("https://abc.supabase.co/?x=1", "k")), K::UrlNotPlain);
    EXPECT_EQ(refusal(config("https://a.supabase.co", "")), K::MissingKey);
    EXPECT_EQ(refusal(config("https://a.supabase.co", "abc def")), K::KeyHasBadCharacters);
    EXPECT_EQ(refusal(config("https://a.supabase.co", "sb_secret_x")), K::SecretKey);
    EXPECT_EQ(refusal(config("https://a.supabase.co", legacyKey("service_role"))),
              K::ServiceRoleKey);
    EXPECT_FALSE(refusal(config("https://a.supabase.co", "sb_publishable_x")));
}

TEST(ClientConfig, RefusesMissingOrBrokenKeyAndTimeout)
{
    EXPECT_FALSE(problem(config("https://a.supabase.co", "")).isEmpty());
    EXPECT_FALSE(problem(config("https://a.supabase.co", "abc def")).isEmpty());
    EXPECT_FALSE(problem(config("https://a.supabase.co", "abc\r\nX-Evil: 1")).isEmpty());
    ClientConfig c = config("https://a.supabase.co", "k");
    c.requestTimeout = std::chrono::milliseconds(0);
    EXPECT_FALSE(problem(c).isEmpty());
}

TEST(ClientConfig, FromEnvironmentPrefersPublishableKey)
{
    EnvGuard guard;
    qputenv("SUPABASE_URL", "https://abc.supabase.co");
    qputenv("SUPABASE_ANON_KEY", legacyKey("anon").toLatin1());
    EXPECT_EQ(ClientConfig::fromEnvironment().publishableKey, legacyKey("anon"));
    qputenv("SUPABASE_PUBLISHABLE_KEY", "sb_publishable_1");
    const ClientConfig c = ClientConfig::fromEnvironment();
    EXPECT_EQ(c.publishableKey, QStringLiteral("sb_publishable_1"));
    EXPECT_EQ(c.projectUrl, QUrl(QStringLiteral("https://abc.supabase.co")));
    EXPECT_TRUE(c.clientInfo.startsWith(u"exegia-auth-cpp/"));
}

TEST(ClientConfig, FromEnvironmentRefusesMissingOrServiceKeys)
{
    EnvGuard guard;
    EXPECT_THROW(ClientConfig::fromEnvironment(), ConfigError);
    qputenv("SUPABASE_URL", "https://abc.supabase.co");
    EXPECT_THROW(ClientConfig::fromEnvironment(), ConfigError);
    qputenv("SUPABASE_ANON_KEY", legacyKey("service_role").toLatin1());
    EXPECT_THROW(ClientConfig::fromEnvironment(), ConfigError);
    qputenv("SUPABASE_PUBLISHABLE_KEY", "sb_secret_x");
    EXPECT_THROW(ClientConfig::fromEnvironment(), ConfigError);
}

TEST(ClientConfig, AuthClientRefusesInvalidConfig)
{
    EXPECT_THROW(AuthClient(config("https://a.supabase.co", "sb_secret_x")), ConfigError);
    EXPECT_NO_THROW(AuthClient(config("https://a.supabase.co", "sb_publishable_x")));
}

TEST(AdminClient, RequiresAServiceKey)
{
    const QUrl url(QStringLiteral("https://a.supabase.co"));
    EXPECT_THROW(AdminClient(url, legacyKey("anon")), ConfigError);
    EXPECT_THROW(AdminClient(url, QStringLiteral("sb_publishable_x")), ConfigError);
    EXPECT_THROW(AdminClient(url, QString()), ConfigError);
    EXPECT_THROW(AdminClient(QUrl(QStringLiteral("http://example.com")), legacyKey("service_role")),
                 ConfigError);
    EXPECT_NO_THROW(AdminClient(url, legacyKey("service_role")));
    EXPECT_NO_THROW(AdminClient(url, QStringLiteral("sb_secret_x")));
}
