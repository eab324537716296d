#pragma once

#include "ErrorText.h"

#include <exegia/auth/AuthResults.h>
#include <exegia/auth/BrowserFlow.h>
#include <exegia/auth/BrowserSignIn.h>
#include <exegia/auth/ClientConfig.h>
#include <exegia/auth/Errors.h>
#include <exegia/auth/Mfa.h>
#include <exegia/auth/SessionManager.h>
#include <exegia/auth/TokenStore.h>

#include <QDeadlineTimer>
#include <QFuture>
#include <QHash>
#include <QObject>
#include <QTimer>
#include <QUrl>

#include <chrono>
#include <functional>
#include <memory>

namespace exegia::auth {
class AuthClient;
}

namespace exegia::signin {

// The state machine between the widgets and exegia-auth. Widgets read the
// properties and call the slots; only this class calls the library. Every
// call is asynchronous: the model enters a transient state (SendingCode,
// Verifying, Linking, WaitingForBrowser, Restoring, Busy) and leaves it when
// the future finishes. The session itself lives in the library's
// SessionManager (keychain, refresh, restore); the model asks it for a token
// right before each call and never keeps one.
class AuthModel : public QObject
{
    Q_OBJECT
    Q_PROPERTY(State state READ state NOTIFY stateChanged)
    Q_PROPERTY(Page page READ page NOTIFY stateChanged)
    Q_PROPERTY(bool busy READ isBusy NOTIFY stateChanged)
    Q_PROPERTY(Action busyAction READ busyAction NOTIFY stateChanged)
    Q_PROPERTY(QString email READ email NOTIFY emailChanged)
    Q_PROPERTY(QString userId READ userId NOTIFY userChanged)
    Q_PROPERTY(QString displayName READ displayName NOTIFY userChanged)
    Q_PROPERTY(QString userEmail READ userEmail NOTIFY userChanged)
    Q_PROPERTY(QString avatarUrl READ avatarUrl NOTIFY userChanged)
    Q_PROPERTY(bool guest READ isGuest NOTIFY userChanged)
    Q_PROPERTY(QStringList providers READ providers NOTIFY userChanged)
    Q_PROPERTY(QString suggestedDisplayName READ suggestedDisplayName NOTIFY userChanged)
    Q_PROPERTY(QString signInProvider READ signInProvider NOTIFY userChanged)
    Q_PROPERTY(QString notice READ notice NOTIFY noticeChanged)
    Q_PROPERTY(int resendCooldown READ resendCooldown NOTIFY resendCooldownChanged)
    Q_PROPERTY(QString backendDescription READ backendDescription NOTIFY backendChanged)
    Q_PROPERTY(bool localBackend READ isLocalBackend NOTIFY backendChanged)
    Q_PROPERTY(bool backendReady READ isBackendReady NOTIFY backendChanged)
    Q_PROPERTY(QString signInError READ signInError NOTIFY errorsChanged)
    Q_PROPERTY(QString emailError READ emailError NOTIFY errorsChanged)
    Q_PROPERTY(QString codeError READ codeError NOTIFY errorsChanged)
    Q_PROPERTY(QString registerError READ registerError NOTIFY errorsChanged)
    Q_PROPERTY(QString displayNameError READ displayNameError NOTIFY errorsChanged)
    Q_PROPERTY(QString avatarUrlError READ avatarUrlError NOTIFY errorsChanged)
    Q_PROPERTY(QString accountError READ accountError NOTIFY errorsChanged)
    Q_PROPERTY(QString offeredProvider READ offeredProvider NOTIFY errorsChanged)
    Q_PROPERTY(QString persistenceNotice READ persistenceNotice NOTIFY persistenceChanged)
    Q_PROPERTY(QUrl browserUrl READ browserUrl NOTIFY browserChanged)
    Q_PROPERTY(bool browserOpenFailed READ browserOpenFailed NOTIFY browserChanged)
    Q_PROPERTY(QString browserProvider READ browserProvider NOTIFY browserChanged)
    Q_PROPERTY(bool twoStepEnabled READ isTwoStepEnabled NOTIFY userChanged)
    Q_PROPERTY(QString pendingEmail READ pendingEmail NOTIFY emailChanged)
    Q_PROPERTY(QString secondFactorError READ secondFactorError NOTIFY errorsChanged)
    Q_PROPERTY(QString twoStepError READ twoStepError NOTIFY errorsChanged)
    Q_PROPERTY(QString newEmailError READ newEmailError NOTIFY errorsChanged)
    Q_PROPERTY(QString emailChangeCodeError READ emailChangeCodeError NOTIFY errorsChanged)

public:
    enum class State {
        SignedOut,
        SendingCode,
        AwaitingCode,
        Verifying,
        NeedsSignUp,
        SignedInGuest,
        SignedIn,
        Linking,
        WaitingForBrowser, // a browser flow runs: the "Finish in your browser" panel
        Restoring,         // the stored session is being restored at start
        RestoreFailed,     // the server could not be reached: offer Retry
        Busy,
        Error,
        NeedsSecondFactor,       // signed in at aal1; the authenticator code is next
        AwaitingEmailChangeCode, // a code went to the new address
    };
    Q_ENUM(State)

