#include "MainWindow.h"

#include "Accessibility.h"
#include "AuthModel.h"
#include "AvatarLoader.h"
#include "LocalBackend.h"
#include "LocalInbox.h"
#include "PageStyle.h"
#include "pages/AccountPage.h"
#include "pages/BrowserPage.h"
#include "pages/CodePage.h"
#include "pages/LocalInboxDialog.h"
#include "pages/RegisterPage.h"
#include "pages/RestorePage.h"
#include "pages/SettingsDialog.h"
#include "pages/SignInPage.h"

#include <exegia/auth/KeychainTokenStore.h>

#include <QCloseEvent>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <QSettings>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace {

// Pages sit in scroll areas so a small window (or large fonts) never cuts
// them off; the frame is invisible.
QScrollArea *scrolling(QWidget *page)
{
    auto *area = new QScrollArea;
    area->setWidget(page);
    area->setWidgetResizable(true);
    area->setFrameShape(QFrame::NoFrame);
    Accessibility::makeQuietScrollArea(area);
    return area;
}

} // namespace

MainWindow::MainWindow(const Options &options, QWidget *parent)
    : QMainWindow(parent)
    , m_options(options)
    , m_model(new AuthModel(this))
    , m_avatar(new AvatarLoader(this))
    , m_localBackend(new LocalBackend(this))
    , m_inbox(new LocalInbox(this))
{
    PageStyle::initResources();
    Accessibility::install();
    setWindowIcon(PageStyle::mark(QStringLiteral(":/icons/exegia-mark.svg"), {}, 64));
    setStyleSheet(PageStyle::styleSheet(palette()));

    AuthModel::Environment environment = m_options.environment;
    if (!environment.storeFactory && m_options.useKeychain) {
        // One keychain entry per project (or local data folder), so several
        // projects never mix their sessions.
        environment.storeFactory = [](const QUrl &key) {
            return std::make_unique<exegia::auth::KeychainTokenStore>(key);
        };
    }
    m_model->setEnvironment(environment);

    m_signIn = new SignInPage(m_model);
    m_code = new CodePage(m_model);
    m_register = new RegisterPage(m_model);
    m_account = new AccountPage(m_model, m_avatar);
    m_browser = new BrowserPage(m_model);
    m_restore = new RestorePage(m_model);
    m_pages = new QStackedWidget;
    for (QWidget *page : {static_cast<QWidget *>(m_signIn), static_cast<QWidget *>(m_code),
                          static_cast<QWidget *>(m_register), static_cast<QWidget *>(m_account),
                          static_cast<QWidget *>(m_browser), static_cast<QWidget *>(m_restore)})
        m_pages->addWidget(scrolling(page));

    m_backendLabel = new QLabel;
    m_backendLabel->setObjectName(QStringLiteral("backendLabel"));
    m_backendLabel->setProperty("role", QStringLiteral("footer"));
    m_inboxButton = new QPushButton;
    m_inboxButton->setObjectName(QStringLiteral("inboxButton"));
    m_inboxButton->setProperty("role", QStringLiteral("link"));
    m_settingsButton = new QPushButton;
    m_settingsButton->setObjectName(QStringLiteral("settingsButton"));
    m_settingsButton->setProperty("role", QStringLiteral("link"));
    auto *footer = new QHBoxLayout;
    footer->setContentsMargins(16, 4, 12, 8);
    footer->addWidget(m_backendLabel);
    footer->addStretch();
    footer->addWidget(m_inboxButton);
    footer->addWidget(m_settingsButton);

    auto *central = new QWidget;
    auto *layout = new QVBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_pages, 1);
    layout->addLayout(footer);
    setCentralWidget(central);
    Accessibility::enterPressesButtons(central);
    retranslate();

    connect(m_inboxButton, &QPushButton::clicked, this, &MainWindow::openLocalInbox);
    connect(m_settingsButton, &QPushButton::clicked, this, &MainWindow::openSettings);
    connect(m_model, &AuthModel::stateChanged, this, &MainWindow::showPage);
    connect(m_model, &AuthModel::backendChanged, this, &MainWindow::refreshFooter);
    connect(m_model, &AuthModel::userChanged, this,
            [this] { m_avatar->load(QUrl(m_model->avatarUrl(), QUrl::StrictMode)); });
    connect(m_localBackend, &LocalBackend::ready, this, &MainWindow::useLocalBackend);
    connect(m_localBackend, &LocalBackend::failed, this, [this](const QString &reason) {
        m_model->setBackendError(tr("Local backend (not running)"),
                                 reason + QLatin1Char(' ') +
                                     tr("Choose a Supabase project in Settings, or restart the "
                                        "app to try again."));
    });

    // Small enough for 200 % on a 1920x1080 screen; the pages scroll.
    Accessibility::fitToScreen(this, {360, 420}, {560, 720});
    if (m_options.rememberGeometry) {
        QSettings settings;
        restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray());
        Accessibility::clampToScreen(this);
    }
    installEventFilter(this);
    m_signIn->focusFirstField();
    useBackend(m_options.backend);
}

