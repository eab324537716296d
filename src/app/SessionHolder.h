#pragma once

#include <exegia/auth/Session.h>

#include <optional>

// The one place the app keeps the signed-in session. It lives in memory
// only for now; issue 6 replaces it with the library's SessionManager
// (keychain, restore at start, refresh before expiry). AuthModel asks it for
// the access token right before each call and never copies the token, so
// that swap stays inside this class and AuthModel's few uses of it.
class SessionHolder
{
public:
    bool hasSession() const { return m_session.has_value(); }
    QString accessToken() const { return m_session ? m_session->accessToken : QString(); }
    const std::optional<exegia::auth::Session> &session() const { return m_session; }

    void set(const exegia::auth::Session &session) { m_session = session; }
    void clear() { m_session.reset(); }

private:
    std::optional<exegia::auth::Session> m_session;
};
