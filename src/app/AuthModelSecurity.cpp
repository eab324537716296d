// AuthModel, the account security part: two-step verification (a TOTP
// factor: set up, confirm, turn off, and the code after the first factor at
// sign-in), the linked identities, and changing the email address.
#include "AuthModel.h"

#include <exegia/auth/AuthClient.h>

#include <QDateTime>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace exegia::signin {

using namespace exegia::auth;

// ---- what the pages read -----------------------------------------------------

bool AuthModel::isTwoStepEnabled() const
{
    return !verifiedFactorId().isEmpty();
}

QString AuthModel::verifiedFactorId() const
{
    if (!m_user)
        return {};
    for (const Factor &factor : m_user->authUser.factors) {
        if (factor.type == FactorType::Totp && factor.status == FactorStatus::Verified)
            return factor.id;
    }
    return {};
}

QList<Identity> AuthModel::identities() const
{
    return m_user ? m_user->authUser.identities : QList<Identity>();
}

// ---- shared steps ------------------------------------------------------------

bool AuthModel::enterSecondFactor()
{
    // The session's own claims say whether a second factor is still owed
    // (aal1 now, aal2 possible): the account page waits for it.
    if (!m_sessions || !m_sessions->assurance().needsSecondFactor())
        return false;
    setState(State::NeedsSecondFactor);
    return true;
}

void AuthModel::showAccount()
{
    if (!enterSecondFactor())
        setState(isGuest() ? State::SignedInGuest : State::SignedIn);
}

void AuthModel::adoptUpgradedSession(const Session &session)
{
    // Kept like a refresh's session (same user; the level may change).
    m_saved = m_sessions->adoptSession(session);
    if (m_user) {
        m_user->authUser = session.user;
        emit userChanged();
    }
}

void AuthModel::setEnrollment(const std::optional<TotpEnrollment> &enrollment)
{
    if (!enrollment && !m_enrollment)
        return;
    m_enrollment = enrollment;
    emit enrollmentChanged();
}

void AuthModel::securityFailed(const ErrorInfo &error, Field field, State back)
{
    setState(back);
    if (error.sessionGone)
        return reportSessionGone(error);
    setError(field, error.text);
}

bool AuthModel::checkCode(const QString &rawCode, Field field, QString *digits)
{
    clearErrors();
    *digits = normalizeCode(rawCode);
    static const QRegularExpression sixDigits(u"^\\d{6}$"_s);
    if (sixDigits.match(*digits).hasMatch())
        return true;
    setError(field, field == Field::EmailChangeCode
                        ? tr("Enter the 6-digit code from the email.")
                        : tr("Enter the 6-digit code from your authenticator app."));
    return false;
}

QFuture<Session> AuthModel::proveFactor(const QString &factorId, const QString &code)
{
    return withToken([this, factorId, code](const QString &token) {
        return m_client->challengeAndVerify(token, factorId, code);
    });
}

void AuthModel::proveVerifiedFactor(const QString &rawCode, State waiting, Field field,
                                    Action action, const std::function<void(const QString &)> &next)
{
    const QString factorId = verifiedFactorId();
    QString code;
    if (!requireState({waiting}) || factorId.isEmpty() || !checkCode(rawCode, field, &code))
        return;
    setState(State::Busy, action);
    run(
        proveFactor(factorId, code),
        [this, factorId, next](const Session &session) {
            adoptUpgradedSession(session);
            next(factorId);
        },
        [this, field, waiting](const ErrorInfo &e) { securityFailed(e, field, waiting); });
}

void AuthModel::reloadUser(const QString &notice)
{
    run(
        withToken([this](const QString &token) { return m_client->getCurrentUserRecord(token); }),
        [this, notice](const std::optional<CurrentUser> &user) {
            if (user)
                setUser(user);
            setState(m_returnState);
            setNotice(notice);
        },
        [this](const ErrorInfo &e) { securityFailed(e, Field::Account, m_returnState); });
}

// ---- two-step verification -----------------------------------------------------

