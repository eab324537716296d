#pragma once

#include "AuthModel.h"
#include "LocalBackend.h"
#include "MainWindow.h"
#include "gui_support.h"
#include "pages/AccountPage.h"
#include "pages/FormPages.h"

#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QScrollArea>
#include <QStackedWidget>
#include <QTest>
#include <gtest/gtest.h>

#include <memory>

using exegia::signin::AccountPage;
using exegia::signin::AuthModel;
using exegia::signin::BackendChoice;
using exegia::signin::CodePage;
using exegia::signin::MainWindow;
using exegia::signin::RegisterPage;
using exegia::signin::SignInPage;

// The real window in local mode: it starts its own in-memory emulator, as
// the app does, and tests drive it with QTest mouse and key events.
class GuiTest : public ::testing::Test
{
protected:
    using State = AuthModel::State;

    void open(const QStringList &emulatorArgs = {QStringLiteral("--email-cooldown"),
                                                 QStringLiteral("1")},
              bool waitForSignIn = true)
    {
        MainWindow::Options options;
        options.backend.kind = BackendChoice::Kind::Local;
        options.rememberGeometry = false;
        // The mailbox is read without the key by the tests' own helper
        // (guitest::latestCode); the app's inbox sends the key it holds.
        // In the legacy mode (EXEGIA_EMULATOR_MODE) the local backend is a
        // legacy project too: HS256 tokens (it still hands the app its sb_ key).
        options.localBackendArguments = emulatorArgs +
                                        QStringList{QStringLiteral("--open-mailbox")} +
                                        exegia::test::EmulatorProcess::modeArguments(emulatorArgs);
        options.localDataDir = localDataDir;
        options.localBackendRestarts = localBackendRestarts;
        // Never the real keychain or browser from a test.
        options.useKeychain = false;
        options.environment = env;
        if (!options.environment.launcher) {
            options.environment.launcher = [this](const QUrl &url) {
                launched.append(url);
                return true;
            };
        }
        window = std::make_unique<MainWindow>(options);
        window->show();
        window->activateWindow();
        ASSERT_TRUE(QTest::qWaitForWindowActive(window.get()));
        if (!waitForSignIn)
            return;
        ASSERT_TRUE(guitest::waitFor([&] { return model()->state() == State::SignedOut; }, 20000))
            << model()->signInError().toStdString();
    }

    AuthModel *model() const { return window->model(); }
    QString mailbox() const { return window->localBackend()->mailboxUrl().toString(); }

    QWidget *currentPage() const
    {
        return static_cast<QScrollArea *>(window->pages()->currentWidget())->widget();
    }
    template <typename Page> Page *page() const { return window->findChild<Page *>(); }
    template <typename Page> bool waitForPage(int timeoutMs = 10000) const
    {
        return guitest::waitFor([&] { return qobject_cast<Page *>(currentPage()) != nullptr; },
                                timeoutMs);
    }
    // A named child of one page (names repeat across pages).
    template <typename T, typename Page> T *child(const char *name) const
    {
        T *widget = page<Page>()->template findChild<T *>(QLatin1String(name));
        EXPECT_NE(widget, nullptr) << name;
        return widget;
    }

    // One-parameter forms, so calls fit inside test macros.
    template <typename Page> QLabel *label(const char *name) const
    {
        return child<QLabel, Page>(name);
    }
    template <typename Page> QPushButton *button(const char *name) const
    {
        return child<QPushButton, Page>(name);
    }
    template <typename Page> QLineEdit *edit(const char *name) const
    {
        return child<QLineEdit, Page>(name);
    }

    // The dialog once it is on screen and laid out (clicks land where a
    // person would click only then).
    template <typename Dialog> Dialog *waitForDialog() const
    {
        Dialog *dialog = nullptr;
        guitest::waitFor([&] {
            dialog = window->findChild<Dialog *>();
            return dialog && dialog->isVisible();
        });
        if (dialog && !QTest::qWaitForWindowExposed(dialog))
            return nullptr;
        return dialog;
    }

