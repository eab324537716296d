#include "FormPages.h"

#include "Accessibility.h"
#include "AuthModel.h"
#include "PageStyle.h"
#include "ui_RestorePage.h"

namespace exegia::signin {

RestorePage::RestorePage(AuthModel *authModel, QWidget *parent)
    : FormPage(authModel, parent)
{
    PageStyle::fitWrappedHeight(m_ui->errorLabel);
    showHeaderMark(m_ui->markLabel);
    connect(m_ui->retryButton, &QPushButton::clicked, model(), &AuthModel::retryRestore);
    refreshOn({&AuthModel::stateChanged, &AuthModel::errorsChanged});
    refresh();
}

void RestorePage::focusFirstField()
{
    if (m_ui->retryButton->isVisible())
        m_ui->retryButton->setFocus(Qt::OtherFocusReason);
}

void RestorePage::refresh()
{
    const bool failed = model()->state() == AuthModel::State::RestoreFailed;
    m_ui->titleLabel->setText(failed ? tr("You are still signed in")
                                     : tr("Restoring your session…"));
    // On failure the title says the session is kept and the error says
    // why; the progress line would only repeat them.
    m_ui->messageLabel->setText(tr("Checking your saved session with the server."));
    m_ui->messageLabel->setVisible(!failed);
    m_ui->progressBar->setVisible(!failed);
    m_ui->progressBar->setAccessibleName(tr("Restoring your session"));
    Accessibility::showError(m_ui->errorLabel, failed ? model()->restoreError() : QString());
    m_ui->retryButton->setVisible(failed);
    m_ui->retryButton->setText(tr("Try again"));
    m_ui->retryButton->setAccessibleDescription(tr("Try to restore your session again"));
    if (failed && isVisible() && !m_ui->retryButton->hasFocus())
        m_ui->retryButton->setFocus(Qt::OtherFocusReason);
}

} // namespace exegia::signin
