#pragma once

#include "AuthModel.h"

#include <QWidget>

#include <initializer_list>

class QLabel;
class QLineEdit;
class QPushButton;

namespace exegia::signin {

// What the six screens of the main window share (after KeePassXC's small
// page base class): the model they show, the model page they stand for,
// where the cursor starts, re-reading the model on its signals and on a
// language change, redrawing tinted marks on a palette change, and Esc as
// the screen's "back" action. What differs between pages (the first field,
// the way back, the signals to follow) each page gives in its constructor.
// MainWindow handles every page the same way.
class Page : public QWidget
{
    Q_OBJECT
public:
    explicit Page(AuthModel *model, QWidget *parent = nullptr);

    // The model page this screen shows (MainWindow picks the screen by it).
    virtual AuthModel::Page modelPage() const = 0;
    // Puts the cursor where a person starts (called when the page is shown):
    // on the field given to setFirstField(), unless the page decides itself.
    virtual void focusFirstField();

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

    // Where focusFirstField() puts the cursor; SelectText selects what the
    // field holds, so that typing replaces it.
    enum class FirstField { KeepText, SelectText };
    void setFirstField(QLineEdit *field, FirstField how = FirstField::KeepText);

    // Esc, the page's way back: runs `back` when the model is in `state`
    // (the one state in which the way back is open). Without it, or in
    // another state, the key travels on.
    using ModelAction = void (AuthModel::*)();
    void setWayBack(AuthModel::State state, ModelAction back);

    // Typing in `edit` clears the model's error for `field`.
    void clearErrorOnEdit(QLineEdit *edit, AuthModel::Field field);

    // A page that asks for a code (the emailed one, the authenticator's, the
    // one sent to a new address): `verify` runs with the field's text on the
    // button or Enter; typing clears the model's error for `field`; the
    // cursor starts in the field with its text selected; `backButton` runs
    // `back`, and so does Esc while the model waits in `waiting`.
    struct CodeEntry
    {
        QLineEdit *edit;
        QPushButton *verifyButton;
        void (AuthModel::*verify)(const QString &code);
        AuthModel::Field field;
        AuthModel::State waiting;
        QPushButton *backButton;
        ModelAction back;
    };
    void setUpCodeEntry(const CodeEntry &entry);

    // refresh() on each of these model signals.
    using ModelSignal = void (AuthModel::*)();
    void refreshOn(std::initializer_list<ModelSignal> modelSignals);
    void changeEvent(QEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;

private:
    bool goBack();
    // The code entry's verify action with the field's text (a named slot:
    // the member function pointer called inside a lambda trips GCC 12's
    // -Wmaybe-uninitialized under -fsanitize=undefined).
    void submitCode();

    AuthModel *m_model;
    QLineEdit *m_firstField = nullptr;
    FirstField m_firstFieldHow = FirstField::KeepText;
    AuthModel::State m_wayBackState = AuthModel::State::SignedOut;
    ModelAction m_wayBack = nullptr;
    CodeEntry m_codeEntry{};
};

} // namespace exegia::signin
