#pragma once

#include <QWidget>

#include <memory>

class AuthModel;
namespace Ui {
class BrowserPage;
}

// "Finish in your browser": shown while a browser sign-in or link runs.
// Says what is happening, shows a busy bar, offers Cancel (Esc), "Open the
// browser again", and the authorization link to copy, which becomes the
// main thing on the page when no browser could be opened.
class BrowserPage : public QWidget
{
    Q_OBJECT
public:
    explicit BrowserPage(AuthModel *model, QWidget *parent = nullptr);
    ~BrowserPage() override;

    void focusFirstField();

protected:
    void changeEvent(QEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;

private:
    void refresh();
    void copyLink();

    AuthModel *m_model;
    std::unique_ptr<Ui::BrowserPage> m_ui;
    bool m_copied = false;
};
