#pragma once

#include "FormPage.h"

namespace Ui {
class RestorePage;
}

namespace exegia::signin {

// Shown at start while the stored session is restored, and with Retry when
// the server could not be reached (the session is kept for that retry).
class RestorePage : public FormPage<Ui::RestorePage, AuthModel::Page::Restore>
{
    Q_OBJECT
public:
    explicit RestorePage(AuthModel *model, QWidget *parent = nullptr);

    void focusFirstField() override;

private:
    void refresh() override;
};

} // namespace exegia::signin
