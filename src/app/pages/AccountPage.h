#pragma once

#include <QWidget>

#include <memory>

class AuthModel;
class AvatarLoader;
class QLabel;
class QPushButton;
namespace Ui {
class AccountPage;
}

// Screen 4: who is signed in, how they can sign in, their display name, and
// the sign-out actions.
class AccountPage : public QWidget
{
    Q_OBJECT
public:
    AccountPage(AuthModel *model, AvatarLoader *avatar, QWidget *parent = nullptr);
    ~AccountPage() override;

    void focusFirstField();

protected:
    void changeEvent(QEvent *event) override;

private:
    void refresh();
    void refreshAvatar();
    void refreshProvider(const QString &provider, QLabel *status, QPushButton *link);
    void applyMarks();

    AuthModel *m_model;
    AvatarLoader *m_avatar;
    std::unique_ptr<Ui::AccountPage> m_ui;
    QString m_nameShownFor; // keeps a half-typed name while other things change
};
