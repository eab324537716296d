// Account security through the real widgets against the real emulator
// (issue 13): two-step verification on and off, the code after the first
// factor at sign-in (also after a restart), unlinking a sign-in method, and
// changing the email address. TOTP codes come from guitest::totpCode,
// computed independently of the emulator's own.
#include "HeadlessBrowser.h"
#include "gui_fixture.h"
#include "shared_store.h"

#include "pages/TotpDialog.h"

#include <exegia/auth/AuthClient.h>
#include <exegia/auth/Await.h>
#include <exegia/auth/MemoryTokenStore.h>

#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QGuiApplication>
#include <QTemporaryDir>

using namespace exegia::signin;
using namespace guitest;
using namespace Qt::StringLiterals;

class SecurityGuiTest : public GuiTest
{
protected:
    QCheckBox *twoStepBox() const { return child<QCheckBox, AccountPage>("twoStepCheckBox"); }
    TotpDialog *totpDialog() const { return waitForDialog<TotpDialog>(); }
    template <typename T> static T *in(QWidget *parent, const char *name)
    {
        T *widget = parent->findChild<T *>(QLatin1String(name));
        EXPECT_NE(widget, nullptr) << name;
        return widget;
    }

    // Turns two-step verification on through the dialog; returns the key
    // the dialog showed (the code of the current step is spent).
    QString turnOnTwoStep()
    {
        click(twoStepBox());
        TotpDialog *dialog = totpDialog();
        if (!dialog)
            return {};
        const QString secret = in<QLabel>(dialog, "keyLabel")->text().remove(u' ');
        auto *code = in<QLineEdit>(dialog, "codeEdit");
        typeInto(code, totpCode(secret, 0));
        pressEnter(code);
        waitFor([&] { return model()->isTwoStepEnabled() && !model()->isBusy(); });
        // The dialog is gone: the window is the active one again (the
        // offscreen platform does not hand activation back by itself).
        waitFor([&] { return window->findChild<TotpDialog *>() == nullptr; });
        window->activateWindow();
        EXPECT_TRUE(QTest::qWaitForWindowActive(window.get()));
        return secret;
    }

    QList<exegia::auth::Factor> serverFactors() const
    {
        exegia::auth::ClientConfig config;
        config.projectUrl = window->localBackend()->url();
        config.publishableKey = window->localBackend()->publishableKey();
        exegia::auth::AuthClient client(config);
        const QString token = exegia::auth::await(model()->sessionManager()->accessToken());
        return exegia::auth::await(client.listFactors(token));
    }

    void changeEmailTo(const QString &address)
    {
        typeInto(edit<AccountPage>("newEmailEdit"), address);
        pressEnter(edit<AccountPage>("newEmailEdit"));
        waitFor([&] { return !model()->isBusy(); });
    }
};

TEST_F(SecurityGuiTest, TwoStepSetupShowsTheQrCodeAndTheKeyAndRefusesAWrongCode)
{
    open();
    registerThroughUi(uniqueEmail(u"mfa-on"_s), u"Ada"_s);
    QCheckBox *box = twoStepBox();
    EXPECT_FALSE(box->isChecked());
    click(box);
    TotpDialog *dialog = totpDialog();
    ASSERT_NE(dialog, nullptr) << model()->accountError().toStdString();
    EXPECT_FALSE(box->isChecked()); // not on until the code is confirmed

    auto *qr = in<QLabel>(dialog, "qrCode");
    EXPECT_TRUE(qr->isVisible());
    EXPECT_TRUE(qr->property("qrValid").toBool()); // the server's SVG was drawn
    const QImage drawn = qr->pixmap().toImage();
    int dark = 0;
    for (int y = 0; y < drawn.height(); ++y) {
        for (int x = 0; x < drawn.width(); ++x)
            dark += qGray(drawn.pixel(x, y)) < 64 ? 1 : 0;
    }
    // A QR code is roughly half dark modules, inside a light quiet zone.
    EXPECT_GT(dark, drawn.width() * drawn.height() / 5);
    EXPECT_LT(dark, drawn.width() * drawn.height() * 4 / 5);
    const QString secret = in<QLabel>(dialog, "keyLabel")->text().remove(u' ');
    EXPECT_EQ(secret, model()->enrollment()->secret);
    click(in<QPushButton>(dialog, "copyKeyButton"));
    EXPECT_EQ(QGuiApplication::clipboard()->text(), secret);

    auto *code = in<QLineEdit>(dialog, "codeEdit");
    auto *error = in<QLabel>(dialog, "codeErrorLabel");
    typeInto(code, otherCode(totpCode(secret, 0)));
    pressEnter(code);
    ASSERT_TRUE(waitFor([&] { return error->isVisible(); }));
    EXPECT_TRUE(error->text().contains(u"wrong"_s)) << error->text().toStdString();
    EXPECT_TRUE(code->hasFocus());
    EXPECT_TRUE(dialog->isVisible());

    typeInto(code, totpCode(secret, 0));
    pressEnter(code);
    ASSERT_TRUE(waitFor([&] { return box->isChecked(); })) << model()->twoStepError().toStdString();
    ASSERT_TRUE(waitFor([&] { return window->findChild<TotpDialog *>() == nullptr; }));
    EXPECT_TRUE(label<AccountPage>("noticeLabel")->text().contains(u"on"_s));
    EXPECT_TRUE(label<AccountPage>("twoStepStatusLabel")->text().startsWith(u"On"_s));
}

