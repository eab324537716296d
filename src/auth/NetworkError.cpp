#include <exegia/auth/NetworkError.h>

#include <QCoreApplication>

namespace exegia::auth {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("exegia::auth::NetworkError", text);
}

const char *kindName(NetworkError::Kind kind)
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

} // namespace

NetworkError::NetworkError(Kind kind, const QString &detail)
    : Error(QStringLiteral("NetworkError (%1): %2").arg(QLatin1String(kindName(kind)), detail))
    , m_kind(kind)
    , m_detail(detail)
{}

QString NetworkError::userMessage() const
{
    switch (m_kind) {
    case Kind::Timeout:
        return tr("The server took too long to answer. Check your connection and try again.");
    case Kind::ConnectionRefused:
    case Kind::ConnectionClosed:
        return tr("Could not reach the server. Check your connection and try again.");
    case Kind::HostNotFound:
        return tr("The server address could not be found. Check your connection or the "
                  "project URL.");
    case Kind::Tls:
        return tr("A secure connection to the server could not be made.");
    case Kind::MalformedReply:
        return tr("The server's answer could not be understood. If you are on a public network, "
                  "sign in to it in your browser first, then try again.");
    case Kind::Other:
        break;
    }
    return tr("A network error occurred. Check your connection and try again.");
}

} // namespace exegia::auth
