// AuthModel, the browser part: Continue with Google/Apple and Link
// Google/Apple run one BrowserSignIn loop each, shown as the "Finish in
// your browser" panel (state WaitingForBrowser) until the loop ends.
#include "AuthModel.h"

#include <exegia/auth/AuthClient.h>
#include <exegia/auth/BrowserFlow.h>
#include <exegia/auth/Errors.h>

namespace exegia::signin {

using namespace exegia::auth;

void AuthModel::signInWithProvider(const QString &provider)
{
    if (!requireState({State::SignedOut}))
        return;
    startBrowser(Action::BrowserSignIn, provider);
    m_signInProvider = provider;
    QFuture<SignInResult> future;
    if (provider == QLatin1String("google") && m_google) {
        // A Google desktop client id is configured: Google's own OAuth gives
        // an ID token for the ID-token grant.
        GoogleOAuthConfig google = *m_google;
        for (auto it = m_env.providerParams.cbegin(); it != m_env.providerParams.cend(); ++it)
            google.extraParams.insert(it.key(), it.value());
        future = m_browser->signInWithGoogle(google);
    } else {
        // Apple never allows loopback redirects, so it always goes through
        // Supabase's /authorize; so does Google without a client id.
        OAuthSignInOptions options;
        options.queryParams = m_env.providerParams;
        future = m_browser->signInWithProvider(provider, options);
    }
    // The failure handler of run() sees only the sentence; a failed profile
    // check must keep its session, so it is caught here first. The browser
    // part worked and its code is spent: retry the check once with the
    // session it produced (any other failure passes through).
    auto checked = future
                       .then(this,
                             [this, provider](QFuture<SignInResult> f) {
                                 try {
                                     return QtFuture::makeReadyFuture(f.result());
                                 } catch (const ProfileCheckError &e) {
                                     return m_client->completeSignIn(e.session(), provider);
                                 }
                             })
                       .unwrap();
    run(
        checked,
        [this](const SignInResult &r) {
            clearBrowser();
            finishSignIn(r);
        },
        [this, provider](const ErrorInfo &e) { browserFailed(e, provider); });
}

void AuthModel::linkProvider(const QString &provider)
{
    if (!requireState({State::SignedIn, State::SignedInGuest}))
        return;
    clearNotice();
    startBrowser(Action::Link, provider);
    LinkIdentityOptions options;
    options.queryParams = m_env.providerParams;
    run(
        withSession([this, provider, options](const Session &session) {
            return m_browser->linkIdentity(session, provider, options);
        }),
        [this, provider](const LinkResult &r) {
            const bool defaultName = m_user && m_user->displayName() == defaultGuestName();
            clearBrowser();
            // The link gave a new session (a guest is now permanent): it
            // replaces the old one in the manager and the keychain.
            adoptSession(r.session);
            enterSignedIn(r.currentUser);
            setNotice(tr("%1 is now linked to your account.")
                          .arg(AuthClient::providerDisplayName(provider)));
            if (defaultName)
                adoptProviderName(provider);
        },
        [this, provider](const ErrorInfo &e) { browserFailed(e, provider); });
}

void AuthModel::startBrowser(Action action, const QString &provider)
{
    clearErrors();
    clearBrowser();
    // The tab the browser shows at the end is the app's, in its language
    // of the moment.
    BrowserPageTexts texts;
    texts.title = tr("Exegia Sign-In");
    texts.success = tr("You are signed in to Exegia Sign-In. You can close this tab.");
    texts.failure = tr("Sign-in failed \u2014 return to Exegia Sign-In");
    texts.undecided = tr("Return to Exegia Sign-In to see whether you are signed in. You can "
                         "close this tab.");
    m_browser->setPageTexts(texts);
    m_browserProvider = provider;
    emit browserChanged();
    setState(State::WaitingForBrowser, action);
}

void AuthModel::browserFailed(const ErrorInfo &e, const QString &provider)
{
    const bool linking = m_action == Action::Link;
    const QString name = AuthClient::providerDisplayName(provider);
    clearBrowser();
    setState(m_returnState);
    const Field field = linking ? Field::Account : Field::SignIn;
    if (e.code == QLatin1String("browser_cancelled")) {
        // The person pressed Cancel: they know; no red text needed.
        return;
    }
    if (linking && e.sessionGone)
        return reportSessionGone(e);
    if (e.code == QLatin1String("identity_already_exists")) {
        setError(field, ErrorText::identityInUse(name, isGuest()));
        m_offeredProvider = provider;
        emit errorsChanged();
        return;
    }
    setError(field, e.code.startsWith(QLatin1String("browser_"))
                        ? ErrorText::forBrowser(e.code, name)
                        : e.text);
}

void AuthModel::clearBrowser()
{
    if (m_browserUrl.isEmpty() && !m_browserOpenFailed && m_browserProvider.isEmpty())
        return;
    m_browserUrl.clear();
    m_browserOpenFailed = false;
    m_browserProvider.clear();
    emit browserChanged();
}

void AuthModel::cancelBrowser()
{
    if (m_state == State::WaitingForBrowser && m_browser)
        m_browser->cancel();
}

bool AuthModel::reopenBrowser()
{
    if (m_state != State::WaitingForBrowser || !m_browser)
        return false;
    const bool opened = m_browser->reopenBrowser();
    if (m_browserOpenFailed != !opened) {
        m_browserOpenFailed = !opened;
        emit browserChanged();
    }
    return opened;
}

void AuthModel::signInInstead()
{
    const QString provider = m_offeredProvider;
    if (provider.isEmpty() ||
        !requireState({State::SignedOut, State::SignedIn, State::SignedInGuest}))
        return;
    if (m_state == State::SignedOut)
        return signInWithProvider(provider);
    // From the account screen: leave this account on this device (the
    // message said so), then sign in to the one the identity belongs to.
    clearErrors();
    setState(State::Busy, Action::SignOut);
    auto next = [this, provider] {
        dropSession();
        setState(State::SignedOut);
        signInWithProvider(provider);
    };
    run(m_sessions->signOut(SignOutScope::Local), next, [next](const ErrorInfo &) { next(); });
}

} // namespace exegia::signin
