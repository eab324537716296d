#pragma once

#include "Page.h"

#include <memory>

namespace Ui {
class RestorePage;
}

namespace exegia::signin {

// Shown at start while the stored session is restored, and with Retry when
// the server could not be reached (the session is kept for that retry).
class RestorePage : public Page
{
    Q_OBJECT
public:
    explicit RestorePage(AuthModel *model, QWidget *parent = nullptr);
    ~RestorePage() override;

    AuthModel::Page modelPage() const override { return AuthModel::Page::Restore; }
    void focusFirstField() override;

private:
    void refresh() override;
    void retranslate() override;

    std::unique_ptr<Ui::RestorePage> m_ui;
};

} // namespace exegia::signin
