#pragma once

#include "FormPage.h"

namespace Ui {
class SecondFactorPage;
}

namespace exegia::signin {

// After the first factor, for an account with two-step verification: the
// code from the authenticator app, or Cancel to sign out.
class SecondFactorPage : public FormPage<Ui::SecondFactorPage, AuthModel::Page::SecondFactor>
{
    Q_OBJECT
public:
    explicit SecondFactorPage(AuthModel *model, QWidget *parent = nullptr);

private:
    void refresh() override;
};

} // namespace exegia::signin
