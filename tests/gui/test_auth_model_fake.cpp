// AuthModel on a fake Transport: the state machine and its sentences with
// canned server answers, no emulator. (The flows against the real emulator
// are in test_auth_model*.cpp; these pin what the model does with each
// answer, including ones the emulator cannot be made to give on demand.)
#include "AuthModel.h"
#include "gui_support.h"

#include <exegia/auth/AuthClient.h>
#include <exegia/auth/Errors.h>
#include <exegia/auth/Transport.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPromise>
#include <gtest/gtest.h>

#include <functional>

using namespace exegia::signin;
using namespace Qt::StringLiterals;
using exegia::auth::HttpReply;
using exegia::auth::HttpRequest;

namespace {

// What the fake server answers, per "METHOD path": a queue of replies (the
// last one repeats), or a network failure. Every request is recorded.
struct Script
{
    using Answer = std::function<QFuture<HttpReply>(const HttpRequest &)>;
    QHash<QString, QList<Answer>> answers;
    QList<HttpRequest> requests;
    int preconnects = 0;

    void on(const QString &route, int status, const QJsonValue &body)
    {
        answers[route].append([status, body](const HttpRequest &) {
            HttpReply reply;
            reply.status = status;
            reply.body = body.isArray() ? QJsonDocument(body.toArray()).toJson()
                                        : QJsonDocument(body.toObject()).toJson();
            reply.headers = {{"Content-Type", "application/json"}};
            return QtFuture::makeReadyFuture(reply);
        });
    }
    void failOn(const QString &route)
    {
        answers[route].append([](const HttpRequest &) {
            QPromise<HttpReply> promise;
            promise.start();
            promise.setException(std::make_exception_ptr(exegia::auth::NetworkError(
                exegia::auth::NetworkError::Kind::ConnectionRefused, u"refused"_s)));
            promise.finish();
            return promise.future();
        });
    }
    int count(const QString &route) const
    {
        return int(std::count_if(requests.cbegin(), requests.cend(), [&](const HttpRequest &r) {
            return QString::fromLatin1(r.method) + u' ' + r.path == route;
        }));
    }
};

class FakeTransport : public exegia::auth::Transport
{
public:
    FakeTransport(Script *script, QObject *parent = nullptr)
        : exegia::auth::Transport(parent)
        , m_script(script)
    {}

    QFuture<HttpReply> request(const HttpRequest &request) override
    {
        m_script->requests.append(request);
        QList<Script::Answer> &queue =
            m_script->answers[QString::fromLatin1(request.method) + u' ' + request.path];
        if (queue.isEmpty()) {
            HttpReply reply;
            reply.status = 500;
            reply.body = R"({"message":"no canned answer"})";
            return QtFuture::makeReadyFuture(reply);
        }
        return queue.size() > 1 ? queue.takeFirst()(request) : queue.first()(request);
    }

    void preconnect() override { ++m_script->preconnects; }

private:
    Script *m_script;
};

QJsonObject user(const QString &email)
{
    return {{u"id"_s, u"0b7f4c2e-1111-4a5b-9c3d-000000000001"_s},
            {u"aud"_s, u"authenticated"_s},
            {u"role"_s, u"authenticated"_s},
            {u"email"_s, email},
            {u"is_anonymous"_s, false},
            {u"app_metadata"_s,
             QJsonObject{{u"provider"_s, u"email"_s}, {u"providers"_s, QJsonArray{u"email"_s}}}},
            {u"user_metadata"_s, QJsonObject{}},
            {u"identities"_s, QJsonArray{}}};
}

QJsonObject session(const QString &email, const QString &refreshToken)
{
    return {{u"access_token"_s, u"fake-access-token-for-model-tests"_s},
            {u"token_type"_s, u"bearer"_s},
            {u"expires_in"_s, 3600},
            {u"refresh_token"_s, refreshToken},
            {u"user"_s, user(email)}};
}

} // namespace

class AuthModelFakeTest : public ::testing::Test
{
protected:
    using State = AuthModel::State;

    void SetUp() override
    {
        AuthModel::Environment env;
        env.clientFactory = [this](const exegia::auth::ClientConfig &config, QObject *parent) {
            return new exegia::auth::AuthClient(config, new FakeTransport(&script), parent);
        };
        model.setEnvironment(env);
        exegia::auth::ClientConfig config;
        config.projectUrl = QUrl(u"https://fake.example.test"_s);
        config.publishableKey = u"sb_publishable_fake-model-tests"_s;
        model.setBackend(config, u"Fake"_s, false);
        ASSERT_EQ(model.state(), State::SignedOut);
    }

    bool waitIdle()
    {
        return guitest::waitFor([&] { return !model.isBusy(); }, 5000);
    }

