#pragma once

#include "AppConfig.h"
#include "AuthModel.h"

#include <QMainWindow>

class QLabel;
class QPushButton;
class QStackedWidget;

namespace exegia::signin {

class AvatarLoader;
class BackendController;
class BackendFailedPage;
class LocalBackend;
class LocalInbox;
class LocalInboxDialog;
class Page;

// The window: one page per model page in a QStackedWidget, a line that
// says when the local backend is restarting, and a footer that names the
// backend and opens Settings and (in local mode) the inbox. The backend
// itself is the BackendController's; this only shows what it says.
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
        // How often the local backend is restarted before the window gives
        // up and offers Restart (tests make it fail sooner).
        int localBackendRestarts = 5;
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
    BackendController *backend() const { return m_backend; }
    LocalBackend *localBackend() const;
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
    static AuthModel::Environment environmentFor(const Options &options);
    void buildPages();
    QLayout *buildFooter();
    void showPage();
    void refreshFooter();
    void retranslate();

    Options m_options;
    AuthModel *m_model;
    AvatarLoader *m_avatar;
    LocalInbox *m_inbox;
    BackendController *m_backend;
    LocalInboxDialog *m_inboxDialog = nullptr;
    QStackedWidget *m_pages = nullptr;
    QList<Page *> m_modelPages;
    BackendFailedPage *m_backendFailed = nullptr;
    QLabel *m_restartingLabel = nullptr;
    QLabel *m_backendLabel = nullptr;
    QPushButton *m_inboxButton = nullptr;
    QPushButton *m_settingsButton = nullptr;
    bool m_painted = false;
    bool m_restyling = false;
};

} // namespace exegia::signin
