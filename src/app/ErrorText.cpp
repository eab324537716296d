#include "ErrorText.h"

#include <exegia/auth/Errors.h>

using namespace exegia::auth;

namespace {

bool is(const QString &code, const char *name)
{
    return code == QLatin1String(name);
}

QString networkText(NetworkError::Kind kind)
{
    switch (kind) {
    case NetworkError::Kind::Timeout:
        return ErrorText::tr("The server took too long to answer. Check your connection and "
                             "try again.");
    case NetworkError::Kind::ConnectionRefused:
        return ErrorText::tr("The server refused the connection. Check the project address in "
                             "Settings, or try again in a moment.");
    case NetworkError::Kind::ConnectionClosed:
        return ErrorText::tr("The connection was interrupted. Please try again.");
    case NetworkError::Kind::HostNotFound:
        return ErrorText::tr("The server could not be found. Check your internet connection "
                             "and the project address in Settings.");
    case NetworkError::Kind::Tls:
        return ErrorText::tr("A secure connection to the server could not be made. Check the "
                             "computer's date and time, and the network you are on.");
    case NetworkError::Kind::MalformedReply:
        return ErrorText::tr("The server sent an answer this app does not understand. If you "
                             "are on a public network, sign in to it in your browser first, "
                             "then try again.");
    case NetworkError::Kind::Other:
        break;
    }
    return ErrorText::tr("The server could not be reached. Check your connection and try "
                         "again.");
}

QString browserCode(BrowserFlowError::Kind kind)
{
    switch (kind) {
    case BrowserFlowError::Kind::Cancelled:
        return QStringLiteral("browser_cancelled");
    case BrowserFlowError::Kind::TimedOut:
        return QStringLiteral("browser_timed_out");
    case BrowserFlowError::Kind::ListenFailed:
        return QStringLiteral("browser_listen_failed");
    case BrowserFlowError::Kind::ProviderDenied:
        return QStringLiteral("browser_denied");
    case BrowserFlowError::Kind::NoCode:
        break;
    }
    return QStringLiteral("browser_no_code");
}

QString claimsCode(ClaimsError::Kind kind)
{
    switch (kind) {
    case ClaimsError::Kind::Malformed:
        return QStringLiteral("claims_malformed");
    case ClaimsError::Kind::BadSignature:
        return QStringLiteral("claims_bad_signature");
    case ClaimsError::Kind::Expired:
        return QStringLiteral("claims_expired");
    case ClaimsError::Kind::NotYetValid:
        return QStringLiteral("claims_not_yet_valid");
    case ClaimsError::Kind::WrongIssuer:
        return QStringLiteral("claims_wrong_issuer");
    case ClaimsError::Kind::WrongAudience:
        return QStringLiteral("claims_wrong_audience");
    case ClaimsError::Kind::UnknownKey:
        return QStringLiteral("claims_unknown_key");
    case ClaimsError::Kind::UnsupportedAlgorithm:
        break;
    }
    return QStringLiteral("claims_unsupported_algorithm");
}

} // namespace

bool ErrorInfo::isEmailCooldown() const
{
    return code == QLatin1String("over_email_send_rate_limit");
}

ErrorInfo ErrorText::unexpected()
{
    return {tr("Something unexpected went wrong. Please try again."), std::nullopt, false,
            QStringLiteral("unexpected"), 0};
}

ErrorInfo ErrorText::describe(const std::exception &error)
{
    // Only the library's errors are worded; anything else is "unexpected".
    const auto *base = dynamic_cast<const Error *>(&error);
    return base ? describe(*base) : unexpected();
}

ErrorInfo ErrorText::describe(const Error &error)
{
    switch (error.domain()) {
    case ErrorDomain::AuthApi:
        return describeAuth(static_cast<const AuthApiError &>(error));
    case ErrorDomain::Api:
        return describeApi(static_cast<const ApiError &>(error));
    case ErrorDomain::Network:
        return {networkText(static_cast<const NetworkError &>(error).kind()), std::nullopt, false,
                QStringLiteral("network"), 0};
    case ErrorDomain::BrowserFlow: {
        const QString code = browserCode(static_cast<const BrowserFlowError &>(error).kind());
        return {forBrowser(code, tr("the provider")), std::nullopt, false, code, 0};
    }
    case ErrorDomain::Session:
        // The manager had no session to give a token for: it ended meanwhile.
        return {tr("Your session has ended. Please sign in again."), std::nullopt, true,
                QStringLiteral("session"), 0};
    case ErrorDomain::TokenStore:
        return {tr("Your session could not be removed from this computer's keychain. Sign out "
                   "again, or remove the \"Exegia Sign-In\" entry in your keychain manager."),
                std::nullopt, false, QStringLiteral("keychain"), 0};
    case ErrorDomain::Config: {
        const QString text = forConfig(static_cast<const ConfigError &>(error));
        if (text.isEmpty())
            return unexpected();
        return {text, std::nullopt, false, QStringLiteral("config"), 0};
    }
    case ErrorDomain::ProfileCheck:
        // Signed in; what failed is the profile check: word its cause.
        return describeCause(static_cast<const ProfileCheckError &>(error).cause());
    case ErrorDomain::Claims:
        return describeClaims(static_cast<const ClaimsError &>(error).kind());
    }
    return unexpected();
}

