#pragma once

// Every name the library puts on, or reads off, the wire: paths, header
// names, grant types and the server's error codes. One place,
// so a difference from supabase/auth is fixed once.

#include <QLatin1StringView>

#include <array>

namespace exegia::auth::wire {

// Paths below the project URL.
inline constexpr QLatin1StringView kAuthPrefix{"/auth/v1"};
inline constexpr QLatin1StringView kRestPrefix{"/rest/v1"};
inline constexpr QLatin1StringView kToken{"/auth/v1/token"};
inline constexpr QLatin1StringView kOtp{"/auth/v1/otp"};
inline constexpr QLatin1StringView kVerify{"/auth/v1/verify"};
inline constexpr QLatin1StringView kSignup{"/auth/v1/signup"};
inline constexpr QLatin1StringView kUser{"/auth/v1/user"};
inline constexpr QLatin1StringView kLogout{"/auth/v1/logout"};
inline constexpr QLatin1StringView kAuthorize{"/auth/v1/authorize"};
inline constexpr QLatin1StringView kIdentitiesAuthorize{"/auth/v1/user/identities/authorize"};
inline constexpr QLatin1StringView kUsersTable{"/rest/v1/users"};
// The project's public JWT signing keys (getClaims).
inline constexpr QLatin1StringView kJwks{"/auth/v1/.well-known/jwks.json"};

// Query parameters and grant types.
inline constexpr QLatin1StringView kGrantType{"grant_type"};
inline constexpr QLatin1StringView kGrantIdToken{"id_token"};
inline constexpr QLatin1StringView kGrantPkce{"pkce"};
inline constexpr QLatin1StringView kGrantRefreshToken{"refresh_token"};
inline constexpr QLatin1StringView kRedirectTo{"redirect_to"};
inline constexpr QLatin1StringView kScope{"scope"};

// Header names and fixed values.
inline constexpr char kHeaderApiKey[] = "apikey";
inline constexpr char kHeaderAuthorization[] = "Authorization";
inline constexpr char kHeaderClientInfo[] = "X-Client-Info";
inline constexpr char kHeaderApiVersion[] = "X-Supabase-Api-Version";
inline constexpr char kApiVersion[] = "2024-01-01";
inline constexpr char kHeaderErrorCode[] = "x-sb-error-code";
inline constexpr char kHeaderRetryAfter[] = "Retry-After";
inline constexpr char kHeaderPrefer[] = "Prefer";
inline constexpr char kPreferRepresentation[] = "return=representation";
inline constexpr char kJsonContentType[] = "application/json;charset=UTF-8";
inline constexpr char kHeaderCacheControl[] = "Cache-Control";

// GoTrue error codes the library decides on.
inline constexpr QLatin1StringView kUserNotFound{"user_not_found"};
inline constexpr QLatin1StringView kSessionNotFound{"session_not_found"};
inline constexpr QLatin1StringView kIdentityAlreadyExists{"identity_already_exists"};

// The session is over for good: the refresh token or session was revoked,
// spent or expired, or the user is gone. The one list the library and the
// app decide on (AuthApiError::isSessionGone reads it).
inline constexpr std::array kSessionGoneCodes{
    QLatin1StringView("refresh_token_not_found"), QLatin1StringView("refresh_token_already_used"),
    QLatin1StringView("session_not_found"),       QLatin1StringView("session_expired"),
    QLatin1StringView("user_not_found"),          QLatin1StringView("user_banned"),
    QLatin1StringView("invalid_grant"), // the legacy OAuth form of the refresh errors
};

// The access token was refused (bad signature, expired, missing): the
// session may still be good, a refresh decides.
inline constexpr std::array kTokenRejectedCodes{
    QLatin1StringView("bad_jwt"),
    QLatin1StringView("no_authorization"),
};

// JWS algorithms getClaims knows: verified locally with a JWKS key, or
// (the legacy shared secret) vouched for by GET /user.
inline constexpr QLatin1StringView kAlgEs256{"ES256"};
inline constexpr QLatin1StringView kAlgRs256{"RS256"};
inline constexpr QLatin1StringView kAlgHs256{"HS256"};
// The audience of a signed-in user's access token.
inline constexpr QLatin1StringView kAudienceAuthenticated{"authenticated"};

// PostgREST codes.
inline constexpr QLatin1StringView kUniqueViolation{"23505"};

} // namespace exegia::auth::wire
