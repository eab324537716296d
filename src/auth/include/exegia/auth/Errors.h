#pragma once

// Every failure exegia-auth reports, in one header.
//
// Decision (issue 10): the library leaves wording to the program that uses
// it. An error carries what a program decides on: its family (domain()),
// its class's Kind, and the server's codes. It carries no sentence for a
// person: the app maps domain + kind/code to its own translated text
// (src/app/ErrorText), a command-line tool prints what(). what() is English,
// redacted (never a token, key or code), for logs and command-line output.
//
// Failures travel as exceptions stored in the QFuture a call returns (see
// AuthClient.h). Switch on domain(), then static_cast to the class:
//
//   switch (error.domain()) {
//   case ErrorDomain::AuthApi: {
//       const auto &e = static_cast<const AuthApiError &>(error);
//       ... e.errorCode(), e.kind() ...
//   }
//   ...
//   }

#include <exegia/auth/Session.h>

#include <QByteArray>
#include <QString>

#include <exception>
#include <optional>

namespace exegia::auth {

struct HttpReply;

// Which class an Error is; one value per class below.
enum class ErrorDomain {
    AuthApi,      // AuthApiError: the auth server (GoTrue) said no
    Api,          // ApiError: PostgREST said no
    Network,      // NetworkError: no usable answer
    Config,       // ConfigError: refused before anything was sent
    BrowserFlow,  // BrowserFlowError: the browser loop ended without a code
    Session,      // SessionError: no session to give a token for
    TokenStore,   // TokenStoreError: the keychain failed
    ProfileCheck, // ProfileCheckError: signed in, the profile check failed
    Claims,       // ClaimsError: AuthClient::getClaims refused the token
};

class Error : public std::exception
{
public:
    ~Error() override = default;

    const char *what() const noexcept override { return m_what.constData(); }
    virtual ErrorDomain domain() const = 0;

protected:
    // `what` is redacted before it is stored.
    explicit Error(const QString &what);

private:
    QByteArray m_what;
};

// The auth server (GoTrue, /auth/v1) answered with an error status.
class AuthApiError : public Error
{
public:
    enum class Kind {
        Refused,     // the server said no; errorCode() says why
        SessionGone, // isSessionGone(): the caller should treat the user as signed out
        KeyRefused,  // isKeyRefused(): the gateway refused the API key; the session is fine
        // Two-step verification and account changes (docs/wire.md), one per
        // answer the program words differently:
        MfaVerificationFailed,      // mfa_verification_failed: wrong (or reused) code
        MfaChallengeExpired,        // mfa_challenge_expired (or already used): challenge again
        TooManyFactors,             // too_many_enrolled_mfa_factors
        InsufficientAal,            // insufficient_aal: verify a second factor first
        SingleIdentityNotDeletable, // single_identity_not_deletable: the last identity stays
        ManualLinkingDisabled,      // manual_linking_disabled
        EmailExists,                // email_exists: another account has this address
        ReauthenticationNeeded,     // reauthentication_needed: ask for a code (reauthenticate)
        ReauthenticationInvalid,    // reauthentication_not_valid: that code is wrong or spent
        FactorNotFound,             // mfa_factor_not_found: removed meanwhile
        FactorNameConflict,         // mfa_factor_name_conflict: choose another name
        EmailRateLimited,           // over_email_send_rate_limit; see retryAfterSeconds()
    };

    AuthApiError(int httpStatus, const QString &errorCode, const QString &message,
                 std::optional<int> retryAfterSeconds = std::nullopt);

    // Reads both GoTrue error formats (versioned {code,message}, legacy
    // {code,error_code,msg}), the OAuth style {error,error_description} and
    // the x-sb-error-code header, which wins because it is always set.
    static AuthApiError fromReply(const HttpReply &reply);

