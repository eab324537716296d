#include <exegia/auth/AuthClient.h>

#include <exegia/auth/Errors.h>

#include "detail/AuthBodies.h"
#include "detail/Chain.h"
#include "detail/HttpTransport.h"
#include "detail/Jwt.h"
#include "detail/Logging.h"
#include "detail/Pkce.h"
#include "detail/ProfileStore.h"
#include "detail/Replies.h"
#include "detail/Wire.h"

using namespace Qt::StringLiterals;

namespace exegia::auth {

using detail::Completion;
using detail::defaultDisplayName;
using detail::forward;
using detail::refusedFields;
using detail::step;
using detail::withCaptcha;

namespace {

using ProfileRow = std::optional<QJsonObject>;

Transport *defaultTransport(const ClientConfig &config)
{
    config.validate(); // before anything is built from it
    return new HttpTransport(
        {config.projectUrl, config.publishableKey, config.requestTimeout, config.clientInfo});
}

} // namespace

AuthClient::AuthClient(const ClientConfig &config, QObject *parent)
    : AuthClient(config, defaultTransport(config), parent)
{}

AuthClient::AuthClient(const ClientConfig &config, Transport *transport, QObject *parent)
    : QObject(parent)
    , m_config(config)
    , m_transport(transport)
{
    m_transport->setParent(this);
    m_config.validate();
    m_profiles = std::make_unique<ProfileStore>(m_transport);
}

AuthClient::~AuthClient() = default;

QString AuthClient::providerDisplayName(const QString &provider)
{
    if (provider == "google"_L1)
        return u"Google"_s;
    if (provider == "apple"_L1)
        return u"Apple"_s;
    return provider;
}

QFuture<HttpReply> AuthClient::post(QLatin1StringView path, const QUrlQuery &query,
                                    const QJsonObject &body, const QString &bearer)
{
    HttpRequest request;
    request.method = "POST";
    request.path = path;
    request.query = query;
    request.body = body;
    request.bearer = bearer;
    return m_transport->request(request);
}

QFuture<HttpReply> AuthClient::getUser(const QString &accessToken)
{
    HttpRequest request;
    request.path = wire::kUser;
    request.bearer = accessToken;
    return m_transport->request(request);
}

QFuture<Session> AuthClient::tokenGrant(QLatin1StringView grantType, const QJsonObject &body,
                                        std::chrono::milliseconds timeout)
{
    HttpRequest request;
    request.method = "POST";
    request.path = wire::kToken;
    request.query.addQueryItem(wire::kGrantType, grantType);
    request.body = body;
    request.timeout = timeout;
    Completion<Session> done;
    step(this, done, m_transport->request(request),
         [done](const HttpReply &reply) { done.succeed(detail::authSession(reply)); });
    return done.future();
}

QFuture<SignInResult> AuthClient::checkProfile(QFuture<HttpReply> tokenReply,
                                               const QString &provider)
{
    Completion<SignInResult> done;
    step(this, done, tokenReply, [this, done, provider](const HttpReply &reply) {
        forward(this, done, completeSignIn(detail::authSession(reply), provider));
    });
    return done.future();
}

QFuture<SignInResult> AuthClient::completeSignIn(const Session &session, const QString &provider)
{
    Completion<SignInResult> done;
    auto keepSession = [session, provider](std::exception_ptr cause) {
        // Keep the session: the sign-in is done (a code is spent).
        throw ProfileCheckError(session, provider, cause);
    };
    step(
        this, done, m_profiles->fetch(session.accessToken, session.user.id),
        [done, session, provider](const std::optional<QJsonObject> &row) {
            SignInResult result;
            result.session = session;
            if (row) {
                result.ok = true;
                result.currentUser = CurrentUser{session.user, row};
            } else {
                result.needsSignup = true;
                result.message =
                    u"You signed in with %1, but there is no profile for this account "
                    u"yet. Create one to continue."_s.arg(providerDisplayName(provider));
            }
            done.succeed(std::move(result));
        },
        keepSession);
    return done.future();
}

QFuture<SignInResult> AuthClient::signInWithIdToken(const QString &provider, const QString &idToken,
                                                    const IdTokenOptions &options)
{
    QJsonObject body{{u"provider"_s, provider}, {u"id_token"_s, idToken}};
    if (!options.accessToken.isEmpty())
        body.insert(u"access_token", options.accessToken);
    if (!options.nonce.isEmpty())
        body.insert(u"nonce", options.nonce);
    QUrlQuery query;
    query.addQueryItem(wire::kGrantType, wire::kGrantIdToken);
    return checkProfile(post(wire::kToken, query, withCaptcha(body, options.captchaToken)),
                        provider);
}

QFuture<OtpResponse> AuthClient::requestEmailOtp(const QString &email,
                                                 const EmailOtpOptions &options)
{
    QJsonObject body{{u"email"_s, email}};
    if (options.shouldCreateUser)
        body.insert(u"create_user", *options.shouldCreateUser);
    QUrlQuery query;
    if (!options.emailRedirectTo.isEmpty())
        detail::addEncoded(query, wire::kRedirectTo, options.emailRedirectTo);
    Completion<OtpResponse> done;
    step(this, done, post(wire::kOtp, query, withCaptcha(body, options.captchaToken)),
         [done](const HttpReply &reply) {
             OtpResponse response;
             response.raw = detail::authObject(reply);
             response.messageId = response.raw.value(u"message_id").toString();
             done.succeed(std::move(response));
         });
    return done.future();
}

QFuture<SignInResult> AuthClient::verifyEmailOtp(const QString &email, const QString &code,
                                                 const VerifyOtpOptions &options)
{
    const QJsonObject body{
        {u"type"_s, u"email"_s}, {u"email"_s, email}, {u"token"_s, code.trimmed()}};
    return checkProfile(post(wire::kVerify, {}, withCaptcha(body, options.captchaToken)),
                        u"email"_s);
}

QFuture<AuthResponse> AuthClient::startAnonymousSession(const AnonymousOptions &options)
{
    QJsonObject body;
    if (!options.data.isEmpty())
        body.insert(u"data", options.data);
    Completion<AuthResponse> done;
    step(
        this, done, post(wire::kSignup, {}, withCaptcha(body, options.captchaToken)),
        [done](const HttpReply &reply) { done.succeed(AuthResponse{detail::authSession(reply)}); });
    return done.future();
}

QFuture<SignUpResult> AuthClient::signUp(const SignUpOptions &options)
{
    const bool withToken = !options.accessToken.isEmpty() || options.session;
    auto refuse = [](const QString &message) {
        SignUpResult result;
        result.message = message;
        return detail::readyFuture(std::move(result));
    };
    if (options.session && !options.accessToken.isEmpty() &&
        options.accessToken != options.session->accessToken)
        return refuse(u"Sign-up got an access token and a session with another one."_s);
    if (withToken && options.anonymous)
        return refuse(u"Sign-up needs either an access token or anonymous, not both."_s);
    if (!withToken && !options.anonymous)
        return refuse(u"Sign-up needs an access token or anonymous."_s);
    if (auto why = refusedFields(options.profileFields))
        return refuse(*why);

    Completion<SignUpResult> done;
    const QJsonObject fields = options.profileFields;
    if (options.anonymous) {
        auto guest = startAnonymousSession({options.anonymousMetadata, options.captchaToken});
        step(this, done, guest, [this, done, fields](const AuthResponse &r) {
            const Session &s = r.session;
            forward(this, done, insertProfile(s.accessToken, s, s.user, fields));
        });
    } else if (options.session) {
        // The caller holds the user: no GET /user (RLS checks the token).
        const Session &s = *options.session;
        forward(this, done, insertProfile(s.accessToken, std::nullopt, s.user, fields));
    } else {
        const QString token = options.accessToken;
        step(this, done, getUser(token), [this, done, fields, token](const HttpReply &reply) {
            const User user = detail::authUser(reply);
            forward(this, done, insertProfile(token, std::nullopt, user, fields));
        });
    }
    return done.future();
}

QFuture<SignUpResult> AuthClient::insertProfile(const QString &bearer,
                                                const std::optional<Session> &session,
                                                const User &user, QJsonObject fields)
{
    fields.insert(u"id", user.id);
    if (fields.value(u"display_name").toString().trimmed().isEmpty())
        fields.insert(u"display_name", defaultDisplayName(user));
    SignUpResult result;
    result.session = session;
    Completion<SignUpResult> done;
    auto created = [done, result, user](const QJsonObject &row) mutable {
        result.ok = true;
        result.currentUser = CurrentUser{user, row};
        done.succeed(std::move(result));
    };
    auto existing = [done, result, user](const std::optional<QJsonObject> &row) mutable {
        result.alreadyRegistered = true;
        result.currentUser = CurrentUser{user, row};
        result.message = u"This account already has a profile."_s;
        done.succeed(std::move(result));
    };
    // Two inserts raced, or the user registered before: read the row back.
    auto readBack = [this, done, bearer, user, existing](std::exception_ptr error) {
        try {
            std::rethrow_exception(error);
        } catch (const ApiError &e) {
            if (!e.isUniqueViolation())
                throw;
        }
        qCInfo(lcAuth) << "profile already exists; reading it back";
        step(this, done, m_profiles->fetch(bearer, user.id), existing);
    };
    step(this, done, m_profiles->insert(bearer, fields), created, readBack);
    return done.future();
}

QFuture<std::optional<CurrentUser>> AuthClient::getCurrentUserRecord(const QString &accessToken)
{
    // The profile row is asked for at once with the token's own user id
    // (RLS answers only the token's user anyway); GET /user runs alongside.
    // A token without a usable sub waits for GET /user's id instead.
    const QString subject = Jwt::subject(accessToken);
    std::optional<QFuture<ProfileRow>> early;
    if (ProfileStore::isValidUserId(subject))
        early = m_profiles->fetch(accessToken, subject);
    Completion<std::optional<CurrentUser>> done;
    step(this, done, getUser(accessToken), [=, this](const HttpReply &reply) {
        if (reply.status == 403 &&
            AuthApiError::fromReply(reply).errorCode() == wire::kUserNotFound)
            return done.succeed(std::nullopt);
        const User user = detail::authUser(reply);
        const auto row =
            early && user.id == subject ? *early : m_profiles->fetch(accessToken, user.id);
        step(this, done, row, [done, user](const ProfileRow &r) {
            done.succeed(CurrentUser{user, r});
        });
    });
    return done.future();
}

std::optional<QFuture<LinkIdentityRequest>>
AuthClient::refusedLink(const QString &provider, const LinkIdentityOptions &options)
{
    for (auto it = options.queryParams.cbegin(); it != options.queryParams.cend(); ++it) {
        if (detail::isReservedLinkParam(it.key()))
            return detail::failedFuture<LinkIdentityRequest>(
                ConfigError(ConfigError::Kind::InvalidArgument,
                            u"the parameter \"%1\" is set by the library"_s.arg(it.key())));
    }
    if (provider.isEmpty())
        return detail::failedFuture<LinkIdentityRequest>(
            ConfigError(ConfigError::Kind::InvalidArgument, u"no provider to link"_s));
    return std::nullopt;
}

QFuture<LinkIdentityRequest>
AuthClient::linkIdentityToCurrentUser(const QString &accessToken, const QString &provider,
                                      const LinkIdentityOptions &options)
{
    if (auto refused = refusedLink(provider, options))
        return *refused;
    Completion<LinkIdentityRequest> done;
    step(this, done, getUser(accessToken), [=, this](const HttpReply &reply) {
        forward(this, done, authorizeLink(accessToken, detail::authUser(reply), provider, options));
    });
    return done.future();
}

QFuture<LinkIdentityRequest>
AuthClient::linkIdentityToCurrentUser(const Session &session, const QString &provider,
                                      const LinkIdentityOptions &options)
{
    if (auto refused = refusedLink(provider, options))
        return *refused;
    return authorizeLink(session.accessToken, session.user, provider, options);
}

QFuture<LinkIdentityRequest> AuthClient::authorizeLink(const QString &accessToken, const User &user,
                                                       const QString &provider,
                                                       const LinkIdentityOptions &options)
{
    LinkIdentityRequest link;
    link.provider = provider;
    if (user.providers().contains(provider)) {
        link.alreadyLinked = true;
        return detail::readyFuture(std::move(link));
    }
    link.codeVerifier = Pkce::generateVerifier();
    const HttpRequest request = detail::linkAuthorizeRequest(accessToken, provider, options,
                                                             Pkce::challenge(link.codeVerifier));
    Completion<LinkIdentityRequest> done;
    step(this, done, m_transport->request(request), [done, link](const HttpReply &r) mutable {
        link.url = detail::authorizationUrl(r);
        done.succeed(std::move(link));
    });
    return done.future();
}

QFuture<Session> AuthClient::exchangeCodeForSession(const QString &authCode,
                                                    const QString &codeVerifier)
{
    return tokenGrant(wire::kGrantPkce,
                      {{u"auth_code"_s, authCode}, {u"code_verifier"_s, codeVerifier}});
}

QFuture<Session> AuthClient::refreshSession(const QString &refreshToken,
                                            std::chrono::milliseconds timeout)
{
    return tokenGrant(wire::kGrantRefreshToken, {{u"refresh_token"_s, refreshToken}}, timeout);
}

QFuture<void> AuthClient::signOut(const QString &accessToken, SignOutScope scope)
{
    QUrlQuery query;
    query.addQueryItem(wire::kScope, scope == SignOutScope::Global   ? u"global"_s
                                     : scope == SignOutScope::Others ? u"others"_s
                                                                     : u"local"_s);
    Completion<void> done;
    step(this, done, post(wire::kLogout, query, {}, accessToken), [done](const HttpReply &reply) {
        // The session is already gone on the server: signed out all the same.
        if (!reply.isSuccess() && reply.status != 401 && reply.status != 403 && reply.status != 404)
            throw AuthApiError::fromReply(reply);
        done.succeed();
    });
    return done.future();
}

QFuture<std::optional<QJsonObject>> AuthClient::updateProfile(const QString &accessToken,
                                                              const QJsonObject &fields)
{
    using Row = std::optional<QJsonObject>;
    if (auto why = refusedFields(fields))
        return detail::failedFuture<Row>(ConfigError(ConfigError::Kind::InvalidArgument, *why));
    const QString userId = Jwt::subject(accessToken);
    if (!ProfileStore::isValidUserId(userId))
        return detail::failedFuture<Row>(ConfigError(ConfigError::Kind::InvalidArgument,
                                                     u"the access token is not a user's token"_s));
    return m_profiles->update(accessToken, userId, fields);
}

} // namespace exegia::auth
