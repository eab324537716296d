#include "AuthModel.h"

#include <exegia/auth/AuthClient.h>
#include <exegia/auth/ConfigError.h>

#include <QGuiApplication>
#include <QRegularExpression>

#include <cmath>

using namespace exegia::auth;

AuthModel::AuthModel(QObject *parent)
    : QObject(parent)
{
    m_cooldownTick.setInterval(1000);
    connect(&m_cooldownTick, &QTimer::timeout, this, [this] {
        if (resendCooldown() == 0)
            m_cooldownTick.stop();
        emit resendCooldownChanged();
    });
    // A machine that slept may wake with an expired token: the manager
    // refreshes at once when told the app is back in front.
    if (auto *app = qobject_cast<QGuiApplication *>(QCoreApplication::instance())) {
        connect(app, &QGuiApplication::applicationStateChanged, this,
                [this](Qt::ApplicationState state) {
                    if (state == Qt::ApplicationActive && m_sessions)
                        m_sessions->checkNow();
                });
    }
}

AuthModel::~AuthModel()
{
    // End the flows while this object is still whole: a browser loop or a
    // restore that fails on the way out then finds its context alive (Qt
    // 6.4 asserts on a continuation whose context was already destroyed),
    // and the generation check drops the late result.
    ++m_generation;
    blockSignals(true);
    destroySession();
}

// ---- backend ---------------------------------------------------------------

void AuthModel::setBackendStarting(const QString &description)
{
    ++m_generation;
    destroySession();
    delete m_client;
    m_client = nullptr;
    dropSession();
    m_backendDescription = description;
    m_local = true;
    emit backendChanged();
    clearErrors();
    m_returnState = State::SignedOut;
    setState(State::Busy, Action::StartingBackend);
}

void AuthModel::setBackend(const ClientConfig &config, const QString &description, bool local,
                           const BackendOptions &backendOptions)
{
    ++m_generation;
    destroySession();
    delete m_client;
    m_client = nullptr;
    dropSession();
    m_backendDescription = description;
    m_local = local;
    clearErrors();
    try {
        m_client = new AuthClient(config, this);
    } catch (const ConfigError &e) {
        emit backendChanged();
        setError(Field::SignIn,
                 ErrorText::forConfig(config.projectUrl, config.publishableKey, e.userMessage()));
        setState(State::Error);
        return;
    }
    createSession(config, backendOptions);
    emit backendChanged();
    if (m_env.storeFactory)
        startRestore();
    else
        setState(State::SignedOut);
}

void AuthModel::setBackendError(const QString &description, const QString &reason)
{
    ++m_generation;
    destroySession();
    delete m_client;
    m_client = nullptr;
    dropSession();
    m_backendDescription = description;
    emit backendChanged();
    clearErrors();
    setError(Field::SignIn, reason);
    setState(State::Error);
}

// ---- state ------------------------------------------------------------------

AuthModel::Page AuthModel::page() const
{
    const State s = m_state == State::Busy ? m_returnState : m_state;
    switch (s) {
    case State::AwaitingCode:
    case State::Verifying:
        return Page::Code;
    case State::NeedsSignUp:
        return Page::Register;
    case State::SignedIn:
    case State::SignedInGuest:
    case State::Linking:
        return Page::Account;
    case State::WaitingForBrowser:
        return Page::Browser;
    case State::Restoring:
    case State::RestoreFailed:
        return Page::Restore;
    case State::SendingCode:
        // A resend stays on the code page; a first send is on the sign-in page.
        return m_action == Action::ResendCode ? Page::Code : Page::SignIn;
    default:
        return Page::SignIn;
    }
}

bool AuthModel::isTransient(State state)
{
    return state == State::SendingCode || state == State::Verifying || state == State::Linking ||
           state == State::WaitingForBrowser || state == State::Restoring || state == State::Busy;
}

bool AuthModel::isBusy() const
{
    return isTransient(m_state);
}