    ErrorDomain domain() const override { return ErrorDomain::AuthApi; }
    Kind kind() const;
    int httpStatus() const { return m_httpStatus; }
    // e.g. "otp_expired"; for OAuth-style bodies the `error` value
    // ("invalid nonce"); empty when the server gave none (gateway errors).
    const QString &errorCode() const { return m_errorCode; }
    // The server's own text, for logs (English, not shown to people).
    const QString &message() const { return m_message; }
    // From Retry-After or over_email_send_rate_limit's "after N seconds".
    std::optional<int> retryAfterSeconds() const { return m_retryAfterSeconds; }

    // The token's user or session no longer exists, or the token is bad or
    // expired: the caller should treat the user as signed out.
    bool isSessionGone() const { return isSessionGoneCode(m_errorCode); }
    // The session itself is over (not only the access token): no refresh
    // can bring it back. A subset of isSessionGone().
    bool endsSession() const { return endsSessionCode(m_errorCode); }
    static bool isSessionGoneCode(const QString &errorCode);
    static bool endsSessionCode(const QString &errorCode);
    // A 401 without a GoTrue error code: the API gateway, not the auth
    // server, answered ("Invalid API key", "No API key found"). A project
    // configuration problem; it says nothing about the user's session.
    bool isKeyRefused() const;

private:
    int m_httpStatus;
    QString m_errorCode;
    QString m_message;
    std::optional<int> m_retryAfterSeconds;
};

// PostgREST (/rest/v1) answered with an error status.
class ApiError : public Error
{
public:
    ApiError(int httpStatus, const QString &code, const QString &message,
             const QString &details = {}, const QString &hint = {});

    // Reads {code, message, details, hint}; tolerates any other body.
    static ApiError fromReply(const HttpReply &reply);

    ErrorDomain domain() const override { return ErrorDomain::Api; }
    int httpStatus() const { return m_httpStatus; }
    // SQLSTATE ("23505") or PostgREST code ("PGRST116"); may be empty.
    const QString &code() const { return m_code; }
    const QString &message() const { return m_message; }
    const QString &details() const { return m_details; }
    const QString &hint() const { return m_hint; }

    bool isUniqueViolation() const;
    // A 401 without a PostgREST code about the API key: the gateway refused
    // the key (PostgREST's own 401s about a token carry PGRST301/PGRST303/42501).
    bool isKeyRefused() const;

private:
    int m_httpStatus;
    QString m_code;
    QString m_message;
    QString m_details;
    QString m_hint;
};

// No usable HTTP answer: the request never got one, or what came back is not
// what the protocol promises (HTML from a captive portal, truncated JSON,
// a redirect, a field of the wrong type).
class NetworkError : public Error
{
public:
    enum class Kind {
        Timeout,
        ConnectionRefused,
        ConnectionClosed,
        HostNotFound,
        Tls,
        MalformedReply,
        Other,
    };

    NetworkError(Kind kind, const QString &detail);

    ErrorDomain domain() const override { return ErrorDomain::Network; }
    Kind kind() const { return m_kind; }
    // Developer detail (Qt's error string, the parse error); redacted.
    const QString &detail() const { return m_detail; }

private:
    Kind m_kind;
    QString m_detail;
};

// The configuration or the arguments of a call cannot be used. Thrown
// synchronously by constructors and ClientConfig::validate, and delivered on
// the future by calls whose arguments are refused.
class ConfigError : public Error
{
public:
    enum class Kind {
        InvalidUrl,          // the project URL is missing or not an address
        UnsupportedScheme,   // not http(s)
        InsecureHttp,        // plain http to a host that is not loopback
        UrlNotPlain,         // a query, fragment or user info in the project URL
        MissingKey,          // no API key
        KeyHasBadCharacters, // whitespace or non-ASCII in the key
        SecretKey,           // sb_secret_... where a publishable key belongs
        ServiceRoleKey,      // a legacy service_role JWT where the anon key belongs
        NotServiceKey,       // AdminClient: the key is not a service key
        BadTimeout,          // a request timeout that is not positive
        MissingEnvironment,  // fromEnvironment(): a variable is not set
        InvalidArgument,     // a call's argument (reserved parameter, bad user id, ...)
    };

    // `detail` is English, for what(); it must not hold a secret.
    ConfigError(Kind kind, const QString &detail);

