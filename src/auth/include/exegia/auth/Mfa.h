#pragma once

#include <exegia/auth/Claims.h>
#include <exegia/auth/Factor.h>

#include <QDateTime>
#include <QList>
#include <QString>

namespace exegia::auth {

// Values of the two-step verification and account calls of AuthClient
// (docs/wire.md "Two-step verification, identities, email change").

struct TotpEnrollOptions
{
    QString friendlyName; // empty: the server's default (the same empty name twice conflicts)
    QString issuer;       // shown by authenticator apps; empty: the server's host
};

// The answer of enrollTotp. `secret` is the shared key: show it to the person
// (QR code, text to copy) and never log or store it.
struct TotpEnrollment
{
    QString factorId;
    QString friendlyName;
    QString secret;    // base32, unpadded
    QString uri;       // otpauth://totp/...
    QString qrCodeSvg; // an SVG document of `uri`, drawn by the server
};

struct MfaChallenge
{
    QString id;
    FactorType type = FactorType::Totp;
    QDateTime expiresAt;
};

// The assurance level of a session: what it has (current) and what the
// user could reach with a verified factor (next), from the access token's
// aal/amr claims and the user's factors. No request is made.
struct AssuranceInfo
{
    AssuranceLevel current = AssuranceLevel::None;
    AssuranceLevel next = AssuranceLevel::None;
    QList<AuthMethod> methods; // the token's amr, newest first
    // Signed in with a first factor while a verified second one waits.
    bool needsSecondFactor() const
    {
        return current == AssuranceLevel::Aal1 && next == AssuranceLevel::Aal2;
    }
};

// Which code POST /resend sends again.
enum class ResendType { Signup, EmailChange };

} // namespace exegia::auth
