// Issue 14: keyboard-only use, names screen readers and voice control can
// use, errors that are announced, and the window at 200 %.
#include "gui_fixture.h"

#include "pages/LocalInboxDialog.h"

#include <QTreeWidget>

using namespace guitest;

TEST_F(GuiTest, EnterOnAFocusedButtonPressesIt)
{
    open();
    auto *guest = button<SignInPage>("guestButton");
    guest->setFocus(Qt::TabFocusReason);
    ASSERT_TRUE(guest->hasFocus());
    pressEnter(guest);
    EXPECT_TRUE(waitForPage<AccountPage>()) << model()->signInError().toStdString();
    // Space still works, on any button of any page.
    auto *signOut = button<AccountPage>("signOutButton");
    ASSERT_TRUE(waitFor([&] { return signOut->isEnabled(); }));
    signOut->setFocus(Qt::TabFocusReason);
    QTest::keyClick(signOut, Qt::Key_Space);
    EXPECT_TRUE(waitForPage<SignInPage>());
}

TEST_F(GuiTest, EnterInAFieldPressesThePagesDefaultButtonOnlyWhenItIsEnabled)
{
    open();
    auto *email = edit<SignInPage>("emailEdit");
    auto *send = button<SignInPage>("sendCodeButton");
    EXPECT_TRUE(send->autoDefault());
    typeInto(email, uniqueEmail(QStringLiteral("a11y-default")));
    send->setEnabled(false);
    pressEnter(email);
    EXPECT_FALSE(model()->isBusy());
    EXPECT_TRUE(qobject_cast<SignInPage *>(currentPage()));
    send->setEnabled(true);
    pressEnter(email);
    EXPECT_TRUE(waitForPage<CodePage>()) << model()->emailError().toStdString();
}

TEST_F(GuiTest, InboxEnterCopiesWithoutRefreshingAndClosingReturnsToTheCode)
{
    open();
    const QString code = requestCodeThroughUi(uniqueEmail(QStringLiteral("a11y-inbox")));
    ASSERT_EQ(code.size(), 6);
    window->openLocalInbox();
    auto *dialog = waitForDialog<LocalInboxDialog>();
    ASSERT_NE(dialog, nullptr);
    auto *list = dialog->findChild<QTreeWidget *>(QStringLiteral("messageList"));
    auto *status = dialog->findChild<QLabel *>(QStringLiteral("statusLabel"));
    ASSERT_TRUE(waitFor([&] { return list->topLevelItemCount() > 0; }));
    list->setFocus(Qt::TabFocusReason);
    pressEnter(list);
    EXPECT_TRUE(status->text().contains(code)) << status->text().toStdString();
    // A refresh would say "Loading…" and then count the codes instead.
    EXPECT_TRUE(dialog->findChild<QPushButton *>(QStringLiteral("refreshButton"))->isEnabled());
    QTest::qWait(0);
    EXPECT_TRUE(status->text().contains(code)) << status->text().toStdString();
    dialog->reject();
    // The window's focus widget: offscreen, the window itself may not be
    // made active again.
    EXPECT_TRUE(waitFor([&] { return window->focusWidget() == edit<CodePage>("codeEdit"); }, 3000))
        << (window->focusWidget() ? window->focusWidget()->objectName().toStdString()
                                  : std::string("none"));
}
