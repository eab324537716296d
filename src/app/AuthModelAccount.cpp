// AuthModel, second half: registering, the account screen and signing out.
#include "AuthModel.h"

#include <exegia/auth/AuthClient.h>

#include <QUrl>

namespace exegia::signin {

using namespace exegia::auth;

namespace {

constexpr int kMaxDisplayName = 80;

} // namespace

QString AuthModel::userId() const
{
    return m_user ? m_user->id() : QString();
}

QString AuthModel::displayName() const
{
    const QString name = m_user ? m_user->displayName() : QString();
    return name == defaultGuestName() ? tr("Guest") : name;
}

QString AuthModel::defaultGuestName()
{
    return QStringLiteral("Guest");
}

void AuthModel::adoptProviderName(const QString &provider)
{
    QString name;
    for (const Identity &identity : m_user->authUser.identities) {
        for (const char *key : {"full_name", "name"}) {
            if (identity.provider == provider && name.isEmpty())
                name = identity.identityData.value(QLatin1String(key)).toString().simplified();
        }
    }
    if (name.isEmpty())
        return;
    // Quietly: if it fails, the default stays and the person can edit it.
    run(
        withToken([this, name = name.left(kMaxDisplayName)](const QString &token) {
            return m_client->updateProfile(token,
                                           QJsonObject{{QStringLiteral("display_name"), name}});
        }),
        [this](const std::optional<QJsonObject> &row) {
            if (!row || !m_user)
                return;
            m_user->profile = *row;
            emit userChanged();
        },
        [](const ErrorInfo &) {});
}

QString AuthModel::userEmail() const
{
    return m_user ? m_user->email() : QString();
}

QString AuthModel::avatarUrl() const
{
    return m_user ? m_user->avatarUrl() : QString();
}

bool AuthModel::isGuest() const
{
    return m_user && m_user->isAnonymous();
}

QStringList AuthModel::providers() const
{
    return m_user ? m_user->providers() : QStringList();
}

QString AuthModel::suggestedDisplayName() const
{
    if (!m_user)
        return {};
    // What the provider calls the person, else the email's local part.
    const QJsonObject &meta = m_user->authUser.userMetadata;
    for (const char *key : {"name", "full_name"}) {
        const QString name = meta.value(QLatin1String(key)).toString().simplified();
        if (!name.isEmpty())
            return name.left(kMaxDisplayName);
    }
    for (const Identity &identity : m_user->authUser.identities) {
        for (const char *key : {"name", "full_name"}) {
            const QString name = identity.identityData.value(QLatin1String(key)).toString();
            if (!name.simplified().isEmpty())
                return name.simplified().left(kMaxDisplayName);
        }
    }
    return m_user->email().section(u'@', 0, 0).left(kMaxDisplayName);
}

// ---- register ---------------------------------------------------------------

bool AuthModel::validateProfile(const QString &name, const QString &avatar)
{
    bool valid = true;
    if (name.isEmpty()) {
        setError(Field::DisplayName, tr("Enter the name other people will see."));
        valid = false;
    } else if (name.size() > kMaxDisplayName) {
        setError(Field::DisplayName, tr("Use at most %n characters.", nullptr, kMaxDisplayName));
        valid = false;
    }
    const QUrl url(avatar, QUrl::StrictMode);
    if (!avatar.isEmpty() &&
        (!url.isValid() || url.host().isEmpty() ||
         (url.scheme() != QLatin1String("https") && url.scheme() != QLatin1String("http")))) {
        setError(Field::AvatarUrl,
                 tr("Enter a web address starting with https://, or leave this empty."));
        valid = false;
    }
    return valid;
}

void AuthModel::createProfile(const QString &rawName, const QString &rawAvatarUrl)
{
    if (!requireState({State::NeedsSignUp}))
        return;
    const QString name = rawName.simplified();
    const QString avatar = rawAvatarUrl.trimmed();
    clearErrors();
    if (!validateProfile(name, avatar))
        return;

    SignUpOptions options;
    options.profileFields.insert(u"display_name", name);
    if (!avatar.isEmpty())
        options.profileFields.insert(u"avatar_url", avatar);
    setState(State::Busy, Action::CreateProfile);
    run(
        withSession([this, options](const Session &session) mutable {
            options.session = session;
            return m_client->signUp(options);
        }),
        [this](const SignUpResult &r) {
            // Already registered (another device was quicker): open that profile.
            if ((r.ok || r.alreadyRegistered) && r.currentUser && r.currentUser->hasProfile()) {
                enterSignedIn(*r.currentUser);
                return;
            }
            setError(Field::Register, tr("The profile could not be created. Please try again."));
            setState(State::NeedsSignUp);
        },
        [this](const ErrorInfo &e) {
            setState(State::NeedsSignUp);
            if (e.sessionGone)
                return reportSessionGone(e);
            setError(Field::Register, e.text);
        });
}

void AuthModel::cancelSignUp()
{
    if (!requireState({State::NeedsSignUp}))
        return;
    leaveSession(Action::CancelSignUp);
}

void AuthModel::leaveSession(Action action)
{
    clearErrors();
    setState(State::Busy, action);
    // Signing out on the server matters: the half-finished session must not
    // stay usable. The manager ends it here whatever the server says.
    auto finish = [this] {
        dropSession();
        setState(State::SignedOut);
    };
    run(m_sessions->signOut(SignOutScope::Local), finish,
        [finish](const ErrorInfo &) { finish(); });
}

// ---- account ----------------------------------------------------------------

void AuthModel::updateDisplayName(const QString &rawName)
{
    if (!requireState({State::SignedIn, State::SignedInGuest}))
        return;
    const QString name = rawName.simplified();
    clearErrors();
    clearNotice();
    if (name.isEmpty()) {
        setError(Field::DisplayName, tr("Enter the name other people will see."));
        return;
    }
    if (name.size() > kMaxDisplayName) {
        setError(Field::DisplayName, tr("Use at most %n characters.", nullptr, kMaxDisplayName));
        return;
    }
    if (name == displayName())
        return;
    setState(State::Busy, Action::SaveDisplayName);
    run(
        withToken([this, name](const QString &token) {
            return m_client->updateProfile(token,
                                           QJsonObject{{QStringLiteral("display_name"), name}});
        }),
        [this](const std::optional<QJsonObject> &row) {
            setState(m_returnState);
            if (!row) {
                setError(Field::Account, tr("Your profile was not found. Sign out and sign in "
                                            "again to create it."));
                return;
            }
            m_user->profile = *row;
            emit userChanged();
            setNotice(tr("Your name was saved."));
        },
        [this](const ErrorInfo &e) {
            setState(m_returnState);
            if (e.sessionGone)
                return reportSessionGone(e);
            setError(Field::DisplayName, e.text);
        });
}

void AuthModel::signOut()
{
    signOutWithScope(false);
}

void AuthModel::signOutEverywhere()
{
    signOutWithScope(true);
}

void AuthModel::signOutWithScope(bool everywhere)
{
    if (!requireState({State::SignedIn, State::SignedInGuest}))
        return;
    clearErrors();
    setState(State::Busy, everywhere ? Action::SignOutEverywhere : Action::SignOut);
    // The manager signs out here at once and clears the keychain whatever
    // the server answers; its future fails only to say the server (or the
    // keychain) was not told.
    run(
        m_sessions->signOut(everywhere ? SignOutScope::Global : SignOutScope::Local),
        [this] {
            dropSession();
            setState(State::SignedOut);
        },
        [this, everywhere](const ErrorInfo &e) {
            // This device is signed out in any case; only "everywhere" can
            // have failed in a way the person needs to know about.
            dropSession();
            if (everywhere && !e.sessionGone)
                setError(Field::SignIn,
                         tr("You are signed out on this computer, but your other devices could "
                            "not be signed out: %1")
                             .arg(e.text));
            setState(State::SignedOut);
        });
}

} // namespace exegia::signin
