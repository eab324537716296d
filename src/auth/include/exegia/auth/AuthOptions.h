#pragma once

#include <exegia/auth/Session.h>

#include <QJsonObject>
#include <QMap>
#include <QString>

#include <optional>

namespace exegia::auth {

// Optional arguments of AuthClient's calls, named after the Python keyword
// arguments. Empty strings mean "not given".

struct IdTokenOptions
{
    QString accessToken; // the provider's access token (enables at_hash checks)
    QString nonce;       // the RAW nonce; the provider got its SHA-256 hex
    QString captchaToken;
};

struct EmailOtpOptions
{
    QString emailRedirectTo;
    std::optional<bool> shouldCreateUser; // unset: the server's default (create)
    QString captchaToken;
};

struct VerifyOtpOptions
{
    QString captchaToken;
};

// Exactly one of a token (accessToken or session) / anonymous.
struct SignUpOptions
{
    QString accessToken;
    // The session the caller holds (e.g. SignInResult::session of a sign-in
    // that answered needsSignup): its token and user are used and the
    // GET /user before the insert is skipped. accessToken may stay empty.
    std::optional<Session> session;
    // Columns of public.users to set. `id` and `user_type` are refused: the
    // id is the user's, and user_type is the database's to decide.
    // display_name defaults to the provider's name, the email's local part,
    // or "Guest".
    QJsonObject profileFields;
    bool anonymous = false;
    QJsonObject anonymousMetadata; // user_metadata of the new guest
    QString captchaToken;
};

struct AnonymousOptions
{
    QJsonObject data; // user_metadata
    QString captchaToken;
};

struct LinkIdentityOptions
{
    QString redirectTo; // e.g. the loopback listener's callback URL
    QString scopes;     // space separated
    // Extra authorization parameters (e.g. login_hint). OAuth/PKCE ones
    // (client_id, state, code_challenge, ...) are refused.
    QMap<QString, QString> queryParams;
};

enum class SignOutScope { Global, Local, Others };

} // namespace exegia::auth