ErrorInfo ErrorText::describeCause(std::exception_ptr cause)
{
    try {
        if (cause)
            std::rethrow_exception(cause);
    } catch (const std::exception &e) {
        return describe(e);
    } catch (...) {
    }
    return unexpected();
}

ErrorInfo ErrorText::describeAuth(const AuthApiError &e)
{
    if (e.isKeyRefused())
        return keyRefused(e.httpStatus());
    const std::optional<QString> account = forAccountKind(e.kind());
    return {account ? *account : forAuthCode(e.errorCode(), e.httpStatus(), e.retryAfterSeconds()),
            e.retryAfterSeconds(), e.isSessionGone(), e.errorCode(), e.httpStatus()};
}

std::optional<QString> ErrorText::forAccountKind(AuthApiError::Kind kind)
{
    using Kind = AuthApiError::Kind;
    switch (kind) {
    case Kind::MfaVerificationFailed:
        return tr("That code is wrong or was already used. Wait for the next code in your "
                  "authenticator app and enter it.");
    case Kind::MfaChallengeExpired:
        return tr("That code came too late. Enter the current code from your authenticator app.");
    case Kind::TooManyFactors:
        return tr("This account has too many authenticator apps set up. Remove one before "
                  "adding another.");
    case Kind::InsufficientAal:
        return tr("Enter a code from your authenticator app first, then try again.");
    case Kind::SingleIdentityNotDeletable:
        return tr("This is the only way to sign in to your account, so it cannot be removed.");
    case Kind::EmailExists:
        return tr("Another account already uses this email address. Enter a different one.");
    case Kind::ReauthenticationNeeded:
        return tr("For your security, confirm it is you: ask for a code by email and enter it.");
    case Kind::ReauthenticationInvalid:
        return tr("That confirmation code is wrong or has expired. Ask for a new one.");
    case Kind::FactorNotFound:
        return tr("This authenticator app is no longer set up for your account. Reload and try "
                  "again.");
    case Kind::FactorNameConflict:
        return tr("An authenticator app with this name is already set up. Choose another name.");
    case Kind::ManualLinkingDisabled: // worded by code (forAuthCode), as when linking
    case Kind::EmailRateLimited:      // forRateLimit, with the wait
    case Kind::Refused:
    case Kind::SessionGone:
    case Kind::KeyRefused:
        break;
    }
    return std::nullopt;
}

ErrorInfo ErrorText::keyRefused(int httpStatus)
{
    // A project setting, not the person's session: they stay signed in.
    return {tr("The project key was refused by the server. Check the publishable key in "
               "Settings; you are still signed in."),
            std::nullopt, false, QStringLiteral("key_refused"), httpStatus};
}

ErrorInfo ErrorText::describeClaims(ClaimsError::Kind kind)
{
    // getClaims refused the token. Expired: a refresh may still bring the
    // session back, so it is not "gone"; the clock is the usual culprit of
    // a token from the future; anything else is a token this project did
    // not sign for this app.
    QString text;
    switch (kind) {
    case ClaimsError::Kind::Expired:
        text = tr("Your sign-in has expired. Please try again; if it keeps happening, sign in "
                  "again.");
        break;
    case ClaimsError::Kind::NotYetValid:
        text = tr("Your sign-in could not be checked because this computer's clock is wrong. "
                  "Check the date and time, then try again.");
        break;
    default:
        text = tr("Your sign-in could not be verified with this project's keys. Check the "
                  "project address in Settings, then sign in again.");
        break;
    }
    return {text, std::nullopt, false, claimsCode(kind), 0};
}

