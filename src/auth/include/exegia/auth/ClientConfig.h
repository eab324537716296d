#pragma once

#include <QString>
#include <QUrl>

#include <chrono>

namespace exegia::auth {

// Where the user-facing client talks to, and with which public key.
struct ClientConfig
{
    QUrl projectUrl;        // e.g. https://<ref>.supabase.co, or http://127.0.0.1:54321
    QString publishableKey; // sb_publishable_... or the legacy anon JWT
    std::chrono::milliseconds requestTimeout{30000};
    QString clientInfo = defaultClientInfo(); // sent as X-Client-Info

    // SUPABASE_URL plus SUPABASE_PUBLISHABLE_KEY (preferred) or
    // SUPABASE_ANON_KEY; validated. Throws ConfigError.
    static ClientConfig fromEnvironment();

    // Throws ConfigError with a sentence a person can act on when:
    // the URL is not http(s) or has no host, is plain http to a host that is
    // not loopback (127.0.0.0/8, ::1, localhost), the key is missing or has
    // whitespace, the key is a secret (sb_secret_...) or a legacy JWT with
    // role service_role, or the timeout is not positive. A desktop program
    // can be read by anyone who has it, and a service key bypasses RLS.
    void validate() const;

    static QString defaultClientInfo(); // "exegia-auth-cpp/<version>"
};

// Shared by ClientConfig and AdminClient. Throws ConfigError.
void validateProjectUrl(const QUrl &url);

} // namespace exegia::auth
