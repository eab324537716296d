#pragma once

#include "FormPage.h"
#include "TotpDialog.h"

#include <exegia/auth/Identity.h>

#include <QPointer>

#include <optional>

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

protected:
    // Enter on the two-step check box toggles it, as Space does.
    void keyPressEvent(QKeyEvent *event) override;

private:
    void refresh() override;
    void refreshActions();
    void signOut(bool everywhere);
    void confirmGuestSignOut(bool everywhere);
    void refreshAvatar();
    void refreshProvider(const QString &provider, QLabel *status, QPushButton *link);
    void applyMarks() override;
    // Security, sign-in methods and email change (issue 13).
    void connectSecurity();
    void refreshSecurity();
    void refreshIdentity(const QString &provider, QLabel *status, QPushButton *unlink);
    std::optional<exegia::auth::Identity> identityFor(const QString &provider) const;
    void confirmUnlink(const QString &provider);
    void toggleTwoStep();
    void openTwoStepDialog(TotpDialog::Mode mode);

    AvatarLoader *m_avatar;
    QPointer<TotpDialog> m_twoStepDialog;
    QString m_nameShownFor; // keeps a half-typed name while other things change
};

} // namespace exegia::signin
