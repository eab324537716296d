#include "ResendCooldown.h"

#include "AuthModel.h"
#include "PageStyle.h"

#include <QCoreApplication>
#include <QLabel>
#include <QPushButton>

namespace exegia::signin {

void showResendCooldown(const AuthModel *model, bool waiting, QPushButton *resend,
                        QLabel *countdown)
{
    // The sentences were first the sign-in code page's; they keep its
    // context (spelled out for lupdate) so their translations stay.
    const int seconds = model->resendCooldown();
    const bool sending = model->busyAction() == AuthModel::Action::ResendCode;
    resend->setEnabled(waiting && seconds == 0);
    if (sending)
        resend->setText(QCoreApplication::translate("exegia::signin::CodePage", "Sending…"));
    else if (seconds > 0)
        resend->setText(
            QCoreApplication::translate("exegia::signin::CodePage", "Send a new code (%1 s)")
                .arg(seconds));
    else
        resend->setText(QCoreApplication::translate("exegia::signin::CodePage", "Send a new code"));
    PageStyle::showMessage(
        countdown,
        seconds > 0 ? QCoreApplication::translate(
                          "exegia::signin::CodePage",
                          "For security, a new code can be sent in %n second(s).", nullptr, seconds)
                    : QString());
}

} // namespace exegia::signin
