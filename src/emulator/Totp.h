#pragma once

#include <QByteArray>
#include <QString>

#include <optional>

// RFC 6238 time-based one-time passwords as GoTrue checks them: HMAC-SHA-1,
// six digits, a 30 s step and one step of skew either way. HMAC comes from
// OpenSSL and base32 (RFC 4648) from liboath; nothing here is a primitive.
namespace exegia::emulator::totp {

constexpr int kStepSeconds = 30;
constexpr int kDigits = 6;

// A new 20-byte secret from the CSPRNG, as pquerna/otp generates for GoTrue.
QByteArray newSecret();
// RFC 4648 base32 without padding, the form otpauth:// URIs carry.
QString base32(const QByteArray &secret);
// Decodes base32 (padding optional); nullopt when it is not base32.
std::optional<QByteArray> fromBase32(const QString &text);

// RFC 4226 HOTP of `counter`, truncated to `digits` digits.
QString hotp(const QByteArray &secret, quint64 counter, int digits = kDigits);
// The time step that `unixSeconds` falls into.
quint64 stepAt(qint64 unixSeconds);
// The code for the step of `unixSeconds`.
QString codeAt(const QByteArray &secret, qint64 unixSeconds);
// The step (now-1, now or now+1) whose code is `code`, compared in constant
// time; nullopt when none matches.
std::optional<quint64> matchingStep(const QByteArray &secret, const QString &code,
                                    qint64 unixSeconds);

} // namespace exegia::emulator::totp
