#pragma once

#include "FormPage.h"

namespace Ui {
class EmailChangePage;
}

namespace exegia::signin {

// Changing the email address, second step: the code sent to the new
// address, a new code after the cooldown, or Cancel to keep the old one.
class EmailChangePage : public FormPage<Ui::EmailChangePage, AuthModel::Page::EmailChange>
{
    Q_OBJECT
public:
    explicit EmailChangePage(AuthModel *model, QWidget *parent = nullptr);

private:
    void refresh() override;
    void refreshCooldown();
};

} // namespace exegia::signin