TEST_F(SecurityGuiTest, SignInAsksForTheAuthenticatorCodeBeforeTheAccount)
{
    open();
    const QString email = uniqueEmail(u"mfa-signin"_s);
    registerThroughUi(email, u"Grace"_s);
    const QString secret = turnOnTwoStep();
    ASSERT_FALSE(secret.isEmpty());
    signInAgainWithEmail(email);
    ASSERT_TRUE(waitForPage<SecondFactorPage>()) << model()->codeError().toStdString();
    EXPECT_EQ(model()->state(), State::NeedsSecondFactor);
    auto *code = edit<SecondFactorPage>("codeEdit");
    auto *error = label<SecondFactorPage>("codeErrorLabel");
    EXPECT_TRUE(code->hasFocus());
    typeInto(code, otherCode(totpCode(secret, 1)));
    pressEnter(code);
    ASSERT_TRUE(waitFor([&] { return error->isVisible(); }));
    EXPECT_TRUE(error->text().contains(u"wrong"_s)) << error->text().toStdString();
    EXPECT_TRUE(code->hasFocus());
    EXPECT_TRUE(qobject_cast<SecondFactorPage *>(currentPage()));

    typeInto(code, totpCode(secret, 1));
    pressEnter(code);
    ASSERT_TRUE(waitForPage<AccountPage>()) << model()->secondFactorError().toStdString();
    EXPECT_EQ(label<AccountPage>("nameLabel")->text(), u"Grace"_s);
    EXPECT_TRUE(twoStepBox()->isChecked());
    EXPECT_EQ(model()->sessionManager()->assuranceLevel(), exegia::auth::AssuranceLevel::Aal2);
}

TEST_F(SecurityGuiTest, CancelOnTheTwoStepPageSignsOut)
{
    open();
    const QString email = uniqueEmail(u"mfa-cancel"_s);
    registerThroughUi(email, u"Cancel"_s);
    ASSERT_FALSE(turnOnTwoStep().isEmpty());
    signInAgainWithEmail(email);
    ASSERT_TRUE(waitForPage<SecondFactorPage>());
    click(button<SecondFactorPage>("cancelButton"));
    ASSERT_TRUE(waitForPage<SignInPage>());
    EXPECT_EQ(model()->state(), State::SignedOut);
    EXPECT_TRUE(model()->userId().isEmpty());
}

TEST_F(SecurityGuiTest, ARestoredFirstFactorSessionLandsOnTheTwoStepPage)
{
    QTemporaryDir data;
    exegia::auth::MemoryTokenStore keychain;
    env.storeFactory = SharedStore::factory(&keychain);
    localDataDir = data.path();
    open();
    const QString email = uniqueEmail(u"mfa-restore"_s);
    registerThroughUi(email, u"Restored"_s);
    const QString secret = turnOnTwoStep();
    ASSERT_FALSE(secret.isEmpty());
    signInAgainWithEmail(email);
    ASSERT_TRUE(waitForPage<SecondFactorPage>());

    // The app closes at the two-step page and starts again.
    window.reset();
    open({u"--email-cooldown"_s, u"1"_s}, false);
    ASSERT_TRUE(waitForPage<SecondFactorPage>(20000)) << model()->signInError().toStdString();
    typeInto(edit<SecondFactorPage>("codeEdit"), totpCode(secret, 1));
    pressEnter(edit<SecondFactorPage>("codeEdit"));
    ASSERT_TRUE(waitForPage<AccountPage>()) << model()->secondFactorError().toStdString();
}