void AuthModel::setState(State state, Action action)
{
    const Page before = page();
    if (!isTransient(state))
        m_returnState = state;
    m_state = state;
    m_action = action;
    // A notice belongs to the screen it was shown on.
    if (page() != before)
        clearNotice();
    emit stateChanged();
}

bool AuthModel::requireState(std::initializer_list<State> allowed) const
{
    // Intents that do not fit the state (a double click, a stale signal) are
    // ignored rather than queued: the page already shows what is happening.
    return m_client && std::find(allowed.begin(), allowed.end(), m_state) != allowed.end();
}

void AuthModel::setError(Field field, const QString &text)
{
    if (m_errors.value(field) == text)
        return;
    if (text.isEmpty())
        m_errors.remove(field);
    else
        m_errors.insert(field, text);
    emit errorsChanged();
}

void AuthModel::clearErrors()
{
    if (m_errors.isEmpty() && m_offeredProvider.isEmpty())
        return;
    m_errors.clear();
    m_offeredProvider.clear();
    emit errorsChanged();
}

void AuthModel::setNotice(const QString &text)
{
    if (m_notice == text)
        return;
    m_notice = text;
    emit noticeChanged();
}

void AuthModel::clearNotice()
{
    setNotice({});
}

int AuthModel::resendCooldown() const
{
    if (m_cooldownEnds.hasExpired())
        return 0;
    return int(std::ceil(double(m_cooldownEnds.remainingTime()) / 1000.0));
}

void AuthModel::startCooldown(int seconds)
{
    m_cooldownEnds.setRemainingTime(qint64(qMax(0, seconds)) * 1000);
    if (seconds > 0)
        m_cooldownTick.start();
    emit resendCooldownChanged();
}

// ---- validation helpers -----------------------------------------------------

bool AuthModel::isPlausibleEmail(const QString &email)
{
    // The server decides what is deliverable; this only catches typos early.
    static const QRegularExpression shape(QStringLiteral("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$"));
    return shape.match(email).hasMatch();
}

QString AuthModel::normalizeCode(const QString &code)
{
    QString digits;
    for (const QChar c : code) {
        if (c.isDigit())
            digits.append(c);
        else if (!c.isSpace() && c != u'-')
            return code.trimmed(); // not a code; let the length check refuse it
    }
    return digits;
}

// ---- sign-in ----------------------------------------------------------------

void AuthModel::continueAsGuest()
{
    if (!requireState({State::SignedOut}))
        return;
    clearErrors();
    setState(State::Busy, Action::Guest);
    SignUpOptions options;
    // A guest gets a profile row at once, so the account screen has a name
    // to show and edit; user_type becomes "anonymous" on the server.
    options.anonymous = true;
    options.profileFields.insert(u"display_name", defaultGuestName());
    run(
        m_client->signUp(options),
        [this](const SignUpResult &r) {
            if ((r.ok || r.alreadyRegistered) && r.currentUser && r.session) {
                adoptSession(*r.session);
                m_signInProvider.clear();
                enterSignedIn(*r.currentUser);
                return;
            }
            dropSession();
            setError(Field::SignIn, tr("A guest session could not be started. Please try "
                                       "again, or sign in with email."));
            setState(State::SignedOut);
        },
        [this](const ErrorInfo &e) {
            dropSession();
            setError(Field::SignIn, e.text);
            setState(State::SignedOut);
        });
}

