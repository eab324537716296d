#include "detail/JwksCache.h"

#include "detail/Chain.h"
#include "detail/Logging.h"
#include "detail/Replies.h"
#include "detail/Wire.h"

using namespace Qt::StringLiterals;

namespace exegia::auth::detail {

JwksCache::JwksCache(Transport *transport, QObject *parent)
    : QObject(parent)
    , m_transport(transport)
{}

std::chrono::seconds JwksCache::lifetime(const QByteArray &cacheControl)
{
    std::chrono::seconds out = kMaxAge;
    for (const QByteArray &part : cacheControl.split(',')) {
        const QByteArray directive = part.trimmed().toLower();
        if (directive == "no-store" || directive == "no-cache")
            return std::chrono::seconds(0);
        if (directive.startsWith("max-age=")) {
            bool ok = false;
            const qint64 seconds = directive.mid(8).toLongLong(&ok);
            out = std::chrono::seconds(ok ? std::clamp<qint64>(seconds, 0, kMaxAge.count()) : 0);
        }
    }
    return out;
}

QFuture<QList<PublicKey>> JwksCache::keys()
{
    if (m_inFlight)
        return *m_inFlight;
    if (!m_freshUntil.hasExpired())
        return readyFuture(m_keys);
    return fetch();
}

QFuture<QList<PublicKey>> JwksCache::refreshForUnknownKid()
{
    if (m_inFlight)
        return *m_inFlight;
    if (!m_unknownKidBlockedUntil.hasExpired())
        return keys();
    m_unknownKidBlockedUntil.setRemainingTime(kUnknownKidInterval);
    return fetch();
}

void JwksCache::store(const HttpReply &reply)
{
    m_keys = TokenVerifier::keysFromJwks(authObject(reply));
    m_freshUntil.setRemainingTime(lifetime(reply.header(wire::kHeaderCacheControl)));
    qCDebug(lcAuth, "JWKS: %lld usable keys", qlonglong(m_keys.size()));
}

QFuture<QList<PublicKey>> JwksCache::fetch()
{
    HttpRequest request;
    request.path = wire::kJwks;
    ++m_fetches;
    Completion<QList<PublicKey>> done;
    m_inFlight = done.future();
    step(
        this, done, m_transport->request(request),
        [this, done](const HttpReply &reply) {
            m_inFlight.reset();
            store(reply);
            done.succeed(m_keys);
        },
        [this](std::exception_ptr error) {
            m_inFlight.reset();
            std::rethrow_exception(error);
        });
    return done.future();
}

} // namespace exegia::auth::detail
