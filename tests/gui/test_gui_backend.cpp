// The local backend under the window's supervision, the guest sign-out
// question, and what reaches the log with every Qt category on.
#include "HeadlessBrowser.h"
#include "gui_fixture.h"
#include "shared_store.h"

#include "BackendController.h"
#include "pages/BackendFailedPage.h"

#include <exegia/auth/MemoryTokenStore.h>

#include <QDirIterator>
#include <QLoggingCategory>
#include <QPlainTextEdit>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QUrlQuery>

#include <csignal>
#include <sys/types.h>

using namespace exegia::signin;
using namespace guitest;
using namespace Qt::StringLiterals;

namespace {

using Status = BackendController::Status;

QStringList *g_captured = nullptr;

void capture(QtMsgType, const QMessageLogContext &context, const QString &message)
{
    if (g_captured)
        g_captured->append(QLatin1String(context.category) + u": "_s + message);
}

// Every file the app may write outside the keychain (settings, caches, its
// data folder), in the test-mode locations QStandardPaths gives.
QStringList filesTheAppWrites()
{
    QStringList files;
    for (const auto location : {QStandardPaths::AppConfigLocation, QStandardPaths::AppDataLocation,
                                QStandardPaths::AppLocalDataLocation, QStandardPaths::CacheLocation,
                                QStandardPaths::GenericConfigLocation}) {
        QDirIterator it(QStandardPaths::writableLocation(location), QDir::Files | QDir::Hidden,
                        QDirIterator::Subdirectories);
        while (it.hasNext())
            files << it.next();
    }
    return files;
}

} // namespace

class BackendGuiTest : public GuiTest
{
protected:
    Status status() const { return window->backend()->status(); }
    bool waitStatus(Status wanted, int timeoutMs = 20000)
    {
        return waitFor([&] { return status() == wanted; }, timeoutMs);
    }
    // kill -9, as a crash or the OOM killer would end it.
    void killBackend()
    {
        const qint64 pid = window->localBackend()->processId();
        ASSERT_GT(pid, 0);
        ASSERT_EQ(::kill(pid_t(pid), SIGKILL), 0);
    }
    void signInAsGuestThroughUi()
    {
        click(button<SignInPage>("guestButton"));
        ASSERT_TRUE(waitForPage<AccountPage>()) << model()->signInError().toStdString();
    }
    // The next action after the backend came back: rename through the UI.
    void renameThroughUi(const QString &name)
    {
        typeInto(edit<AccountPage>("displayNameEdit"), name);
        pressEnter(edit<AccountPage>("displayNameEdit"));
        ASSERT_TRUE(waitFor([&] { return !model()->isBusy() && !model()->notice().isEmpty(); }))
            << model()->displayNameError().toStdString();
        EXPECT_EQ(label<AccountPage>("nameLabel")->text(), name);
    }

    QTemporaryDir data;
};

TEST_F(BackendGuiTest, AKilledLocalBackendComesBackByItselfAndTheSessionStays)
{
    localDataDir = data.path();
    open();
    signInAsGuestThroughUi();
    const QString user = model()->userId();
    const QUrl url = window->localBackend()->url();
    const qint64 pid = window->localBackend()->processId();
    auto *restarting = window->findChild<QLabel *>(u"restartingLabel"_s);
    EXPECT_FALSE(restarting->isVisible());

    killBackend();
    ASSERT_TRUE(waitStatus(Status::Restarting, 5000));
    EXPECT_TRUE(restarting->isVisible());
    EXPECT_EQ(restarting->text(), u"Restarting the local backend…"_s);
    ASSERT_TRUE(waitStatus(Status::Ready));
    EXPECT_FALSE(restarting->isVisible());
    EXPECT_NE(window->localBackend()->processId(), pid);
    // Same address and data folder: the model never noticed a new backend.
    EXPECT_EQ(window->localBackend()->url(), url);
    EXPECT_EQ(model()->state(), State::SignedInGuest);
    EXPECT_EQ(model()->userId(), user);
    renameThroughUi(u"Back again"_s);
    EXPECT_EQ(model()->userId(), user);
}

TEST_F(BackendGuiTest, ALocalBackendThatCannotComeBackOffersRestart)
{
    // The keychain stand-in outlives the model's client, as the real one does.
    exegia::auth::MemoryTokenStore keychain;
    env.storeFactory = SharedStore::factory(&keychain);
    localDataDir = data.path();
    localBackendRestarts = 1;
    open();
    signInAsGuestThroughUi();
    const QString user = model()->userId();

    window->localBackend()->setExecutable(u"/nonexistent/exegia-auth-emulator"_s);
    killBackend();
    ASSERT_TRUE(waitStatus(Status::Failed));
    ASSERT_TRUE(waitFor([&] { return qobject_cast<BackendFailedPage *>(currentPage()); }));
    auto *failedPage = page<BackendFailedPage>();
    auto *restart = failedPage->findChild<QPushButton *>(u"restartButton"_s);
    EXPECT_TRUE(restart->isVisible());
    EXPECT_EQ(QApplication::focusWidget(), restart);
    EXPECT_TRUE(failedPage->findChild<QLabel *>(u"messageLabel"_s)
                    ->text()
                    .contains(u"could not be started again"_s));
    EXPECT_FALSE(failedPage->findChild<QPlainTextEdit *>(u"detailsEdit"_s)->isVisible());

    window->localBackend()->setExecutable({});
    click(restart);
    ASSERT_TRUE(waitStatus(Status::Ready));
    ASSERT_TRUE(waitForPage<AccountPage>(20000)) << model()->signInError().toStdString();
    EXPECT_EQ(model()->userId(), user);
    renameThroughUi(u"Restarted by hand"_s);
}

