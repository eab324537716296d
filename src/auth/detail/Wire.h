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
// Two-step verification and account changes (docs/wire.md).
inline constexpr QLatin1StringView kFactors{"/auth/v1/factors"}; // + /{id}[/challenge|/verify]
inline constexpr QLatin1StringView kChallenge{"/challenge"};
inline constexpr QLatin1StringView kVerifySuffix{"/verify"};
inline constexpr QLatin1StringView kUserIdentities{"/auth/v1/user/identities"}; // + /{id}
inline constexpr QLatin1StringView kReauthenticate{"/auth/v1/reauthenticate"};
inline constexpr QLatin1StringView kResend{"/auth/v1/resend"};
inline constexpr QLatin1StringView kFactorTypeTotp{"totp"};
inline constexpr QLatin1StringView kFactorTypePhone{"phone"};
inline constexpr QLatin1StringView kFactorTypeWebAuthn{"webauthn"};
inline constexpr QLatin1StringView kFactorVerified{"verified"};
inline constexpr QLatin1StringView kOtpTypeEmailChange{"email_change"};
inline constexpr QLatin1StringView kOtpTypeSignup{"signup"};

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

// Codes with their own AuthApiError::Kind (Errors.cpp maps them).
inline constexpr QLatin1StringView kMfaVerificationFailed{"mfa_verification_failed"};
inline constexpr QLatin1StringView kMfaChallengeExpired{"mfa_challenge_expired"};
// GoTrue's answer to a challenge that was already verified.
inline constexpr QLatin1StringView kMfaIpAddressMismatch{"mfa_ip_address_mismatch"};
inline constexpr QLatin1StringView kTooManyFactors{"too_many_enrolled_mfa_factors"};
inline constexpr QLatin1StringView kInsufficientAal{"insufficient_aal"};
inline constexpr QLatin1StringView kSingleIdentity{"single_identity_not_deletable"};
inline constexpr QLatin1StringView kManualLinkingDisabled{"manual_linking_disabled"};
inline constexpr QLatin1StringView kEmailExists{"email_exists"};
inline constexpr QLatin1StringView kReauthenticationNeeded{"reauthentication_needed"};
inline constexpr QLatin1StringView kReauthenticationNotValid{"reauthentication_not_valid"};
inline constexpr QLatin1StringView kMfaFactorNotFound{"mfa_factor_not_found"};
inline constexpr QLatin1StringView kMfaFactorNameConflict{"mfa_factor_name_conflict"};
inline constexpr QLatin1StringView kOverEmailSendRateLimit{"over_email_send_rate_limit"};

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
