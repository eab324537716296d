#pragma once

#include <QString>
#include <QWidget>

#include <memory>

class AuthModel;
namespace Ui {
class SignInPage;
}

// Screen 1: Google, Apple, an email code, or a guest session.
class SignInPage : public QWidget
{
    Q_OBJECT
public:
    explicit SignInPage(AuthModel *model, QWidget *parent = nullptr);
    ~SignInPage() override;

    // Puts the cursor where a person starts (called when the page is shown).
    void focusFirstField();

protected:
    void changeEvent(QEvent *event) override;

private:
    void refresh();
    void applyMarks();
    void rememberMethod();

    AuthModel *m_model;
    std::unique_ptr<Ui::SignInPage> m_ui;
    QString m_pendingMethod; // clicked, not yet signed in
};
