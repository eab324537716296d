#include "AuthModel.h"

#include <exegia/auth/AuthClient.h>
#include <exegia/auth/Errors.h>

#include <QGuiApplication>
#include <QRegularExpression>

#include <cmath>

namespace exegia::signin {

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

void AuthModel::resetBackend(const QString &description, bool local)
{
    ++m_generation;
    destroySession();
    delete m_client;
    m_client = nullptr;
    dropSession();
    m_backendDescription = description;
    m_local = local;
    clearErrors();
}

AuthClient *AuthModel::createClient(const ClientConfig &config)
{
    if (m_env.clientFactory)
        return m_env.clientFactory(config, this);
    return new AuthClient(config, this);
}

void AuthModel::setBackendStarting(const QString &description)
{
    resetBackend(description, true);
    emit backendChanged();
    m_returnState = State::SignedOut;
    setState(State::Busy, Action::StartingBackend);
}

void AuthModel::setBackend(const ClientConfig &config, const QString &description, bool local,
                           const BackendOptions &backendOptions)
{
    resetBackend(description, local);
    try {
        m_client = createClient(config);
        // The handshakes now, while the keychain is read or a person reads
        // the page: the first request then finds an open connection.
        m_client->transport()->preconnect();
    } catch (const ConfigError &e) {
        emit backendChanged();
        setError(Field::SignIn, ErrorText::forConfig(e));
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
    resetBackend(description, m_local);
    emit backendChanged();
    setError(Field::SignIn, reason);
    setState(State::Error);
}

ErrorInfo AuthModel::describeFailure(const std::exception &error) const
{
    ErrorInfo info = ErrorText::describe(error);
    if (m_local && info.code == QLatin1String("network"))
        info.text = tr("The local backend is not answering. It restarts by itself when it "
                       "stops; try again in a moment.");
    return info;
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
    case State::NeedsSecondFactor:
        return Page::SecondFactor;
    case State::AwaitingEmailChangeCode:
        return Page::EmailChange;
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
    // Someone is about to sign in: (re)open the connection (an idle one
    // may have been closed since the start).
    if (page() != before && page() == Page::SignIn && m_client)
        m_client->transport()->preconnect();
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

} // namespace exegia::signin
