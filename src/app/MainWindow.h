#pragma once

#include "AppConfig.h"
#include "AuthModel.h"

#include <QMainWindow>

class AccountPage;
class AvatarLoader;
class BrowserPage;
class CodePage;
class LocalBackend;
class LocalInbox;
class LocalInboxDialog;
class QLabel;
class QPushButton;
class QStackedWidget;
class RegisterPage;
class RestorePage;
class SignInPage;

// The window: one page per model state in a QStackedWidget, and a footer
// that names the backend and opens Settings and (in local mode) the inbox.
// It also owns the backend's lifecycle: the emulator process in local mode.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    struct Options
    {
        BackendChoice backend;
        // Where the local backend keeps its data; empty: in memory (tests).
        QString localDataDir;
        // Extra emulator options (tests shorten the email cooldown).
        QStringList localBackendArguments;
        // Tests turn this off so window sizes do not leak between runs.
        bool rememberGeometry = true;
        // Keychain and browser. Unset parts get the app's defaults (the OS
        // keychain, QDesktopServices); tests pass memory stores and a
        // headless browser.
        AuthModel::Environment environment;
        bool useKeychain = true;
    };

    explicit MainWindow(const Options &options, QWidget *parent = nullptr);
    ~MainWindow() override;

    AuthModel *model() const { return m_model; }
    LocalBackend *localBackend() const { return m_localBackend; }
    QStackedWidget *pages() const { return m_pages; }

public slots:
    void openSettings();
    void openLocalInbox();

signals:
    // Emitted once, on the first paint (for start-up measurements).
    void firstPainted();
    // The Settings or inbox dialog was created and is about to be shown
    // (GUI tests drive these dialogs through this).
    void dialogOpened(QDialog *dialog);

protected:
    void closeEvent(QCloseEvent *event) override;
    void changeEvent(QEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void useBackend(const BackendChoice &choice);
    void useLocalBackend();
    void startLocalBackend();
    void showPage();
    void refreshFooter();
    void retranslate();

    Options m_options;
    AuthModel *m_model;
    AvatarLoader *m_avatar;
    LocalBackend *m_localBackend;
    LocalInbox *m_inbox;
    LocalInboxDialog *m_inboxDialog = nullptr;
    QStackedWidget *m_pages;
    SignInPage *m_signIn;
    CodePage *m_code;
    RegisterPage *m_register;
    AccountPage *m_account;
    BrowserPage *m_browser;
    RestorePage *m_restore;
    QLabel *m_backendLabel;
    QPushButton *m_inboxButton;
    QPushButton *m_settingsButton;
    bool m_painted = false;
    bool m_restyling = false;
};
