#pragma once
// One emulator per test (fresh in-memory state, options per test) and an
// AuthClient pointed at it, plus the test-side steps a person would do:
// pick an account at the local IdP, read the mailbox, delete a user.

#include "EmulatorProcess.h"
#include "TestHttp.h"

#include <exegia/auth/AuthClient.h>

#include <QNetworkAccessManager>

#include <gtest/gtest.h>

#include <functional>
#include <memory>

namespace exegia::test {

class RecordingServer;
struct RecordedRequest;

class AuthFixture : public ::testing::Test
{
protected:
    // Starts the emulator with `args` (and --port 0 --in-memory) and a
    // client on it. Fails the test when it cannot start.
    void start(const QStringList &args = {});
    void SetUp() override { start(); }

    std::unique_ptr<exegia::auth::AuthClient> makeClient(const QUrl &url) const;

    // An ID token from the local IdP for `email` (login_hint skips the page).
    QString idToken(const QString &provider, const QString &email, const QString &nonceHash = {});
    // The newest code mailed to `email`, or empty.
    QString mailedCode(const QString &email);
    // Admin API: delete the auth user (and their profile).
    int deleteUser(const QString &userId);
    // Test hook: the next `count` matching requests answer `status`.
    void injectFault(const QByteArray &method, const QString &path, int status, int count = 1);
    // Requests per "METHOD /path[?grant_type=..]" to /auth/v1 and /rest/v1 since start.
    QJsonObject apiRequestCounts();
    int apiRequestTotal();
    // Follows redirects by hand (the Http helper does not) until one leaves
    // the emulator; returns that Location.
    QUrl followToForeignRedirect(const QUrl &start, int maxHops = 6);

    // Makes `proxy` forward every request to the emulator and relay the
    // answer; `intercept` may answer instead (return true) or act first.
    using Intercept = std::function<bool(const RecordedRequest &, RecordingServer &)>;
    void proxyToEmulator(RecordingServer &proxy, Intercept intercept = {});

    // Lets real time pass, only for a server-side clock rule (a 1 s cooldown
    // or lifetime counted in whole seconds), never to wait for our code.
    // Moves the emulator's clock forward: expiry and cooldowns pass without
    // waiting (the emulator counts whole seconds).
    void advanceServerClock(int seconds);

    Headers serviceHeaders() const;
    static QString uniqueEmail(const QString &tag);

    EmulatorProcess emulator;
    Http http;
    std::unique_ptr<exegia::auth::AuthClient> client;
    std::unique_ptr<QNetworkAccessManager> m_upstream;
};

} // namespace exegia::test
