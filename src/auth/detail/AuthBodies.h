#pragma once

#include <exegia/auth/AuthOptions.h>
#include <exegia/auth/Transport.h>
#include <exegia/auth/User.h>

#include <QJsonObject>

#include <optional>

namespace exegia::auth::detail {

// Request pieces AuthClient's calls share, kept apart so the calls read as flows.

// Adds gotrue_meta_security.captcha_token when a token is given.
QJsonObject withCaptcha(QJsonObject body, const QString &captchaToken);

// A sentence when profile fields try to set what only the server may decide
// (id, user_type); nothing when they are acceptable.
std::optional<QString> refusedFields(const QJsonObject &fields);

// display_name is NOT NULL: what the register page would prefill (the
// provider's name, the email's local part, or "Guest").
QString defaultDisplayName(const User &user);

// OAuth/PKCE parameters the library sets itself (case-insensitive).
bool isReservedLinkParam(const QString &name);

// GET /auth/v1/user/identities/authorize with the given token as Bearer.
HttpRequest linkAuthorizeRequest(const QString &accessToken, const QString &provider,
                                 const LinkIdentityOptions &options, const QString &challenge);

} // namespace exegia::auth::detail