TEST_F(GuiTest, SigningOutAGuestAsksFirst)
{
    open();
    click(button<SignInPage>("guestButton"));
    ASSERT_TRUE(waitForPage<AccountPage>());

    click(button<AccountPage>("signOutButton"));
    QMessageBox *question = guestSignOutQuestion();
    ASSERT_NE(question, nullptr);
    EXPECT_EQ(question->text(),
              u"This guest account will be lost. Save it with Google or Apple first?"_s);
    const QStringList labels{u"Save with Google"_s, u"Save with Apple"_s, u"Sign out anyway"_s,
                             u"Cancel"_s};
    for (const QString &name : {u"saveGoogle"_s, u"saveApple"_s, u"signOutAnyway"_s, u"cancel"_s}) {
        auto *b = question->findChild<QPushButton *>(name);
        ASSERT_NE(b, nullptr) << name.toStdString();
        EXPECT_TRUE(labels.contains(b->text())) << b->text().toStdString();
        EXPECT_TRUE(b->accessibleName().contains(b->text())) << name.toStdString();
        EXPECT_TRUE(b->focusPolicy() & Qt::TabFocus) << name.toStdString();
    }
    // Esc is Cancel: still signed in.
    QTest::keyClick(question, Qt::Key_Escape);
    ASSERT_TRUE(waitFor([&] { return !question->isVisible(); }));
    EXPECT_EQ(model()->state(), State::SignedInGuest);

    // Save with Google starts linking instead of signing out.
    click(button<AccountPage>("signOutButton"));
    question = guestSignOutQuestion();
    ASSERT_NE(question, nullptr);
    click(question->findChild<QPushButton *>(u"saveGoogle"_s));
    ASSERT_TRUE(waitForPage<BrowserPage>());
    EXPECT_EQ(model()->busyAction(), AuthModel::Action::Link);
    ASSERT_TRUE(waitFor([&] { return !model()->browserUrl().isEmpty(); }));
    click(button<BrowserPage>("cancelButton"));
    ASSERT_TRUE(waitForPage<AccountPage>());

    // With the keyboard only: focus "Sign out anyway" and press Space.
    click(button<AccountPage>("signOutButton"));
    question = guestSignOutQuestion();
    ASSERT_NE(question, nullptr);
    auto *anyway = question->findChild<QPushButton *>(u"signOutAnyway"_s);
    anyway->setFocus(Qt::TabFocusReason);
    QTest::keyClick(anyway, Qt::Key_Space);
    ASSERT_TRUE(waitForPage<SignInPage>());
    EXPECT_EQ(model()->state(), State::SignedOut);
}

TEST_F(GuiTest, NoSecretsInTheLogWithEveryCategoryOn)
{
    QStringList captured;
    g_captured = &captured;
    // What a developer sets to debug the app; the child would inherit it.
    qputenv("QT_LOGGING_RULES", "*.debug=true");
    QLoggingCategory::setFilterRules(u"*.debug=true"_s);
    const QtMessageHandler previous = qInstallMessageHandler(capture);
    auto stopCapture = [previous] {
        qInstallMessageHandler(previous);
        g_captured = nullptr;
        QLoggingCategory::setFilterRules({});
        qunsetenv("QT_LOGGING_RULES");
    };
    auto guard = qScopeGuard(stopCapture);

    exegia::test::HeadlessBrowser browser;
    env.launcher = [&](const QUrl &url) {
        launched.append(url);
        browser.open(url);
        return true;
    };
    env.providerParams.insert(u"login_hint"_s, uniqueEmail(u"logs"_s));
    open();
    QStringList secrets;
    auto collect = [&] {
        if (const auto session = model()->sessionManager()->session())
            secrets << session->accessToken << session->refreshToken;
    };
    QObject::connect(model(), &AuthModel::userChanged, window.get(), collect);
    click(button<SignInPage>("guestButton"));
    ASSERT_TRUE(waitForPage<AccountPage>());
    click(button<AccountPage>("googleLinkButton"));
    ASSERT_TRUE(waitFor([&] { return !model()->isBusy() && !model()->isGuest(); }, 20000))
        << model()->accountError().toStdString();
    collect();

    secrets << window->localBackend()->mailboxKey()
            << QUrlQuery(browser.lastUrl()).queryItemValue(u"code"_s);
    const QString listenerPath = browser.lastUrl().path().mid(1);
    guard.dismiss();
    stopCapture();

    ASSERT_GE(secrets.size(), 6);
    ASSERT_GE(listenerPath.size(), 16);
    // The child's log arrives here too (LocalBackend forwards it through
    // Qt's logging), so a debugging child would be caught as well.
    for (const QString &line : std::as_const(captured)) {
        for (const QString &secret : std::as_const(secrets)) {
            ASSERT_GE(secret.size(), 8);
            EXPECT_FALSE(line.contains(secret)) << line.toStdString();
        }
        EXPECT_FALSE(line.contains(listenerPath)) << line.toStdString();
    }
    // Nor in any file the app wrote (the keychain is a memory store here and
    // the backend keeps its database in memory).
    const QStringList files = filesTheAppWrites();
    ASSERT_FALSE(files.isEmpty()); // at least the settings file
    for (const QString &path : files) {
        QFile file(path);
        if (file.size() > 4 * 1024 * 1024 || !file.open(QIODevice::ReadOnly))
            continue;
        const QByteArray bytes = file.readAll();
        for (const QString &secret : std::as_const(secrets))
            EXPECT_FALSE(bytes.contains(secret.toUtf8())) << path.toStdString();
        EXPECT_FALSE(bytes.contains(listenerPath.toUtf8())) << path.toStdString();
    }
}
