#pragma once

#include <exegia/auth/Errors.h>
#include <exegia/auth/SessionManager.h>

#include <QCoreApplication>
#include <QString>
#include <QUrl>

#include <exception>
#include <optional>

// The one place where failures become sentences for a person. Every
// sentence says what happened and what to do next (retry, wait, send a new
// code); no server text, JSON or token ever reaches the screen.
struct ErrorInfo
{
    QString text;
    // The server's cooldown, when it gave one (HTTP 429).
    std::optional<int> retryAfterSeconds;
    // The token's session or user is gone: the model signs out.
    bool sessionGone = false;
    // The auth error_code, PostgREST code or "network"; for decisions, not display.
    QString code;
    int httpStatus = 0;

    // The server will not send another email yet (over_email_send_rate_limit);
    // retryAfterSeconds says when it will.
    bool isEmailCooldown() const;
};

class ErrorText
{
    Q_DECLARE_TR_FUNCTIONS(ErrorText)
public:
    // Reads exegia::auth's error types by domain and kind; anything else is
    // "unexpected". The library has no sentences of its own: these are all.
    static ErrorInfo describe(const std::exception &error);
    static ErrorInfo describe(const exegia::auth::Error &error);
    static ErrorInfo unexpected();

    static QString forAuthCode(const QString &errorCode, int httpStatus,
                               std::optional<int> retryAfterSeconds);
    static QString forApiCode(const QString &code, int httpStatus);
    static QString forHttpStatus(int httpStatus);
    // The rate limits of forAuthCode (the email cooldown, the request
    // limiter, any 429), with the wait when the server gave one.
    static std::optional<QString> forRateLimit(const QString &errorCode, int httpStatus,
                                               std::optional<int> retryAfterSeconds);
    // Two-step verification and account changes (issue 13): the kinds
    // AuthApiError gives these answers; nothing for a kind worded by code.
    static std::optional<QString> forAccountKind(exegia::auth::AuthApiError::Kind kind);
    // A browser loop that ended without an answer from the server (codes
    // "browser_cancelled", "browser_timed_out", ... from describe()).
    static QString forBrowser(const QString &code, const QString &providerName);
    // identity_already_exists while linking: the provider's account belongs
    // to another user; the page offers to sign in to that one instead.
    static QString identityInUse(const QString &providerName, bool guest);
    // Why the SessionManager ended the session, in the app's languages (the
    // library's own sentences are English only).
    static QString forSignOutReason(exegia::auth::SessionManager::SignOutReason reason);
    // A restore that could not reach the server; the session is kept.
    static QString restoreUnreachable();
    // A restore that failed without ending the session (the session is
    // kept): the refused-key sentence when the gateway refused the project
    // key, else restoreUnreachable().
    static QString restoreFailed(std::exception_ptr cause);

    // Why a project URL or key cannot be used (ClientConfig::validate
    // decides and says which rule in ConfigError::Kind; this only words it).
    // Empty for a kind that is about neither (an argument the app got wrong).
    static QString forConfig(const exegia::auth::ConfigError &error);
    // The same, for one field; empty when the kind is not about that field.
    static QString forProjectUrl(exegia::auth::ConfigError::Kind kind);
    static QString forPublishableKey(exegia::auth::ConfigError::Kind kind);

private:
    static ErrorInfo describeAuth(const exegia::auth::AuthApiError &error);
    static ErrorInfo describeApi(const exegia::auth::ApiError &error);
    static ErrorInfo describeCause(std::exception_ptr cause);
    static ErrorInfo describeClaims(exegia::auth::ClaimsError::Kind kind);
    static ErrorInfo keyRefused(int httpStatus);
};
