#include "FormPages.h"

#include "Accessibility.h"
#include "AuthModel.h"
#include "PageStyle.h"
#include "ResendCooldown.h"
#include "ui_CodePage.h"

#include <QCoreApplication>
#include <QKeyEvent>
namespace exegia::signin {

CodePage::CodePage(AuthModel *authModel, QWidget *parent)
    : FormPage(authModel, parent)
{
    showHeaderMark(m_ui->markLabel);

    // Esc goes back, the way "Use another email" does.
    setUpCodeEntry({m_ui->codeEdit, m_ui->verifyButton, &AuthModel::verifyCode,
                    AuthModel::Field::Code, AuthModel::State::AwaitingCode,
                    m_ui->anotherEmailButton, &AuthModel::useAnotherEmail});
    connect(m_ui->resendButton, &QPushButton::clicked, model(), &AuthModel::resendCode);

    refreshOn({&AuthModel::stateChanged, &AuthModel::errorsChanged, &AuthModel::emailChanged,
               &AuthModel::noticeChanged});
    connect(model(), &AuthModel::resendCooldownChanged, this, &CodePage::refreshCooldown);
    refresh();
}

void CodePage::refresh()
{
    const auto state = model()->state();
    const bool waiting = state == AuthModel::State::AwaitingCode;
    m_ui->sentToLabel->setText(
        tr("Enter the 6-digit code we sent to %1. It can take a minute to arrive.")
            .arg(model()->email()));
    m_ui->codeEdit->setReadOnly(!waiting);
    m_ui->verifyButton->setEnabled(waiting);
    m_ui->verifyButton->setText(state == AuthModel::State::Verifying ? tr("Verifying…")
                                                                     : tr("Verify"));
    m_ui->anotherEmailButton->setEnabled(waiting);
    // The line above already says where the code went; the model's
    // "We sent a code to ..." would say it a second time.
    const QString sent =
        QCoreApplication::translate("exegia::signin::AuthModel", "We sent a 6-digit code to %1.")
            .arg(model()->email());
    PageStyle::showMessage(m_ui->noticeLabel,
                           model()->notice() == sent ? QString() : model()->notice());
    Accessibility::showError(m_ui->codeErrorLabel, model()->codeError(), m_ui->codeEdit);
    if (!model()->codeError().isEmpty() && isVisible()) {
        m_ui->codeEdit->setFocus(Qt::OtherFocusReason);
        m_ui->codeEdit->selectAll();
    }
    refreshCooldown();
}

void CodePage::refreshCooldown()
{
    showResendCooldown(model(), model()->state() == AuthModel::State::AwaitingCode,
                       m_ui->resendButton, m_ui->cooldownLabel);
}

} // namespace exegia::signin
