// AuthModel, the session part: the library's SessionManager owns the
// signed-in session (keychain, refresh, restore); this file creates it per
// backend, restores at start and turns its signals into states.
#include "AuthModel.h"

#include <exegia/auth/AuthClient.h>

#include <QDesktopServices>

namespace exegia::signin {

using namespace exegia::auth;

void AuthModel::createSession(const ClientConfig &config, const BackendOptions &options)
{
    const QUrl key = options.sessionKey.isEmpty() ? config.projectUrl : options.sessionKey;
    std::unique_ptr<TokenStore> store = m_env.storeFactory ? m_env.storeFactory(key) : nullptr;
    m_sessions = new SessionManager(m_client, std::move(store), m_env.sessionOptions, this);
    m_browser = new BrowserSignIn(m_client, this);
    // The library's default launcher runs xdg-open; the app opens URLs the
    // Qt way, which also works on macOS and Windows.
    m_browser->setLauncher(m_env.launcher ? m_env.launcher : [](const QUrl &url) {
        return QDesktopServices::openUrl(url);
    });
    if (m_env.browserTimeout.count() > 0)
        m_browser->setTimeout(m_env.browserTimeout);
    m_google = options.google;
    connectSession();
}

void AuthModel::connectSession()
{
    connect(m_browser, &BrowserSignIn::waitingForBrowser, this, [this](const QUrl &url) {
        m_browserUrl = url;
        emit browserChanged();
    });
    connect(m_browser, &BrowserSignIn::browserOpenFailed, this, [this](const QUrl &url) {
        m_browserUrl = url;
        m_browserOpenFailed = true;
        emit browserChanged();
    });
    connect(m_sessions, &SessionManager::signedOut, this,
            [this](SessionManager::SignOutReason reason, const QString &) {
                // Our own signOut() calls finish in their futures; this is for
                // the server ending the session (refused refresh, user gone).
                if (reason == SessionManager::SignOutReason::Requested)
                    return;
                if (m_state == State::Restoring || m_state == State::SignedOut ||
                    m_state == State::Error)
                    return;
                if (m_browser->isRunning())
                    m_browser->cancel();
                sessionEnded(ErrorText::forSignOutReason(reason));
            });
    connect(m_sessions, &SessionManager::persistenceUnavailable, this, [this](const QString &) {
        setPersistenceNotice(tr("You will need to sign in again next time: this "
                                "computer has no keychain to keep your session in."));
    });
    connect(m_sessions, &SessionManager::signedIn, this, [this] {
        // signIn() and restore() reset the store's state: a store that works
        // again takes the notice away.
        if (m_sessions->isPersistent())
            setPersistenceNotice({});
    });
}

void AuthModel::destroySession()
{
    // The old backend's flows and session end with it; a running browser
    // loop closes its listener.
    delete m_browser;
    m_browser = nullptr;
    delete m_sessions;
    m_sessions = nullptr;
    m_google.reset();
    clearBrowser();
    setPersistenceNotice({});
}

void AuthModel::startRestore()
{
    setState(State::Restoring, Action::Restore);
    run(
        m_sessions->restore(),
        [this](const RestoreResult &r) {
            using Status = RestoreResult::Status;
            setError(Field::Restore, {});
            switch (r.status) {
            case Status::Restored:
                if (r.currentUser && r.currentUser->hasProfile()) {
                    enterSignedIn(*r.currentUser);
                } else if (r.currentUser) {
                    // Signed in last time but never registered: finish that.
                    setUser(r.currentUser);
                    if (!enterSecondFactor())
                        setState(State::NeedsSignUp);
                }
                return;
            case Status::NetworkFailure:
                // The stored session is kept; nobody is signed out because the
                // network was down.
                setError(Field::Restore, ErrorText::restoreFailed(r.error));
                setState(State::RestoreFailed);
                return;
            case Status::Refused:
                setError(Field::SignIn, ErrorText::forAuthCode(r.errorCode, 0, std::nullopt));
                break;
            case Status::StoreUnavailable:
            case Status::NoStoredSession:
                break;
            }
            setState(State::SignedOut);
        },
        [this](const ErrorInfo &e) {
            // restore() never fails; if it did, the sign-in page is the way on.
            setError(Field::SignIn, e.text);
            setState(State::SignedOut);
        });
}

void AuthModel::retryRestore()
{
    if (!requireState({State::RestoreFailed}))
        return;
    startRestore();
}

void AuthModel::adoptSession(const Session &session)
{
    // Stored in the keychain as well; a failure there arrives as
    // persistenceUnavailable, and the session carries on in memory.
    m_saved = m_sessions->signIn(session);
}

void AuthModel::setPersistenceNotice(const QString &text)
{
    if (m_persistenceNotice == text)
        return;
    m_persistenceNotice = text;
    emit persistenceChanged();
}

void AuthModel::reportSessionGone(const ErrorInfo &error)
{
    // The manager ends the session (signedOut -> Sign in with its reason)
    // or, when only the access token was refused, refreshes and carries on;
    // until it knows, the person sees what happened.
    setError(page() == Page::Register ? Field::Register : Field::Account, error.text);
    m_sessions->reportRejected(error.code);
}

} // namespace exegia::signin