    ErrorDomain domain() const override { return ErrorDomain::Config; }
    Kind kind() const { return m_kind; }
    // The refusal concerns the project URL (as opposed to the key or a call).
    bool isAboutUrl() const;
    // The refusal concerns the API key.
    bool isAboutKey() const;

private:
    Kind m_kind;
};

// A browser loop that ended without a code. Errors that the auth server
// reports through the redirect (error_code=identity_already_exists, ...)
// arrive as AuthApiError instead, with httpStatus() 0.
class BrowserFlowError : public Error
{
public:
    enum class Kind {
        Cancelled,      // cancel() was called
        TimedOut,       // no callback before the deadline
        ListenFailed,   // no loopback port could be opened
        ProviderDenied, // the person declined at the provider (access_denied)
        NoCode,         // the callback carried neither a code nor an error
    };
    BrowserFlowError(Kind kind, const QString &detail);

    ErrorDomain domain() const override { return ErrorDomain::BrowserFlow; }
    Kind kind() const { return m_kind; }

private:
    Kind m_kind;
};

// SessionManager has no session to give a token for.
class SessionError : public Error
{
public:
    enum class Kind {
        NotSignedIn, // nobody is signed in
        SignedOut,   // the session ended while the call was waiting
    };

    explicit SessionError(Kind kind);

    ErrorDomain domain() const override { return ErrorDomain::Session; }
    Kind kind() const { return m_kind; }

private:
    Kind m_kind;
};

// A TokenStore could not do what was asked. The session itself is fine; it
// just cannot be kept across a restart.
class TokenStoreError : public Error
{
public:
    enum class Kind {
        Unavailable,  // no secret service / keychain to talk to
        AccessDenied, // locked, or the person said no
        Corrupt,      // an entry exists but is not ours to read
        Other,
    };

    TokenStoreError(Kind kind, const QString &detail);

    ErrorDomain domain() const override { return ErrorDomain::TokenStore; }
    Kind kind() const { return m_kind; }
    // Developer detail (the keychain's own error text); never holds a token.
    const QString &detail() const { return m_detail; }

private:
    Kind m_kind;
    QString m_detail;
};

// The sign-in itself worked but the profile check after it failed (network
// loss, a server error). The session is not lost with it: a one-time code
// is spent by then, so the caller keeps session() and retries the check
// with AuthClient::completeSignIn(session(), provider).
class ProfileCheckError : public Error
{
public:
    ProfileCheckError(Session session, QString provider, std::exception_ptr cause);

    ErrorDomain domain() const override { return ErrorDomain::ProfileCheck; }
    const Session &session() const { return m_session; }
    const QString &provider() const { return m_provider; }
    // What went wrong in the check, to rethrow or inspect (NetworkError, ApiError).
    std::exception_ptr cause() const { return m_cause; }

private:
    Session m_session;
    QString m_provider;
    std::exception_ptr m_cause;
};

// AuthClient::getClaims could not vouch for an access token: it failed the
// local verification (signature against the project's JWKS, exp/nbf/iat,
// iss, aud). A refusal by the server on the GET /user fallback arrives as
// AuthApiError instead.
class ClaimsError : public Error
{
public:
    enum class Kind {
        Malformed,            // not a JWS of three base64url parts with JSON claims
        BadSignature,         // the signature does not verify with the key its kid names
        Expired,              // exp is past (more than 30 s ago)
        NotYetValid,          // nbf or iat is in the future (more than 30 s ahead)
        WrongIssuer,          // iss is not the project's /auth/v1
        WrongAudience,        // aud does not contain "authenticated"
        UnknownKey,           // no key of the JWKS has the token's kid, even after a re-fetch
        UnsupportedAlgorithm, // alg is not ES256/RS256/HS256, or not the kid's key type
    };

    // `detail` is English, for what(); it must not hold a token.
    ClaimsError(Kind kind, const QString &detail);

    ErrorDomain domain() const override { return ErrorDomain::Claims; }
    Kind kind() const { return m_kind; }

private:
    Kind m_kind;
};

} // namespace exegia::auth
