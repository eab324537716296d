#pragma once

#include <exegia/auth/Error.h>

namespace exegia::auth {

// No usable HTTP answer: the request never got one, or what came back is not
// what the protocol promises (HTML from a captive portal, truncated JSON,
// a redirect, a field of the wrong type).
class NetworkError : public Error
{
public:
    enum class Kind {
        Timeout,
        ConnectionRefused,
        ConnectionClosed,
        HostNotFound,
        Tls,
        MalformedReply,
        Other,
    };

    NetworkError(Kind kind, const QString &detail);

    Kind kind() const { return m_kind; }
    // Developer detail (Qt's error string, the parse error); redacted.
    const QString &detail() const { return m_detail; }

    QString userMessage() const override;

private:
    Kind m_kind;
    QString m_detail;
};

} // namespace exegia::auth
