#pragma once

#include "Page.h"

#include <memory>

namespace exegia::signin {

// A Page whose widgets come from a Designer form: owns the uic class, sets
// it up, re-translates it on a language change, and stands for `ModelPage`,
// so each page only says what is its own. No Q_OBJECT here (moc does not
// handle templates); the pages deriving from it have one.
template <typename UiClass, AuthModel::Page ModelPage> class FormPage : public Page
{
public:
    AuthModel::Page modelPage() const override { return ModelPage; }

protected:
    // Everything that needs the complete uic class happens in this
    // constructor, which only the page's own .cpp (with its ui_*.h)
    // instantiates: the page header, moc's code and MainWindow see the uic
    // class only by declaration, as they did before.
    explicit FormPage(AuthModel *model, QWidget *parent)
        : Page(model, parent)
        , m_ui(new UiClass, [](UiClass *ui) { delete ui; })
        , m_retranslate([](UiClass *ui, QWidget *page) { ui->retranslateUi(page); })
    {
        m_ui->setupUi(this);
    }

    void retranslate() override { m_retranslate(m_ui.get(), this); }

    const std::unique_ptr<UiClass, void (*)(UiClass *)> m_ui;

private:
    void (*const m_retranslate)(UiClass *, QWidget *);
};

} // namespace exegia::signin