void AuthModel::startTwoStepSetup()
{
    if (!requireState({State::SignedIn}) || isTwoStepEnabled() || m_enrollment)
        return;
    clearErrors();
    clearNotice();
    setState(State::Busy, Action::EnrollTwoStep);
    TotpEnrollOptions options;
    options.issuer = u"Exegia"_s;
    // Unique per user on the server; data, not a sentence.
    options.friendlyName =
        u"Authenticator "_s + QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
    run(
        withToken(
            [this, options](const QString &token) { return m_client->enrollTotp(token, options); }),
        [this](const TotpEnrollment &enrollment) {
            setState(State::SignedIn);
            setEnrollment(enrollment);
        },
        [this](const ErrorInfo &e) { securityFailed(e, Field::Account, State::SignedIn); });
}

void AuthModel::confirmTwoStep(const QString &rawCode)
{
    QString code;
    if (!requireState({State::SignedIn}) || !m_enrollment ||
        !checkCode(rawCode, Field::TwoStep, &code))
        return;
    setState(State::Busy, Action::ConfirmTwoStep);
    const QString factorId = m_enrollment->factorId;
    run(
        proveFactor(factorId, code),
        [this](const Session &session) {
            adoptUpgradedSession(session);
            setEnrollment(std::nullopt);
            setState(State::SignedIn);
            setNotice(tr("Two-step verification is on. Next time you sign in, enter the code "
                         "from your authenticator app."));
        },
        [this](const ErrorInfo &e) { securityFailed(e, Field::TwoStep, State::SignedIn); });
}

void AuthModel::cancelTwoStepSetup()
{
    if (!requireState({State::SignedIn}) || !m_enrollment)
        return;
    const QString factorId = m_enrollment->factorId;
    setEnrollment(std::nullopt);
    clearErrors();
    // The unconfirmed factor goes now; if the server cannot be told, it
    // drops an unconfirmed factor by itself after a few minutes.
    setState(State::Busy, Action::EnrollTwoStep);
    auto back = [this] { setState(State::SignedIn); };
    run(withToken([this, factorId](const QString &token) {
            return m_client->unenrollFactor(token, factorId);
        }),
        back, [back](const ErrorInfo &) { back(); });
}

void AuthModel::disableTwoStep(const QString &rawCode)
{
    // The code proves the person holds the factor (and raises an aal1
    // session to aal2, which removing a verified factor needs).
    proveVerifiedFactor(rawCode, State::SignedIn, Field::TwoStep, Action::DisableTwoStep,
                        [this](const QString &factorId) { removeVerifiedFactor(factorId); });
}

void AuthModel::removeVerifiedFactor(const QString &factorId)
{
    run(
        withToken([this, factorId](const QString &token) {
            return m_client->unenrollFactor(token, factorId);
        }),
        [this] { reloadUser(tr("Two-step verification is off.")); },
        [this](const ErrorInfo &e) { securityFailed(e, Field::TwoStep, State::SignedIn); });
}

void AuthModel::verifySecondFactor(const QString &rawCode)
{
    proveVerifiedFactor(rawCode, State::NeedsSecondFactor, Field::SecondFactor,
                        Action::VerifySecondFactor,
                        [this](const QString &) { enterAfterSecondFactor(); });
}

void AuthModel::enterAfterSecondFactor()
{
    if (m_user && m_user->hasProfile())
        return showAccount();
    // The profile was not readable at aal1 (a project with the MFA row
    // policy): read it now, then the account or registering.
    run(
        withToken([this](const QString &token) { return m_client->getCurrentUserRecord(token); }),
        [this](const std::optional<CurrentUser> &user) {
            if (user && user->hasProfile())
                return enterSignedIn(*user);
            if (user)
                setUser(user);
            setState(State::NeedsSignUp);
        },
        [this](const ErrorInfo &e) {
            securityFailed(e, Field::SecondFactor, State::NeedsSecondFactor);
        });
}

void AuthModel::cancelSecondFactor()
{
    if (!requireState({State::NeedsSecondFactor}))
        return;
    leaveSession(Action::SignOut);
}

// ---- identities -----------------------------------------------------------------

