// The main journeys, through the real widgets.
#include "gui_fixture.h"

#include <QClipboard>
#include <QGuiApplication>

using namespace exegia::signin;

using namespace guitest;

TEST_F(GuiTest, GuestLandsOnAccountWithAGuestBadge)
{
    open();
    EXPECT_EQ(window->findChild<QLabel *>(QStringLiteral("backendLabel"))->text(),
              QStringLiteral("Local backend"));
    auto *guest = button<SignInPage>("guestButton");
    click(guest);
    EXPECT_FALSE(guest->isEnabled()); // no second guest session while the first starts
    ASSERT_TRUE(waitForPage<AccountPage>()) << model()->signInError().toStdString();
    EXPECT_TRUE(label<AccountPage>("guestBadge")->isVisible());
    EXPECT_TRUE(label<AccountPage>("guestHintLabel")->isVisible());
    EXPECT_TRUE(button<AccountPage>("googleLinkButton")->text().contains(QStringLiteral("Save")));
    EXPECT_FALSE(label<AccountPage>("nameLabel")->text().isEmpty());
}

TEST_F(GuiTest, NewEmailRegistersAndOpensTheAccount)
{
    open();
    const QString email = uniqueEmail(QStringLiteral("gui-new"));
    const QString code = requestCodeThroughUi(email);
    ASSERT_EQ(code.size(), 6);
    EXPECT_TRUE(label<CodePage>("sentToLabel")->text().contains(email));
    typeInto(edit<CodePage>("codeEdit"), code);
    pressEnter(edit<CodePage>("codeEdit"));
    ASSERT_TRUE(waitForPage<RegisterPage>()) << model()->codeError().toStdString();
    auto *name = edit<RegisterPage>("displayNameEdit");
    EXPECT_EQ(name->text(), email.section(u'@', 0, 0)); // prefilled from the address
    // The cursor starts on the name with all of it selected: typing replaces it.
    EXPECT_TRUE(guitest::waitFor([&] { return window->focusWidget() == name; }, 3000));
    EXPECT_EQ(name->selectedText().toStdString(), name->text().toStdString());
    typeInto(name, QStringLiteral("Grace Hopper"));
    click(button<RegisterPage>("createButton"));
    ASSERT_TRUE(waitForPage<AccountPage>()) << model()->registerError().toStdString();
    EXPECT_EQ(label<AccountPage>("nameLabel")->text(), QStringLiteral("Grace Hopper"));
    EXPECT_EQ(label<AccountPage>("emailLabel")->text(), email);
    EXPECT_FALSE(label<AccountPage>("guestBadge")->isVisible());
    EXPECT_TRUE(label<AccountPage>("emailProviderStatusLabel")->isVisible());
    EXPECT_EQ(button<AccountPage>("googleLinkButton")->text(), QStringLiteral("Link Google"));
}

TEST_F(GuiTest, RegisteredEmailGoesStraightToTheAccount)
{
    open();
    const QString email = uniqueEmail(QStringLiteral("gui-known"));
    registerThroughUi(email, QStringLiteral("Known"));
    click(button<AccountPage>("signOutButton"));
    ASSERT_TRUE(waitForPage<SignInPage>());
    const QString code = requestCodeThroughUi(email);
    ASSERT_EQ(code.size(), 6);
    typeInto(edit<CodePage>("codeEdit"), code);
    click(button<CodePage>("verifyButton"));
    ASSERT_TRUE(waitForPage<AccountPage>()) << model()->codeError().toStdString();
    EXPECT_EQ(label<AccountPage>("nameLabel")->text(), QStringLiteral("Known"));
}

TEST_F(GuiTest, WrongCodeShowsAnInlineMessageThenTheRightOneWorks)
{
    open();
    const QString email = uniqueEmail(QStringLiteral("gui-wrong"));
    const QString code = requestCodeThroughUi(email);
    ASSERT_EQ(code.size(), 6);
    auto *field = edit<CodePage>("codeEdit");
    auto *error = label<CodePage>("codeErrorLabel");
    EXPECT_FALSE(error->isVisible());
    typeInto(field, otherCode(code));
    pressEnter(field);
    ASSERT_TRUE(waitFor([&] { return error->isVisible(); }));
    EXPECT_TRUE(error->text().contains(QStringLiteral("wrong or has expired")));
    EXPECT_FALSE(error->text().contains(u'{'));
    EXPECT_TRUE(qobject_cast<CodePage *>(currentPage()));
    typeInto(field, code);
    pressEnter(field);
    ASSERT_TRUE(waitForPage<RegisterPage>()) << model()->codeError().toStdString();
}

