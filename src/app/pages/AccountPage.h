#pragma once

#include "FormPage.h"

class QLabel;
class QPushButton;
namespace Ui {
class AccountPage;
}

namespace exegia::signin {

class AvatarLoader;

// Screen 4: who is signed in, how they can sign in, their display name, and
// the sign-out actions.
class AccountPage : public FormPage<Ui::AccountPage, AuthModel::Page::Account>
{
    Q_OBJECT
public:
    AccountPage(AuthModel *model, AvatarLoader *avatar, QWidget *parent = nullptr);

    void focusFirstField() override;

private:
    void refresh() override;
    void refreshActions();
    void signOut(bool everywhere);
    void confirmGuestSignOut(bool everywhere);
    void refreshAvatar();
    void refreshProvider(const QString &provider, QLabel *status, QPushButton *link);
    void applyMarks() override;

    AvatarLoader *m_avatar;
    QString m_nameShownFor; // keeps a half-typed name while other things change
};

} // namespace exegia::signin
