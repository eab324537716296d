#include "SecondFactorPage.h"

#include "Accessibility.h"
#include "AuthModel.h"
#include "ui_SecondFactorPage.h"

namespace exegia::signin {

SecondFactorPage::SecondFactorPage(AuthModel *authModel, QWidget *parent)
    : FormPage(authModel, parent)
{
    showHeaderMark(m_ui->markLabel);
    auto verify = [this] { model()->verifySecondFactor(m_ui->codeEdit->text()); };
    connect(m_ui->verifyButton, &QPushButton::clicked, model(), verify);
    Accessibility::setDefaultButton(m_ui->verifyButton, {m_ui->codeEdit});
    connect(m_ui->cancelButton, &QPushButton::clicked, model(), &AuthModel::cancelSecondFactor);
    clearErrorOnEdit(m_ui->codeEdit, AuthModel::Field::SecondFactor);
    setFirstField(m_ui->codeEdit, FirstField::SelectText);
    // Esc is Cancel: the first factor alone does not open the account.
    setWayBack(AuthModel::State::NeedsSecondFactor, &AuthModel::cancelSecondFactor);
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
