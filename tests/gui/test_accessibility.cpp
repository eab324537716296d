// Issue 14: keyboard-only use, names screen readers and voice control can
// use, errors that are announced, and the window at 200 %.
#include "gui_fixture.h"

#include "HeadlessBrowser.h"
#include "LastUsed.h"
#include "Translations.h"
#include "pages/LocalInboxDialog.h"
#include "pages/SettingsDialog.h"

#include <QAccessible>
#include <QClipboard>
#include <QMessageBox>
#include <QToolButton>
#include <QTreeWidget>

using namespace exegia::signin;
using namespace guitest;
using namespace Qt::StringLiterals;

namespace {

QString visibleText(QWidget *w)
{
    if (auto *button = qobject_cast<QAbstractButton *>(w))
        return button->text().remove(u'&');
    if (auto *label = qobject_cast<QLabel *>(w)) // elided: the start of the name
        return label->text().endsWith(u'…') ? label->text().chopped(1) : label->text();
    return {};
}

// WCAG 4.1.2 and 2.5.3: every focus stop has a name, and every name
// contains what the control shows, so voice control finds it.
QStringList nameProblems(QWidget *root)
{
    QStringList problems;
    const auto widgets = root->findChildren<QWidget *>();
    for (QWidget *w : widgets) {
        const bool focusStop = (w->focusPolicy() & Qt::TabFocus) && !w->inherits("QScrollBar");
        const bool label = qobject_cast<QLabel *>(w) && !w->accessibleName().isEmpty();
        if (!focusStop && !label)
            continue;
        const QString what =
            QString::fromLatin1(w->metaObject()->className()) + u' ' + w->objectName();
        const QString name = QAccessible::queryAccessibleInterface(w)->text(QAccessible::Name);
        const QString shown = visibleText(w);
        if (name.isEmpty())
            problems << what + u": no name"_s;
        else if (!name.contains(shown, Qt::CaseInsensitive))
            problems << what + u": \""_s + name + u"\" does not contain \""_s + shown + u'"';
    }
    return problems;
}

class ShowCounter : public QObject
{
public:
    ShowCounter(QWidget *widget, int *count)
        : m_count(count)
    {
        widget->installEventFilter(this);
    }
    bool eventFilter(QObject *, QEvent *event) override
    {
        if (event->type() == QEvent::Show)
            ++*m_count;
        return false;
    }

private:
    int *m_count;
};

} // namespace

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
    // A guest is asked first; Enter on "Sign out anyway" goes on.
    QMessageBox *question = guestSignOutQuestion();
    ASSERT_NE(question, nullptr);
    auto *anyway = question->findChild<QPushButton *>(u"signOutAnyway"_s);
    anyway->setFocus(Qt::TabFocusReason);
    pressEnter(anyway);
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

TEST_F(GuiTest, EveryFocusStopIsNamedWithItsVisibleLabel)
{
    open();
    window->openSettings();
    window->openLocalInbox();
    ASSERT_NE(waitForDialog<SettingsDialog>(), nullptr);
    // Guest, so the account page shows "Save with Google".
    click(button<SignInPage>("guestButton"));
    ASSERT_TRUE(waitForPage<AccountPage>());
    ASSERT_TRUE(waitFor([&] { return !model()->isBusy(); }));
    EXPECT_EQ(button<AccountPage>("googleLinkButton")->text(), u"Save with Google"_s);
    QStringList problems = nameProblems(window.get());
    EXPECT_TRUE(problems.isEmpty()) << problems.join(u"\n").toStdString();

    ASSERT_TRUE(Translations::install(QLocale(u"de"_s)));
    QCoreApplication::processEvents();
    problems = nameProblems(window.get());
    Translations::install(QLocale(u"en"_s));
    QCoreApplication::processEvents();
    EXPECT_TRUE(problems.isEmpty()) << problems.join(u"\n").toStdString();
}

TEST_F(GuiTest, ClearButtonAndLinkedLabelsSayWhatTheyAre)
{
    open();
    auto *email = edit<SignInPage>("emailEdit");
    typeInto(email, u"someone@example.com"_s);
    const auto clears = email->findChildren<QToolButton *>();
    ASSERT_FALSE(clears.isEmpty());
    for (QToolButton *clear : clears)
        EXPECT_EQ(QAccessible::queryAccessibleInterface(clear)->text(QAccessible::Name),
                  u"Clear"_s);
    EXPECT_EQ(label<AccountPage>("googleStatusLabel")->accessibleName(), u"Google: Linked"_s);
    EXPECT_EQ(label<AccountPage>("appleStatusLabel")->accessibleName(), u"Apple: Linked"_s);
    // The page's scroll area is no focus stop of its own.
    EXPECT_EQ(window->pages()->currentWidget()->focusPolicy(), Qt::NoFocus);
}

