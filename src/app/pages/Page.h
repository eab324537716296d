#pragma once

#include "AuthModel.h"

#include <QWidget>

#include <initializer_list>

class QLabel;
class QLineEdit;

namespace exegia::signin {

// What the six screens of the main window share (after KeePassXC's small
// page base class): the model they show, the model page they stand for,
// where the cursor starts, re-reading the model on its signals and on a
// language change, redrawing tinted marks on a palette change, and Esc as
// the screen's "back" action. MainWindow handles every page the same way.
class Page : public QWidget
{
    Q_OBJECT
public:
    explicit Page(AuthModel *model, QWidget *parent = nullptr);

    // The model page this screen shows (MainWindow picks the screen by it).
    virtual AuthModel::Page modelPage() const = 0;
    // Puts the cursor where a person starts (called when the page is shown).
    virtual void focusFirstField() = 0;

    // The Exegia mark at the top of a page.
    static void showHeaderMark(QLabel *label);

protected:
    AuthModel *model() const { return m_model; }

    // Re-reads everything shown from the model.
    virtual void refresh() = 0;
    // Translates the Designer part of the page (uic's retranslateUi).
    virtual void retranslate() = 0;
    // Redraws marks tinted with the palette's colours.
    virtual void applyMarks() {}
    // Esc: the page's way back; false lets the key travel on.
    virtual bool escape() { return false; }

    // An escape() body: runs `back` when the model is in `state` (the one
    // state in which the page's way back is open) and says whether it did.
    using ModelAction = void (AuthModel::*)();
    bool goBackIn(AuthModel::State state, ModelAction back);

    // Typing in `edit` clears the model's error for `field`.
    void clearErrorOnEdit(QLineEdit *edit, AuthModel::Field field);

    // refresh() on each of these model signals.
    using ModelSignal = void (AuthModel::*)();
    void refreshOn(std::initializer_list<ModelSignal> modelSignals);
    void changeEvent(QEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;

private:
    AuthModel *m_model;
};

} // namespace exegia::signin
