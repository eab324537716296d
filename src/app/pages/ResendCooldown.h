#pragma once

class QLabel;
class QPushButton;

namespace exegia::signin {

class AuthModel;

// The "Send a new code" button and the countdown under it, as the two code
// pages show them (the sign-in code and the new address's code): enabled
// only while `waiting` and the model's cooldown is over.
void showResendCooldown(const AuthModel *model, bool waiting, QPushButton *resend,
                        QLabel *countdown);

} // namespace exegia::signin