    // The emailed code accepted for a new address: on Register.
    void reachRegister(const QString &email)
    {
        script.on(u"POST /auth/v1/otp"_s, 200, QJsonObject{});
        script.on(u"POST /auth/v1/verify"_s, 200, session(email, u"refresh-one"_s));
        script.on(u"GET /rest/v1/users"_s, 200, QJsonArray{});
        model.requestCode(email);
        ASSERT_TRUE(waitIdle());
        ASSERT_EQ(model.state(), State::AwaitingCode) << model.emailError().toStdString();
        model.verifyCode(u"123 456"_s);
        ASSERT_TRUE(waitIdle());
        ASSERT_EQ(model.state(), State::NeedsSignUp) << model.codeError().toStdString();
    }

    void createProfile(const QString &email, const QString &name)
    {
        QJsonObject row{{u"id"_s, user(email).value(u"id")}, {u"display_name"_s, name}};
        script.on(u"POST /rest/v1/users"_s, 201, QJsonArray{row});
        model.createProfile(name, {});
        ASSERT_TRUE(waitIdle());
        ASSERT_EQ(model.state(), State::SignedIn) << model.registerError().toStdString();
    }

    Script script;
    AuthModel model;
};

TEST_F(AuthModelFakeTest, EmailCodeThenSignUpThenProfile)
{
    const QString email = u"ada@example.test"_s;
    reachRegister(email);
    EXPECT_EQ(model.userEmail(), email);
    // The pasted "123 456" went out as digits only.
    const auto verify =
        std::find_if(script.requests.cbegin(), script.requests.cend(),
                     [](const HttpRequest &r) { return r.path.endsWith(u"/verify"); });
    ASSERT_NE(verify, script.requests.cend());
    EXPECT_EQ(verify->body->toObject().value(u"token").toString(), u"123456"_s);

    createProfile(email, u"Ada Lovelace"_s);
    EXPECT_EQ(model.displayName(), u"Ada Lovelace"_s);
    EXPECT_FALSE(model.isGuest());
    EXPECT_EQ(script.count(u"POST /rest/v1/users"_s), 1);
    // The model holds the user from the sign-in: no GET /user before the insert.
    EXPECT_EQ(script.count(u"GET /auth/v1/user"_s), 0);
    EXPECT_EQ(script.requests.size(), 4); // otp, verify, profile check, insert
}

TEST_F(AuthModelFakeTest, PreconnectsAtStartAndWhenTheSignInPageShows)
{
    const int atStart = script.preconnects;
    EXPECT_GE(atStart, 1);
    reachRegister(u"lin@example.test"_s);
    EXPECT_EQ(script.preconnects, atStart); // the code and register pages
    script.on(u"POST /auth/v1/logout"_s, 204, QJsonObject{});
    model.cancelSignUp();
    ASSERT_TRUE(waitIdle());
    ASSERT_EQ(model.page(), AuthModel::Page::SignIn);
    EXPECT_EQ(script.preconnects, atStart + 1);
}

TEST_F(AuthModelFakeTest, ARejectedCodeIsShownAndTheCodeCanBeEnteredAgain)
{
    script.on(u"POST /auth/v1/otp"_s, 200, QJsonObject{});
    script.on(u"POST /auth/v1/verify"_s, 403,
              QJsonObject{{u"code"_s, 403},
                          {u"error_code"_s, u"otp_expired"_s},
                          {u"msg"_s, u"Token has expired or is invalid"_s}});
    model.requestCode(u"grace@example.test"_s);
    ASSERT_TRUE(waitIdle());
    model.verifyCode(u"000000"_s);
    ASSERT_TRUE(waitIdle());
    EXPECT_EQ(model.state(), State::AwaitingCode);
    EXPECT_FALSE(model.codeError().isEmpty());
    // The server's own words never reach the screen.
    EXPECT_FALSE(model.codeError().contains(u"Token has expired"_s));
    EXPECT_TRUE(model.userId().isEmpty());
}

TEST_F(AuthModelFakeTest, ANetworkFailureKeepsTheSession)
{
    const QString email = u"kay@example.test"_s;
    reachRegister(email);
    createProfile(email, u"Kay"_s);
    const QString user = model.userId();
    script.failOn(u"PATCH /rest/v1/users"_s);
    model.updateDisplayName(u"Kay Two"_s);
    ASSERT_TRUE(waitIdle());
    EXPECT_EQ(model.state(), State::SignedIn);
    EXPECT_FALSE(model.displayNameError().isEmpty());
    EXPECT_EQ(model.userId(), user);
    EXPECT_EQ(model.displayName(), u"Kay"_s);
    const auto kept = model.sessionManager()->session();
    ASSERT_TRUE(kept.has_value());
    EXPECT_EQ(kept->refreshToken, u"refresh-one"_s);
    EXPECT_EQ(script.count(u"POST /auth/v1/logout"_s), 0);
}
