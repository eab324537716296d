#pragma once

#include <QDateTime>
#include <QElapsedTimer>
#include <QTimer>

#include <chrono>
#include <functional>

namespace exegia::auth {
struct Session;
}

namespace exegia::auth::detail {

// How long the current access token has left, robust to the two ways a
// desktop's clocks lie:
// - the wall clock can be wrong or be set back: so expiry is also measured
//   on the monotonic clock from when the session arrived;
// - the monotonic clock (and every QTimer) stands still while the machine
//   sleeps: so expiry is also measured on the wall clock, and a watchdog
//   compares the two every `wakeCheckInterval` to notice a sleep (or a
//   clock change) and call `onWake`.
// The smaller of the two estimates wins, so a lie only ever makes us
// refresh early, never late. The server's expires_at is not trusted as a
// local time: with a skewed clock it would read as "already expired".
class TokenClock
{
public:
    using WallClock = std::function<QDateTime()>;

    TokenClock(QObject *owner, std::chrono::milliseconds wakeCheckInterval,
               std::function<void(qint64 jumpMs)> onWake);

    // Tests only: a wall clock that can jump.
    void setWallClock(WallClock wall) { m_wall = std::move(wall); }
    QDateTime wallNow() const { return m_wall(); }

    // A new access token arrived now (expires_in, else expires_at).
    void start(const Session &session);
    void stop();

    qint64 lifetimeMs() const { return m_lifetimeMs; }
    // Negative once expired.
    qint64 remainingMs() const;

private:
    void tick();

    WallClock m_wall;
    std::function<void(qint64)> m_onWake;
    std::chrono::milliseconds m_interval;
    QTimer m_watch;
    qint64 m_lifetimeMs = 0;
    QDateTime m_expiryWall;
    QElapsedTimer m_sinceReceipt;
    QDateTime m_lastTickWall;
    QElapsedTimer m_sinceTick;
};

} // namespace exegia::auth::detail
