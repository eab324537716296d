// The "Finish in your browser" panel and the account screen after linking,
// through the real widgets (QTest clicks and keys).
#include "HeadlessBrowser.h"
#include "gui_fixture.h"

#include <QClipboard>
#include <QGuiApplication>

using namespace exegia::signin;

using namespace guitest;

TEST_F(GuiTest, WaitingPanelCancelAndEscapeReturnToSignIn)
{
    open();
    click(button<SignInPage>("googleButton"));
    ASSERT_TRUE(waitForPage<BrowserPage>());
    auto *url = edit<BrowserPage>("urlEdit");
    ASSERT_TRUE(waitFor([&] { return !url->text().isEmpty(); }));
    ASSERT_EQ(launched.size(), 1);
    EXPECT_EQ(url->text(), launched.first().toString());
    EXPECT_TRUE(url->isReadOnly());
    EXPECT_FALSE(label<BrowserPage>("openFailedLabel")->isVisible());
    EXPECT_TRUE(label<BrowserPage>("titleLabel")->text().contains(QStringLiteral("browser")));
    click(button<BrowserPage>("cancelButton"));
    ASSERT_TRUE(waitForPage<SignInPage>());
    EXPECT_FALSE(label<SignInPage>("signInErrorLabel")->isVisible());

    click(button<SignInPage>("appleButton"));
    ASSERT_TRUE(waitForPage<BrowserPage>());
    QTest::keyClick(button<BrowserPage>("cancelButton"), Qt::Key_Escape);
    ASSERT_TRUE(waitForPage<SignInPage>());
}

TEST_F(GuiTest, OpenTheBrowserAgainFinishesTheSignIn)
{
    // The first browser window is "closed by mistake"; the second one goes
    // through the identity provider.
    exegia::test::HeadlessBrowser browser;
    int opened = 0;
    env.launcher = [&](const QUrl &url) {
        if (++opened == 2)
            browser.open(url);
        return true;
    };
    env.providerParams.insert(QStringLiteral("login_hint"), uniqueEmail(QStringLiteral("again")));
    open();
    click(button<SignInPage>("googleButton"));
    ASSERT_TRUE(waitForPage<BrowserPage>());
    auto *reopen = button<BrowserPage>("reopenButton");
    ASSERT_TRUE(waitFor([&] { return reopen->isEnabled(); }));
    click(reopen);
    ASSERT_TRUE(waitForPage<RegisterPage>()) << model()->signInError().toStdString();
    EXPECT_EQ(opened, 2);
}

TEST_F(GuiTest, ABrowserThatCannotOpenPutsTheLinkFirst)
{
    env.launcher = [](const QUrl &) { return false; };
    open();
    click(button<SignInPage>("appleButton"));
    ASSERT_TRUE(waitForPage<BrowserPage>());
    ASSERT_TRUE(waitFor([&] { return label<BrowserPage>("openFailedLabel")->isVisible(); }));
    auto *url = edit<BrowserPage>("urlEdit");
    EXPECT_TRUE(url->isVisible());
    EXPECT_TRUE(url->text().contains(QStringLiteral("provider=apple")));
    auto *copy = button<BrowserPage>("copyButton");
    EXPECT_EQ(copy->property("role").toString(), QStringLiteral("primary"));
    click(copy);
    EXPECT_EQ(QGuiApplication::clipboard()->text(), url->text());
    EXPECT_EQ(copy->text(), QStringLiteral("Copied"));
    click(button<BrowserPage>("cancelButton"));
    ASSERT_TRUE(waitForPage<SignInPage>());
}

TEST_F(GuiTest, TheAccountScreenShowsALinkedProviderAtOnce)
{
    exegia::test::HeadlessBrowser browser;
    env.launcher = browser.launcher();
    env.providerParams.insert(QStringLiteral("login_hint"), uniqueEmail(QStringLiteral("saved")));
    open();
    click(button<SignInPage>("guestButton"));
    ASSERT_TRUE(waitForPage<AccountPage>());
    EXPECT_TRUE(label<AccountPage>("guestBadge")->isVisible());
    auto *link = button<AccountPage>("googleLinkButton");
    EXPECT_TRUE(link->text().contains(QStringLiteral("Save")));
    click(link);
    ASSERT_TRUE(waitForPage<BrowserPage>());
    ASSERT_TRUE(waitForPage<AccountPage>());
    ASSERT_TRUE(waitFor([&] { return !model()->isBusy(); }));
    EXPECT_FALSE(label<AccountPage>("guestBadge")->isVisible());
    EXPECT_FALSE(link->isVisible());
    EXPECT_TRUE(label<AccountPage>("googleStatusLabel")->isVisible());
    EXPECT_TRUE(label<AccountPage>("noticeLabel")->text().contains(QStringLiteral("Google")));
    EXPECT_TRUE(button<AccountPage>("appleLinkButton")->text().startsWith(QStringLiteral("Link")));
}
