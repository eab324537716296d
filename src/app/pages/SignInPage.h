#pragma once

#include "FormPage.h"

#include <QString>

namespace Ui {
class SignInPage;
}

namespace exegia::signin {

// Screen 1: Google, Apple, an email code, or a guest session.
class SignInPage : public FormPage<Ui::SignInPage, AuthModel::Page::SignIn>
{
    Q_OBJECT
public:
    explicit SignInPage(AuthModel *model, QWidget *parent = nullptr);

private:
    void refresh() override;
    void applyMarks() override;
    void rememberMethod();

    QString m_pendingMethod; // clicked, not yet signed in
};

} // namespace exegia::signin
