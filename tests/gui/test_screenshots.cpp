// The screenshot run: every screen and state, in English, German, French
// and a dark palette, written as PNG files for a person to look at.
#include "HeadlessBrowser.h"
#include "gui_fixture.h"

#include "BackendController.h"
#include "Translations.h"
#include "pages/LocalInboxDialog.h"
#include "pages/SettingsDialog.h"
#include "pages/TotpDialog.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QPromise>
#include <QRadioButton>
#include <QTreeWidget>

#include <csignal>
#include <sys/types.h>

using namespace exegia::signin;

using namespace guitest;
using namespace Qt::StringLiterals;

namespace {

QPalette darkPalette()
{
    QPalette p;
    p.setColor(QPalette::Window, QColor(0x2b, 0x2d, 0x31));
    p.setColor(QPalette::WindowText, QColor(0xe8, 0xe9, 0xeb));
    p.setColor(QPalette::Base, QColor(0x1e, 0x1f, 0x22));
    p.setColor(QPalette::AlternateBase, QColor(0x33, 0x35, 0x3a));
    p.setColor(QPalette::Text, QColor(0xe8, 0xe9, 0xeb));
    p.setColor(QPalette::Button, QColor(0x3a, 0x3c, 0x41));
    p.setColor(QPalette::ButtonText, QColor(0xe8, 0xe9, 0xeb));
    p.setColor(QPalette::Highlight, QColor(0x8a, 0x80, 0xf0));
    p.setColor(QPalette::HighlightedText, QColor(0x10, 0x10, 0x18));
    p.setColor(QPalette::Link, QColor(0xa9, 0xa1, 0xff));
    p.setColor(QPalette::PlaceholderText, QColor(0x9a, 0x9c, 0xa3));
    p.setColor(QPalette::Mid, QColor(0x55, 0x57, 0x5d));
    return p;
}

} // namespace

// A keychain that answers when the test says so: the restore page stays
// on screen until then, and the answer can come after the server is gone.
class ControlledStore : public exegia::auth::TokenStore
{
public:
    explicit ControlledStore(QPromise<std::optional<exegia::auth::StoredSession>> *promise)
        : m_promise(promise)
    {}
    QFuture<std::optional<exegia::auth::StoredSession>> load() override
    {
        m_promise->start();
        return m_promise->future();
    }
    QFuture<void> save(const exegia::auth::StoredSession &) override
    {
        return QtFuture::makeReadyFuture();
    }
    QFuture<void> clear() override { return QtFuture::makeReadyFuture(); }

private:
    QPromise<std::optional<exegia::auth::StoredSession>> *m_promise;
};

class Screenshots : public GuiTest
{
protected:
    void TearDown() override
    {
        GuiTest::TearDown();
        QApplication::setPalette(QApplication::style()->standardPalette());
        Translations::install(QLocale(QStringLiteral("en")));
    }

    void shot(QWidget *widget, const QString &name)
    {
        // Let layouts, style sheets and pending paints settle first.
        QCoreApplication::processEvents();
        QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
        QCoreApplication::processEvents();
        const QString dir = QStringLiteral(EXEGIA_SCREENSHOT_DIR);
        QDir().mkpath(dir);
        const QString file = dir + u'/' + m_prefix + name + QStringLiteral(".png");
        ASSERT_TRUE(widget->grab().save(file)) << file.toStdString();
        ++m_count;
    }
    void shot(const QString &name) { shot(window.get(), name); }

    // Restore progress, restore failure (server gone), and the panel when
    // no browser could be opened.
    void captureSessionScreens(const QString &prefix)
    {
        m_prefix = prefix;
        QPromise<std::optional<exegia::auth::StoredSession>> stored;
        env.storeFactory = [&stored](const QUrl &) {
            return std::make_unique<ControlledStore>(&stored);
        };
        env.launcher = [](const QUrl &) { return false; };
        open({}, false);
        window->resize(560, 720);
        ASSERT_TRUE(waitForPage<RestorePage>(20000));
        ASSERT_TRUE(waitFor([&] { return model()->state() == State::Restoring; }, 20000));
        shot(QStringLiteral("20-restoring"));
        window->localBackend()->stop();
        exegia::auth::StoredSession session;
        session.refreshToken = QStringLiteral("stored-refresh-token");
        stored.addResult(std::optional(session));
        stored.finish();
        ASSERT_TRUE(waitFor([&] { return model()->state() == State::RestoreFailed; }, 60000));
        shot(QStringLiteral("21-restore-failed"));
        window.reset();

        env.storeFactory = nullptr;
        open();
        window->resize(560, 720);
        click(button<SignInPage>("appleButton"));
        ASSERT_TRUE(waitFor([&] { return model()->browserOpenFailed(); }));
        shot(QStringLiteral("22-browser-could-not-open"));
    }

