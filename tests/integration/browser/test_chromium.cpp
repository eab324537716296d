// One end-to-end run with a real browser: headless Chromium (Debian's
// chromium package) is the launcher, and follows the emulator's link URL,
// the local identity provider (login_hint) and the callback to the
// loopback listener, exactly as a person's browser would.
#include "Await.h"
#include "EmulatorProcess.h"

#include <exegia/auth/AuthClient.h>
#include <exegia/auth/BrowserSignIn.h>

#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace exegia;

TEST(Chromium, LinksGoogleToAGuest)
{
    const QString chromium = QStandardPaths::findExecutable(u"chromium"_qs);
    if (chromium.isEmpty())
        GTEST_SKIP() << "chromium is not installed here (scripts/install-deps.sh installs it on "
                        "Debian); the headless-browser tests cover the same loop";

    test::EmulatorProcess emulator;
    QString why;
    ASSERT_TRUE(emulator.start({}, &why)) << why.toStdString();
    auth::ClientConfig config;
    config.projectUrl = emulator.url();
    config.publishableKey = emulator.publishableKey();
    auth::AuthClient client(config);
    auth::BrowserSignIn signIn(&client);

    QTemporaryDir profile;
    ASSERT_TRUE(profile.isValid());
    QProcess browser;
    signIn.setLauncher([&](const QUrl &url) {
        // A fresh profile and no background traffic: this machine has no
        // network but loopback.
        browser.start(chromium, {u"--headless"_qs, u"--no-sandbox"_qs, u"--disable-gpu"_qs,
                                 u"--no-first-run"_qs, u"--disable-background-networking"_qs,
                                 u"--disable-component-update"_qs, u"--disable-sync"_qs,
                                 u"--user-data-dir="_qs + profile.path(), u"--dump-dom"_qs,
                                 url.toString(QUrl::FullyEncoded)});
        return browser.waitForStarted(10000);
    });

    auth::SignUpOptions guest;
    guest.anonymous = true;
    guest.profileFields.insert(u"display_name"_qs, u"Guest"_qs);
    const auth::SignUpResult registered = test::await(client.signUp(guest));
    ASSERT_TRUE(registered.ok);

    auth::LinkIdentityOptions options;
    options.queryParams.insert(u"login_hint"_qs, u"chromium-user@example.com"_qs);
    const auth::LinkResult linked = test::await(
        signIn.linkIdentity(registered.session->accessToken, u"google"_qs, options), 60000);
    EXPECT_TRUE(linked.currentUser.isPermanent());
    EXPECT_TRUE(linked.currentUser.hasProvider(u"google"_qs));
    EXPECT_EQ(linked.currentUser.userType(), u"registered");

    // What Chromium showed at the end: our loopback page.
    if (!browser.waitForFinished(30000))
        browser.kill();
    const QByteArray page = browser.readAllStandardOutput();
    EXPECT_TRUE(page.contains("You are signed in")) << page.left(2000).toStdString();
}
