#include <exegia/auth/BrowserFlow.h>

#include "detail/Completion.h"
#include "detail/Logging.h"
#include "detail/LoopbackReplyHandler.h"

#include <QCoreApplication>
#include <QProcess>
#include <QRandomGenerator>
#include <QTimer>

namespace exegia::auth {

namespace {

// 128 random bits, base64url: nobody can guess where the code will be sent.
QString randomPath()
{
    QByteArray bytes(16, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(bytes.data()), 4);
    return QString::fromLatin1(
        bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

// Go's url.Values encodes spaces as '+', and the reply handler does not
// turn them back.
QString formDecoded(const QVariant &value)
{
    return value.toString().replace(QLatin1Char('+'), QLatin1Char(' '));
}

QByteArray page(const QString &title, const QString &text)
{
    return QStringLiteral("<!DOCTYPE html><html><head><meta charset=\"utf-8\">"
                          "<meta name=\"viewport\" content=\"width=device-width\">"
                          "<title>%1</title></head><body style=\"font-family:sans-serif;"
                          "max-width:32rem;margin:4rem auto;padding:0 1rem\">"
                          "<h1>%1</h1><p>%2</p></body></html>")
        .arg(title.toHtmlEscaped(), text.toHtmlEscaped())
        .toUtf8();
}

} // namespace

struct BrowserFlow::State
{
    detail::Completion<BrowserCallback> completion;
};

BrowserFlow::BrowserFlow(QObject *parent)
    : QObject(parent)
    , m_launcher(systemLauncher())
{}

BrowserFlow::~BrowserFlow()
{
    // The tab must not be left spinning, nor told a success nobody reported.
    answerHeld(m_texts.failure);
    if (m_state && !m_done)
        m_state->completion.fail(std::make_exception_ptr(
            BrowserFlowError(BrowserFlowError::Kind::Cancelled, QStringLiteral("flow destroyed"))));
}

void BrowserFlow::setLauncher(BrowserLauncher launcher)
{
    m_launcher = std::move(launcher);
}

void BrowserFlow::setTimeout(std::chrono::milliseconds timeout)
{
    m_timeout = timeout;
}

void BrowserFlow::setOutcomeTimeout(std::chrono::milliseconds timeout)
{
    m_outcomeTimeout = timeout;
}

void BrowserFlow::setPageTexts(const BrowserPageTexts &texts)
{
    m_texts = texts;
}

BrowserLauncher BrowserFlow::systemLauncher()
{
    return [](const QUrl &url) {
#if defined(Q_OS_MACOS)
        return QProcess::startDetached(QStringLiteral("open"), {url.toString(QUrl::FullyEncoded)});
#elif defined(Q_OS_WIN)
        return QProcess::startDetached(
            QStringLiteral("rundll32"),
            {QStringLiteral("url.dll,FileProtocolHandler"), url.toString(QUrl::FullyEncoded)});
#else
        return QProcess::startDetached(QStringLiteral("xdg-open"),
                                       {url.toString(QUrl::FullyEncoded)});
#endif
    };
}

QUrl BrowserFlow::redirectUri()
{
    if (!m_handler) {
        m_handler = new detail::LoopbackReplyHandler(this);
        if (!m_handler->listen()) {
            delete m_handler;
            m_handler = nullptr;
            throw BrowserFlowError(BrowserFlowError::Kind::ListenFailed,
                                   QStringLiteral("cannot listen on 127.0.0.1"));
        }
        m_handler->setCallbackPath(randomPath());
        // Direct: onCallback reads the handler's current request id.
        connect(m_handler, &QAbstractOAuthReplyHandler::callbackReceived, this,
                &BrowserFlow::onCallback, Qt::DirectConnection);
    }
    return QUrl(m_handler->callback());
}

bool BrowserFlow::isListening() const
{
    return m_handler && m_handler->isListening();
}

quint16 BrowserFlow::port() const
{
    return m_handler ? m_handler->port() : 0;
}

QFuture<BrowserCallback> BrowserFlow::start(const QUrl &authorizationUrl)
{
    Q_ASSERT(!m_state); // one loop per object
    m_state = std::make_unique<State>();
    const QFuture<BrowserCallback> future = m_state->completion.future();
    try {
        redirectUri();
    } catch (const BrowserFlowError &) {
        m_done = true;
        m_state->completion.fail(std::current_exception());
        return future;
    }
    m_authorizationUrl = authorizationUrl;
    m_deadline = new QTimer(this);
    m_deadline->setSingleShot(true);
    connect(m_deadline, &QTimer::timeout, this, [this] {
        if (m_done)
            return;
        m_state->completion.fail(std::make_exception_ptr(BrowserFlowError(
            BrowserFlowError::Kind::TimedOut, QStringLiteral("no callback in time"))));
        finish();
    });
    m_deadline->start(m_timeout);
    qCInfo(lcAuth) << "browser flow listening on 127.0.0.1 port" << port();
    reopenBrowser();
    return future;
}

bool BrowserFlow::reopenBrowser()
{
    if (m_done || !m_authorizationUrl.isValid())
        return false;
    if (m_launcher && m_launcher(m_authorizationUrl))
        return true;
    qCWarning(lcAuth) << "could not open the browser; waiting for the URL to be opened by hand";
    emit browserOpenFailed(m_authorizationUrl);
    return false;
}

void BrowserFlow::cancel()
{
    // Once the code is out the caller's exchange goes on and decides; only
    // its reported outcome may answer the tab.
    if (m_done || !m_state || m_heldRequest != 0)
        return;
    m_state->completion.fail(std::make_exception_ptr(
        BrowserFlowError(BrowserFlowError::Kind::Cancelled, QStringLiteral("cancelled"))));
    finish();
}

void BrowserFlow::reportOutcome(bool signedIn)
{
    if (m_done || m_heldRequest == 0)
        return;
    answerHeld(signedIn ? m_texts.success : m_texts.failure);
    finish();
}

void BrowserFlow::answerHeld(const QString &text)
{
    if (m_heldRequest == 0 || !m_handler)
        return;
    m_handler->answer(m_heldRequest, page(m_texts.title, text));
    m_heldRequest = 0;
}

void BrowserFlow::onCallback(const QVariantMap &values)
{
    const quint64 request = m_handler->currentRequest();
    if (m_done || !m_state || m_heldRequest != 0) {
        // A second callback (a reload, or someone forging one) changes
        // nothing, and it did not sign anybody in.
        qCWarning(lcAuth) << "ignored a browser callback after the loop had one";
        m_handler->answer(request, page(m_texts.title, m_texts.failure));
        return;
    }
    auto outcome = parseCallback(values);
    if (auto *callback = std::get_if<BrowserCallback>(&outcome)) {
        // The browser waits for the truth: answered by reportOutcome(), or
        // after the outcome timeout with neither success nor failure claimed.
        m_heldRequest = request;
        m_deadline->stop();
        m_outcomeDeadline = new QTimer(this);
        m_outcomeDeadline->setSingleShot(true);
        connect(m_outcomeDeadline, &QTimer::timeout, this, [this] {
            qCWarning(lcAuth) << "no sign-in outcome reported in time; the browser is told so";
            answerHeld(m_texts.undecided);
            finish();
        });
        m_outcomeDeadline->start(m_outcomeTimeout);
        m_state->completion.succeed(std::move(*callback));
        return;
    }
    m_state->completion.fail(std::get<std::exception_ptr>(outcome));
    m_handler->answer(request, page(m_texts.title, m_texts.failure));
    finish();
}

std::variant<BrowserCallback, std::exception_ptr>
BrowserFlow::parseCallback(const QVariantMap &values)
{
    if (values.contains(QStringLiteral("error"))) {
        const QString error = formDecoded(values.value(QStringLiteral("error")));
        const QString code = formDecoded(values.value(QStringLiteral("error_code")));
        const QString description = formDecoded(values.value(QStringLiteral("error_description")));
        // A person declining at the provider is access_denied with no more
        // specific code; anything the auth server names is its error.
        const bool declined = error == QLatin1String("access_denied") &&
                              (code.isEmpty() || code == QLatin1String("access_denied") ||
                               code == QLatin1String("provider_error"));
        if (declined)
            return std::make_exception_ptr(
                BrowserFlowError(BrowserFlowError::Kind::ProviderDenied, description));
        return std::make_exception_ptr(AuthApiError(0, code.isEmpty() ? error : code, description));
    }
    if (const QString code = values.value(QStringLiteral("code")).toString(); !code.isEmpty())
        return BrowserCallback{code, values};
    return std::make_exception_ptr(
        BrowserFlowError(BrowserFlowError::Kind::NoCode, QStringLiteral("callback without code")));
}

void BrowserFlow::finish()
{
    m_done = true;
    if (m_deadline)
        m_deadline->stop();
    if (m_outcomeDeadline)
        m_outcomeDeadline->stop();
    // Closed after this event: onCallback runs inside the handler's signal.
    // Answers already written still reach their browsers.
    QTimer::singleShot(0, this, [this] {
        if (m_handler)
            m_handler->close();
        emit finished();
    });
}

} // namespace exegia::auth