    // The guest sign-out question, then the local backend killed while
    // signed in: the "restarting" line, and (when it cannot come back) the
    // page with Restart.
    void captureBackendScreens(const QString &prefix)
    {
        m_prefix = prefix;
        localBackendRestarts = 1;
        open();
        window->resize(560, 720);
        click(button<SignInPage>("guestButton"));
        ASSERT_TRUE(waitForPage<AccountPage>());
        click(button<AccountPage>("signOutButton"));
        QMessageBox *question = guestSignOutQuestion();
        ASSERT_NE(question, nullptr);
        shot(question, QStringLiteral("26-guest-sign-out-question"));
        QTest::keyClick(question, Qt::Key_Escape);
        ASSERT_TRUE(waitFor([&] { return !question->isVisible(); }));

        using Status = BackendController::Status;
        window->localBackend()->setExecutable(QStringLiteral("/nonexistent/exegia-auth-emulator"));
        ASSERT_EQ(::kill(pid_t(window->localBackend()->processId()), SIGKILL), 0);
        ASSERT_TRUE(waitFor([&] { return window->backend()->status() == Status::Restarting; }));
        shot(QStringLiteral("27-backend-restarting"));
        ASSERT_TRUE(waitFor([&] { return window->backend()->status() == Status::Failed; }));
        shot(QStringLiteral("28-backend-failed"));
    }

    // A guest tries to save the account with a Google account that already
    // belongs to someone: the sentence and the offer to sign in instead.
    void captureIdentityInUse(const QString &prefix)
    {
        m_prefix = prefix;
        exegia::test::HeadlessBrowser browser;
        env.launcher = browser.launcher();
        env.providerParams.insert(QStringLiteral("login_hint"),
                                  QStringLiteral("grace.hopper@example.test"));
        open();
        window->resize(560, 720);
        click(button<SignInPage>("googleButton"));
        ASSERT_TRUE(waitForPage<RegisterPage>());
        typeInto(edit<RegisterPage>("displayNameEdit"), QStringLiteral("Grace Hopper"));
        click(button<RegisterPage>("createButton"));
        ASSERT_TRUE(waitForPage<AccountPage>());
        click(button<AccountPage>("signOutButton"));
        ASSERT_TRUE(waitForPage<SignInPage>());
        click(button<SignInPage>("guestButton"));
        ASSERT_TRUE(waitForPage<AccountPage>());
        click(button<AccountPage>("googleLinkButton"));
        ASSERT_TRUE(waitFor([&] { return !model()->offeredProvider().isEmpty(); }));
        ASSERT_TRUE(waitForPage<AccountPage>());
        shot(QStringLiteral("23-identity-in-use"));
        window.reset(); // before the browser it calls
    }