TEST_F(GuiTest, ResendDuringTheCooldownShowsALiveCountdown)
{
    open({}); // the emulator's default 60-second cooldown
    const QString email = uniqueEmail(QStringLiteral("gui-cool"));
    typeInto(edit<SignInPage>("emailEdit"), email);
    click(button<SignInPage>("sendCodeButton"));
    ASSERT_TRUE(waitForPage<CodePage>());
    ASSERT_TRUE(waitFor([&] { return !model()->isBusy(); }));
    auto *resend = button<CodePage>("resendButton");
    auto *countdown = label<CodePage>("cooldownLabel");
    click(resend);
    ASSERT_TRUE(waitFor([&] { return countdown->isVisible(); }));
    EXPECT_FALSE(resend->isEnabled());
    const QString first = resend->text();
    EXPECT_TRUE(first.contains(QStringLiteral(" s)"))) << first.toStdString();
    EXPECT_TRUE(countdown->text().contains(QStringLiteral("seconds")));
    ASSERT_TRUE(waitFor([&] { return resend->text() != first; }, 3000));
    EXPECT_FALSE(resend->isEnabled());
}

TEST_F(GuiTest, PastedCodeWithSeparatorsIsAccepted)
{
    open();
    const QString email = uniqueEmail(QStringLiteral("gui-paste"));
    const QString code = requestCodeThroughUi(email);
    ASSERT_EQ(code.size(), 6);
    auto *field = edit<CodePage>("codeEdit");
    field->setFocus(Qt::OtherFocusReason);
    QGuiApplication::clipboard()->setText(code.left(3) + QStringLiteral(" - ") + code.mid(3) +
                                          QStringLiteral("\n"));
    QTest::keyClick(field, Qt::Key_V, Qt::ControlModifier);
    EXPECT_EQ(field->text(), code);
    // Letters are refused as typed.
    QTest::keyClicks(field, QStringLiteral("x"));
    EXPECT_EQ(field->text(), code);
    click(button<CodePage>("verifyButton"));
    ASSERT_TRUE(waitForPage<RegisterPage>()) << model()->codeError().toStdString();
}

TEST_F(GuiTest, EditDisplayNameSavesIt)
{
    open();
    click(button<SignInPage>("guestButton"));
    ASSERT_TRUE(waitForPage<AccountPage>());
    auto *field = edit<AccountPage>("displayNameEdit");
    typeInto(field, QStringLiteral("Night Owl"));
    pressEnter(field);
    ASSERT_TRUE(waitFor(
        [&] { return label<AccountPage>("nameLabel")->text() == QLatin1String("Night Owl"); }));
    ASSERT_TRUE(waitFor([&] { return button<AccountPage>("saveNameButton")->isEnabled(); }));
    EXPECT_TRUE(label<AccountPage>("noticeLabel")->isVisible());
    // An empty name is refused under the field.
    typeInto(field, QStringLiteral(" "));
    click(button<AccountPage>("saveNameButton"));
    EXPECT_TRUE(label<AccountPage>("displayNameErrorLabel")->isVisible());
}

TEST_F(GuiTest, SignOutReturnsToSignIn)
{
    open();
    click(button<SignInPage>("guestButton"));
    ASSERT_TRUE(waitForPage<AccountPage>());
    click(button<AccountPage>("signOutEverywhereButton"));
    // A guest is asked first (the account is lost); "Sign out anyway" goes on.
    QMessageBox *question = guestSignOutQuestion();
    ASSERT_NE(question, nullptr);
    EXPECT_EQ(model()->state(), State::SignedInGuest);
    click(question->findChild<QPushButton *>(QStringLiteral("signOutAnyway")));
    ASSERT_TRUE(waitForPage<SignInPage>());
    EXPECT_EQ(model()->state(), State::SignedOut);
    EXPECT_TRUE(button<SignInPage>("guestButton")->isEnabled());
}

TEST_F(GuiTest, RegisterCancelSignsOutAndEscGoesBack)
{
    open();
    const QString email = uniqueEmail(QStringLiteral("gui-cancel"));
    const QString code = requestCodeThroughUi(email);
    ASSERT_EQ(code.size(), 6);
    // Esc on the code page is "Use another email"; the address stays.
    QTest::keyClick(edit<CodePage>("codeEdit"), Qt::Key_Escape);
    ASSERT_TRUE(waitForPage<SignInPage>());
    EXPECT_EQ(edit<SignInPage>("emailEdit")->text(), email);
    const QString again = requestCodeThroughUi(email);
    ASSERT_EQ(again.size(), 6);
    typeInto(edit<CodePage>("codeEdit"), again);
    click(button<CodePage>("verifyButton"));
    ASSERT_TRUE(waitForPage<RegisterPage>());
    QTest::keyClick(edit<RegisterPage>("displayNameEdit"), Qt::Key_Escape);
    ASSERT_TRUE(waitForPage<SignInPage>());
    EXPECT_TRUE(model()->userId().isEmpty());
}
