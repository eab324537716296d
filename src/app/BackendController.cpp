#include "BackendController.h"

#include "AuthModel.h"
#include "LocalBackend.h"
#include "LocalInbox.h"

#include <QLoggingCategory>

using namespace Qt::StringLiterals;

namespace exegia::signin {

namespace {

Q_LOGGING_CATEGORY(lcController, "exegia.signin.backend", QtInfoMsg)

// A child that ran this long before ending gets the full number of tries
// again; one that keeps dying at once runs out of them.
constexpr qint64 kStableUptimeMs = 30000;
constexpr std::chrono::milliseconds kMaxRestartDelay{5000};

} // namespace

BackendController::BackendController(AuthModel *model, LocalInbox *inbox, const Options &options,
                                     QObject *parent)
    : QObject(parent)
    , m_model(model)
    , m_inbox(inbox)
    , m_local(new LocalBackend(this))
    , m_options(options)
{
    m_restartTimer.setSingleShot(true);
    // The same port while it is free, so the model's address stays right.
    connect(&m_restartTimer, &QTimer::timeout, this, [this] { startLocal(m_port); });
    connect(m_local, &LocalBackend::ready, this, &BackendController::localReady);
    connect(m_local, &LocalBackend::failed, this, &BackendController::localFailed);
    connect(m_local, &LocalBackend::exited, this, &BackendController::localExited);
}

BackendController::~BackendController()
{
    stop();
}

void BackendController::use(const BackendChoice &choice)
{
    stop();
    m_choice = choice;
    m_inbox->setMailbox({}, {});
    m_modelUrl.clear();
    m_modelKey.clear();
    m_port = 0;
    m_restarts = 0;
    if (choice.kind != BackendChoice::Kind::Local) {
        useProject(choice);
        return;
    }
    setStatus(Status::Starting);
    m_model->setBackendStarting(tr("Starting the local backend…"));
    startLocal(0);
}

void BackendController::useProject(const BackendChoice &choice)
{
    if (!choice.error.isEmpty()) {
        setStatus(Status::Invalid);
        m_model->setBackendError(AppConfig::describe(choice), choice.error);
        return;
    }
    AuthModel::BackendOptions backend;
    if (!choice.googleClientId.isEmpty()) {
        // Google's real endpoints (GoogleOAuthConfig's defaults).
        exegia::auth::GoogleOAuthConfig google;
        google.clientId = choice.googleClientId;
        backend.google = google;
    }
    setStatus(Status::Remote);
    m_model->setBackend(choice.config, AppConfig::describe(choice), false, backend);
}

void BackendController::stop()
{
    m_restartTimer.stop();
    m_local->stop();
}

void BackendController::restart()
{
    if (!isLocal() || m_status != Status::Failed)
        return;
    m_restarts = 0;
    setStatus(Status::Restarting);
    startLocal(m_port);
}

void BackendController::startLocal(quint16 port)
{
    m_local->setExtraArguments(m_options.localArguments);
    m_local->start(m_options.localDataDir, port);
}

void BackendController::localReady()
{
    m_upSince.start();
    m_port = quint16(m_local->url().port());
    m_inbox->setMailbox(m_local->mailboxUrl(), m_local->mailboxKey());
    // After a restart on the same address the model carries on as it was
    // (its session included); a new address (or key: an in-memory backend
    // may make new ones) needs a new client, which restores the session
    // from the keychain.
    if (m_local->url() != m_modelUrl || m_local->publishableKey() != m_modelKey)
        handLocalToModel();
    if (m_status == Status::Restarting)
        qCInfo(lcController) << "The local backend is running again.";
    setStatus(Status::Ready);
}

void BackendController::handLocalToModel()
{
    m_modelUrl = m_local->url();
    m_modelKey = m_local->publishableKey();
    exegia::auth::ClientConfig config;
    config.projectUrl = m_local->url();
    config.publishableKey = m_local->publishableKey();
    AuthModel::BackendOptions backend;
    // The emulator listens on a new port each run: its session is named by
    // its data folder instead, which is what actually holds the accounts.
    backend.sessionKey = m_options.localDataDir.isEmpty()
                             ? QUrl(u"file:///exegia-local-backend/in-memory"_s)
                             : QUrl::fromLocalFile(m_options.localDataDir);
    // A Google client id in Settings asks for Google's own OAuth; locally
    // that runs against the emulator's identity provider and its client.
    if (!m_choice.googleClientId.isEmpty() && m_local->googleIssuer().isValid()) {
        exegia::auth::GoogleOAuthConfig google;
        google.clientId = m_local->googleClientId();
        const QString issuer = m_local->googleIssuer().toString();
        google.authorizationEndpoint = QUrl(issuer + u"/authorize"_s);
        google.tokenEndpoint = QUrl(issuer + u"/token"_s);
        backend.google = google;
    }
    m_model->setBackend(config, tr("Local backend"), true, backend);
}

void BackendController::localFailed(const QString &reason)
{
    if (m_status == Status::Starting) {
        // The first start: nothing to keep, say why on the sign-in page too.
        giveUp(reason);
        m_model->setBackendError(tr("Local backend (not running)"),
                                 reason + u' ' +
                                     tr("Choose a Supabase project in Settings, or restart the "
                                        "app to try again."));
        return;
    }
    qCWarning(lcController).noquote() << "The local backend did not start:" << reason;
    // The old port may be taken by now: the next try takes any free one.
    m_port = 0;
    m_failureLog = m_local->recentLog();
    scheduleRestart();
}

void BackendController::localExited()
{
    qCWarning(lcController) << "The local backend stopped by itself; restarting it.";
    m_failureLog = m_local->recentLog();
    if (m_upSince.isValid() && m_upSince.elapsed() > kStableUptimeMs)
        m_restarts = 0;
    setStatus(Status::Restarting);
    scheduleRestart();
}

void BackendController::scheduleRestart()
{
    if (m_restarts >= m_options.maxRestarts) {
        giveUp(tr("The local backend stopped and could not be started again."));
        return;
    }
    const auto delay = std::min(m_options.firstRestartDelay * (1 << m_restarts), kMaxRestartDelay);
    ++m_restarts;
    qCInfo(lcController) << "Try" << m_restarts << "of" << m_options.maxRestarts << "in"
                         << delay.count() << "ms.";
    m_restartTimer.start(delay);
}

void BackendController::giveUp(const QString &reason)
{
    m_failureReason = reason;
    if (m_failureLog.isEmpty())
        m_failureLog = m_local->recentLog();
    setStatus(Status::Failed);
}

void BackendController::setStatus(Status status)
{
    if (m_status == status)
        return;
    m_status = status;
    if (status != Status::Failed) {
        m_failureReason.clear();
        if (status != Status::Restarting)
            m_failureLog.clear();
    }
    emit statusChanged();
}

} // namespace exegia::signin
