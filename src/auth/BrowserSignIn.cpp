#include <exegia/auth/BrowserSignIn.h>

#include <exegia/auth/AuthClient.h>
#include <exegia/auth/Errors.h>

#include "detail/Chain.h"
#include "detail/Logging.h"
#include "detail/Pkce.h"
#include "detail/Wire.h"

#include <QCryptographicHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QUrlQuery>

using namespace Qt::StringLiterals;

namespace exegia::auth {

using detail::Completion;
using detail::forward;
using detail::step;

namespace {

// Parameters the flows set themselves; callers may not override them.
const QStringList kReserved{
    QStringLiteral("client_id"),      QStringLiteral("client_secret"),
    QStringLiteral("redirect_uri"),   QStringLiteral("redirect_to"),
    QStringLiteral("response_type"),  QStringLiteral("state"),
    QStringLiteral("code_challenge"), QStringLiteral("code_challenge_method"),
    QStringLiteral("code_verifier"),  QStringLiteral("provider"),
    QStringLiteral("nonce"),          QStringLiteral("scope"),
    QStringLiteral("scopes")};

// Every value percent-encoded, '+' included: Go and Google read '+' as a space.
QUrl withQuery(QUrl url, const QList<QPair<QString, QString>> &items)
{
    QByteArray query;
    for (const auto &[key, value] : items) {
        if (!query.isEmpty())
            query += '&';
        query += QUrl::toPercentEncoding(key) + '=' + QUrl::toPercentEncoding(value);
    }
    url.setQuery(QString::fromLatin1(query), QUrl::StrictMode);
    return url;
}

void addExtra(QList<QPair<QString, QString>> &items, const QMap<QString, QString> &extra)
{
    for (auto it = extra.cbegin(); it != extra.cend(); ++it) {
        if (kReserved.contains(it.key()))
            throw ConfigError(
                ConfigError::Kind::InvalidArgument,
                QStringLiteral("the query parameter %1 is set by the flow itself").arg(it.key()));
        items.append({it.key(), it.value()});
    }
}

QString randomUrlSafe(int bytes)
{
    QByteArray raw(bytes, Qt::Uninitialized);
    for (char &c : raw)
        c = char(QRandomGenerator::system()->generate() & 0xff);
    return QString::fromLatin1(
        raw.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

// The browser's tab learns how the flow ended: success once the code
// exchange worked (reported earlier, where it happens), failure when the
// flow fails before that. A flow that is gone needs no answer.
template <typename T> void reportOutcomeTo(BrowserFlow *flow, const QFuture<T> &outcome)
{
    detail::whenFinished(flow, outcome,
                         [flow](const QFuture<T> &f) { flow->reportOutcome(f.resultCount() > 0); });
}

} // namespace

BrowserSignIn::BrowserSignIn(AuthClient *client, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_launcher(BrowserFlow::systemLauncher())
{}

BrowserSignIn::~BrowserSignIn() = default;

void BrowserSignIn::setLauncher(BrowserLauncher launcher)
{
    m_launcher = std::move(launcher);
}

void BrowserSignIn::setTimeout(std::chrono::milliseconds timeout)
{
    m_timeout = timeout;
}

void BrowserSignIn::setPageTexts(const BrowserPageTexts &texts)
{
    m_pageTexts = texts;
}

QUrl BrowserSignIn::authorizationUrl() const
{
    return m_flow ? m_flow->authorizationUrl() : QUrl();
}

bool BrowserSignIn::reopenBrowser()
{
    return m_flow && m_flow->reopenBrowser();
}

void BrowserSignIn::cancel()
{
    if (m_flow)
        m_flow->cancel();
}

BrowserFlow *BrowserSignIn::newFlow()
{
    cancel();
    auto *flow = new BrowserFlow(this);
    flow->setLauncher(m_launcher);
    flow->setTimeout(m_timeout);
    flow->setPageTexts(m_pageTexts);
    connect(flow, &BrowserFlow::browserOpenFailed, this, &BrowserSignIn::browserOpenFailed);
    connect(flow, &BrowserFlow::finished, this, [this, flow] {
        if (m_flow == flow)
            m_flow = nullptr;
        flow->deleteLater();
        emit finished();
    });
    m_flow = flow;
    return flow;
}

QFuture<SignInResult> BrowserSignIn::signInWithProvider(const QString &provider,
                                                        const OAuthSignInOptions &options)
{
    Completion<SignInResult> done;
    done.guard([&] {
        BrowserFlow *flow = newFlow();
        reportOutcomeTo(flow, done.future());
        const QString verifier = Pkce::generateVerifier();
        QList<QPair<QString, QString>> items{
            {QStringLiteral("provider"), provider},
            {QStringLiteral("redirect_to"), flow->redirectUri().toString()},
            {QStringLiteral("code_challenge"), Pkce::challenge(verifier)},
            {QStringLiteral("code_challenge_method"), QStringLiteral("s256")}};
        if (!options.scopes.isEmpty())
            items.append({QStringLiteral("scopes"), options.scopes});
        addExtra(items, options.queryParams);
        QUrl url = m_client->config().projectUrl;
        QString path = url.path();
        if (path.endsWith(u'/'))
            path.chop(1);
        url.setPath(path + wire::kAuthorize);
        url = withQuery(url, items);
        emit waitingForBrowser(url);
        step(this, done, flow->start(url),
             [this, done, verifier, provider, flow = QPointer(flow)](const BrowserCallback &cb) {
                 step(this, done, m_client->exchangeCodeForSession(cb.code, verifier),
                      [this, done, provider, flow](const Session &session) {
                          if (flow)
                              flow->reportOutcome(true);
                          forward(this, done, m_client->completeSignIn(session, provider));
                      });
             });
    });
    return done.future();
}

QFuture<LinkResult> BrowserSignIn::linkIdentity(const QString &accessToken, const QString &provider,
                                                const LinkIdentityOptions &options)
{
    return link(provider, options, [this, accessToken, provider](const LinkIdentityOptions &o) {
        return m_client->linkIdentityToCurrentUser(accessToken, provider, o);
    });
}

QFuture<LinkResult> BrowserSignIn::linkIdentity(const Session &session, const QString &provider,
                                                const LinkIdentityOptions &options)
{
    return link(provider, options, [this, session, provider](const LinkIdentityOptions &o) {
        return m_client->linkIdentityToCurrentUser(session, provider, o);
    });
}

QFuture<LinkResult> BrowserSignIn::link(
    const QString &provider, const LinkIdentityOptions &options,
    const std::function<QFuture<LinkIdentityRequest>(const LinkIdentityOptions &)> &authorize)
{
    Completion<LinkResult> done;
    done.guard([&] {
        QPointer<BrowserFlow> flow = newFlow();
        reportOutcomeTo(flow.data(), done.future());
        LinkIdentityOptions withRedirect = options;
        withRedirect.redirectTo = flow->redirectUri().toString();
        step(this, done, authorize(withRedirect),
             [this, done, flow, provider](const LinkIdentityRequest &link) {
                 if (link.alreadyLinked)
                     throw AuthApiError(
                         422, QStringLiteral("identity_already_exists"),
                         QStringLiteral("%1 is already linked to this account").arg(provider));
                 if (!flow)
                     throw BrowserFlowError(BrowserFlowError::Kind::Cancelled,
                                            QStringLiteral("replaced"));
                 emit waitingForBrowser(link.url);
                 step(this, done, flow->start(link.url),
                      [this, done, link, flow](const BrowserCallback &cb) {
                          step(this, done,
                               m_client->exchangeCodeForSession(cb.code, link.codeVerifier),
                               [this, done, flow](const Session &fresh) {
                                   if (flow)
                                       flow->reportOutcome(true);
                                   finishLink(done, fresh);
                               });
                      });
             });
    });
    return done.future();
}

void BrowserSignIn::finishLink(const Completion<LinkResult> &done, const Session &fresh)
{
    // The profile check again: linking may have made a guest permanent and
    // the database then changed user_type.
    step(this, done, m_client->getCurrentUserRecord(fresh.accessToken),
         [done, fresh](const std::optional<CurrentUser> &user) {
             if (!user)
                 throw AuthApiError(403, QStringLiteral("user_not_found"),
                                    QStringLiteral("user gone after linking"));
             done.succeed(LinkResult{fresh, *user});
         });
}

QFuture<SignInResult> BrowserSignIn::signInWithGoogle(const GoogleOAuthConfig &config)
{
    Completion<SignInResult> done;
    done.guard([&] {
        if (config.clientId.isEmpty())
            throw ConfigError(
                ConfigError::Kind::InvalidArgument,
                QStringLiteral("a Google desktop client id is needed for Google's own sign-in"));
        BrowserFlow *flow = newFlow();
        // Google's code exchange and the ID-token grant end together in
        // the result, so the outcome is the result's.
        reportOutcomeTo(flow, done.future());
        GoogleRequest request;
        request.config = config;
        request.verifier = Pkce::generateVerifier();
        request.state = randomUrlSafe(16);
        // Google gets SHA-256 hex of the nonce; Supabase gets the raw value
        // and checks that the ID token carries the hash.
        request.nonce = randomUrlSafe(32);
        request.redirectUri = flow->redirectUri().toString();
        const QString hashedNonce = QString::fromLatin1(
            QCryptographicHash::hash(request.nonce.toUtf8(), QCryptographicHash::Sha256).toHex());
        QList<QPair<QString, QString>> items{
            {QStringLiteral("client_id"), config.clientId},
            {QStringLiteral("redirect_uri"), request.redirectUri},
            {QStringLiteral("response_type"), QStringLiteral("code")},
            {QStringLiteral("scope"), config.scope},
            {QStringLiteral("state"), request.state},
            {QStringLiteral("nonce"), hashedNonce},
            {QStringLiteral("code_challenge"), Pkce::challenge(request.verifier)},
            {QStringLiteral("code_challenge_method"), QStringLiteral("S256")}};
        addExtra(items, config.extraParams);
        const QUrl url = withQuery(config.authorizationEndpoint, items);
        emit waitingForBrowser(url);
        step(this, done, flow->start(url), [this, done, request](const BrowserCallback &cb) {
            if (cb.values.value(QStringLiteral("state")).toString() != request.state)
                throw BrowserFlowError(BrowserFlowError::Kind::NoCode,
                                       QStringLiteral("the callback's state does not match"));
            exchangeGoogleCode(done, request, cb.code);
        });
    });
    return done.future();
}

void BrowserSignIn::exchangeGoogleCode(const Completion<SignInResult> &done,
                                       const GoogleRequest &request, const QString &code)
{
    // The exchange by hand: Qt 6.4's QOAuth2AuthorizationCodeFlow has no
    // PKCE, hides id_token and re-encodes Google's "4/..." codes.
    QList<QPair<QString, QString>> form{
        {QStringLiteral("grant_type"), QStringLiteral("authorization_code")},
        {QStringLiteral("code"), code},
        {QStringLiteral("redirect_uri"), request.redirectUri},
        {QStringLiteral("client_id"), request.config.clientId},
        {QStringLiteral("code_verifier"), request.verifier}};
    if (!request.config.clientSecret.isEmpty())
        form.append({QStringLiteral("client_secret"), request.config.clientSecret});
    HttpRequest post;
    post.method = "POST";
    post.externalUrl = request.config.tokenEndpoint;
    post.path = request.config.tokenEndpoint.path();
    post.formBody = withQuery(QUrl(), form).query(QUrl::FullyEncoded).toLatin1();
    step(this, done, m_client->transport()->request(post),
         [this, done, nonce = request.nonce](const HttpReply &reply) {
             const QJsonObject body = QJsonDocument::fromJson(reply.body).object();
             if (reply.status != 200)
                 throw AuthApiError(reply.status, body.value(u"error").toString(),
                                    body.value(u"error_description").toString());
             const QString idToken = body.value(u"id_token").toString();
             if (idToken.isEmpty())
                 throw NetworkError(NetworkError::Kind::MalformedReply,
                                    u"the token endpoint sent no id_token"_s);
             IdTokenOptions options;
             options.nonce = nonce;
             options.accessToken = body.value(u"access_token").toString();
             forward(this, done, m_client->signInWithIdToken(u"google"_s, idToken, options));
         });
}

} // namespace exegia::auth
