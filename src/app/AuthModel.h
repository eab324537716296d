#pragma once

#include "ErrorText.h"
#include "SessionHolder.h"

#include <exegia/auth/AuthResults.h>
#include <exegia/auth/ClientConfig.h>

#include <QDeadlineTimer>
#include <QFuture>
#include <QHash>
#include <QObject>
#include <QTimer>
#include <QUrl>

namespace exegia::auth {
class AuthClient;
}

// The state machine between the widgets and exegia-auth. Widgets read the
// properties and call the slots; only this class calls the library. Every
// call is asynchronous: the model enters a transient state (SendingCode,
// Verifying, Linking, Busy) and leaves it when the future finishes.
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
        Busy,
        Error,
    };
    Q_ENUM(State)

    // The screen a state belongs to; Busy stays on the screen it started from.
    enum class Page { SignIn, Code, Register, Account };
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
    };
    Q_ENUM(Action)

    enum class Field { SignIn, Email, Code, Register, DisplayName, AvatarUrl, Account };

    explicit AuthModel(QObject *parent = nullptr);
    ~AuthModel() override;

    // Backend lifecycle (MainWindow drives these from the configuration).
    void setBackendStarting(const QString &description);
    // Creates the AuthClient; an unusable config puts the model in Error.
    void setBackend(const exegia::auth::ClientConfig &config, const QString &description,
                    bool local);
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

    // The browser step of the last link request, kept for the browser flow
    // (issue 5), which will open it and finish with exchangeCodeForSession.
    const std::optional<exegia::auth::LinkIdentityRequest> &pendingLink() const
    {
        return m_pendingLink;
    }

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
    void clearNotice();

signals:
    void stateChanged();
    void emailChanged();
    void userChanged();
    void noticeChanged();
    void resendCooldownChanged();
    void backendChanged();
    void errorsChanged();
    // A provider authorization URL is ready for the browser (issue 5).
    void browserUrlReady(const QUrl &url);

private:
    // Runs `future`, then `ok` or `failed` on this thread, unless the
    // backend changed meanwhile (the generation moved on).
    template <typename T, typename Ok, typename Failed>
    void run(QFuture<T> future, Ok ok, Failed failed);

    void setState(State state, Action action = Action::None);
    void setError(Field field, const QString &text);
    void clearErrors();
    void setNotice(const QString &text);
    void setUser(const std::optional<exegia::auth::CurrentUser> &user);
    void startCooldown(int seconds);
    void finishSignIn(const exegia::auth::SignInResult &result);
    void enterSignedIn(const exegia::auth::CurrentUser &user);
    void sessionEnded(const QString &why);
    void dropSession();
    bool requireState(std::initializer_list<State> allowed) const;
    void signOutWithScope(bool everywhere);

    State m_state = State::Error;
    State m_returnState = State::SignedOut; // where Busy returns to
    Action m_action = Action::None;
    exegia::auth::AuthClient *m_client = nullptr; // a child; replaced per backend
    quint64 m_generation = 0;
    SessionHolder m_session;
    std::optional<exegia::auth::CurrentUser> m_user;
    std::optional<exegia::auth::LinkIdentityRequest> m_pendingLink;
    QString m_email;
    QString m_signInProvider;
    QString m_notice;
    QHash<Field, QString> m_errors;
    QString m_backendDescription;
    bool m_local = false;
    QDeadlineTimer m_cooldownEnds;
    QTimer m_cooldownTick;
};

template <typename T, typename Ok, typename Failed>
void AuthModel::run(QFuture<T> future, Ok ok, Failed failed)
{
    const quint64 generation = m_generation;
    auto current = [this, generation] { return generation == m_generation; };
    if constexpr (std::is_void_v<T>) {
        future
            .then(this,
                  [current, ok] {
                      if (current())
                          ok();
                  })
            .onFailed(this,
                      [current, failed](const std::exception &e) {
                          if (current())
                              failed(ErrorText::describe(e));
                      })
            .onFailed(this, [current, failed] {
                if (current())
                    failed(ErrorText::unexpected());
            });
    } else {
        future
            .then(this,
                  [current, ok](const T &value) {
                      if (current())
                          ok(value);
                  })
            .onFailed(this,
                      [current, failed](const std::exception &e) {
                          if (current())
                              failed(ErrorText::describe(e));
                      })
            .onFailed(this, [current, failed] {
                if (current())
                    failed(ErrorText::unexpected());
            });
    }
}
