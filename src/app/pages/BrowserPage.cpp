#include "FormPages.h"

#include "AuthModel.h"
#include "PageStyle.h"
#include "ui_BrowserPage.h"

#include <exegia/auth/AuthClient.h>

#include <QClipboard>
#include <QGuiApplication>
#include <QStyle>

namespace exegia::signin {

BrowserPage::BrowserPage(AuthModel *authModel, QWidget *parent)
    : FormPage(authModel, parent)
{
    showHeaderMark(m_ui->markLabel);
    connect(m_ui->cancelButton, &QPushButton::clicked, model(), &AuthModel::cancelBrowser);
    connect(m_ui->reopenButton, &QPushButton::clicked, model(),
            [this] { model()->reopenBrowser(); });
    connect(m_ui->copyButton, &QPushButton::clicked, this, &BrowserPage::copyLink);
    // Esc cancels, as in any dialog that waits for something.
    setWayBack(AuthModel::State::WaitingForBrowser, &AuthModel::cancelBrowser);

    refreshOn({&AuthModel::stateChanged, &AuthModel::browserChanged});
    refresh();
}

void BrowserPage::focusFirstField()
{
    // With no browser the link is what the person needs next; otherwise
    // Cancel is the one thing they may want here.
    if (model()->browserOpenFailed())
        m_ui->copyButton->setFocus(Qt::OtherFocusReason);
    else
        m_ui->cancelButton->setFocus(Qt::OtherFocusReason);
}

void BrowserPage::copyLink()
{
    if (model()->browserUrl().isEmpty())
        return;
    QGuiApplication::clipboard()->setText(model()->browserUrl().toString(QUrl::FullyEncoded));
    m_copied = true;
    refresh();
}

QString BrowserPage::explanation() const
{
    const QString name = exegia::auth::AuthClient::providerDisplayName(model()->browserProvider());
    if (model()->browserUrl().isEmpty())
        return tr("Opening your browser…");
    if (model()->browserOpenFailed())
        return tr("Open the link below in your browser and sign in with %1 there. This window "
                  "continues by itself when you are done.")
            .arg(name);
    if (model()->busyAction() == AuthModel::Action::Link)
        return tr("Sign in with %1 on the page that opened in your browser to link it to this "
                  "account. This window continues by itself when you are done.")
            .arg(name);
    return tr("Sign in with %1 on the page that opened in your browser. This window continues "
              "by itself when you are done.")
        .arg(name);
}

void BrowserPage::refresh()
{
    const bool failed = model()->browserOpenFailed();
    const QUrl url = model()->browserUrl();
    if (url.isEmpty())
        m_copied = false;

    m_ui->titleLabel->setText(tr("Finish in your browser"));
    m_ui->explanationLabel->setText(explanation());
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

} // namespace exegia::signin