void AuthModel::unlinkIdentity(const QString &identityId)
{
    if (!requireState({State::SignedIn, State::SignedInGuest}) || !canUnlink())
        return;
    QString provider;
    for (const Identity &identity : identities()) {
        if (identity.identityId == identityId)
            provider = identity.provider;
    }
    if (provider.isEmpty())
        return;
    clearErrors();
    clearNotice();
    setState(State::Busy, Action::Unlink);
    run(
        withToken([this, identityId](const QString &token) {
            return m_client->unlinkIdentity(token, identityId);
        }),
        [this, provider] {
            reloadUser(tr("%1 was removed from your sign-in methods.")
                           .arg(AuthClient::providerDisplayName(provider)));
        },
        [this](const ErrorInfo &e) { securityFailed(e, Field::Account, m_returnState); });
}

// ---- email change -----------------------------------------------------------------

void AuthModel::requestEmailChange(const QString &rawEmail)
{
    if (!requireState({State::SignedIn, State::SignedInGuest}))
        return;
    const QString email = rawEmail.trimmed();
    clearErrors();
    clearNotice();
    if (!isPlausibleEmail(email)) {
        setError(Field::NewEmail, email.isEmpty()
                                      ? tr("Enter your new email address.")
                                      : tr("Enter an email address such as name@example.com."));
        return;
    }
    if (email.compare(userEmail(), Qt::CaseInsensitive) == 0) {
        // The server would accept it as "no change" and send nothing.
        setError(Field::NewEmail, tr("This is already your email address."));
        return;
    }
    setState(State::Busy, Action::ChangeEmail);
    run(
        withToken([this, email](const QString &token) {
            return m_client->requestEmailChange(token, email);
        }),
        [this, email](const User &) {
            m_pendingEmail = email;
            emit emailChanged();
            startCooldown(m_env.resendSeconds);
            setState(State::AwaitingEmailChangeCode);
        },
        [this](const ErrorInfo &e) { securityFailed(e, Field::NewEmail, m_returnState); });
}

void AuthModel::verifyEmailChange(const QString &rawCode)
{
    QString code;
    if (!requireState({State::AwaitingEmailChangeCode}) ||
        !checkCode(rawCode, Field::EmailChangeCode, &code))
        return;
    setState(State::Busy, Action::VerifyEmailChange);
    run(
        m_client->verifyEmailChange(m_pendingEmail, code),
        [this](const Session &session) {
            const QString email = m_pendingEmail;
            m_pendingEmail.clear();
            emit emailChanged();
            adoptUpgradedSession(session);
            startCooldown(0);
            showAccount();
            setNotice(tr("Your email address is now %1.").arg(email));
        },
        [this](const ErrorInfo &e) {
            securityFailed(e, Field::EmailChangeCode, State::AwaitingEmailChangeCode);
        });
}

void AuthModel::resendEmailChange()
{
    if (!startResend(State::AwaitingEmailChangeCode, State::Busy))
        return;
    run(
        sendEmailChangeCodeAgain(),
        [this] {
            startCooldown(m_env.resendSeconds);
            setState(State::AwaitingEmailChangeCode);
            setNotice(tr("We sent a new code to %1. Codes sent earlier no longer work.")
                          .arg(m_pendingEmail));
        },
        [this](const ErrorInfo &e) {
            if (e.isEmailCooldown()) {
                startCooldown(e.retryAfterSeconds.value_or(60));
                setState(State::AwaitingEmailChangeCode);
                return;
            }
            securityFailed(e, Field::EmailChangeCode, State::AwaitingEmailChangeCode);
        });
}

QFuture<void> AuthModel::sendEmailChangeCodeAgain()
{
    // The server finds a pending change by the current address. A guest has
    // none: asking for the same change again sends a new code the same way.
    const QString current = userEmail();
    if (!current.isEmpty())
        return m_client->resend(ResendType::EmailChange, current);
    const QString pending = m_pendingEmail;
    return withToken([this, pending](const QString &token) {
               return m_client->requestEmailChange(token, pending);
           })
        .then([](const User &) {});
}

void AuthModel::cancelEmailChange()
{
    if (!requireState({State::AwaitingEmailChangeCode}))
        return;
    // The change stays pending on the server until it expires; the address
    // in use does not change.
    m_pendingEmail.clear();
    emit emailChanged();
    clearErrors();
    startCooldown(0);
    showAccount();
}

} // namespace exegia::signin
