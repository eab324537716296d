#pragma once

#include "Page.h"

#include <memory>

namespace Ui {
class BrowserPage;
}

namespace exegia::signin {

// "Finish in your browser": shown while a browser sign-in or link runs.
// Says what is happening, shows a busy bar, offers Cancel (Esc), "Open the
// browser again", and the authorization link to copy, which becomes the
// main thing on the page when no browser could be opened.
class BrowserPage : public Page
{
    Q_OBJECT
public:
    explicit BrowserPage(AuthModel *model, QWidget *parent = nullptr);
    ~BrowserPage() override;

    AuthModel::Page modelPage() const override { return AuthModel::Page::Browser; }
    void focusFirstField() override;

private:
    void refresh() override;
    void retranslate() override;
    bool escape() override;
    void copyLink();
    QString explanation() const;

    std::unique_ptr<Ui::BrowserPage> m_ui;
    bool m_copied = false;
};

} // namespace exegia::signin