    // Issue 13: the account's security parts, the two-step dialog (on and
    // off), the two-step page at sign-in, the email change and unlinking.
    void captureSecurityScreens(const QString &prefix)
    {
        m_prefix = prefix;
        exegia::test::HeadlessBrowser browser;
        env.launcher = browser.launcher();
        env.providerParams.insert(QStringLiteral("login_hint"),
                                  uniqueEmail(prefix + QStringLiteral("google")));
        open();
        window->resize(560, 720);
        const QString email = uniqueEmail(prefix + QStringLiteral("security"));
        const QString code = requestCodeThroughUi(email);
        ASSERT_EQ(code.size(), 6);
        typeInto(edit<CodePage>("codeEdit"), code);
        pressEnter(edit<CodePage>("codeEdit"));
        ASSERT_TRUE(waitForPage<RegisterPage>());
        typeInto(edit<RegisterPage>("displayNameEdit"), QStringLiteral("Ada Lovelace"));
        click(button<RegisterPage>("createButton"));
        ASSERT_TRUE(waitForPage<AccountPage>());
        // Linked first: a link while two-step is on gives an aal1 session,
        // which asks for the authenticator code again.
        click(button<AccountPage>("googleLinkButton"));
        ASSERT_TRUE(
            waitFor([&] { return model()->identities().size() == 2 && !model()->isBusy(); }));
        ASSERT_TRUE(waitForPage<AccountPage>());
        typeInto(edit<AccountPage>("newEmailEdit"), email);
        pressEnter(edit<AccountPage>("newEmailEdit"));
        shot(QStringLiteral("30-account-security"));
        click(button<AccountPage>("googleUnlinkButton"));
        auto *question = waitForDialog<QMessageBox>();
        ASSERT_NE(question, nullptr);
        shot(question, QStringLiteral("38-unlink-question"));
        question->reject();
        window->activateWindow();
        ASSERT_TRUE(QTest::qWaitForWindowActive(window.get()));

        auto *twoStep = page<AccountPage>()->findChild<QCheckBox *>(u"twoStepCheckBox"_s);
        click(twoStep);
        auto *dialog = waitForDialog<TotpDialog>();
        ASSERT_NE(dialog, nullptr);
        shot(dialog, QStringLiteral("31-two-step-setup"));
        const QString secret = model()->enrollment()->secret;
        auto *codeEdit = dialog->findChild<QLineEdit *>(u"codeEdit"_s);
        typeInto(codeEdit, otherCode(totpCode(secret)));
        pressEnter(codeEdit);
        ASSERT_TRUE(waitFor([&] { return !model()->twoStepError().isEmpty(); }));
        shot(dialog, QStringLiteral("32-two-step-setup-wrong-code"));
        typeInto(codeEdit, totpCode(secret));
        pressEnter(codeEdit);
        ASSERT_TRUE(waitFor([&] { return model()->isTwoStepEnabled() && !model()->isBusy(); }));
        shot(QStringLiteral("33-account-two-step-on"));
        click(twoStep);
        dialog = waitForDialog<TotpDialog>();
        ASSERT_NE(dialog, nullptr);
        shot(dialog, QStringLiteral("34-two-step-off"));
        dialog->reject();
        window->activateWindow();
        ASSERT_TRUE(QTest::qWaitForWindowActive(window.get()));

        signInAgainWithEmail(email);
        ASSERT_TRUE(waitForPage<SecondFactorPage>());
        shot(QStringLiteral("35-second-factor"));
        typeInto(edit<SecondFactorPage>("codeEdit"), otherCode(totpCode(secret, 1)));
        pressEnter(edit<SecondFactorPage>("codeEdit"));
        ASSERT_TRUE(waitFor([&] { return !model()->secondFactorError().isEmpty(); }));
        shot(QStringLiteral("36-second-factor-wrong-code"));
        typeInto(edit<SecondFactorPage>("codeEdit"), totpCode(secret, 1));
        pressEnter(edit<SecondFactorPage>("codeEdit"));
        ASSERT_TRUE(waitForPage<AccountPage>());

        const QString fresh = uniqueEmail(prefix + QStringLiteral("new"));
        typeInto(edit<AccountPage>("newEmailEdit"), fresh);
        pressEnter(edit<AccountPage>("newEmailEdit"));
        ASSERT_TRUE(waitForPage<EmailChangePage>());
        ASSERT_TRUE(waitFor([&] { return !model()->isBusy(); }));
        typeInto(edit<EmailChangePage>("codeEdit"), QStringLiteral("12"));
        pressEnter(edit<EmailChangePage>("codeEdit"));
        shot(QStringLiteral("37-email-change-code"));
        QTest::keyClick(edit<EmailChangePage>("codeEdit"), Qt::Key_Escape);
        ASSERT_TRUE(waitForPage<AccountPage>());

        window.reset(); // before the browser it calls
    }

