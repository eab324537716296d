#include <exegia/auth/AuthClient.h>
#include <exegia/auth/ProfileCheckError.h>

#include <exegia/auth/ApiError.h>
#include <exegia/auth/AuthApiError.h>
#include <exegia/auth/ConfigError.h>
#include <exegia/auth/HttpTransport.h>
#include <exegia/auth/Jwt.h>
#include <exegia/auth/Logging.h>
#include <exegia/auth/NetworkError.h>
#include <exegia/auth/Pkce.h>
#include <exegia/auth/ProfileStore.h>

#include "detail/Async.h"
#include "detail/AuthBodies.h"
#include "detail/Completion.h"
#include "detail/Replies.h"

#include <QCoreApplication>

namespace exegia::auth {

using detail::Completion;
using detail::defaultDisplayName;
using detail::forward;
using detail::refusedFields;
using detail::valueOf;
using detail::whenFinished;
using detail::withCaptcha;

AuthClient::AuthClient(const ClientConfig &config, QObject *parent)
    : QObject(parent)
    , m_config(config)
{
    m_config.validate();
    m_transport = new HttpTransport({m_config.projectUrl, m_config.publishableKey,
                                     m_config.requestTimeout, m_config.clientInfo},
                                    this);
    m_profiles = std::make_unique<ProfileStore>(m_transport);
}

AuthClient::~AuthClient() = default;

QString AuthClient::providerDisplayName(const QString &provider)
{
    if (provider == QLatin1String("google"))
        return QStringLiteral("Google");
    if (provider == QLatin1String("apple"))
        return QStringLiteral("Apple");
    if (provider == QLatin1String("email"))
        return tr("email");
    return provider;
}

QFuture<HttpReply> AuthClient::post(const QString &path, const QUrlQuery &query,
                                    const QJsonObject &body, const QString &bearer)
{
    HttpRequest request;
    request.method = "POST";
    request.path = QStringLiteral("/auth/v1") + path;
    request.query = query;
    request.body = body;
    request.bearer = bearer;
    return m_transport->request(request);
}

QFuture<HttpReply> AuthClient::getUser(const QString &accessToken)
{
    HttpRequest request;
    request.path = QStringLiteral("/auth/v1/user");
    request.bearer = accessToken;
    return m_transport->request(request);
}

QFuture<SignInResult> AuthClient::checkProfile(QFuture<HttpReply> tokenReply,
                                               const QString &provider)
{
    Completion<SignInResult> done;
    whenFinished(this, tokenReply, [this, done, provider](QFuture<HttpReply> f) {
        done.guard([&] {
            whenFinished(
                this, completeSignIn(detail::authSession(valueOf(f)), provider),
                [done](QFuture<SignInResult> r) { done.guard([&] { done.succeed(valueOf(r)); }); });
        });
    });
    return done.future();
}

QFuture<SignInResult> AuthClient::completeSignIn(const Session &session, const QString &provider)
{
    Completion<SignInResult> done;
    auto fetch = m_profiles->fetch(session.accessToken, session.user.id);
    whenFinished(this, fetch, [done, session, provider](auto pf) {
        done.guard([&] {
            std::optional<QJsonObject> row;
            try {
                row = valueOf(pf);
            } catch (const Error &e) {
                // Keep the session: the sign-in is done (a code is spent).
                throw ProfileCheckError(session, provider, std::current_exception(),
                                        e.userMessage());
            }
            SignInResult result;
            result.session = session;
            if (row) {
                result.ok = true;
                result.currentUser = CurrentUser{session.user, std::move(row)};
            } else {
                result.needsSignup = true;
                result.message = tr("You signed in with %1, but there is no profile for "
                                    "this account yet. Create one to continue.")
                                     .arg(providerDisplayName(provider));
            }
            done.succeed(std::move(result));
        });
    });
    return done.future();
}

QFuture<SignInResult> AuthClient::signInWithIdToken(const QString &provider, const QString &idToken,
                                                    const IdTokenOptions &options)
{
    QJsonObject body{{u"provider"_qs, provider}, {u"id_token"_qs, idToken}};
    if (!options.accessToken.isEmpty())
        body.insert(u"access_token", options.accessToken);
    if (!options.nonce.isEmpty())
        body.insert(u"nonce", options.nonce);
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("grant_type"), QStringLiteral("id_token"));
    return checkProfile(
        post(QStringLiteral("/token"), query, withCaptcha(body, options.captchaToken)), provider);
}