MainWindow::~MainWindow()
{
    m_localBackend->stop();
}

void MainWindow::useBackend(const BackendChoice &choice)
{
    m_inbox->setMailboxUrl({});
    m_localBackend->stop();
    if (choice.kind == BackendChoice::Kind::Local) {
        startLocalBackend();
    } else if (!choice.error.isEmpty()) {
        m_model->setBackendError(AppConfig::describe(choice), choice.error);
    } else {
        AuthModel::BackendOptions backend;
        if (!choice.googleClientId.isEmpty()) {
            // Google's real endpoints (GoogleOAuthConfig's defaults).
            exegia::auth::GoogleOAuthConfig google;
            google.clientId = choice.googleClientId;
            backend.google = google;
        }
        m_model->setBackend(choice.config, AppConfig::describe(choice), false, backend);
    }
}

void MainWindow::useLocalBackend()
{
    exegia::auth::ClientConfig config;
    config.projectUrl = m_localBackend->url();
    config.publishableKey = m_localBackend->publishableKey();
    m_inbox->setMailboxUrl(m_localBackend->mailboxUrl());
    AuthModel::BackendOptions backend;
    // The emulator listens on a new port each run: its session is named by
    // its data folder instead, which is what actually holds the accounts.
    backend.sessionKey = m_options.localDataDir.isEmpty()
                             ? QUrl(QStringLiteral("file:///exegia-local-backend/in-memory"))
                             : QUrl::fromLocalFile(m_options.localDataDir);
    // A Google client id in Settings asks for Google's own OAuth; locally
    // that runs against the emulator's identity provider and its client.
    if (!m_options.backend.googleClientId.isEmpty() && m_localBackend->googleIssuer().isValid()) {
        exegia::auth::GoogleOAuthConfig google;
        google.clientId = m_localBackend->googleClientId();
        const QString issuer = m_localBackend->googleIssuer().toString();
        google.authorizationEndpoint = QUrl(issuer + QStringLiteral("/authorize"));
        google.tokenEndpoint = QUrl(issuer + QStringLiteral("/token"));
        backend.google = google;
    }
    m_model->setBackend(config, tr("Local backend"), true, backend);
}

void MainWindow::startLocalBackend()
{
    m_model->setBackendStarting(tr("Starting the local backend…"));
    m_localBackend->setExtraArguments(m_options.localBackendArguments);
    m_localBackend->start(m_options.localDataDir);
}

