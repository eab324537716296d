#pragma once

#include <QWidget>

#include <memory>

class AuthModel;
namespace Ui {
class RestorePage;
}

// Shown at start while the stored session is restored, and with Retry when
// the server could not be reached (the session is kept for that retry).
class RestorePage : public QWidget
{
    Q_OBJECT
public:
    explicit RestorePage(AuthModel *model, QWidget *parent = nullptr);
    ~RestorePage() override;

    void focusFirstField();

protected:
    void changeEvent(QEvent *event) override;

private:
    void refresh();

    AuthModel *m_model;
    std::unique_ptr<Ui::RestorePage> m_ui;
};