TEST_F(SecurityGuiTest, TurningTwoStepOffAsksForACodeFirst)
{
    open();
    registerThroughUi(uniqueEmail(u"mfa-off"_s), u"Off"_s);
    const QString secret = turnOnTwoStep();
    ASSERT_FALSE(secret.isEmpty());
    ASSERT_TRUE(twoStepBox()->isChecked());

    click(twoStepBox());
    TotpDialog *dialog = totpDialog();
    ASSERT_NE(dialog, nullptr);
    EXPECT_EQ(dialog->findChild<QLabel *>(u"qrCode"_s), nullptr); // no QR code to turn it off
    EXPECT_TRUE(twoStepBox()->isChecked());
    auto *code = in<QLineEdit>(dialog, "codeEdit");
    typeInto(code, otherCode(totpCode(secret, 1)));
    pressEnter(code);
    auto *error = in<QLabel>(dialog, "codeErrorLabel");
    ASSERT_TRUE(waitFor([&] { return error->isVisible(); }));
    EXPECT_TRUE(model()->isTwoStepEnabled());

    typeInto(code, totpCode(secret, 1));
    pressEnter(code);
    ASSERT_TRUE(waitFor([&] { return !twoStepBox()->isChecked() && !model()->isBusy(); }))
        << model()->twoStepError().toStdString();
    EXPECT_TRUE(serverFactors().isEmpty());
    EXPECT_TRUE(label<AccountPage>("twoStepStatusLabel")->text().startsWith(u"Off"_s));
}

TEST_F(SecurityGuiTest, CancellingTheSetupRemovesTheUnconfirmedFactor)
{
    open();
    registerThroughUi(uniqueEmail(u"mfa-abandon"_s), u"Abandon"_s);
    click(twoStepBox());
    TotpDialog *dialog = totpDialog();
    ASSERT_NE(dialog, nullptr);
    ASSERT_EQ(serverFactors().size(), 1);
    QTest::keyClick(in<QLineEdit>(dialog, "codeEdit"), Qt::Key_Escape);
    ASSERT_TRUE(waitFor([&] { return window->findChild<TotpDialog *>() == nullptr; }));
    ASSERT_TRUE(waitFor([&] { return !model()->isBusy(); }));
    EXPECT_TRUE(serverFactors().isEmpty());
    EXPECT_FALSE(twoStepBox()->isChecked());
}

TEST_F(SecurityGuiTest, UnlinkingAsksFirstAndNeverOffersTheLastMethod)
{
    exegia::test::HeadlessBrowser browser;
    env.launcher = browser.launcher();
    env.providerParams.insert(u"login_hint"_s, uniqueEmail(u"unlink-google"_s));
    open();
    const QString email = uniqueEmail(u"unlink"_s);
    registerThroughUi(email, u"Two ways"_s);
    auto *emailUnlink = button<AccountPage>("emailUnlinkButton");
    auto *googleUnlink = button<AccountPage>("googleUnlinkButton");
    EXPECT_FALSE(emailUnlink->isVisible()); // the only way in
    click(button<AccountPage>("googleLinkButton"));
    ASSERT_TRUE(waitForPage<AccountPage>());
    ASSERT_TRUE(waitFor([&] { return googleUnlink->isVisible() && !model()->isBusy(); }))
        << model()->accountError().toStdString();
    EXPECT_TRUE(emailUnlink->isVisible());
    EXPECT_TRUE(googleUnlink->accessibleName().contains(googleUnlink->text()));

    // Cancel keeps it.
    click(googleUnlink);
    QMessageBox *question = waitForDialog<QMessageBox>();
    ASSERT_NE(question, nullptr);
    EXPECT_EQ(question->objectName(), u"unlinkDialog"_s);
    click(question->findChild<QPushButton *>(u"cancel"_s));
    EXPECT_EQ(model()->identities().size(), 2);

    click(googleUnlink);
    question = waitForDialog<QMessageBox>();
    ASSERT_NE(question, nullptr);
    click(question->findChild<QPushButton *>(u"unlinkButton"_s));
    ASSERT_TRUE(waitFor([&] { return model()->identities().size() == 1 && !model()->isBusy(); }))
        << model()->accountError().toStdString();
    EXPECT_FALSE(googleUnlink->isVisible());
    EXPECT_FALSE(emailUnlink->isVisible());
    EXPECT_TRUE(button<AccountPage>("googleLinkButton")->isVisible());
    EXPECT_TRUE(label<AccountPage>("noticeLabel")->text().contains(u"Google"_s));
    EXPECT_EQ(label<AccountPage>("emailLabel")->text(), email);
}

