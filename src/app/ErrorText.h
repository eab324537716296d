#pragma once

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
};

class ErrorText
{
    Q_DECLARE_TR_FUNCTIONS(ErrorText)
public:
    // Reads exegia::auth's error types; anything else is "unexpected".
    static ErrorInfo describe(const std::exception &error);
    static ErrorInfo unexpected();

    static QString forAuthCode(const QString &errorCode, int httpStatus,
                               std::optional<int> retryAfterSeconds);
    static QString forApiCode(const QString &code, int httpStatus);
    static QString forHttpStatus(int httpStatus);
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

    // Why a project URL or key cannot be used, in the app's languages. The
    // library decides (ClientConfig::validate throws); this only words it:
    // ConfigError carries no machine-readable reason, so the same checks are
    // read again here, and the library's own sentence is the fallback.
    static QString forConfig(const QUrl &url, const QString &key, const QString &libraryText);
    // The same, for one field; empty when that field is fine.
    static QString forProjectUrl(const QUrl &url, const QString &libraryText);
    static QString forPublishableKey(const QString &key, const QString &libraryText);
};
