#include <exegia/auth/Errors.h>
#include <exegia/auth/Transport.h>

#include "detail/Wire.h"
#include <exegia/auth/Redaction.h>

#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace exegia::auth {

namespace {

QString stringField(const QJsonObject &o, QLatin1StringView key)
{
    const QJsonValue v = o.value(key);
    return v.isString() ? v.toString() : QString();
}

// The first non-empty string among `keys`.
QString firstField(const QJsonObject &o, std::initializer_list<QLatin1StringView> keys)
{
    for (const QLatin1StringView key : keys) {
        QString value = stringField(o, key);
        if (!value.isEmpty())
            return value;
    }
    return {};
}

template <std::size_t N>
bool listed(const std::array<QLatin1StringView, N> &codes, const QString &code)
{
    return std::find(codes.begin(), codes.end(), code) != codes.end();
}

std::optional<int> parseRetryAfter(const HttpReply &reply, const QString &message)
{
    bool ok = false;
    const int fromHeader = reply.header(wire::kHeaderRetryAfter).trimmed().toInt(&ok);
    if (ok && fromHeader >= 0)
        return fromHeader;
    // GoTrue puts the wait only in the sentence: "... only request this after 42 seconds."
    static const QRegularExpression after(u"after (\\d+) seconds?"_s);
    const auto match = after.match(message);
    if (match.hasMatch()) {
        const int seconds = match.captured(1).toInt(&ok);
        if (ok)
            return seconds;
    }
    return std::nullopt;
}

const char *networkKindName(NetworkError::Kind kind)
{
    switch (kind) {
    case NetworkError::Kind::Timeout:
        return "timeout";
    case NetworkError::Kind::ConnectionRefused:
        return "connection refused";
    case NetworkError::Kind::ConnectionClosed:
        return "connection closed";
    case NetworkError::Kind::HostNotFound:
        return "host not found";
    case NetworkError::Kind::Tls:
        return "TLS";
    case NetworkError::Kind::MalformedReply:
        return "malformed reply";
    case NetworkError::Kind::Other:
        break;
    }
    return "network";
}

const char *storeKindName(TokenStoreError::Kind kind)
{
    switch (kind) {
    case TokenStoreError::Kind::Unavailable:
        return "unavailable";
    case TokenStoreError::Kind::AccessDenied:
        return "access denied";
    case TokenStoreError::Kind::Corrupt:
        return "corrupt entry";
    case TokenStoreError::Kind::Other:
        break;
    }
    return "other";
}

const char *browserKindName(BrowserFlowError::Kind kind)
{
    switch (kind) {
    case BrowserFlowError::Kind::Cancelled:
        return "cancelled";
    case BrowserFlowError::Kind::TimedOut:
        return "timed out";
    case BrowserFlowError::Kind::ListenFailed:
        return "listen failed";
    case BrowserFlowError::Kind::ProviderDenied:
        return "provider denied";
    case BrowserFlowError::Kind::NoCode:
        break;
    }
    return "no code";
}

} // namespace

Error::Error(const QString &what)
    : m_what(Redaction::redact(what).toUtf8())
{}

// --- AuthApiError -----------------------------------------------------------

AuthApiError::AuthApiError(int httpStatus, const QString &errorCode, const QString &message,
                           std::optional<int> retryAfterSeconds)
    : Error(u"AuthApiError: HTTP %1 %2: %3"_s.arg(httpStatus).arg(errorCode, message))
    , m_httpStatus(httpStatus)
    , m_errorCode(errorCode)
    , m_message(message)
    , m_retryAfterSeconds(retryAfterSeconds)
{}

AuthApiError AuthApiError::fromReply(const HttpReply &reply)
{
    const QJsonObject body = QJsonDocument::fromJson(reply.body).object();
    QString code = QString::fromLatin1(reply.header(wire::kHeaderErrorCode)).trimmed();
    if (code.isEmpty()) // versioned `code`; legacy has a number there, then `error_code`
        code = firstField(body, {"code"_L1, "error_code"_L1, "error"_L1});
    QString message =
        firstField(body, {"msg"_L1, "message"_L1, "error_description"_L1, "error"_L1});
    if (message.isEmpty())
        message = u"HTTP %1"_s.arg(reply.status);
    return AuthApiError(reply.status, code, message, parseRetryAfter(reply, message));
}

namespace {

// The codes with a Kind of their own (Errors.h); the rest are Refused.
const std::array<std::pair<QLatin1StringView, AuthApiError::Kind>, 13> kCodeKinds{{
    {wire::kMfaVerificationFailed, AuthApiError::Kind::MfaVerificationFailed},
    {wire::kMfaChallengeExpired, AuthApiError::Kind::MfaChallengeExpired},
    {wire::kMfaIpAddressMismatch, AuthApiError::Kind::MfaChallengeExpired},
    {wire::kTooManyFactors, AuthApiError::Kind::TooManyFactors},
    {wire::kInsufficientAal, AuthApiError::Kind::InsufficientAal},
    {wire::kSingleIdentity, AuthApiError::Kind::SingleIdentityNotDeletable},
    {wire::kManualLinkingDisabled, AuthApiError::Kind::ManualLinkingDisabled},
    {wire::kEmailExists, AuthApiError::Kind::EmailExists},
    {wire::kReauthenticationNeeded, AuthApiError::Kind::ReauthenticationNeeded},
    {wire::kReauthenticationNotValid, AuthApiError::Kind::ReauthenticationInvalid},
    {wire::kMfaFactorNotFound, AuthApiError::Kind::FactorNotFound},
    {wire::kMfaFactorNameConflict, AuthApiError::Kind::FactorNameConflict},
    {wire::kOverEmailSendRateLimit, AuthApiError::Kind::EmailRateLimited},
}};

} // namespace

