#pragma once
// Helpers for the SessionManager tests: an emulator with an AuthClient on
// it, ways to get real sessions (guest, e-mail code), the emulator's own
// request counters and fault injection, and waiting with a deadline.

#include "Await.h"
#include "EmulatorProcess.h"
#include "TestHttp.h"

#include <exegia/auth/AuthClient.h>
#include <exegia/auth/MemoryTokenStore.h>

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QEventLoop>
#include <QFutureWatcher>
#include <QSet>
#include <QTimer>

#include <ostream>

#include <functional>
#include <memory>
#include <stdexcept>
#include <string>

// Readable QStrings in GoogleTest failure messages.
QT_BEGIN_NAMESPACE
inline void PrintTo(const QString &s, std::ostream *os)
{
    *os << '"' << s.toStdString() << '"';
}
QT_END_NAMESPACE

namespace exegia::test {

// Runs the event loop until `done()` is true or `timeoutMs` passed; returns
// done(). Never sleeps longer than needed.
bool waitFor(const std::function<bool()> &done, int timeoutMs = 15000);

// Lets `ms` of real time pass with the event loop running: only for
// server-side clock rules (a reuse interval), never to wait for our code.
void letTimePass(int ms);

// A TokenStore that forwards to a MemoryTokenStore the test keeps, so that
// several managers (a "restart") can share one store.
class SharedStore : public auth::TokenStore
{
public:
    explicit SharedStore(auth::MemoryTokenStore *target)
        : m_target(target)
    {}
    QFuture<std::optional<auth::StoredSession>> load() override { return m_target->load(); }
    QFuture<void> save(const auth::StoredSession &s) override { return m_target->save(s); }
    QFuture<void> clear() override { return m_target->clear(); }

private:
    auth::MemoryTokenStore *m_target;
};

class SessionEmulator
{
public:
    // Starts the emulator with `args` (and --in-memory unless --data is
    // given) and an AuthClient on it.
    bool start(const QStringList &args, QString *error);
    // Stops it; start again with the same --data and `--port port()` to
    // bring the same server back.
    void stop() { proc.stop(); }
    int port() const { return proc.url().port(); }

    auth::ClientConfig config() const;
    auth::AuthClient &client() { return *m_client; }

    // A new guest and their session.
    auth::Session guestSession();
    // A session of the user with this e-mail, via a one-time code (start
    // with --email-cooldown 1 to call it twice for one address).
    auth::Session emailSession(const QString &email);

    // Requests the emulator counted, e.g. refreshCount() for
    // "POST /auth/v1/token?grant_type=refresh_token".
    int requestCount(const QString &key);
    int refreshCount()
    {
        return requestCount(QStringLiteral("POST /auth/v1/token?grant_type=refresh_token"));
    }
    // The next `count` matching requests answer `status`.
    bool injectFault(const QString &method, const QString &path, int status, int count);
    bool deleteUser(const QString &userId);

    EmulatorProcess proc;
    Http http;

private:
    Headers serviceHeaders() const;
    std::unique_ptr<auth::AuthClient> m_client;
    QSet<QString> m_lastCodeFor;
};

// An expired copy of `session`: the refresh token still works, the access
// token must not be handed out.
auth::Session expiredCopy(auth::Session session);

} // namespace exegia::test