TEST_F(GuiTest, ErrorsAreAlertsAnnouncedFocusedAndClearedByEditing)
{
    open();
    auto *email = edit<SignInPage>("emailEdit");
    auto *error = label<SignInPage>("emailErrorLabel");
    EXPECT_EQ(QAccessible::queryAccessibleInterface(error)->role(), QAccessible::AlertMessage);
    // Offscreen there is no accessibility bridge to listen to; the bridge
    // announces an alert when the widget is shown (QEvent::Show and
    // QAccessible::ObjectShow come from the same place), so count those.
    // tests/a11y checks the AT-SPI event itself.
    int shows = 0;
    ShowCounter counter(error, &shows);
    typeInto(email, u"nobody"_s);
    button<SignInPage>("guestButton")->setFocus(Qt::TabFocusReason);
    click(button<SignInPage>("sendCodeButton"));
    ASSERT_TRUE(error->isVisible());
    EXPECT_EQ(shows, 1);
    EXPECT_TRUE(email->hasFocus());
    QTest::keyClick(email, Qt::Key_Backspace);
    EXPECT_FALSE(error->isVisible()); // editing cleared the old complaint
    // A different complaint while one shows is announced again.
    typeInto(email, u"nobody"_s);
    pressEnter(email);
    ASSERT_TRUE(error->isVisible());
    const QString first = error->text();
    shows = 0;
    model()->requestCode(QString()); // "Enter your email address."
    ASSERT_TRUE(waitFor([&] { return error->text() != first; }, 3000));
    EXPECT_TRUE(error->isVisible());
    EXPECT_EQ(shows, 1) << error->text().toStdString();
}

TEST_F(GuiTest, WindowTitlesUseOneLanguage)
{
    open();
    ASSERT_TRUE(Translations::install(QLocale(u"de"_s)));
    QCoreApplication::processEvents();
    const QString title = window->windowTitle();
    // Qt appends the display name to every title ("Lokaler Posteingang —
    // ..."): it must be German too, not "Exegia Sign-In".
    const QString display = QGuiApplication::applicationDisplayName();
    Translations::install(QLocale(u"en"_s));
    QCoreApplication::processEvents();
    EXPECT_NE(title, u"Exegia Sign-In"_s);
    EXPECT_EQ(display, title);
    EXPECT_EQ(QGuiApplication::applicationDisplayName(), u"Exegia Sign-In"_s);
}

TEST(Translations, EnglishPluralsForALocaleWithoutItsOwnTranslation)
{
    // LANG=C.UTF-8, or a language the app is not translated into.
    for (const QLocale &locale : {QLocale::c(), QLocale(u"es"_s)}) {
        EXPECT_FALSE(Translations::install(locale));
        const QString text = QCoreApplication::translate(
            "exegia::signin::CodePage", "For security, a new code can be sent in %n second(s).",
            nullptr, 1);
        EXPECT_EQ(text, u"For security, a new code can be sent in 1 second."_s)
            << locale.name().toStdString();
    }
    Translations::install(QLocale(u"en"_s));
}

TEST_F(GuiTest, TheCodePageSaysOnceWhereTheCodeWent)
{
    open();
    const QString email = uniqueEmail(u"a11y-once"_s);
    ASSERT_EQ(requestCodeThroughUi(email).size(), 6);
    QStringList saying;
    for (QLabel *label : page<CodePage>()->findChildren<QLabel *>())
        if (label->isVisible() && label->text().contains(email))
            saying << label->objectName();
    EXPECT_EQ(saying.size(), 1) << saying.join(u", ").toStdString();
}

TEST_F(GuiTest, SavingAGuestWithGoogleTakesTheNameGoogleGives)
{
    exegia::test::HeadlessBrowser browser;
    env.launcher = browser.launcher();
    env.providerParams.insert(u"login_hint"_s, uniqueEmail(u"a11y-named"_s));
    // One word: the emulator passes '+' through undecoded ("Ada+Lovelace").
    env.providerParams.insert(u"name"_s, u"Ada"_s);
    open();
    click(button<SignInPage>("guestButton"));
    ASSERT_TRUE(waitForPage<AccountPage>());
    ASSERT_TRUE(waitFor([&] { return !model()->isBusy(); }));
    // The default name is data, shown in the person's language.
    EXPECT_EQ(model()->displayName(), u"Guest"_s);
    ASSERT_TRUE(Translations::install(QLocale(u"de"_s)));
    const QString german = model()->displayName();
    Translations::install(QLocale(u"en"_s));
    EXPECT_EQ(german, u"Gast"_s);

    click(button<AccountPage>("googleLinkButton"));
    EXPECT_TRUE(waitFor([&] { return model()->displayName() == u"Ada"_s; }, 20000))
        << model()->displayName().toStdString();
    EXPECT_TRUE(waitFor([&] { return label<AccountPage>("nameLabel")->text() == u"Ada"_s; }));
}

