#pragma once

#include <QColor>
#include <QIcon>
#include <QString>

class QLabel;
class QPalette;
class QWidget;

namespace exegia::signin {

// The app's look in one place. Widgets in the .ui files carry a dynamic
// property "role" (title, subtitle, error, notice, secondary, primary, link,
// provider, badge, card); the style sheet built here styles them from the
// current palette, so light and dark system themes both work.
namespace PageStyle {

void initResources();

// The style sheet for `palette`; MainWindow re-applies it on palette changes.
QString styleSheet(const QPalette &palette);

// A red that is readable on the palette's window colour.
QColor errorColor(const QPalette &palette);

// An SVG mark from the resources; with a valid `tint`, drawn in that colour
// (for one-colour marks that must follow light and dark themes).
QIcon mark(const QString &resourcePath, const QColor &tint = {}, int size = 24);

// Shows `text` in `label`, or hides the label when it is empty, and mirrors
// it to the accessible description of `field` so screen readers hear it.
void showMessage(QLabel *label, const QString &text, QWidget *field = nullptr);

// Keeps a word-wrapped label at least as tall as its text needs at its
// current width. The centred columns size themselves from sizeHint(),
// which guesses the wrapping width, so a long sentence in a narrower
// column would otherwise lose its last line.
void fitWrappedHeight(QLabel *label);

} // namespace PageStyle

} // namespace exegia::signin
