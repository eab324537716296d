#include <exegia/auth/Errors.h>
#include <exegia/auth/Transport.h>

#include <gtest/gtest.h>

using namespace exegia::auth;

namespace {

HttpReply reply(int status, const QByteArray &body,
                QList<QPair<QByteArray, QByteArray>> headers = {})
{
    HttpReply r;
    r.status = status;
    r.body = body;
    r.headers = std::move(headers);
    return r;
}

} // namespace

TEST(AuthApiError, ReadsVersionedFormat)
{
    const auto e = AuthApiError::fromReply(
        reply(403, R"({"code":"otp_expired","message":"Token has expired or is invalid"})"));
    EXPECT_EQ(e.httpStatus(), 403);
    EXPECT_EQ(e.errorCode(), QStringLiteral("otp_expired"));
    EXPECT_EQ(e.message(), QStringLiteral("Token has expired or is invalid"));
    EXPECT_FALSE(e.retryAfterSeconds());
    EXPECT_EQ(e.domain(), ErrorDomain::AuthApi);
    EXPECT_EQ(e.kind(), AuthApiError::Kind::Refused);
}

TEST(AuthApiError, ReadsLegacyFormat)
{
    const auto e = AuthApiError::fromReply(reply(
        422,
        R"({"code":422,"error_code":"anonymous_provider_disabled","msg":"Anonymous sign-ins are disabled"})"));
    EXPECT_EQ(e.errorCode(), QStringLiteral("anonymous_provider_disabled"));
    EXPECT_EQ(e.message(), QStringLiteral("Anonymous sign-ins are disabled"));
}

TEST(AuthApiError, ReadsOAuthFormat)
{
    const auto e = AuthApiError::fromReply(
        reply(400, R"({"error":"invalid nonce","error_description":"Nonces mismatch"})"));
    EXPECT_EQ(e.errorCode(), QStringLiteral("invalid nonce"));
    EXPECT_EQ(e.message(), QStringLiteral("Nonces mismatch"));
}

TEST(AuthApiError, HeaderWinsOverBody)
{
    const auto e = AuthApiError::fromReply(
        reply(403, R"({"code":403,"msg":"invalid JWT"})", {{"X-Sb-Error-Code", "bad_jwt"}}));
    EXPECT_EQ(e.errorCode(), QStringLiteral("bad_jwt"));
    EXPECT_TRUE(e.isSessionGone());
}

TEST(AuthApiError, RetryAfterFromMessage)
{
    const auto e = AuthApiError::fromReply(reply(
        429,
        R"({"code":"over_email_send_rate_limit","message":"For security purposes, you can only request this after 42 seconds."})"));
    ASSERT_TRUE(e.retryAfterSeconds());
    EXPECT_EQ(*e.retryAfterSeconds(), 42);
}

TEST(AuthApiError, RetryAfterFromHeaderWins)
{
    const auto e = AuthApiError::fromReply(
        reply(429, R"({"code":"over_email_send_rate_limit","message":"... after 42 seconds."})",
              {{"Retry-After", "17"}}));
    EXPECT_EQ(e.retryAfterSeconds().value_or(-1), 17);
}

TEST(AuthApiError, GatewayAndJunkBodies)
{
    const auto gateway = AuthApiError::fromReply(reply(401, R"({"message":"No API key found"})"));
    EXPECT_TRUE(gateway.errorCode().isEmpty());
    EXPECT_EQ(gateway.message(), QStringLiteral("No API key found"));
    const auto html = AuthApiError::fromReply(reply(502, "<html>Bad Gateway</html>"));
    EXPECT_EQ(html.httpStatus(), 502);
    EXPECT_EQ(html.message(), QStringLiteral("HTTP 502"));
    EXPECT_FALSE(html.isSessionGone());
    const auto typed = AuthApiError::fromReply(reply(400, R"({"code":[1],"msg":{}})"));
    EXPECT_TRUE(typed.errorCode().isEmpty());
}

TEST(AuthApiError, OneListOfSessionGoneCodes)
{
    // The session is over: sign out, whatever the call was.
    for (const char *code : {"user_not_found", "session_not_found", "refresh_token_not_found",
                             "refresh_token_already_used", "session_expired"}) {
        const AuthApiError e(400, QLatin1String(code), QStringLiteral("m"));
        EXPECT_TRUE(e.isSessionGone()) << code;
        EXPECT_TRUE(e.endsSession()) << code;
        EXPECT_EQ(e.kind(), AuthApiError::Kind::SessionGone) << code;
    }
    // Only the access token was refused: gone for the call, a refresh decides.
    for (const char *code : {"bad_jwt", "no_authorization"}) {
        const AuthApiError e(403, QLatin1String(code), QStringLiteral("m"));
        EXPECT_TRUE(e.isSessionGone()) << code;
        EXPECT_FALSE(e.endsSession()) << code;
    }
    for (const char *code : {"otp_expired", "conflict", "validation_failed", ""})
        EXPECT_FALSE(AuthApiError(400, QLatin1String(code), QStringLiteral("m")).isSessionGone())
            << code;
}

TEST(ApiError, ReadsPostgrestFormat)
{
    const auto e = ApiError::fromReply(reply(
        409,
        R"({"code":"23505","message":"duplicate key value violates unique constraint \"users_pkey\"","details":"Key (id)=(x) already exists.","hint":null})"));
    EXPECT_EQ(e.httpStatus(), 409);
    EXPECT_TRUE(e.isUniqueViolation());
    EXPECT_EQ(e.details(), QStringLiteral("Key (id)=(x) already exists."));
    EXPECT_TRUE(e.hint().isEmpty());
}

TEST(ApiError, JwtErrorsMeanSignedOut)
{
    const auto e =
        ApiError::fromReply(reply(401, R"({"code":"PGRST303","message":"JWT expired"})"));
    EXPECT_EQ(e.code(), QStringLiteral("PGRST303"));
    EXPECT_EQ(e.httpStatus(), 401);
    EXPECT_EQ(e.domain(), ErrorDomain::Api);
}

TEST(ApiError, ToleratesJunk)
{
    const auto e = ApiError::fromReply(reply(503, ""));
    EXPECT_EQ(e.httpStatus(), 503);
    EXPECT_TRUE(e.code().isEmpty());
    EXPECT_EQ(e.message(), QStringLiteral("HTTP 503"));
}

TEST(NetworkError, WhatNamesTheKindAndDetail)
{
    using K = NetworkError::Kind;
    for (K kind : {K::Timeout, K::ConnectionRefused, K::ConnectionClosed, K::HostNotFound, K::Tls,
                   K::MalformedReply, K::Other}) {
        const NetworkError e(kind, QStringLiteral("detail"));
        EXPECT_EQ(e.kind(), kind);
        EXPECT_EQ(e.domain(), ErrorDomain::Network);
        EXPECT_NE(std::string(e.what()).find("detail"), std::string::npos);
    }
}
