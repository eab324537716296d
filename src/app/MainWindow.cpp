#include "MainWindow.h"

#include "Accessibility.h"
#include "AuthModel.h"
#include "AvatarLoader.h"
#include "BackendController.h"
#include "LocalBackend.h"
#include "LocalInbox.h"
#include "PageStyle.h"
#include "pages/AccountPage.h"
#include "pages/BackendFailedPage.h"
#include "pages/FormPages.h"
#include "pages/LocalInboxDialog.h"
#include "pages/SettingsDialog.h"

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

using namespace Qt::StringLiterals;

namespace exegia::signin {

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
    , m_inbox(new LocalInbox(this))
    , m_backend(new BackendController(
          m_model, m_inbox,
          {options.localDataDir, options.localBackendArguments, options.localBackendRestarts},
          this))
{
    PageStyle::initResources();
    Accessibility::install();
    setWindowIcon(PageStyle::mark(u":/icons/exegia-mark.svg"_s, {}, 64));
    setStyleSheet(PageStyle::styleSheet(palette()));
    m_model->setEnvironment(environmentFor(m_options));

    buildPages();
    m_restartingLabel = new QLabel;
    m_restartingLabel->setObjectName(u"restartingLabel"_s);
    m_restartingLabel->setProperty("role", u"notice"_s);
    m_restartingLabel->setContentsMargins(16, 8, 16, 0);
    auto *central = new QWidget;
    auto *layout = new QVBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_restartingLabel);
    layout->addWidget(m_pages, 1);
    layout->addLayout(buildFooter());
    setCentralWidget(central);
    Accessibility::enterPressesButtons(central);
    retranslate();

    connect(m_model, &AuthModel::stateChanged, this, &MainWindow::showPage);
    connect(m_model, &AuthModel::backendChanged, this, &MainWindow::refreshFooter);
    connect(m_model, &AuthModel::userChanged, this,
            [this] { m_avatar->load(QUrl(m_model->avatarUrl(), QUrl::StrictMode)); });
    connect(m_backend, &BackendController::statusChanged, this, [this] {
        refreshFooter();
        showPage();
    });

    // Small enough for 200 % on a 1920x1080 screen; the pages scroll.
    Accessibility::fitToScreen(this, {360, 420}, {560, 720});
    if (m_options.rememberGeometry) {
        QSettings settings;
        restoreGeometry(settings.value(u"window/geometry"_s).toByteArray());
        Accessibility::clampToScreen(this);
    }
    installEventFilter(this);
    m_modelPages.first()->focusFirstField();
    m_backend->use(m_options.backend);
}

MainWindow::~MainWindow()
{
    m_backend->stop();
}

LocalBackend *MainWindow::localBackend() const
{
    return m_backend->localBackend();
}

AuthModel::Environment MainWindow::environmentFor(const Options &options)
{
    AuthModel::Environment environment = options.environment;
    if (!environment.storeFactory && options.useKeychain) {
        // One keychain entry per project (or local data folder), so several
        // projects never mix their sessions.
        environment.storeFactory = [](const QUrl &key) {
            return std::make_unique<exegia::auth::KeychainTokenStore>(key);
        };
    }
    return environment;
}

void MainWindow::buildPages()
{
    m_modelPages = {new SignInPage(m_model),   new CodePage(m_model),
                    new RegisterPage(m_model), new AccountPage(m_model, m_avatar),
                    new BrowserPage(m_model),  new RestorePage(m_model)};
    // Issue 13: the code after the first factor, the new address's code.
    m_modelPages << new SecondFactorPage(m_model) << new EmailChangePage(m_model);
    m_backendFailed = new BackendFailedPage(m_backend);
    m_pages = new QStackedWidget;
    for (Page *page : std::as_const(m_modelPages))
        m_pages->addWidget(scrolling(page));
    m_pages->addWidget(scrolling(m_backendFailed));
}

QLayout *MainWindow::buildFooter()
{
    m_backendLabel = new QLabel;
    m_backendLabel->setObjectName(u"backendLabel"_s);
    m_backendLabel->setProperty("role", u"footer"_s);
    m_inboxButton = new QPushButton;
    m_inboxButton->setObjectName(u"inboxButton"_s);
    m_inboxButton->setProperty("role", u"link"_s);
    m_settingsButton = new QPushButton;
    m_settingsButton->setObjectName(u"settingsButton"_s);
    m_settingsButton->setProperty("role", u"link"_s);
    connect(m_inboxButton, &QPushButton::clicked, this, &MainWindow::openLocalInbox);
    connect(m_settingsButton, &QPushButton::clicked, this, &MainWindow::openSettings);
    auto *footer = new QHBoxLayout;
    footer->setContentsMargins(16, 4, 12, 8);
    footer->addWidget(m_backendLabel);
    footer->addStretch();
    footer->addWidget(m_inboxButton);
    footer->addWidget(m_settingsButton);
    return footer;
}

void MainWindow::showPage()
{
    QWidget *page = nullptr;
    if (m_backend->status() == BackendController::Status::Failed) {
        page = m_backendFailed;
    } else {
        for (Page *candidate : std::as_const(m_modelPages)) {
            if (candidate->modelPage() == m_model->page())
                page = candidate;
        }
    }
    QWidget *area = page->parentWidget()->parentWidget(); // viewport, then the scroll area
    if (m_pages->currentWidget() == area)
        return;
    m_pages->setCurrentWidget(area);
    // Keyboard users land on the field the new page is about.
    if (page == m_backendFailed)
        m_backendFailed->focusFirstField();
    else
        static_cast<Page *>(page)->focusFirstField();
}

void MainWindow::refreshFooter()
{
    const auto status = m_backend->status();
    const QString description = status == BackendController::Status::Failed
                                    ? tr("Local backend (not running)")
                                    : m_model->backendDescription();
    m_backendLabel->setText(description);
    m_backendLabel->setAccessibleName(tr("Backend: %1").arg(description));
    m_inboxButton->setVisible(m_model->isLocalBackend() && m_model->isBackendReady() &&
                              status == BackendController::Status::Ready);
    m_restartingLabel->setText(tr("Restarting the local backend…"));
    m_restartingLabel->setVisible(status == BackendController::Status::Restarting);
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
    if (m_model->isLocalBackend() && localBackend()->isRunning())
        dialog->showLocalBackend(localBackend()->url(), localBackend()->publishableKey());
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
        m_backend->use(choice);
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
            for (Page *page : std::as_const(m_modelPages)) {
                if (page->modelPage() == AuthModel::Page::Code && page->isVisible())
                    page->focusFirstField();
            }
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
        settings.setValue(u"window/geometry"_s, saveGeometry());
    }
    m_backend->stop();
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

} // namespace exegia::signin
