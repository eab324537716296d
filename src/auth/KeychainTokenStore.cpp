#include <exegia/auth/KeychainTokenStore.h>

#include <exegia/auth/Errors.h>

#include "detail/Completion.h"
#include "detail/Logging.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <qt6keychain/keychain.h>

using namespace Qt::StringLiterals;

namespace exegia::auth {

namespace {

TokenStoreError toError(const QKeychain::Job &job)
{
    using K = TokenStoreError::Kind;
    K kind = K::Other;
    switch (job.error()) {
    case QKeychain::AccessDenied:
    case QKeychain::AccessDeniedByUser:
        kind = K::AccessDenied;
        break;
    // libsecret reports a missing Secret Service (no D-Bus, nothing to
    // activate) as OtherError; QtKeychain 0.13 has no isAvailable() to ask
    // beforehand, so treat every other failure as "no keychain here".
    case QKeychain::NoBackendAvailable:
    case QKeychain::NotImplemented:
    case QKeychain::OtherError:
        kind = K::Unavailable;
        break;
    default:
        break;
    }
    return TokenStoreError(
        kind, QStringLiteral("keychain error %1: %2").arg(int(job.error())).arg(job.errorString()));
}

// Applies the settings every job needs. Jobs delete themselves after
// finished(); QtKeychain runs them one at a time in start order, which is
// what makes save-then-clear safe.
template <typename JobT> JobT *newJob(const QString &service, const QString &key)
{
    auto *job = new JobT(service);
    job->setAutoDelete(true);
    job->setInsecureFallback(false);
    job->setKey(key);
    return job;
}

// Starts a write or delete job; the future ends when the keychain answers.
// `absentIsDone`: a missing entry is what a delete wanted anyway.
QFuture<void> run(QKeychain::Job *job, const char *failed, bool absentIsDone)
{
    detail::Completion<void> done;
    QObject::connect(job, &QKeychain::Job::finished, job, [=] {
        const QKeychain::Error error = job->error();
        if (error == QKeychain::NoError || (absentIsDone && error == QKeychain::EntryNotFound))
            return done.succeed();
        qCInfo(lcAuth) << failed << error << job->errorString();
        done.fail(std::make_exception_ptr(toError(*job)));
    });
    job->start();
    return done.future();
}

} // namespace

KeychainTokenStore::KeychainTokenStore(const QUrl &projectUrl, const QString &serviceName)
    : m_service(serviceName)
    , m_key(keyFor(projectUrl))
{}

QString KeychainTokenStore::keyFor(const QUrl &projectUrl)
{
    QUrl url = projectUrl.adjusted(QUrl::RemoveUserInfo | QUrl::RemoveQuery | QUrl::RemoveFragment |
                                   QUrl::NormalizePathSegments);
    // StripTrailingSlash keeps a lone "/", and "x/" must equal "x".
    QString path = url.path();
    while (path.endsWith(u'/'))
        path.chop(1);
    url.setPath(path);
    url.setHost(url.host().toLower());
    url.setScheme(url.scheme().toLower());
    if (url.port() == (url.scheme() == u"https" ? 443 : url.scheme() == u"http" ? 80 : -2))
        url.setPort(-1);
    return QStringLiteral("session:") + url.toString(QUrl::FullyEncoded);
}

QByteArray KeychainTokenStore::encode(const StoredSession &session)
{
    QJsonObject o{
        {u"v"_s, 1}, {u"refresh_token"_s, session.refreshToken}, {u"user_id"_s, session.userId}};
    if (session.expiresAt.isValid())
        o.insert(u"expires_at", session.expiresAt.toSecsSinceEpoch());
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

std::optional<StoredSession> KeychainTokenStore::decode(const QByteArray &json)
{
    const QJsonObject o = QJsonDocument::fromJson(json).object();
    if (o.value(u"v").toInt() != 1 || !o.value(u"refresh_token").isString())
        return std::nullopt;
    StoredSession s;
    s.refreshToken = o.value(u"refresh_token").toString();
    s.userId = o.value(u"user_id").toString();
    if (o.contains(u"expires_at"))
        s.expiresAt = QDateTime::fromSecsSinceEpoch(o.value(u"expires_at").toInteger(), Qt::UTC);
    if (s.refreshToken.isEmpty())
        return std::nullopt;
    return s;
}

QFuture<std::optional<StoredSession>> KeychainTokenStore::load()
{
    detail::Completion<std::optional<StoredSession>> done;
    auto *job = newJob<QKeychain::ReadPasswordJob>(m_service, m_key);
    QObject::connect(job, &QKeychain::Job::finished, job, [done, job] {
        if (job->error() == QKeychain::EntryNotFound) {
            done.succeed(std::nullopt);
        } else if (job->error() != QKeychain::NoError) {
            qCInfo(lcAuth) << "keychain read failed:" << job->error() << job->errorString();
            done.fail(std::make_exception_ptr(toError(*job)));
        } else if (auto s = decode(job->textData().toUtf8())) {
            done.succeed(std::move(s));
        } else {
            // Someone else's value under our key: report it rather than
            // overwrite it silently; the caller clears it when it signs in.
            done.fail(std::make_exception_ptr(TokenStoreError(
                TokenStoreError::Kind::Corrupt, QStringLiteral("unreadable keychain entry"))));
        }
    });
    job->start();
    return done.future();
}

QFuture<void> KeychainTokenStore::save(const StoredSession &session)
{
    auto *job = newJob<QKeychain::WritePasswordJob>(m_service, m_key);
    // Text, not binary: the Secret Service then holds readable JSON that
    // tools such as secret-tool can show to the person who owns it.
    job->setTextData(QString::fromUtf8(encode(session)));
    return run(job, "keychain write failed:", false);
}

QFuture<void> KeychainTokenStore::clear()
{
    auto *job = newJob<QKeychain::DeletePasswordJob>(m_service, m_key);
    return run(job, "keychain delete failed:", true);
}

} // namespace exegia::auth