QFuture<OtpResponse> AuthClient::requestEmailOtp(const QString &email,
                                                 const EmailOtpOptions &options)
{
    QJsonObject body{{u"email"_qs, email}};
    if (options.shouldCreateUser)
        body.insert(u"create_user", *options.shouldCreateUser);
    QUrlQuery query;
    if (!options.emailRedirectTo.isEmpty())
        detail::addEncoded(query, QStringLiteral("redirect_to"), options.emailRedirectTo);
    Completion<OtpResponse> done;
    whenFinished(this, post(QStringLiteral("/otp"), query, withCaptcha(body, options.captchaToken)),
                 [done](QFuture<HttpReply> f) {
                     done.guard([&] {
                         OtpResponse response;
                         response.raw = detail::authObject(valueOf(f));
                         response.messageId = response.raw.value(u"message_id").toString();
                         done.succeed(std::move(response));
                     });
                 });
    return done.future();
}

QFuture<SignInResult> AuthClient::verifyEmailOtp(const QString &email, const QString &code,
                                                 const VerifyOtpOptions &options)
{
    const QJsonObject body{
        {u"type"_qs, u"email"_qs}, {u"email"_qs, email}, {u"token"_qs, code.trimmed()}};
    return checkProfile(
        post(QStringLiteral("/verify"), {}, withCaptcha(body, options.captchaToken)),
        QStringLiteral("email"));
}

QFuture<AuthResponse> AuthClient::startAnonymousSession(const AnonymousOptions &options)
{
    QJsonObject body;
    if (!options.data.isEmpty())
        body.insert(u"data", options.data);
    Completion<AuthResponse> done;
    whenFinished(this, post(QStringLiteral("/signup"), {}, withCaptcha(body, options.captchaToken)),
                 [done](QFuture<HttpReply> f) {
                     done.guard(
                         [&] { done.succeed(AuthResponse{detail::authSession(valueOf(f))}); });
                 });
    return done.future();
}