AuthApiError::Kind AuthApiError::kind() const
{
    if (isKeyRefused())
        return Kind::KeyRefused;
    if (isSessionGone())
        return Kind::SessionGone;
    for (const auto &[code, kind] : kCodeKinds) {
        if (m_errorCode == code)
            return kind;
    }
    return Kind::Refused;
}

// The gateway's own 401s ("Invalid API key", "No API key found in
// request") carry no code, only a message about the key.
static bool isGatewayKeyRefusal(int httpStatus, const QString &code, const QString &message)
{
    return httpStatus == 401 && code.isEmpty() &&
           message.contains("API key"_L1, Qt::CaseInsensitive);
}

bool AuthApiError::isKeyRefused() const
{
    return isGatewayKeyRefusal(m_httpStatus, m_errorCode, m_message);
}

bool AuthApiError::isSessionGoneCode(const QString &errorCode)
{
    return endsSessionCode(errorCode) || listed(wire::kTokenRejectedCodes, errorCode);
}

bool AuthApiError::endsSessionCode(const QString &errorCode)
{
    return listed(wire::kSessionGoneCodes, errorCode);
}

// --- ApiError ---------------------------------------------------------------

ApiError::ApiError(int httpStatus, const QString &code, const QString &message,
                   const QString &details, const QString &hint)
    : Error(u"ApiError: HTTP %1 %2: %3 (%4)"_s.arg(httpStatus).arg(code, message, details))
    , m_httpStatus(httpStatus)
    , m_code(code)
    , m_message(message)
    , m_details(details)
    , m_hint(hint)
{}

ApiError ApiError::fromReply(const HttpReply &reply)
{
    const QJsonObject body = QJsonDocument::fromJson(reply.body).object();
    QString message = stringField(body, "message"_L1);
    if (message.isEmpty())
        message = u"HTTP %1"_s.arg(reply.status);
    return ApiError(reply.status, stringField(body, "code"_L1), message,
                    stringField(body, "details"_L1), stringField(body, "hint"_L1));
}

bool ApiError::isKeyRefused() const
{
    return isGatewayKeyRefusal(m_httpStatus, m_code, m_message);
}

bool ApiError::isUniqueViolation() const
{
    return m_code == wire::kUniqueViolation;
}

// --- the others -------------------------------------------------------------

NetworkError::NetworkError(Kind kind, const QString &detail)
    : Error(u"NetworkError (%1): %2"_s.arg(QLatin1StringView(networkKindName(kind)), detail))
    , m_kind(kind)
    , m_detail(detail)
{}

ConfigError::ConfigError(Kind kind, const QString &detail)
    : Error(u"ConfigError: "_s + detail)
    , m_kind(kind)
{}

bool ConfigError::isAboutUrl() const
{
    return m_kind == Kind::InvalidUrl || m_kind == Kind::UnsupportedScheme ||
           m_kind == Kind::InsecureHttp || m_kind == Kind::UrlNotPlain;
}

bool ConfigError::isAboutKey() const
{
    return m_kind == Kind::MissingKey || m_kind == Kind::KeyHasBadCharacters ||
           m_kind == Kind::SecretKey || m_kind == Kind::ServiceRoleKey ||
           m_kind == Kind::NotServiceKey;
}

BrowserFlowError::BrowserFlowError(Kind kind, const QString &detail)
    : Error(u"BrowserFlowError (%1): %2"_s.arg(QLatin1StringView(browserKindName(kind)), detail))
    , m_kind(kind)
{}

SessionError::SessionError(Kind kind)
    : Error(kind == Kind::NotSignedIn ? u"SessionError: not signed in"_s
                                      : u"SessionError: signed out while waiting"_s)
    , m_kind(kind)
{}

TokenStoreError::TokenStoreError(Kind kind, const QString &detail)
    : Error(u"TokenStoreError (%1): %2"_s.arg(QLatin1StringView(storeKindName(kind)), detail))
    , m_kind(kind)
    , m_detail(detail)
{}

ClaimsError::ClaimsError(Kind kind, const QString &detail)
    : Error(u"ClaimsError: "_s + detail)
    , m_kind(kind)
{}

ProfileCheckError::ProfileCheckError(Session session, QString provider, std::exception_ptr cause)
    : Error(u"ProfileCheckError: the sign-in worked but the profile check failed"_s)
    , m_session(std::move(session))
    , m_provider(std::move(provider))
    , m_cause(std::move(cause))
{}

} // namespace exegia::auth
