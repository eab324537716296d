#include "BrowserPage.h"

#include "AuthModel.h"
#include "PageStyle.h"
#include "ui_BrowserPage.h"

#include <exegia/auth/AuthClient.h>

#include <QClipboard>
#include <QGuiApplication>
#include <QKeyEvent>
#include <QStyle>

BrowserPage::BrowserPage(AuthModel *model, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_ui(std::make_unique<Ui::BrowserPage>())
{
    m_ui->setupUi(this);
    m_ui->markLabel->setPixmap(
        PageStyle::mark(QStringLiteral(":/icons/exegia-mark.svg"), {}, 36).pixmap(36, 36));
    connect(m_ui->cancelButton, &QPushButton::clicked, m_model, &AuthModel::cancelBrowser);
    connect(m_ui->reopenButton, &QPushButton::clicked, m_model,
            [this] { m_model->reopenBrowser(); });
    connect(m_ui->copyButton, &QPushButton::clicked, this, &BrowserPage::copyLink);

    for (auto signal : {&AuthModel::stateChanged, &AuthModel::browserChanged})
        connect(m_model, signal, this, &BrowserPage::refresh);
    refresh();
}

BrowserPage::~BrowserPage() = default;

void BrowserPage::focusFirstField()
{
    // With no browser the link is what the person needs next; otherwise
    // Cancel is the one thing they may want here.
    if (m_model->browserOpenFailed())
        m_ui->copyButton->setFocus(Qt::OtherFocusReason);
    else
        m_ui->cancelButton->setFocus(Qt::OtherFocusReason);
}

void BrowserPage::keyPressEvent(QKeyEvent *event)
{
    // Esc cancels, as in any dialog that waits for something (keys the
    // focused control does not use arrive here, as on the other pages).
    if (event->key() == Qt::Key_Escape && m_model->state() == AuthModel::State::WaitingForBrowser) {
        m_model->cancelBrowser();
        return;
    }
    QWidget::keyPressEvent(event);
}

void BrowserPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        m_ui->retranslateUi(this);
        refresh();
    }
    QWidget::changeEvent(event);
}

void BrowserPage::copyLink()
{
    if (m_model->browserUrl().isEmpty())
        return;
    QGuiApplication::clipboard()->setText(m_model->browserUrl().toString(QUrl::FullyEncoded));
    m_copied = true;
    refresh();
}

void BrowserPage::refresh()
{
    const QString name = exegia::auth::AuthClient::providerDisplayName(m_model->browserProvider());
    const bool linking = m_model->busyAction() == AuthModel::Action::Link;
    const bool failed = m_model->browserOpenFailed();
    const QUrl url = m_model->browserUrl();
    if (url.isEmpty())
        m_copied = false;

    m_ui->titleLabel->setText(tr("Finish in your browser"));
    if (url.isEmpty())
        m_ui->explanationLabel->setText(tr("Opening your browser…"));
    else if (failed)
        m_ui->explanationLabel->setText(
            tr("Open the link below in your browser and sign in with %1 there. This window "
               "continues by itself when you are done.")
                .arg(name));
    else if (linking)
        m_ui->explanationLabel->setText(
            tr("Sign in with %1 on the page that opened in your browser to link it to this "
               "account. This window continues by itself when you are done.")
                .arg(name));
    else
        m_ui->explanationLabel->setText(
            tr("Sign in with %1 on the page that opened in your browser. This window continues "
               "by itself when you are done.")
                .arg(name));
    m_ui->progressBar->setAccessibleName(tr("Waiting for the browser"));

    m_ui->openFailedLabel->setVisible(failed);
    m_ui->urlHintLabel->setVisible(!failed && !url.isEmpty());
    m_ui->urlEdit->setVisible(!url.isEmpty());
    m_ui->copyButton->setVisible(!url.isEmpty());
    if (m_ui->urlEdit->text() != url.toString()) {
        m_ui->urlEdit->setText(url.toString());
        m_ui->urlEdit->setCursorPosition(0);
    }
    // When nothing opened, copying is the way on: make it the main button.
    m_ui->copyButton->setProperty("role", failed ? QStringLiteral("primary") : QString());
    m_ui->copyButton->style()->unpolish(m_ui->copyButton);
    m_ui->copyButton->style()->polish(m_ui->copyButton);
    m_ui->copyButton->setText(m_copied ? tr("Copied") : tr("Copy link"));
    m_ui->copyButton->setAccessibleDescription(tr("Copy the sign-in link"));
    m_ui->reopenButton->setEnabled(!url.isEmpty());
    m_ui->cancelButton->setAccessibleDescription(tr("Cancel signing in"));
    m_ui->reopenButton->setText(failed ? tr("Try to open the browser again")
                                       : tr("Open the browser again"));
    m_ui->cancelButton->setText(tr("Cancel"));
}
