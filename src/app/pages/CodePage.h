#pragma once

#include "FormPage.h"

namespace Ui {
class CodePage;
}

namespace exegia::signin {

// Screen 2: enter the emailed code, resend it after the cooldown, or go
// back to use another address.
class CodePage : public FormPage<Ui::CodePage, AuthModel::Page::Code>
{
    Q_OBJECT
public:
    explicit CodePage(AuthModel *model, QWidget *parent = nullptr);

private:
    void refresh() override;
    void refreshCooldown();
};

} // namespace exegia::signin
