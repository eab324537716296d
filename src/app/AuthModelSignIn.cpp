// AuthModel, the sign-in part: a guest session, the email code, and what
// a finished sign-in leads to (the account, or registering first).
#include "AuthModel.h"

#include <exegia/auth/AuthClient.h>

#include <QRegularExpression>

namespace exegia::signin {

using namespace exegia::auth;

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
            awaitCode(m_env.resendSeconds, tr("We sent a 6-digit code to %1.").arg(m_email));
        },
        [this](const ErrorInfo &e) {
            if (e.isEmailCooldown()) {
                // A code went out moments ago and is still valid: let the
                // person enter it, and show when a new one can be sent.
                awaitCode(
                    e.retryAfterSeconds.value_or(60),
                    tr("We already sent a code to %1 a moment ago. Enter it below.").arg(m_email));
                return;
            }
            setError(Field::Email, e.text);
            setState(State::SignedOut);
        });
}

void AuthModel::awaitCode(int cooldownSeconds, const QString &notice)
{
    startCooldown(cooldownSeconds);
    setState(State::AwaitingCode);
    setNotice(notice);
}

bool AuthModel::startResend(State waiting, State sending)
{
    if (!requireState({waiting}) || resendCooldown() > 0)
        return false;
    clearErrors();
    setState(sending, Action::ResendCode);
    return true;
}

void AuthModel::resendCode()
{
    if (!startResend(State::AwaitingCode, State::SendingCode))
        return;
    run(
        m_client->requestEmailOtp(m_email),
        [this](const OtpResponse &) {
            awaitCode(
                m_env.resendSeconds,
                tr("We sent a new code to %1. Codes sent earlier no longer work.").arg(m_email));
        },
        [this](const ErrorInfo &e) {
            setState(State::AwaitingCode);
            if (e.isEmailCooldown()) {
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
        // Under an aal2 row policy the profile is hidden until the second
        // factor: that comes first, then the profile is read again.
        if (!enterSecondFactor())
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
    if (enterSecondFactor())
        return;
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
    setEnrollment(std::nullopt);
    m_pendingEmail.clear();
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

} // namespace exegia::signin
