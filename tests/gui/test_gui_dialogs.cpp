// Settings, the local inbox, and keyboard/accessibility checks.
#include "gui_fixture.h"

#include "pages/LocalInboxDialog.h"
#include "pages/SettingsDialog.h"

#include <QAccessible>
#include <QDialogButtonBox>
#include <QRadioButton>
#include <QTreeWidget>

using namespace exegia::signin;

using namespace guitest;

TEST_F(GuiTest, SettingsRefuseAServiceKeyAndSayWhy)
{
    open();
    click(window->findChild<QPushButton *>(QStringLiteral("settingsButton")));
    auto *dialog = waitForDialog<SettingsDialog>();
    ASSERT_NE(dialog, nullptr);
    click(dialog->findChild<QRadioButton *>(QStringLiteral("projectRadio")));
    auto *url = dialog->findChild<QLineEdit *>(QStringLiteral("urlEdit"));
    auto *key = dialog->findChild<QLineEdit *>(QStringLiteral("keyEdit"));
    auto *keyError = dialog->findChild<QLabel *>(QStringLiteral("keyErrorLabel"));
    auto *save = dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Save);
    ASSERT_TRUE(dialog->findChild<QRadioButton *>(QStringLiteral("projectRadio"))->isChecked());
    typeInto(url, QStringLiteral("https://abcdefgh.supabase.co"));
    ASSERT_EQ(url->text(), QStringLiteral("https://abcdefgh.supabase.co"));

    typeInto(key, QStringLiteral("sb_secret_0123456789abcdef"));
    click(save);
    EXPECT_TRUE(dialog->isVisible());
    EXPECT_TRUE(keyError->isVisible());
    EXPECT_TRUE(keyError->text().contains(QStringLiteral("secret key")))
        << keyError->text().toStdString();

    // The legacy service_role JWT is refused too (the emulator's own one).
    exegia::test::EmulatorProcess other;
    ASSERT_TRUE(other.start({QStringLiteral("--legacy-keys")}));
    typeInto(key, other.serviceRoleKey());
    EXPECT_FALSE(keyError->isVisible()); // typing clears the old complaint
    click(save);
    EXPECT_TRUE(dialog->isVisible());
    EXPECT_TRUE(keyError->text().contains(QStringLiteral("service_role")));

    // Plain http to a remote host is refused under the URL.
    typeInto(url, QStringLiteral("http://example.com"));
    typeInto(key, other.publishableKey());
    click(save);
    EXPECT_TRUE(dialog->findChild<QLabel *>(QStringLiteral("urlErrorLabel"))->isVisible());
    EXPECT_TRUE(dialog->isVisible());
    QTest::keyClick(dialog, Qt::Key_Escape);
    EXPECT_TRUE(waitFor([&] { return window->findChild<SettingsDialog *>() == nullptr; }));
    EXPECT_TRUE(model()->isLocalBackend());
}

TEST_F(GuiTest, SettingsSwitchToAProjectAndBack)
{
    open();
    exegia::test::EmulatorProcess project;
    ASSERT_TRUE(project.start());
    click(window->findChild<QPushButton *>(QStringLiteral("settingsButton")));
    auto *dialog = waitForDialog<SettingsDialog>();
    ASSERT_NE(dialog, nullptr);
    click(dialog->findChild<QRadioButton *>(QStringLiteral("projectRadio")));
    typeInto(dialog->findChild<QLineEdit *>(QStringLiteral("urlEdit")), project.urlString());
    typeInto(dialog->findChild<QLineEdit *>(QStringLiteral("keyEdit")), project.publishableKey());
    click(dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Save));
    ASSERT_TRUE(waitFor(
        [&] { return model()->state() == State::SignedOut && !model()->isLocalBackend(); }));
    EXPECT_EQ(model()->backendDescription(), QStringLiteral("127.0.0.1"));
    EXPECT_FALSE(window->findChild<QPushButton *>(QStringLiteral("inboxButton"))->isVisible());
    EXPECT_FALSE(window->localBackend()->isRunning());
    click(button<SignInPage>("guestButton"));
    ASSERT_TRUE(waitForPage<AccountPage>());

    click(window->findChild<QPushButton *>(QStringLiteral("settingsButton")));
    ASSERT_NE(dialog = waitForDialog<SettingsDialog>(), nullptr);
    click(dialog->findChild<QRadioButton *>(QStringLiteral("localRadio")));
    click(dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Save));
    ASSERT_TRUE(waitFor(
        [&] { return model()->state() == State::SignedOut && model()->isLocalBackend(); }, 20000));
    EXPECT_TRUE(qobject_cast<SignInPage *>(currentPage()));
}

TEST_F(GuiTest, LocalInboxShowsTheCode)
{
    open();
    const QString email = uniqueEmail(QStringLiteral("gui-inbox"));
    const QString code = requestCodeThroughUi(email);
    ASSERT_EQ(code.size(), 6);
    auto *inboxButton = window->findChild<QPushButton *>(QStringLiteral("inboxButton"));
    ASSERT_TRUE(inboxButton->isVisible());
    click(inboxButton);
    auto *dialog = waitForDialog<LocalInboxDialog>();
    ASSERT_NE(dialog, nullptr);
    auto *list = dialog->findChild<QTreeWidget *>(QStringLiteral("messageList"));
    ASSERT_TRUE(waitFor([&] { return list->topLevelItemCount() > 0; }));
    EXPECT_EQ(list->topLevelItem(0)->text(0), code);
    EXPECT_EQ(list->topLevelItem(0)->text(1), email);
}

TEST_F(GuiTest, EnterAndTabWorkWithoutAMouse)
{
    open();
    auto *email = edit<SignInPage>("emailEdit");
    EXPECT_TRUE(waitFor([&] { return email->hasFocus(); }, 2000) || !window->isActiveWindow());
    email->setFocus(Qt::TabFocusReason);
    QTest::keyClick(email, Qt::Key_Tab);
    EXPECT_EQ(QApplication::focusWidget(), button<SignInPage>("sendCodeButton"));
    // Enter with a bad address shows the error under the field, no request.
    typeInto(email, QStringLiteral("nobody"));
    pressEnter(email);
    auto *error = label<SignInPage>("emailErrorLabel");
    EXPECT_TRUE(error->isVisible());
    EXPECT_EQ(email->accessibleDescription(), error->text());
}

TEST_F(GuiTest, EveryControlHasAnAccessibleName)
{
    open();
    click(window->findChild<QPushButton *>(QStringLiteral("settingsButton")));
    ASSERT_TRUE(waitFor([&] { return window->findChild<SettingsDialog *>() != nullptr; }));
    window->openLocalInbox();
    QStringList missing;
    for (QWidget *w : window->findChildren<QWidget *>()) {
        const bool control = qobject_cast<QAbstractButton *>(w) || qobject_cast<QLineEdit *>(w) ||
                             qobject_cast<QTreeWidget *>(w);
        // Standard dialog buttons are named by Qt from their text.
        if (!control || qobject_cast<QDialogButtonBox *>(w->parentWidget()) ||
            w->objectName().startsWith(QLatin1String("qt_")) || w->objectName().isEmpty())
            continue;
        // The name a screen reader gets: set, or the button's own text.
        if (QAccessible::queryAccessibleInterface(w)->text(QAccessible::Name).isEmpty())
            missing << w->objectName();
    }
    EXPECT_TRUE(missing.isEmpty()) << missing.join(u", ").toStdString();
}