ErrorInfo ErrorText::describeApi(const ApiError &e)
{
    // PostgREST answers 401 only for a token it cannot accept (expired,
    // revoked, undecodable): the session is over, whatever the code.
    if (e.isKeyRefused())
        return keyRefused(e.httpStatus());
    const bool gone = e.httpStatus() == 401;
    const QString text = gone ? tr("Your session has ended. Please sign in again.")
                              : forApiCode(e.code(), e.httpStatus());
    return {text, std::nullopt, gone, e.code(), e.httpStatus()};
}

std::optional<QString> ErrorText::forRateLimit(const QString &c, int status,
                                               std::optional<int> retryAfter)
{
    if (is(c, "over_email_send_rate_limit")) {
        if (retryAfter)
            return tr("A code was sent a moment ago. You can ask for a new one in %n second(s).",
                      nullptr, *retryAfter);
        return tr("A code was sent a moment ago. Please wait a minute before asking for a new "
                  "one.");
    }
    if (is(c, "over_request_rate_limit") || is(c, "over_sms_send_rate_limit") || status == 429) {
        if (retryAfter)
            return tr("Too many attempts. Please wait %n second(s) and try again.", nullptr,
                      *retryAfter);
        return tr("Too many attempts. Please wait a minute and try again.");
    }
    return std::nullopt;
}

QString ErrorText::forAuthCode(const QString &c, int status, std::optional<int> retryAfter)
{
    if (is(c, "otp_expired"))
        return tr("That code is wrong or has expired. Check the digits, or send a new code.");
    if (const auto limited = forRateLimit(c, status, retryAfter))
        return *limited;
    if (is(c, "anonymous_provider_disabled"))
        return tr("Guest access is turned off for this project. Sign in with email instead.");
    if (is(c, "signup_disabled") || is(c, "otp_disabled"))
        return tr("This project does not accept new accounts. Use the email address of an "
                  "existing account.");
    if (is(c, "email_provider_disabled"))
        return tr("Signing in with an email code is turned off for this project. Try another "
                  "way to sign in.");
    if (is(c, "provider_disabled") || is(c, "oauth_provider_not_supported"))
        return tr("This sign-in method is turned off for this project. Try another way to "
                  "sign in.");
    if (is(c, "email_address_invalid") || is(c, "email_address_not_authorized"))
        return tr("This email address cannot be used here. Check it or use another one.");
    if (is(c, "validation_failed") || is(c, "bad_json"))
        return tr("Some of the details are not valid. Check them and try again.");
    if (is(c, "captcha_failed"))
        return tr("The security check failed. Please try again.");
    if (is(c, "identity_already_exists"))
        return tr("That account is already linked to a different user. Sign in with it "
                  "instead, or link another account.");
    if (is(c, "manual_linking_disabled"))
        return tr("Linking accounts is turned off for this project. You can keep signing in "
                  "the way you do now.");
    if (is(c, "email_not_confirmed"))
        return tr("That account's email address is not confirmed yet. Confirm it with the "
                  "provider, then try again.");
    if (is(c, "flow_state_not_found") || is(c, "flow_state_expired"))
        return tr("The sign-in in the browser took too long and expired. Please start again.");
    if (is(c, "bad_code_verifier") || is(c, "bad_oauth_state") || is(c, "bad_oauth_callback"))
        return tr("The browser answered for a different sign-in attempt, perhaps an older tab. "
                  "Please start again and finish in the tab that opens.");
    if (is(c, "invalid nonce") || is(c, "invalid request") || is(c, "invalid_credentials"))
        return tr("The sign-in could not be verified. Please start again.");
    if (is(c, "user_banned"))
        return tr("This account is blocked. Contact the project's support.");
    if (is(c, "user_already_exists") || is(c, "email_exists"))
        return tr("An account with this email address already exists. Sign in with an email "
                  "code instead.");
    if (AuthApiError::isSessionGoneCode(c))
        return tr("Your session has ended. Please sign in again.");
    if (is(c, "conflict"))
        return tr("Another request was changing your session at the same time. Please try "
                  "again.");
    if (is(c, "request_timeout"))
        return tr("The server took too long to answer. Please try again.");
    return forHttpStatus(status);
}

QString ErrorText::forBrowser(const QString &c, const QString &name)
{
    if (is(c, "browser_cancelled"))
        return tr("Signing in with %1 was cancelled.").arg(name);
    if (is(c, "browser_timed_out"))
        return tr("The browser did not come back in time. Please start again and finish "
                  "signing in with %1 within 5 minutes.")
            .arg(name);
    if (is(c, "browser_listen_failed"))
        return tr("This app could not prepare to receive the browser's answer. Close other "
                  "copies of the app and try again.");
    if (is(c, "browser_denied"))
        return tr("%1 did not give permission. Try again and allow access, or choose another way "
                  "to sign in.")
            .arg(name);
    if (is(c, "browser_no_open"))
        return tr("The browser could not be opened. Copy the link into your browser to "
                  "continue.");
    return tr("The browser came back without an answer. Please start again.");
}

