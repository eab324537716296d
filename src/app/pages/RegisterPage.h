#pragma once

#include <QWidget>

#include <memory>

class AuthModel;
namespace Ui {
class RegisterPage;
}

// Screen 3: signed in, but no profile yet. Create one, or cancel (which
// signs the half-finished session out).
class RegisterPage : public QWidget
{
    Q_OBJECT
public:
    explicit RegisterPage(AuthModel *model, QWidget *parent = nullptr);
    ~RegisterPage() override;

    void focusFirstField();

protected:
    void changeEvent(QEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;

private:
    void refresh();
    void prefill();

    AuthModel *m_model;
    std::unique_ptr<Ui::RegisterPage> m_ui;
    QString m_prefilledFor; // the user id the fields were prefilled for
};