void MainWindow::showPage()
{
    QWidget *page = nullptr;
    switch (m_model->page()) {
    case AuthModel::Page::SignIn:
        page = m_signIn;
        break;
    case AuthModel::Page::Code:
        page = m_code;
        break;
    case AuthModel::Page::Register:
        page = m_register;
        break;
    case AuthModel::Page::Account:
        page = m_account;
        break;
    case AuthModel::Page::Browser:
        page = m_browser;
        break;
    case AuthModel::Page::Restore:
        page = m_restore;
        break;
    }
    QWidget *area = page->parentWidget()->parentWidget(); // viewport, then the scroll area
    if (m_pages->currentWidget() == area)
        return;
    m_pages->setCurrentWidget(area);
    // Keyboard users land on the field the new page is about.
    if (page == m_signIn)
        m_signIn->focusFirstField();
    else if (page == m_code)
        m_code->focusFirstField();
    else if (page == m_register)
        m_register->focusFirstField();
    else if (page == m_browser)
        m_browser->focusFirstField();
    else if (page == m_restore)
        m_restore->focusFirstField();
    else
        m_account->focusFirstField();
}

void MainWindow::refreshFooter()
{
    m_backendLabel->setText(m_model->backendDescription());
    m_backendLabel->setAccessibleName(tr("Backend: %1").arg(m_model->backendDescription()));
    m_inboxButton->setVisible(m_model->isLocalBackend() && m_model->isBackendReady());
}

void MainWindow::retranslate()
{
    setWindowTitle(tr("Exegia Sign-In"));
    // Qt adds the display name to every window title: in the same language.
    QGuiApplication::setApplicationDisplayName(windowTitle());
    m_inboxButton->setText(tr("Local inbox"));
    m_inboxButton->setAccessibleDescription(tr("Open the local inbox"));
    m_settingsButton->setText(tr("Settings"));
    m_settingsButton->setAccessibleDescription(tr("Open the settings"));
    refreshFooter();
}

void MainWindow::openSettings()
{
    QSettings settings;
    // Window-modal but not a nested event loop: the app keeps running (and
    // tests can drive the dialog like any other window).
    auto *dialog = new SettingsDialog(SavedSettings::load(settings), this);
    if (m_model->isLocalBackend() && m_localBackend->isRunning())
        dialog->showLocalBackend(m_localBackend->url(), m_localBackend->publishableKey());
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        const SavedSettings saved = dialog->result();
        QSettings settings;
        saved.save(settings);
        // An explicit choice in Settings wins over the command line for this run.
        BackendChoice choice;
        if (!saved.useLocal)
            choice = AppConfig::project(saved.projectUrl, saved.publishableKey,
                                        BackendChoice::Source::Settings);
        choice.googleClientId = saved.googleClientId;
        m_options.backend = choice;
        useBackend(choice);
    });
    emit dialogOpened(dialog);
    dialog->open();
}

void MainWindow::openLocalInbox()
{
    if (!m_inboxDialog) {
        m_inboxDialog = new LocalInboxDialog(m_inbox, this);
        // Back to where the code goes, not to the footer link.
        connect(m_inboxDialog, &QDialog::finished, this, [this] {
            if (m_model->page() == AuthModel::Page::Code)
                m_code->focusFirstField();
        });
    }
    emit dialogOpened(m_inboxDialog);
    m_inboxDialog->show();
    m_inboxDialog->raise();
    m_inboxDialog->activateWindow();
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (m_options.rememberGeometry) {
        QSettings settings;
        settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    }
    m_localBackend->stop();
    QMainWindow::closeEvent(event);
}

void MainWindow::changeEvent(QEvent *event)
{
    // The style sheet is built from the palette; guard against the palette
    // change that applying it can itself cause.
    if (event->type() == QEvent::PaletteChange && !m_restyling) {
        m_restyling = true;
        setStyleSheet(PageStyle::styleSheet(palette()));
        m_restyling = false;
    }
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QMainWindow::changeEvent(event);
}

bool MainWindow::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == this && event->type() == QEvent::Paint && !m_painted) {
        m_painted = true;
        QMetaObject::invokeMethod(this, &MainWindow::firstPainted, Qt::QueuedConnection);
    }
    return QMainWindow::eventFilter(watched, event);
}
