#pragma once

#include <QWidget>

#include <memory>

class AuthModel;
namespace Ui {
class CodePage;
}

// Screen 2: enter the emailed code, resend it after the cooldown, or go
// back to use another address.
class CodePage : public QWidget
{
    Q_OBJECT
public:
    explicit CodePage(AuthModel *model, QWidget *parent = nullptr);
    ~CodePage() override;

    void focusFirstField();

protected:
    void changeEvent(QEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;

private:
    void refresh();
    void refreshCooldown();

    AuthModel *m_model;
    std::unique_ptr<Ui::CodePage> m_ui;
};