QString ErrorText::forSignOutReason(SessionManager::SignOutReason reason)
{
    if (reason == SessionManager::SignOutReason::UserGone)
        return tr("This account no longer exists. Please sign in again.");
    return tr("Your session has ended (you may have signed out on another device). Please sign "
              "in again.");
}

QString ErrorText::restoreUnreachable()
{
    return tr("The server could not be reached. Check your connection, then try again.");
}

QString ErrorText::restoreFailed(std::exception_ptr cause)
{
    // A refused project key is not the network: say what to fix.
    const ErrorInfo info = describeCause(cause);
    return info.code == u"key_refused" ? info.text : restoreUnreachable();
}

QString ErrorText::identityInUse(const QString &name, bool guest)
{
    if (guest)
        return tr("This %1 account already belongs to another Exegia account, so it cannot save "
                  "this guest account. Sign in with %1 to open that account instead (this guest "
                  "account is left behind), or use a different %1 account.")
            .arg(name);
    return tr("This %1 account already belongs to another Exegia account, not this one. Sign in "
              "with %1 to open that account instead, or link a different %1 account.")
        .arg(name);
}

QString ErrorText::forApiCode(const QString &c, int status)
{
    if (is(c, "23505"))
        return tr("This account already has a profile. Sign in again to open it.");
    if (is(c, "23502") || is(c, "23514") || is(c, "22001") || is(c, "22P02"))
        return tr("The profile was refused: a value is missing, too long or not allowed. Check "
                  "the fields and try again.");
    if (is(c, "42501"))
        return tr("You are not allowed to change this profile. Sign out and sign in again.");
    if (is(c, "PGRST301") || is(c, "PGRST303"))
        return tr("Your session has ended. Please sign in again.");
    return forHttpStatus(status);
}

QString ErrorText::forHttpStatus(int status)
{
    if (status == 400 || status == 422)
        return tr("The server refused the details that were sent. Check them and try again.");
    if (status == 401 || status == 403)
        return tr("You are not allowed to do that right now. Sign in again and retry.");
    if (status == 404)
        return tr("The server does not offer this. Check the project address in Settings.");
    if (status == 408 || status == 504)
        return tr("The server took too long to answer. Please try again.");
    if (status == 409)
        return tr("Something changed at the same time. Please try again.");
    if (status == 413)
        return tr("What was sent is too large. Shorten it and try again.");
    if (status == 429)
        return tr("Too many attempts. Please wait a minute and try again.");
    if (status >= 500)
        return tr("The server has a problem right now. Please try again in a few minutes.");
    return tr("The request did not work. Please try again.");
}

QString ErrorText::forProjectUrl(ConfigError::Kind kind)
{
    using Kind = ConfigError::Kind;
    switch (kind) {
    case Kind::InvalidUrl:
        return tr("Enter the project URL, for example https://your-project.supabase.co.");
    case Kind::UnsupportedScheme:
        return tr("The project URL must start with https://.");
    case Kind::InsecureHttp:
        return tr("The project URL must use https://. Plain http:// is only allowed for a "
                  "backend on this computer.");
    case Kind::UrlNotPlain:
        return tr("Enter only the project address, such as https://your-project.supabase.co.");
    default:
        return {};
    }
}

QString ErrorText::forPublishableKey(ConfigError::Kind kind)
{
    using Kind = ConfigError::Kind;
    switch (kind) {
    case Kind::MissingKey:
        return tr("Enter the project's publishable key.");
    case Kind::SecretKey:
        return tr("This is a secret key. Use the project's publishable key instead: a secret key "
                  "bypasses all access rules, and anyone who has this app could read it.");
    case Kind::ServiceRoleKey:
        return tr("This is the service_role key. Use the project's anon (publishable) key "
                  "instead: the service_role key bypasses all access rules, and anyone who has "
                  "this app could read it.");
    case Kind::KeyHasBadCharacters:
        return tr("The key contains spaces or characters that do not belong in a key. Copy it "
                  "again from the project's API settings.");
    default:
        return {};
    }
}

QString ErrorText::forConfig(const ConfigError &error)
{
    const QString urlText = forProjectUrl(error.kind());
    return urlText.isEmpty() ? forPublishableKey(error.kind()) : urlText;
}
