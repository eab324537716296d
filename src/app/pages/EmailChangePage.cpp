#include "FormPages.h"

#include "Accessibility.h"
#include "AuthModel.h"
#include "PageStyle.h"
#include "ResendCooldown.h"
#include "ui_EmailChangePage.h"

namespace exegia::signin {

EmailChangePage::EmailChangePage(AuthModel *authModel, QWidget *parent)
    : FormPage(authModel, parent)
{
    showHeaderMark(m_ui->markLabel);
    // Esc is Cancel: the address in use stays.
    setUpCodeEntry({m_ui->codeEdit, m_ui->verifyButton, &AuthModel::verifyEmailChange,
                    AuthModel::Field::EmailChangeCode, AuthModel::State::AwaitingEmailChangeCode,
                    m_ui->cancelButton, &AuthModel::cancelEmailChange});
    connect(m_ui->resendButton, &QPushButton::clicked, model(), &AuthModel::resendEmailChange);
    refreshOn({&AuthModel::stateChanged, &AuthModel::errorsChanged, &AuthModel::emailChanged,
               &AuthModel::noticeChanged});
    connect(model(), &AuthModel::resendCooldownChanged, this, &EmailChangePage::refreshCooldown);
    refresh();
}

void EmailChangePage::refresh()
{
    const bool waiting = model()->state() == AuthModel::State::AwaitingEmailChangeCode;
    if (!model()->pendingEmail().isEmpty())
        m_ui->sentToLabel->setText(tr("Enter the 6-digit code we sent to %1. Your address "
                                      "changes once the code is confirmed.")
                                       .arg(model()->pendingEmail()));
    m_ui->codeEdit->setReadOnly(!waiting);
    m_ui->verifyButton->setEnabled(waiting);
    m_ui->verifyButton->setText(model()->busyAction() == AuthModel::Action::VerifyEmailChange
                                    ? tr("Verifying…")
                                    : tr("Verify"));
    m_ui->cancelButton->setEnabled(waiting);
    PageStyle::showMessage(m_ui->noticeLabel, model()->notice());
    Accessibility::showError(m_ui->codeErrorLabel, model()->emailChangeCodeError(), m_ui->codeEdit);
    if (!model()->emailChangeCodeError().isEmpty() && isVisible())
        focusFirstField();
    refreshCooldown();
}

void EmailChangePage::refreshCooldown()
{
    showResendCooldown(model(), model()->state() == AuthModel::State::AwaitingEmailChangeCode,
                       m_ui->resendButton, m_ui->cooldownLabel);
}

} // namespace exegia::signin