void AuthModel::requestCode(const QString &rawEmail)
{
    if (!requireState({State::SignedOut}))
        return;
    const QString email = rawEmail.trimmed();
    clearErrors();
    if (!isPlausibleEmail(email)) {
        setError(Field::Email, email.isEmpty()
                                   ? tr("Enter your email address.")
                                   : tr("Enter an email address such as name@example.com."));
        return;
    }
    if (m_email != email) {
        m_email = email;
        emit emailChanged();
        startCooldown(0);
    }
    setState(State::SendingCode, Action::SendCode);
    run(
        m_client->requestEmailOtp(email),
        [this](const OtpResponse &) {
            startCooldown(m_env.resendSeconds);
            setState(State::AwaitingCode);
            setNotice(tr("We sent a 6-digit code to %1.").arg(m_email));
        },
        [this](const ErrorInfo &e) {
            if (e.code == QLatin1String("over_email_send_rate_limit")) {
                // A code went out moments ago and is still valid: let the
                // person enter it, and show when a new one can be sent.
                startCooldown(e.retryAfterSeconds.value_or(60));
                setState(State::AwaitingCode);
                setNotice(
                    tr("We already sent a code to %1 a moment ago. Enter it below.").arg(m_email));
                return;
            }
            setError(Field::Email, e.text);
            setState(State::SignedOut);
        });
}

void AuthModel::resendCode()
{
    if (!requireState({State::AwaitingCode}) || resendCooldown() > 0)
        return;
    clearErrors();
    setState(State::SendingCode, Action::ResendCode);
    run(
        m_client->requestEmailOtp(m_email),
        [this](const OtpResponse &) {
            startCooldown(m_env.resendSeconds);
            setState(State::AwaitingCode);
            setNotice(
                tr("We sent a new code to %1. Codes sent earlier no longer work.").arg(m_email));
        },
        [this](const ErrorInfo &e) {
            setState(State::AwaitingCode);
            if (e.code == QLatin1String("over_email_send_rate_limit")) {
                // The page shows the live countdown; no stale seconds in text.
                startCooldown(e.retryAfterSeconds.value_or(60));
                clearNotice();
                return;
            }
            setError(Field::Code, e.text);
        });
}

void AuthModel::useAnotherEmail()
{
    if (!requireState({State::AwaitingCode}))
        return;
    clearErrors();
    setState(State::SignedOut);
}

void AuthModel::verifyCode(const QString &rawCode)
{
    if (!requireState({State::AwaitingCode}))
        return;
    const QString code = normalizeCode(rawCode);
    clearErrors();
    static const QRegularExpression sixDigits(QStringLiteral("^\\d{6}$"));
    if (!sixDigits.match(code).hasMatch()) {
        setError(Field::Code, tr("Enter the 6-digit code from the email."));
        return;
    }
    setState(State::Verifying, Action::Verify);
    m_signInProvider = QStringLiteral("email");
    run(
        m_client->verifyEmailOtp(m_email, code), [this](const SignInResult &r) { finishSignIn(r); },
        [this](const ErrorInfo &e) {
            setState(State::AwaitingCode);
            setError(Field::Code, e.text);
        });
}

void AuthModel::finishSignIn(const SignInResult &result)
{
    if (result.ok && result.currentUser && result.session) {
        adoptSession(*result.session);
        enterSignedIn(*result.currentUser);
        return;
    }
    if (result.needsSignup && result.session) {
        // Authenticated without a profile: keep the session to register
        // with (a restart restores it straight to Register).
        adoptSession(*result.session);
        setUser(CurrentUser{result.session->user, std::nullopt});
        setState(State::NeedsSignUp);
        return;
    }
    dropSession();
    setError(Field::SignIn, tr("Signing in did not finish. Please try again."));
    setState(State::SignedOut);
}

void AuthModel::enterSignedIn(const CurrentUser &user)
{
    startCooldown(0);
    setUser(user);
    setState(user.isAnonymous() ? State::SignedInGuest : State::SignedIn);
}

void AuthModel::setUser(const std::optional<CurrentUser> &user)
{
    m_user = user;
    emit userChanged();
}

void AuthModel::dropSession()
{
    // Only what the screens show: the session itself is the manager's, and
    // each caller decides whether it ends (signOut) or is merely not shown.
    if (m_user) {
        m_user.reset();
        emit userChanged();
    }
}

void AuthModel::sessionEnded(const QString &why)
{
    dropSession();
    clearErrors();
    setError(Field::SignIn, why);
    setState(State::SignedOut);
}