    // The screen a state belongs to; Busy stays on the screen it started from.
    enum class Page {
        SignIn,
        Code,
        Register,
        Account,
        Browser,
        Restore,
        SecondFactor,
        EmailChange
    };
    Q_ENUM(Page)

    // What a Busy (or other transient) state is doing, so the page can put
    // the progress on the right button.
    enum class Action {
        None,
        StartingBackend,
        Guest,
        SendCode,
        ResendCode,
        Verify,
        CreateProfile,
        CancelSignUp,
        SaveDisplayName,
        SignOut,
        SignOutEverywhere,
        Link,
        BrowserSignIn,
        Restore,
        EnrollTwoStep,
        ConfirmTwoStep,
        DisableTwoStep,
        VerifySecondFactor,
        Unlink,
        ChangeEmail,
        VerifyEmailChange,
    };
    Q_ENUM(Action)

    enum class Field {
        SignIn,
        Email,
        Code,
        Register,
        DisplayName,
        AvatarUrl,
        Account,
        Restore,
        SecondFactor,    // the code on the two-step page at sign-in
        TwoStep,         // the code in the dialog that turns two-step on or off
        NewEmail,        // the new address on the account page
        EmailChangeCode, // the code sent to the new address
    };

    // What the model is given from outside, so tests can swap the parts
    // that touch the machine (keychain, browser). Defaults suit the app.
    struct Environment
    {
        // Makes the session's store for a backend (the key names it: the
        // project URL, or the local backend's data folder). Unset: memory
        // only and no restore at start (most tests).
        std::function<std::unique_ptr<exegia::auth::TokenStore>(const QUrl &key)> storeFactory;
        // Opens a URL in the browser. Unset: QDesktopServices::openUrl.
        exegia::auth::BrowserLauncher launcher;
        // How long a browser flow waits (0: the library's 5 minutes).
        std::chrono::milliseconds browserTimeout{0};
        // Added to every provider authorization URL (tests: login_hint).
        QMap<QString, QString> providerParams;
        exegia::auth::SessionManagerOptions sessionOptions;
        // Seconds before "Send a new code" after a code went out: Supabase's
        // default email interval (the server does not tell its own; a
        // shorter one is still honoured through its rate-limit answer).
        int resendSeconds = 60;
        // Makes the AuthClient for a backend. Unset: a client on the
        // library's own HTTP transport; model tests pass one on a fake.
        std::function<exegia::auth::AuthClient *(const exegia::auth::ClientConfig &,
                                                 QObject *parent)>
            clientFactory;
    };

    // Per backend: where its session is kept and how Google sign-in runs.
    struct BackendOptions
    {
        QUrl sessionKey; // empty: the project URL
        // Set: Google's own OAuth (ID token); unset: Supabase's /authorize.
        std::optional<exegia::auth::GoogleOAuthConfig> google;
    };

    explicit AuthModel(QObject *parent = nullptr);
    ~AuthModel() override;