TEST_F(SecurityGuiTest, ChangingTheEmailAddressEndToEnd)
{
    open();
    const QString taken = uniqueEmail(u"change-taken"_s);
    registerThroughUi(taken, u"First"_s);
    click(button<AccountPage>("signOutButton"));
    ASSERT_TRUE(waitForPage<SignInPage>());
    const QString email = uniqueEmail(u"change-old"_s);
    registerThroughUi(email, u"Mover"_s);
    auto *error = label<AccountPage>("newEmailErrorLabel");

    changeEmailTo(email); // the same address
    ASSERT_TRUE(error->isVisible());
    EXPECT_TRUE(error->text().contains(u"already your"_s)) << error->text().toStdString();
    changeEmailTo(taken); // another account's address
    ASSERT_TRUE(
        waitFor([&] { return error->isVisible() && !error->text().contains(u"already your"_s); }));
    EXPECT_TRUE(error->text().contains(u"Another account already uses"_s))
        << error->text().toStdString();
    EXPECT_TRUE(qobject_cast<AccountPage *>(currentPage()));
    EXPECT_TRUE(edit<AccountPage>("newEmailEdit")->hasFocus());

    const QString fresh = uniqueEmail(u"change-new"_s);
    changeEmailTo(fresh);
    ASSERT_TRUE(waitForPage<EmailChangePage>()) << model()->newEmailError().toStdString();
    EXPECT_TRUE(label<EmailChangePage>("sentToLabel")->text().contains(fresh));
    const QString code = waitForNewCode(mailbox(), fresh);
    ASSERT_EQ(code.size(), 6);
    auto *codeEdit = edit<EmailChangePage>("codeEdit");
    auto *codeError = label<EmailChangePage>("codeErrorLabel");
    typeInto(codeEdit, otherCode(code));
    pressEnter(codeEdit);
    ASSERT_TRUE(waitFor([&] { return codeError->isVisible(); }));
    EXPECT_TRUE(codeError->text().contains(u"wrong or has expired"_s))
        << codeError->text().toStdString();
    EXPECT_TRUE(codeEdit->hasFocus());

    typeInto(codeEdit, code);
    pressEnter(codeEdit);
    ASSERT_TRUE(waitForPage<AccountPage>()) << model()->emailChangeCodeError().toStdString();
    EXPECT_EQ(label<AccountPage>("emailLabel")->text(), fresh);
    EXPECT_TRUE(label<AccountPage>("noticeLabel")->text().contains(fresh));
    EXPECT_TRUE(edit<AccountPage>("newEmailEdit")->text().isEmpty());
}

TEST_F(SecurityGuiTest, CancellingTheEmailChangeKeepsTheAddress)
{
    open();
    const QString email = uniqueEmail(u"change-keep"_s);
    registerThroughUi(email, u"Keeper"_s);
    changeEmailTo(uniqueEmail(u"change-never"_s));
    ASSERT_TRUE(waitForPage<EmailChangePage>());
    QTest::keyClick(edit<EmailChangePage>("codeEdit"), Qt::Key_Escape);
    ASSERT_TRUE(waitForPage<AccountPage>());
    EXPECT_EQ(label<AccountPage>("emailLabel")->text(), email);
}

TEST_F(SecurityGuiTest, AGuestAddingAnAddressCanAskForANewCode)
{
    // The server's resend finds a pending change by the current address,
    // which a guest does not have.
    open({u"--email-cooldown"_s, u"1"_s});
    click(button<SignInPage>("guestButton"));
    ASSERT_TRUE(waitForPage<AccountPage>());
    const QString address = uniqueEmail(u"guest-adds"_s);
    changeEmailTo(address);
    ASSERT_TRUE(waitForPage<EmailChangePage>()) << model()->newEmailError().toStdString();
    const QString first = waitForNewCode(mailbox(), address);
    ASSERT_EQ(first.size(), 6);

    // The server's one-second cooldown may still run: its answer restarts
    // the button's countdown, and the button is pressed again when it ends.
    auto *resend = button<EmailChangePage>("resendButton");
    QString second;
    ASSERT_TRUE(waitFor([&] {
        if (model()->isBusy())
            return false;
        second = latestCode(mailbox(), address);
        if (!second.isEmpty() && second != first)
            return true;
        if (resend->isEnabled())
            click(resend);
        return false;
    })) << model()->emailChangeCodeError().toStdString();
    typeInto(edit<EmailChangePage>("codeEdit"), second);
    pressEnter(edit<EmailChangePage>("codeEdit"));
    ASSERT_TRUE(waitForPage<AccountPage>()) << model()->emailChangeCodeError().toStdString();
    EXPECT_EQ(label<AccountPage>("emailLabel")->text(), address);
}

