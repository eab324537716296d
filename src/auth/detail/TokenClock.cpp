#include "detail/TokenClock.h"

#include <exegia/auth/Session.h>

#include <algorithm>

namespace exegia::auth::detail {

TokenClock::TokenClock(QObject *owner, std::chrono::milliseconds wakeCheckInterval,
                       std::function<void(qint64)> onWake)
    : m_wall([] { return QDateTime::currentDateTimeUtc(); })
    , m_onWake(std::move(onWake))
    , m_interval(wakeCheckInterval)
    , m_watch(owner)
{
    QObject::connect(&m_watch, &QTimer::timeout, owner, [this] { tick(); });
}

void TokenClock::start(const Session &session)
{
    const QDateTime now = wallNow();
    // expires_in counts from when the server answered, which is as good as
    // "now" on our side and needs no agreement between the two clocks.
    m_lifetimeMs = session.expiresIn > 0         ? session.expiresIn * 1000
                   : session.expiresAt.isValid() ? now.msecsTo(session.expiresAt)
                                                 : 0;
    m_expiryWall = now.addMSecs(m_lifetimeMs);
    m_sinceReceipt.start();
    m_lastTickWall = now;
    m_sinceTick.start();
    if (m_interval.count() > 0)
        m_watch.start(m_interval);
}

void TokenClock::stop()
{
    m_watch.stop();
    m_lifetimeMs = 0;
    m_sinceReceipt.invalidate();
}

qint64 TokenClock::remainingMs() const
{
    if (!m_sinceReceipt.isValid())
        return -1;
    const qint64 byWall = wallNow().msecsTo(m_expiryWall);
    const qint64 byMonotonic = m_lifetimeMs - m_sinceReceipt.elapsed();
    return std::min(byWall, byMonotonic);
}

void TokenClock::tick()
{
    const QDateTime now = wallNow();
    const qint64 wallDelta = m_lastTickWall.msecsTo(now);
    const qint64 monoDelta = m_sinceTick.restart();
    m_lastTickWall = now;
    // Timers fire late under load, but both clocks see that lateness; only
    // a sleep or a clock change opens a gap between them.
    const qint64 slack = std::max<qint64>(2000, m_interval.count() / 2);
    const qint64 jump = wallDelta - monoDelta;
    if (jump > slack || jump < -slack)
        m_onWake(jump);
}

} // namespace exegia::auth::detail