    // Backend lifecycle (MainWindow drives these from the configuration).
    void setBackendStarting(const QString &description);
    // Creates the AuthClient; an unusable config puts the model in Error.
    // With a store, restores the stored session first (state Restoring).
    void setBackend(const exegia::auth::ClientConfig &config, const QString &description,
                    bool local, const BackendOptions &backendOptions = {});
    void setEnvironment(const Environment &environment) { m_env = environment; }
    exegia::auth::SessionManager *sessionManager() const { return m_sessions; }
    // Whether the last session handed to the manager is in the keychain
    // yet (true), or kept in memory only (false).
    QFuture<bool> sessionSaved() const { return m_saved; }
    void setBackendError(const QString &description, const QString &reason);

    State state() const { return m_state; }
    Page page() const;
    bool isBusy() const;
    Action busyAction() const { return m_action; }
    QString email() const { return m_email; }
    QString userId() const;
    QString displayName() const;
    QString userEmail() const;
    QString avatarUrl() const;
    bool isGuest() const;
    QStringList providers() const;
    QString suggestedDisplayName() const;
    QString signInProvider() const { return m_signInProvider; }
    QString notice() const { return m_notice; }
    int resendCooldown() const;
    QString backendDescription() const { return m_backendDescription; }
    bool isLocalBackend() const { return m_local; }
    bool isBackendReady() const { return m_client != nullptr; }
    QString error(Field field) const { return m_errors.value(field); }
    QString signInError() const { return error(Field::SignIn); }
    QString emailError() const { return error(Field::Email); }
    QString codeError() const { return error(Field::Code); }
    QString registerError() const { return error(Field::Register); }
    QString displayNameError() const { return error(Field::DisplayName); }
    QString avatarUrlError() const { return error(Field::AvatarUrl); }
    QString accountError() const { return error(Field::Account); }
    QString restoreError() const { return error(Field::Restore); }
    // After identity_already_exists: the provider whose account the person
    // can sign in to instead (signInInstead()).
    QString offeredProvider() const { return m_offeredProvider; }
    QString persistenceNotice() const { return m_persistenceNotice; }
    QUrl browserUrl() const { return m_browserUrl; }
    bool browserOpenFailed() const { return m_browserOpenFailed; }
    QString browserProvider() const { return m_browserProvider; }

    // AuthModelSecurity.cpp: two-step verification, identities, email change.
    bool isTwoStepEnabled() const;
    // The TOTP factor being set up (the dialog shows its QR code and key);
    // nothing when no enrollment runs.
    const std::optional<exegia::auth::TotpEnrollment> &enrollment() const { return m_enrollment; }
    // Every identity of the signed-in user; unlinking is offered while
    // there is more than one.
    QList<exegia::auth::Identity> identities() const;
    bool canUnlink() const { return identities().size() > 1; }
    QString pendingEmail() const { return m_pendingEmail; }
    QString secondFactorError() const { return error(Field::SecondFactor); }
    QString twoStepError() const { return error(Field::TwoStep); }
    QString newEmailError() const { return error(Field::NewEmail); }
    QString emailChangeCodeError() const { return error(Field::EmailChangeCode); }