    static void click(QAbstractButton *button)
    {
        ASSERT_TRUE(button->isEnabled()) << button->objectName().toStdString();
        // Radio buttons react only on their circle and label, at the left.
        const bool indicator = button->inherits("QRadioButton") || button->inherits("QCheckBox");
        QTest::mouseClick(button, Qt::LeftButton, {},
                          indicator ? QPoint(8, button->height() / 2) : QPoint());
    }
    static void typeInto(QLineEdit *edit, const QString &text, bool replace = true)
    {
        edit->setFocus(Qt::OtherFocusReason);
        if (replace)
            edit->selectAll();
        QTest::keyClicks(edit, text);
    }
    static void pressEnter(QWidget *widget) { QTest::keyClick(widget, Qt::Key_Return); }

    // Email code through the widgets: type the address, press Enter, and
    // return the code that arrives (riding out a recent send's cooldown
    // with the "Send a new code" button, as a person would).
    QString requestCodeThroughUi(const QString &email)
    {
        const QString previous = guitest::latestCode(mailbox(), email);
        typeInto(edit<SignInPage>("emailEdit"), email);
        pressEnter(edit<SignInPage>("emailEdit"));
        if (!waitForPage<CodePage>() || !guitest::waitFor([&] { return !model()->isBusy(); }))
            return {};
        if (model()->resendCooldown() > 0) {
            auto *resend = button<CodePage>("resendButton");
            guitest::waitFor([&] { return resend->isEnabled(); }, 5000);
            QTest::mouseClick(resend, Qt::LeftButton);
            guitest::waitFor([&] { return !model()->isBusy(); });
        }
        return guitest::waitForNewCode(mailbox(), email, previous);
    }

    // A new email user through every screen, ending on the account page.
    void registerThroughUi(const QString &email, const QString &name)
    {
        const QString code = requestCodeThroughUi(email);
        ASSERT_EQ(code.size(), 6);
        typeInto(edit<CodePage>("codeEdit"), code);
        click(button<CodePage>("verifyButton"));
        ASSERT_TRUE(waitForPage<RegisterPage>()) << model()->codeError().toStdString();
        typeInto(edit<RegisterPage>("displayNameEdit"), name);
        click(button<RegisterPage>("createButton"));
        ASSERT_TRUE(waitForPage<AccountPage>()) << model()->registerError().toStdString();
    }

    // Email code sign-in of a registered address, up to the page after the
    // code.
    void signInWithEmail(const QString &email)
    {
        const QString code = requestCodeThroughUi(email);
        ASSERT_EQ(code.size(), 6);
        typeInto(edit<CodePage>("codeEdit"), code);
        pressEnter(edit<CodePage>("codeEdit"));
        ASSERT_TRUE(guitest::waitFor([&] {
            return !model()->isBusy() && model()->state() != AuthModel::State::AwaitingCode;
        }));
    }

    // Signs out from the account page, then in again with an email code.
    void signInAgainWithEmail(const QString &email)
    {
        click(button<AccountPage>("signOutButton"));
        ASSERT_TRUE(waitForPage<SignInPage>());
        signInWithEmail(email);
    }

    void TearDown() override { window.reset(); }

    // The question a guest gets before signing out, once it is on screen.
    QMessageBox *guestSignOutQuestion() const
    {
        QMessageBox *box = nullptr;
        guitest::waitFor([&] {
            box = window->findChild<QMessageBox *>(QStringLiteral("guestSignOutDialog"));
            return box && box->isVisible();
        });
        if (box && !QTest::qWaitForWindowExposed(box))
            return nullptr;
        return box;
    }

    // Set before open(): where the local backend keeps its data (empty: in
    // memory) and how often it is restarted before the window gives up.
    QString localDataDir;
    int localBackendRestarts = 5;
    // Set before open(); by default the "browser" only records the URLs.
    // No client-side resend wait: these tests drive the emulator's own.
    AuthModel::Environment env = [] {
        AuthModel::Environment e;
        e.resendSeconds = 0;
        return e;
    }();
    QList<QUrl> launched;
    std::unique_ptr<MainWindow> window;
};
