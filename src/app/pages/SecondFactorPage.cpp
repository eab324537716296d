#include "FormPages.h"

#include "Accessibility.h"
#include "AuthModel.h"
#include "ui_SecondFactorPage.h"

namespace exegia::signin {

SecondFactorPage::SecondFactorPage(AuthModel *authModel, QWidget *parent)
    : FormPage(authModel, parent)
{
    showHeaderMark(m_ui->markLabel);
    // Esc is Cancel: the first factor alone does not open the account.
    setUpCodeEntry({m_ui->codeEdit, m_ui->verifyButton, &AuthModel::verifySecondFactor,
                    AuthModel::Field::SecondFactor, AuthModel::State::NeedsSecondFactor,
                    m_ui->cancelButton, &AuthModel::cancelSecondFactor});
    refreshOn({&AuthModel::stateChanged, &AuthModel::errorsChanged});
    refresh();
}

void SecondFactorPage::refresh()
{
    const bool waiting = model()->state() == AuthModel::State::NeedsSecondFactor;
    const auto action = model()->busyAction();
    m_ui->codeEdit->setReadOnly(!waiting);
    m_ui->verifyButton->setEnabled(waiting);
    m_ui->verifyButton->setText(action == AuthModel::Action::VerifySecondFactor ? tr("Verifying…")
                                                                                : tr("Verify"));
    m_ui->cancelButton->setEnabled(waiting);
    m_ui->cancelButton->setText(action == AuthModel::Action::SignOut ? tr("Signing out…")
                                                                     : tr("Cancel"));
    Accessibility::showError(m_ui->codeErrorLabel, model()->secondFactorError(), m_ui->codeEdit);
    // A wrong code: the field keeps the focus, its text selected to retype.
    if (!model()->secondFactorError().isEmpty() && isVisible())
        focusFirstField();
}

} // namespace exegia::signin
