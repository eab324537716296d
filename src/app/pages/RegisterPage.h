#pragma once

#include "Page.h"

#include <memory>

namespace Ui {
class RegisterPage;
}

namespace exegia::signin {

// Screen 3: signed in, but no profile yet. Create one, or cancel (which
// signs the half-finished session out).
class RegisterPage : public Page
{
    Q_OBJECT
public:
    explicit RegisterPage(AuthModel *model, QWidget *parent = nullptr);
    ~RegisterPage() override;

    AuthModel::Page modelPage() const override { return AuthModel::Page::Register; }
    void focusFirstField() override;

private:
    void refresh() override;
    void retranslate() override;
    bool escape() override;
    void prefill();

    std::unique_ptr<Ui::RegisterPage> m_ui;
    QString m_prefilledFor; // the user id the fields were prefilled for
};

} // namespace exegia::signin
