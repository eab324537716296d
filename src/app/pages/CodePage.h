#pragma once

#include "Page.h"

#include <memory>

namespace Ui {
class CodePage;
}

namespace exegia::signin {

// Screen 2: enter the emailed code, resend it after the cooldown, or go
// back to use another address.
class CodePage : public Page
{
    Q_OBJECT
public:
    explicit CodePage(AuthModel *model, QWidget *parent = nullptr);
    ~CodePage() override;

    AuthModel::Page modelPage() const override { return AuthModel::Page::Code; }
    void focusFirstField() override;

private:
    void refresh() override;
    void retranslate() override;
    bool escape() override;
    void refreshCooldown();

    std::unique_ptr<Ui::CodePage> m_ui;
};

} // namespace exegia::signin