    static bool isPlausibleEmail(const QString &email);
    // Digits only: drops spaces and dashes, as people paste "123 456".
    static QString normalizeCode(const QString &code);

public slots:
    void continueAsGuest();
    void signInWithProvider(const QString &provider);
    void requestCode(const QString &email);
    void verifyCode(const QString &code);
    void resendCode();
    void useAnotherEmail();
    void createProfile(const QString &displayName, const QString &avatarUrl);
    void cancelSignUp();
    void updateDisplayName(const QString &displayName);
    void signOut();
    void signOutEverywhere();
    void linkProvider(const QString &provider);
    void signInInstead();
    void cancelBrowser();
    bool reopenBrowser();
    void retryRestore();
    void clearNotice();
    // Two-step verification (TOTP): set up, confirm or abandon, turn off.
    void startTwoStepSetup();
    void confirmTwoStep(const QString &code);
    void cancelTwoStepSetup();
    void disableTwoStep(const QString &code);
    // The authenticator code after the first factor, or signing out instead.
    void verifySecondFactor(const QString &code);
    void cancelSecondFactor();
    void unlinkIdentity(const QString &identityId);
    void requestEmailChange(const QString &newEmail);
    void verifyEmailChange(const QString &code);
    void resendEmailChange();
    void cancelEmailChange();
    // The person edited the field: its old complaint no longer applies.
    void clearError(Field field) { setError(field, {}); }

signals:
    void stateChanged();
    void emailChanged();
    void userChanged();
    void noticeChanged();
    void resendCooldownChanged();
    void backendChanged();
    void errorsChanged();
    void persistenceChanged();
    void browserChanged();
    void enrollmentChanged();

private:
    // Runs `future`, then `ok` or `failed` on this thread, unless the
    // backend changed meanwhile (the generation moved on).
    template <typename T, typename Ok, typename Failed>
    void run(QFuture<T> future, Ok ok, Failed failed);

    // The opening every backend change shares: old flows end, nothing is
    // shown of the old session, the new description is set.
    void resetBackend(const QString &description, bool local);
    exegia::auth::AuthClient *createClient(const exegia::auth::ClientConfig &config);
    // The sentence for a failed call; in local mode a connection problem
    // means the local backend, not the project address.
    ErrorInfo describeFailure(const std::exception &error) const;

    void setState(State state, Action action = Action::None);
    void setError(Field field, const QString &text);
    void clearErrors();
    void setNotice(const QString &text);
    void setUser(const std::optional<exegia::auth::CurrentUser> &user);
    void startCooldown(int seconds);
    // A code is on its way: the code page, a new one after `cooldownSeconds`.
    void awaitCode(int cooldownSeconds, const QString &notice);
    // "Send a new code" while the model waits in `waiting`: false while the
    // cooldown runs; else errors cleared and the state `sending`.
    bool startResend(State waiting, State sending);
    void finishSignIn(const exegia::auth::SignInResult &result);
    void enterSignedIn(const exegia::auth::CurrentUser &user);
    void sessionEnded(const QString &why);
    void dropSession();
    bool requireState(std::initializer_list<State> allowed) const;
    bool validateProfile(const QString &name, const QString &avatar);
    void signOutWithScope(bool everywhere);
    // Ends the session here (told to the server as well) as `action`, for a
    // flow abandoned half-way (registering, the second factor).
    void leaveSession(Action action);
    static bool isTransient(State state);

    // AuthModelSession.cpp: the SessionManager's life and signals.
    void createSession(const exegia::auth::ClientConfig &config, const BackendOptions &options);
    void connectSession();
    void destroySession();
    void startRestore();
    void adoptSession(const exegia::auth::Session &session);
    void setPersistenceNotice(const QString &text);
    // A call was refused because the session is gone: the manager decides
    // (signs out, or refreshes when only the access token was bad).
    void reportSessionGone(const ErrorInfo &error);
    // Runs `call` with a valid access token from the manager.
    template <typename Call> auto withToken(Call call);
    // The same with the session the manager holds (user included, token
    // valid), for calls that then skip asking the server for the user.
    template <typename Call> auto withSession(Call call); // call(const Session &)

    // AuthModelBrowser.cpp: the browser flows.
    void startBrowser(Action action, const QString &provider);
    void browserFailed(const ErrorInfo &error, const QString &provider);
    void clearBrowser();
    // The display name a guest's profile starts with: a fixed value (data,
    // the same in every language), shown translated by displayName().
    static QString defaultGuestName();

