#pragma once

#include "Http.h"

namespace exegia::emulator {

// Supabase Auth error in the format the request asked for (docs/wire.md "Error
// bodies"), always with the x-sb-error-code header.
Reply authError(const Request &request, int status, const QString &code, const QString &message);
// GoTrue's one answer to a code that is wrong, spent or expired.
Reply otpExpired(const Request &request);
// bad_json for a body member of the wrong type, not naming it.
Reply wrongFieldType(const Request &request);
// validation_failed for an address that is not one (GoTrue answers 400 or
// 422 depending on the endpoint).
Reply invalidEmail(const Request &request, int status);
// The API gateway's own answer (no GoTrue body): {"message": ...}.
Reply gatewayError(int status, const QString &message);
// OAuth-style ID-token failure: always 400.
Reply oauthError(const QString &error, const QString &description);
// PostgREST's {code, message, details, hint}.
Reply restError(int status, const QString &code, const QString &message,
                const QJsonValue &details = QJsonValue::Null,
                const QJsonValue &hint = QJsonValue::Null);

} // namespace exegia::emulator
