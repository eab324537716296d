#pragma once

#include "Page.h"

#include <QString>

#include <memory>

namespace Ui {
class SignInPage;
}

namespace exegia::signin {

// Screen 1: Google, Apple, an email code, or a guest session.
class SignInPage : public Page
{
    Q_OBJECT
public:
    explicit SignInPage(AuthModel *model, QWidget *parent = nullptr);
    ~SignInPage() override;

    AuthModel::Page modelPage() const override { return AuthModel::Page::SignIn; }
    void focusFirstField() override;

private:
    void refresh() override;
    void retranslate() override;
    void applyMarks() override;
    void rememberMethod();

    std::unique_ptr<Ui::SignInPage> m_ui;
    QString m_pendingMethod; // clicked, not yet signed in
};

} // namespace exegia::signin