    // AuthModelSecurity.cpp
    // True (and the state set) when the session must reach aal2 first.
    bool enterSecondFactor();
    QString verifiedFactorId() const;
    // A session the server raised (aal2) or renewed (new email): kept by the
    // manager, its user shown.
    void adoptUpgradedSession(const exegia::auth::Session &session);
    void setEnrollment(const std::optional<exegia::auth::TotpEnrollment> &enrollment);
    // The failure of an account action: the session may be gone, else the
    // sentence goes under `field` and the state returns to `back`.
    void securityFailed(const ErrorInfo &error, Field field, State back);
    bool checkCode(const QString &code, Field field, QString *digits);
    // The account (or the two-step page, while aal2 is owed) after a flow.
    void showAccount();
    // After the second factor: the account, or registering when the profile
    // (unreadable at aal1 under an aal2 row policy) does not exist.
    void enterAfterSecondFactor();
    // Reads the user again (after a change the server made to it), then
    // returns to the account with `notice`.
    void reloadUser(const QString &notice);
    // Challenge and verify `factorId` with `code`: the session raised to aal2.
    QFuture<exegia::auth::Session> proveFactor(const QString &factorId, const QString &code);
    // The person's verified factor proven with `rawCode` while the model is
    // in `waiting`: the raised session adopted, then `next(factorId)`; a
    // refusal goes under `field`, back in `waiting`.
    void proveVerifiedFactor(const QString &rawCode, State waiting, Field field, Action action,
                             const std::function<void(const QString &factorId)> &next);
    void removeVerifiedFactor(const QString &factorId);
    // A new code for the pending email change (also for a guest, who has no
    // current address to name).
    QFuture<void> sendEmailChangeCodeAgain();
    // After a guest linked `provider`: the provider's name replaces the
    // default display name.
    void adoptProviderName(const QString &provider);

    State m_state = State::Error;
    State m_returnState = State::SignedOut; // where Busy returns to
    Action m_action = Action::None;
    exegia::auth::AuthClient *m_client = nullptr; // a child; replaced per backend
    quint64 m_generation = 0;
    Environment m_env;
    // Both children of the model, replaced per backend with the client.
    exegia::auth::SessionManager *m_sessions = nullptr;
    exegia::auth::BrowserSignIn *m_browser = nullptr;
    std::optional<exegia::auth::GoogleOAuthConfig> m_google;
    std::optional<exegia::auth::CurrentUser> m_user;
    QFuture<bool> m_saved;
    QString m_offeredProvider;
    QString m_persistenceNotice;
    QUrl m_browserUrl;
    bool m_browserOpenFailed = false;
    QString m_browserProvider;
    std::optional<exegia::auth::TotpEnrollment> m_enrollment;
    QString m_pendingEmail;
    QString m_email;
    QString m_signInProvider;
    QString m_notice;
    QHash<Field, QString> m_errors;
    QString m_backendDescription;
    bool m_local = false;
    QDeadlineTimer m_cooldownEnds;
    QTimer m_cooldownTick;
};

template <typename Call> auto AuthModel::withToken(Call call)
{
    // The token is fetched per call (the manager may be refreshing it) and
    // handed straight to the library; failures of either step reach run().
    return m_sessions->accessToken()
        .then(this, [call](const QString &token) mutable { return call(token); })
        .unwrap();
}

template <typename Call> auto AuthModel::withSession(Call call)
{
    return withToken([this, call](const QString &token) mutable {
        std::optional<exegia::auth::Session> held = m_sessions->session();
        if (!held)
            throw exegia::auth::SessionError(exegia::auth::SessionError::Kind::SignedOut);
        held->accessToken = token;
        return call(*held);
    });
}

template <typename T, typename Ok, typename Failed>
void AuthModel::run(QFuture<T> future, Ok ok, Failed failed)
{
    const quint64 generation = m_generation;
    auto current = [this, generation] { return generation == m_generation; };
    // One continuation for both outcomes: waiting on the finished future
    // rethrows its exception, which becomes the sentence for `failed`.
    future.then(this, [this, current, ok, failed](QFuture<T> done) {
        if (!current())
            return;
        std::optional<ErrorInfo> error;
        try {
            done.waitForFinished();
        } catch (const std::exception &e) {
            error = describeFailure(e);
        } catch (...) {
            error = ErrorText::unexpected();
        }
        if (error)
            failed(*error);
        else if constexpr (std::is_void_v<T>)
            ok();
        else
            ok(done.result());
    });
}

} // namespace exegia::signin