    // Walks every screen; `prefix` names the language or theme.
    void captureAll(const QString &prefix, bool everything = true)
    {
        m_prefix = prefix;
        open();
        window->resize(560, 720);
        shot(QStringLiteral("01-sign-in"));
        typeInto(edit<SignInPage>("emailEdit"), QStringLiteral("not-an-address"));
        pressEnter(edit<SignInPage>("emailEdit"));
        shot(QStringLiteral("02-sign-in-email-error"));
        click(button<SignInPage>("googleButton"));
        ASSERT_TRUE(waitForPage<BrowserPage>());
        ASSERT_TRUE(waitFor([&] { return !model()->browserUrl().isEmpty(); }));
        shot(QStringLiteral("03-browser-waiting"));
        click(button<BrowserPage>("cancelButton"));
        ASSERT_TRUE(waitForPage<SignInPage>());

        const QString email = QStringLiteral("ada.lovelace@example.test");
        const QString code = requestCodeThroughUi(email);
        ASSERT_EQ(code.size(), 6);
        shot(QStringLiteral("04-code"));
        typeInto(edit<CodePage>("codeEdit"), otherCode(code));
        pressEnter(edit<CodePage>("codeEdit"));
        ASSERT_TRUE(waitFor([&] { return !model()->codeError().isEmpty(); }));
        shot(QStringLiteral("05-code-wrong"));
        if (everything) {
            click(button<CodePage>("resendButton"));
            ASSERT_TRUE(waitFor([&] { return !model()->isBusy(); }));
            waitFor([&] { return model()->resendCooldown() > 0; }, 3000);
            shot(QStringLiteral("06-code-resend-or-cooldown"));
            click(window->findChild<QPushButton *>(QStringLiteral("inboxButton")));
            auto *inbox = waitForDialog<LocalInboxDialog>();
            ASSERT_NE(inbox, nullptr);
            auto *list = inbox->findChild<QTreeWidget *>(QStringLiteral("messageList"));
            ASSERT_TRUE(waitFor([&] { return list->topLevelItemCount() > 0; }));
            shot(inbox, QStringLiteral("07-local-inbox"));
            inbox->close();
        }
        const QString latest = latestCode(mailbox(), email);
        typeInto(edit<CodePage>("codeEdit"), latest);
        pressEnter(edit<CodePage>("codeEdit"));
        ASSERT_TRUE(waitForPage<RegisterPage>());
        shot(QStringLiteral("08-register"));
        typeInto(edit<RegisterPage>("displayNameEdit"), QStringLiteral(" "));
        typeInto(edit<RegisterPage>("avatarUrlEdit"), QStringLiteral("ftp://nope"));
        click(button<RegisterPage>("createButton"));
        shot(QStringLiteral("09-register-errors"));
        typeInto(edit<RegisterPage>("displayNameEdit"), QStringLiteral("Ada Lovelace"));
        typeInto(edit<RegisterPage>("avatarUrlEdit"),
                 QStringLiteral("http://127.0.0.1:9/none.png"));
        click(button<RegisterPage>("createButton"));
        ASSERT_TRUE(waitForPage<AccountPage>());
        waitFor([&] { return label<AccountPage>("avatarLabel")->toolTip().size() > 0; }, 3000);
        shot(QStringLiteral("10-account"));
        click(button<AccountPage>("googleLinkButton"));
        ASSERT_TRUE(waitForPage<BrowserPage>());
        ASSERT_TRUE(waitFor([&] { return !model()->browserUrl().isEmpty(); }));
        if (everything)
            shot(QStringLiteral("10b-browser-waiting-link"));
        QTest::keyClick(button<BrowserPage>("cancelButton"), Qt::Key_Escape);
        ASSERT_TRUE(waitForPage<AccountPage>());
        typeInto(edit<AccountPage>("displayNameEdit"), QStringLiteral(" "));
        click(button<AccountPage>("saveNameButton"));
        shot(QStringLiteral("11-account-messages"));

        click(button<AccountPage>("signOutButton"));
        ASSERT_TRUE(waitForPage<SignInPage>());
        click(button<SignInPage>("guestButton"));
        ASSERT_TRUE(waitForPage<AccountPage>());
        typeInto(edit<AccountPage>("displayNameEdit"), QStringLiteral("Guest 42"));
        pressEnter(edit<AccountPage>("displayNameEdit"));
        ASSERT_TRUE(waitFor([&] { return !model()->isBusy() && !model()->notice().isEmpty(); }));
        shot(QStringLiteral("12-account-guest"));

        if (everything) {
            click(window->findChild<QPushButton *>(QStringLiteral("settingsButton")));
            auto *settings = waitForDialog<SettingsDialog>();
            ASSERT_NE(settings, nullptr);
            shot(settings, QStringLiteral("13-settings"));
            click(settings->findChild<QRadioButton *>(QStringLiteral("projectRadio")));
            typeInto(settings->findChild<QLineEdit *>(QStringLiteral("urlEdit")),
                     QStringLiteral("https://abcdefghijkl.supabase.co"));
            typeInto(settings->findChild<QLineEdit *>(QStringLiteral("keyEdit")),
                     QStringLiteral("sb_secret_0123456789abcdef"));
            click(settings->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Save));
            shot(settings, QStringLiteral("14-settings-secret-key-refused"));
            settings->reject();
        }
        // The sentences BackendController gives the model, in its context.
        const char *context = "exegia::signin::BackendController";
        model()->setBackendError(
            QCoreApplication::translate(context, "Local backend (not running)"),
            QCoreApplication::translate("exegia::signin::LocalBackend",
                                        "The local backend did not report that it was ready "
                                        "in time.") +
                QStringLiteral(" ") +
                QCoreApplication::translate(context, "Choose a Supabase project in Settings, or "
                                                     "restart the app to try again."));
        shot(QStringLiteral("15-sign-in-backend-error"));
        model()->setBackendStarting(
            QCoreApplication::translate(context, "Starting the local backend…"));
        shot(QStringLiteral("16-sign-in-starting"));
    }

    QString m_prefix;
    int m_count = 0;
};

