#include <exegia/auth/Errors.h>

#include <exegia/auth/Redaction.h>

#include <gtest/gtest.h>

using exegia::auth::Redaction;

namespace {

const QString kJwt = QStringLiteral("eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjMifQ.c2lnbmF0dXJl");

void expectClean(const QString &out, const QString &secret)
{
    EXPECT_FALSE(out.contains(secret)) << out.toStdString();
    EXPECT_TRUE(out.contains(u"<redacted")) << out.toStdString();
}

} // namespace

TEST(Redaction, RemovesJwtsAnywhere)
{
    expectClean(Redaction::redact(QStringLiteral("token is ") + kJwt + QStringLiteral(" ok")),
                kJwt);
}

TEST(Redaction, RemovesBearerAndApikeyHeaders)
{
    expectClean(Redaction::redact(QStringLiteral("Authorization: Bearer opaque-token-1")),
                QStringLiteral("opaque-token-1"));
    expectClean(Redaction::redact(QStringLiteral("apikey: sb_publishable_abc")),
                QStringLiteral("abc"));
}

TEST(Redaction, RemovesSupabaseKeys)
{
    expectClean(Redaction::redact(QStringLiteral("key sb_secret_s3cr3t_value")),
                QStringLiteral("s3cr3t"));
}

TEST(Redaction, RemovesSecretQueryAndJsonValues)
{
    expectClean(Redaction::redact(QStringLiteral("http://127.0.0.1:1/cb?code=abc-123&state=x")),
                QStringLiteral("abc-123"));
    expectClean(Redaction::redact(QStringLiteral("/token?grant_type=pkce&code_verifier=zzzzz")),
                QStringLiteral("zzzzz"));
    expectClean(Redaction::redact(QStringLiteral(R"({"refresh_token": "r3fr3sh", "x": 1})")),
                QStringLiteral("r3fr3sh"));
    expectClean(Redaction::redact(QStringLiteral(R"({"token":"123456"})")),
                QStringLiteral("123456"));
    expectClean(Redaction::redact(QStringLiteral(R"({"password":"a\"b"})")),
                QStringLiteral("a\\\"b"));
}

TEST(Redaction, LeavesOrdinaryTextAlone)
{
    const QString text = QStringLiteral("POST /auth/v1/otp 200 12 ms grant_type=refresh_token");
    EXPECT_EQ(Redaction::redact(text), text);
}

TEST(Redaction, ErrorStringsAreRedacted)
{
    const exegia::auth::NetworkError e(exegia::auth::NetworkError::Kind::Other,
                                       QStringLiteral("failed for Bearer ") + kJwt);
    EXPECT_EQ(std::string(e.what()).find(kJwt.toStdString()), std::string::npos);
    const exegia::auth::AuthApiError a(400, QStringLiteral("x"), QStringLiteral("bad ") + kJwt);
    EXPECT_EQ(std::string(a.what()).find(kJwt.toStdString()), std::string::npos);
}