TEST_F(SecurityGuiTest, UnderTheMfaRowPolicyTheCodeComesBeforeTheProfile)
{
    // The optional migration: a user with a verified factor reads their
    // profile only at aal2, so after the first factor it looks missing.
    open({u"--email-cooldown"_s, u"1"_s, u"--mfa-migration"_s});
    const QString email = uniqueEmail(u"mfa-policy"_s);
    registerThroughUi(email, u"Policy"_s);
    const QString secret = turnOnTwoStep();
    ASSERT_FALSE(secret.isEmpty());
    signInAgainWithEmail(email);
    ASSERT_TRUE(waitForPage<SecondFactorPage>()) << model()->codeError().toStdString();
    typeInto(edit<SecondFactorPage>("codeEdit"), totpCode(secret, 1));
    pressEnter(edit<SecondFactorPage>("codeEdit"));
    ASSERT_TRUE(waitForPage<AccountPage>()) << model()->secondFactorError().toStdString();
    EXPECT_EQ(label<AccountPage>("nameLabel")->text(), u"Policy"_s);
}

TEST_F(SecurityGuiTest, TwoStepWorksFromTheKeyboardWithNamedControls)
{
    open();
    registerThroughUi(uniqueEmail(u"mfa-keys"_s), u"Keys"_s);
    QCheckBox *box = twoStepBox();
    box->setFocus(Qt::TabFocusReason);
    QTest::keyClick(box, Qt::Key_Space);
    TotpDialog *dialog = totpDialog();
    ASSERT_NE(dialog, nullptr);
    auto *code = in<QLineEdit>(dialog, "codeEdit");
    auto *copy = in<QPushButton>(dialog, "copyKeyButton");
    auto *confirm = in<QPushButton>(dialog, "confirmButton");
    ASSERT_TRUE(waitFor([&] { return code->hasFocus(); }));
    // Every control is named with what it shows.
    EXPECT_EQ(code->accessibleName(), u"6-digit code"_s);
    EXPECT_TRUE(confirm->accessibleName().contains(confirm->text()));
    EXPECT_FALSE(in<QLabel>(dialog, "qrCode")->accessibleName().isEmpty());
    EXPECT_TRUE(in<QLabel>(dialog, "keyLabel")->accessibleName().contains(u"Enter this key"_s));
    // Tab reaches Copy; Enter on it copies.
    for (int i = 0; i < 6 && !copy->hasFocus(); ++i)
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
    ASSERT_TRUE(copy->hasFocus());
    QTest::keyClick(copy, Qt::Key_Return);
    const QString secret = model()->enrollment()->secret;
    EXPECT_EQ(QGuiApplication::clipboard()->text(), secret);
    // Enter in the field confirms.
    typeInto(code, totpCode(secret));
    QTest::keyClick(code, Qt::Key_Return);
    ASSERT_TRUE(waitFor([&] { return box->isChecked() && !model()->isBusy(); }));
    ASSERT_TRUE(waitFor([&] { return window->findChild<TotpDialog *>() == nullptr; }));
    window->activateWindow();
    ASSERT_TRUE(QTest::qWaitForWindowActive(window.get()));

    // Enter on the check box opens the turn-off question, as Space does.
    box->setFocus(Qt::TabFocusReason);
    QTest::keyClick(box, Qt::Key_Return);
    dialog = totpDialog();
    ASSERT_NE(dialog, nullptr);
    EXPECT_EQ(dialog->findChild<QLabel *>(u"qrCode"_s), nullptr);
    QTest::keyClick(in<QLineEdit>(dialog, "codeEdit"), Qt::Key_Escape);
    ASSERT_TRUE(waitFor([&] { return window->findChild<TotpDialog *>() == nullptr; }));
    EXPECT_TRUE(box->isChecked()); // Esc changes nothing
}
