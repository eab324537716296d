#pragma once

#include "FormPage.h"

namespace Ui {
class BrowserPage;
}

namespace exegia::signin {

// "Finish in your browser": shown while a browser sign-in or link runs.
// Says what is happening, shows a busy bar, offers Cancel (Esc), "Open the
// browser again", and the authorization link to copy, which becomes the
// main thing on the page when no browser could be opened.
class BrowserPage : public FormPage<Ui::BrowserPage, AuthModel::Page::Browser>
{
    Q_OBJECT
public:
    explicit BrowserPage(AuthModel *model, QWidget *parent = nullptr);

    void focusFirstField() override;

private:
    void refresh() override;
    void copyLink();
    QString explanation() const;

    bool m_copied = false;
};

} // namespace exegia::signin