TEST_F(Screenshots, English)
{
    captureAll(QStringLiteral("en-"));
    EXPECT_GE(m_count, 16);
}

TEST_F(Screenshots, German)
{
    ASSERT_TRUE(Translations::install(QLocale(QStringLiteral("de"))));
    captureAll(QStringLiteral("de-"));
    // startsWith: an earlier guest sign-in adds " · Zuletzt verwendet".
    EXPECT_TRUE(button<SignInPage>("guestButton")
                    ->text()
                    .startsWith(QStringLiteral("Als Gast fortfahren")));
}

TEST_F(Screenshots, French)
{
    ASSERT_TRUE(Translations::install(QLocale(QStringLiteral("fr"))));
    captureAll(QStringLiteral("fr-"), false);
}

TEST_F(Screenshots, DarkPalette)
{
    QApplication::setPalette(darkPalette());
    captureAll(QStringLiteral("dark-"), false);
}

TEST_F(Screenshots, SessionScreensEnglish)
{
    captureSessionScreens(QStringLiteral("en-"));
}

TEST_F(Screenshots, SessionScreensGerman)
{
    Translations::install(QLocale(QStringLiteral("de")));
    captureSessionScreens(QStringLiteral("de-"));
}

TEST_F(Screenshots, BackendScreensEnglish)
{
    captureBackendScreens(QStringLiteral("en-"));
}

TEST_F(Screenshots, BackendScreensGerman)
{
    Translations::install(QLocale(QStringLiteral("de")));
    captureBackendScreens(QStringLiteral("de-"));
}

TEST_F(Screenshots, IdentityInUseEnglish)
{
    captureIdentityInUse(QStringLiteral("en-"));
}

TEST_F(Screenshots, IdentityInUseGerman)
{
    Translations::install(QLocale(QStringLiteral("de")));
    captureIdentityInUse(QStringLiteral("de-"));
}

TEST_F(Screenshots, SecurityScreensEnglish)
{
    captureSecurityScreens(QStringLiteral("en-"));
}

TEST_F(Screenshots, SecurityScreensGerman)
{
    Translations::install(QLocale(QStringLiteral("de")));
    captureSecurityScreens(QStringLiteral("de-"));
}

TEST_F(Screenshots, SecurityScreensFrench)
{
    Translations::install(QLocale(QStringLiteral("fr")));
    captureSecurityScreens(QStringLiteral("fr-"));
}
