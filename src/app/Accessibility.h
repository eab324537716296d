#pragma once

#include <QSize>
#include <QString>

#include <initializer_list>

class QLabel;
class QLineEdit;
class QPushButton;
class QScrollArea;
class QWidget;

// What screen readers, voice control and keyboard-only use need from the
// pages, in one place so each page asks for it with one call.
namespace exegia::signin::Accessibility {

// Once per process, before the first widget is shown: error labels (QLabel
// with the dynamic property role=error) report the AlertMessage role, so
// AT-SPI announces them when they appear (Qt 6.4's bridge drops
// QAccessible::Alert events but forwards "showing" on an alert object).
void install();

// Enter on any push button under `root` presses it, as Space does.
void enterPressesButtons(QWidget *root);

// Enter in any of `fields` presses `button` (nothing happens while the
// button is disabled, so a busy page cannot start an action twice).
void setDefaultButton(QPushButton *button, std::initializer_list<QLineEdit *> fields);

// The clear button of a line edit (clearButtonEnabled) says what it does.
void nameClearButton(QLineEdit *edit);

// A scroll area around a page is a container, not a focus stop: Tab goes
// straight to the page's controls (QScrollArea keeps them in view).
void makeQuietScrollArea(QScrollArea *area);

// Shows (or hides, for an empty text) an error under `field` and announces
// it: a changed message is hidden and shown again, so the screen reader
// hears the new text, not only the first one.
void showError(QLabel *label, const QString &text, QWidget *field = nullptr);

// Moves the keyboard focus to the first of `fields` whose error is showing
// (pairs of field and error label), if the page is visible. True if it did.
bool focusFirstError(std::initializer_list<std::pair<QWidget *, QLabel *>> fields);

// The window within the available area of its screen at any scale factor
// (200 % on a 1920x1080 screen leaves about 960x520): the minimum and the
// first size are bounded by it, and the pages scroll when they must.
void fitToScreen(QWidget *window, QSize minimum, QSize preferred);
// A restored (or moved) geometry shrunk and moved into the available area.
void clampToScreen(QWidget *window);

// Shows `text` in one line, cut with "…" when the label is too narrow; the
// whole text is the tooltip and the accessible name.
void setElidedText(QLabel *label, const QString &text);

// Lets `edit` take more than its maxLength (so a paste is never silently
// cut) and says under it, in `errorLabel`, when the text is too long.
void showLengthLimit(QLineEdit *edit, QLabel *errorLabel);

} // namespace exegia::signin::Accessibility