TEST_F(GuiTest, SettingsShowTheLocalBackendsAddressAndKeyWithCopy)
{
    open();
    window->openSettings();
    auto *dialog = waitForDialog<SettingsDialog>();
    ASSERT_NE(dialog, nullptr);
    auto *url = dialog->findChild<QLineEdit *>(u"localUrlEdit"_s);
    auto *key = dialog->findChild<QLineEdit *>(u"localKeyEdit"_s);
    ASSERT_NE(url, nullptr);
    ASSERT_NE(key, nullptr);
    EXPECT_EQ(url->text(), window->localBackend()->url().toString());
    EXPECT_EQ(key->text(), window->localBackend()->publishableKey());
    EXPECT_TRUE(url->isVisible());
    EXPECT_TRUE(url->isReadOnly());
    click(dialog->findChild<QPushButton *>(u"localKeyEditCopy"_s));
    EXPECT_EQ(QGuiApplication::clipboard()->text(), key->text());
    click(dialog->findChild<QPushButton *>(u"localUrlEditCopy"_s));
    EXPECT_EQ(QGuiApplication::clipboard()->text(), url->text());
}

TEST_F(GuiTest, LongNamesAreElidedWithATooltipAndTooLongPastesAreSaid)
{
    open();
    click(button<SignInPage>("guestButton"));
    ASSERT_TRUE(waitForPage<AccountPage>());
    ASSERT_TRUE(waitFor([&] { return !model()->isBusy(); }));
    auto *nameEdit = edit<AccountPage>("displayNameEdit");
    auto *error = label<AccountPage>("displayNameErrorLabel");
    // A 500-character paste is kept whole and the limit is said at once.
    const QString pasted = QString(500, u'x');
    nameEdit->setFocus(Qt::OtherFocusReason);
    nameEdit->selectAll();
    nameEdit->insert(pasted);
    EXPECT_EQ(nameEdit->text().size(), 500);
    EXPECT_TRUE(error->isVisible());
    EXPECT_TRUE(error->text().contains(u"80"_s)) << error->text().toStdString();
    QTest::keyClick(nameEdit, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClicks(nameEdit, u"Short"_s);
    EXPECT_FALSE(error->isVisible());

    // 80 wide characters do not fit the card: cut with "…", whole in the tooltip.
    const QString longName = QString(80, u'W');
    QTest::keyClick(nameEdit, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClicks(nameEdit, longName);
    pressEnter(nameEdit);
    ASSERT_TRUE(waitFor([&] { return model()->displayName() == longName; }));
    auto *name = label<AccountPage>("nameLabel");
    ASSERT_TRUE(waitFor([&] { return name->toolTip() == longName; }));
    EXPECT_TRUE(name->text().endsWith(u'…'));
    EXPECT_EQ(QAccessible::queryAccessibleInterface(name)->text(QAccessible::Name), longName);
    EXPECT_LE(name->width(), currentPage()->width());
}

TEST_F(GuiTest, TheSignInPageMarksTheMethodUsedLastTime)
{
    // A settings file of its own: the other GUI test processes, run in
    // parallel, sign in too and would mark their own method meanwhile.
    const QString application = QCoreApplication::applicationName();
    QCoreApplication::setApplicationName(application + u"-last-used"_s);
    LastUsed::save({});
    open();
    auto marked = [&](const char *name) {
        return button<SignInPage>(name)->text().endsWith(u" · Last used"_s);
    };
    EXPECT_FALSE(marked("guestButton"));
    click(button<SignInPage>("guestButton"));
    ASSERT_TRUE(waitForPage<AccountPage>());
    ASSERT_TRUE(waitFor([&] { return button<AccountPage>("signOutButton")->isEnabled(); }));
    click(button<AccountPage>("signOutButton"));
    QMessageBox *question = guestSignOutQuestion(); // a guest is asked first
    ASSERT_NE(question, nullptr);
    click(question->findChild<QPushButton *>(u"signOutAnyway"_s));
    ASSERT_TRUE(waitForPage<SignInPage>());
    EXPECT_TRUE(marked("guestButton"));
    EXPECT_FALSE(marked("googleButton"));
    EXPECT_FALSE(marked("sendCodeButton"));
    // Refreshing the page (it follows the model) does not mark it twice.
    emit model()->errorsChanged();
    EXPECT_EQ(button<SignInPage>("guestButton")->text(), u"Continue as guest · Last used"_s);
    LastUsed::save({});
    QCoreApplication::setApplicationName(application);
}

TEST_F(GuiTest, AfterACodeWentOutResendIsDisabledWithItsCountdown)
{
    env.resendSeconds = 30;
    open();
    typeInto(edit<SignInPage>("emailEdit"), uniqueEmail(u"a11y-resend"_s));
    click(button<SignInPage>("sendCodeButton"));
    ASSERT_TRUE(waitForPage<CodePage>());
    ASSERT_TRUE(waitFor([&] { return model()->state() == State::AwaitingCode; }));
    auto *resend = button<CodePage>("resendButton");
    EXPECT_FALSE(resend->isEnabled());
    EXPECT_TRUE(resend->text().startsWith(u"Send a new code ("_s)) << resend->text().toStdString();
    EXPECT_TRUE(resend->text().endsWith(u" s)"_s));
}