QFuture<SignUpResult> AuthClient::signUp(const SignUpOptions &options)
{
    const bool withToken = !options.accessToken.isEmpty();
    auto refuse = [](const QString &message) {
        SignUpResult result;
        result.message = message;
        return detail::readyFuture(std::move(result));
    };
    if (withToken && options.anonymous)
        return refuse(tr("Sign-up needs either an access token or anonymous, not both."));
    if (!withToken && !options.anonymous)
        return refuse(tr("Sign-up needs an access token or anonymous."));
    if (auto why = refusedFields(options.profileFields))
        return refuse(*why);

    Completion<SignUpResult> done;
    const QJsonObject fields = options.profileFields;
    if (options.anonymous) {
        auto guest = startAnonymousSession({options.anonymousMetadata, options.captchaToken});
        whenFinished(this, guest, [this, done, fields](QFuture<AuthResponse> f) {
            done.guard([&] {
                const Session session = valueOf(f).session;
                forward(this, insertProfile(session.accessToken, session, session.user, fields),
                        done);
            });
        });
    } else {
        const QString token = options.accessToken;
        whenFinished(this, getUser(token), [this, done, fields, token](QFuture<HttpReply> f) {
            done.guard([&] {
                const User user = detail::authUser(valueOf(f));
                forward(this, insertProfile(token, std::nullopt, user, fields), done);
            });
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
    Completion<SignUpResult> done;
    auto inserted = m_profiles->insert(bearer, fields);
    whenFinished(this, inserted, [this, done, bearer, session, user](QFuture<QJsonObject> f) {
        try {
            SignUpResult result;
            result.ok = true;
            result.session = session;
            result.currentUser = CurrentUser{user, valueOf(f)};
            done.succeed(std::move(result));
        } catch (const ApiError &e) {
            // Two inserts raced, or the user registered before: not an error.
            if (!e.isUniqueViolation())
                return done.fail(std::current_exception());
            qCInfo(lcAuth) << "profile already exists; reading it back";
            auto existing = m_profiles->fetch(bearer, user.id);
            whenFinished(this, existing, [done, session, user](auto rf) {
                done.guard([&] {
                    SignUpResult result;
                    result.alreadyRegistered = true;
                    result.session = session;
                    result.currentUser = CurrentUser{user, valueOf(rf)};
                    result.message = tr("This account already has a profile.");
                    done.succeed(std::move(result));
                });
            });
        } catch (...) {
            done.fail(std::current_exception());
        }
    });
    return done.future();
}

QFuture<std::optional<CurrentUser>> AuthClient::getCurrentUserRecord(const QString &accessToken)
{
    Completion<std::optional<CurrentUser>> done;
    whenFinished(this, getUser(accessToken), [this, done, accessToken](QFuture<HttpReply> f) {
        done.guard([&] {
            const HttpReply reply = valueOf(f);
            if (reply.status == 403 &&
                AuthApiError::fromReply(reply).errorCode() == QLatin1String("user_not_found")) {
                done.succeed(std::nullopt);
                return;
            }
            const User user = detail::authUser(reply);
            whenFinished(this, m_profiles->fetch(accessToken, user.id), [done, user](auto pf) {
                done.guard([&] { done.succeed(CurrentUser{user, valueOf(pf)}); });
            });
        });
    });
    return done.future();
}

QFuture<LinkIdentityRequest>
AuthClient::linkIdentityToCurrentUser(const QString &accessToken, const QString &provider,
                                      const LinkIdentityOptions &options)
{
    for (auto it = options.queryParams.cbegin(); it != options.queryParams.cend(); ++it) {
        if (detail::isReservedLinkParam(it.key()))
            return detail::failedFuture<LinkIdentityRequest>(
                ConfigError(tr("The parameter \"%1\" is set by the library and cannot be passed.")
                                .arg(it.key())));
    }
    if (provider.isEmpty())
        return detail::failedFuture<LinkIdentityRequest>(
            ConfigError(tr("No provider was given to link.")));

    Completion<LinkIdentityRequest> done;
    whenFinished(this, getUser(accessToken), [=, this](QFuture<HttpReply> f) {
        done.guard([&] {
            const User user = detail::authUser(valueOf(f));
            LinkIdentityRequest link;
            link.provider = provider;
            if (user.providers().contains(provider)) {
                link.alreadyLinked = true;
                done.succeed(std::move(link));
                return;
            }
            link.codeVerifier = Pkce::generateVerifier();
            const HttpRequest request = detail::linkAuthorizeRequest(
                accessToken, provider, options, Pkce::challenge(link.codeVerifier));
            whenFinished(this, m_transport->request(request), [done, link](auto af) mutable {
                done.guard([&] {
                    link.url = QUrl(detail::authObject(valueOf(af)).value(u"url").toString(),
                                    QUrl::StrictMode);
                    const QString scheme = link.url.scheme();
                    if (!link.url.isValid() ||
                        (scheme != QLatin1String("https") && scheme != QLatin1String("http")))
                        throw NetworkError(NetworkError::Kind::MalformedReply,
                                           QStringLiteral("no usable authorization url"));
                    done.succeed(std::move(link));
                });
            });
        });
    });
    return done.future();
}

QFuture<Session> AuthClient::exchangeCodeForSession(const QString &authCode,
                                                    const QString &codeVerifier)
{
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("grant_type"), QStringLiteral("pkce"));
    const QJsonObject body{{u"auth_code"_qs, authCode}, {u"code_verifier"_qs, codeVerifier}};
    Completion<Session> done;
    whenFinished(this, post(QStringLiteral("/token"), query, body), [done](QFuture<HttpReply> f) {
        done.guard([&] { done.succeed(detail::authSession(valueOf(f))); });
    });
    return done.future();
}

QFuture<Session> AuthClient::refreshSession(const QString &refreshToken)
{
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("grant_type"), QStringLiteral("refresh_token"));
    const QJsonObject body{{u"refresh_token"_qs, refreshToken}};
    Completion<Session> done;
    whenFinished(this, post(QStringLiteral("/token"), query, body), [done](QFuture<HttpReply> f) {
        done.guard([&] { done.succeed(detail::authSession(valueOf(f))); });
    });
    return done.future();
}

QFuture<void> AuthClient::signOut(const QString &accessToken, SignOutScope scope)
{
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("scope"), scope == SignOutScope::Global   ? u"global"_qs
                                                : scope == SignOutScope::Others ? u"others"_qs
                                                                                : u"local"_qs);
    Completion<void> done;
    whenFinished(this, post(QStringLiteral("/logout"), query, {}, accessToken),
                 [done](QFuture<HttpReply> f) {
                     done.guard([&] {
                         const HttpReply reply = valueOf(f);
                         // The session is already gone on the server: signed out all the same.
                         if (!reply.isSuccess() && reply.status != 401 && reply.status != 403 &&
                             reply.status != 404)
                             throw AuthApiError::fromReply(reply);
                         done.succeed();
                     });
                 });
    return done.future();
}

QFuture<std::optional<QJsonObject>> AuthClient::updateProfile(const QString &accessToken,
                                                              const QJsonObject &fields)
{
    using Row = std::optional<QJsonObject>;
    if (auto why = refusedFields(fields))
        return detail::failedFuture<Row>(ConfigError(*why));
    const QString userId = Jwt::subject(accessToken);
    if (!ProfileStore::isValidUserId(userId))
        return detail::failedFuture<Row>(
            ConfigError(tr("The access token is not a signed-in user's token.")));
    return m_profiles->update(accessToken, userId, fields);
}

} // namespace exegia::auth
