#pragma once

#include <exegia/auth/CurrentUser.h>
#include <exegia/auth/Session.h>

#include <QUrl>

namespace exegia::auth {

// The plain result values of AuthClient's calls. Expected outcomes are
// fields here; unexpected failures are exceptions on the future.

// ok: authenticated and a public.users row exists. `session` is set whenever
// the provider authenticated the user, needs-signup included, so the caller
// can register with that token. `message` is set on non-ok paths.
struct SignInResult
{
    bool ok = false;
    std::optional<CurrentUser> currentUser;
    std::optional<Session> session;
    std::optional<QString> message;
    bool needsSignup = false;
};

// ok: a new row was created. On already-registered no row is created and
// currentUser carries the existing one. `session` is set by the anonymous
// flow, which starts one.
struct SignUpResult
{
    bool ok = false;
    std::optional<CurrentUser> currentUser;
    std::optional<Session> session;
    std::optional<QString> message;
    bool alreadyRegistered = false;
};

// POST /otp answers `{}` (or `{message_id}` for SMS); kept for completeness.
struct OtpResponse
{
    QJsonObject raw;
    QString messageId;
};

// start_anonymous_session's AuthResponse: the new guest and their session.
struct AuthResponse
{
    Session session;
    const User &user() const { return session.user; }
};

// What linkIdentityToCurrentUser returns. Open `url` in the system browser;
// keep `codeVerifier` for exchangeCodeForSession(code, codeVerifier). When
// the user already has `provider`, alreadyLinked is true and url is empty.
struct LinkIdentityRequest
{
    QUrl url;
    QString codeVerifier;
    QString provider;
    bool alreadyLinked = false;
};

} // namespace exegia::auth
