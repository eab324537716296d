#pragma once

#include "FormPage.h"

namespace Ui {
class RegisterPage;
}

namespace exegia::signin {

// Screen 3: signed in, but no profile yet. Create one, or cancel (which
// signs the half-finished session out).
class RegisterPage : public FormPage<Ui::RegisterPage, AuthModel::Page::Register>
{
    Q_OBJECT
public:
    explicit RegisterPage(AuthModel *model, QWidget *parent = nullptr);

private:
    void refresh() override;
    void prefill();

    QString m_prefilledFor; // the user id the fields were prefilled for
};

} // namespace exegia::signin
