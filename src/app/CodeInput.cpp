#include "CodeInput.h"

#include <QFontDatabase>

namespace exegia::signin {

CodeValidator::CodeValidator(QObject *parent)
    : QRegularExpressionValidator(QRegularExpression(QStringLiteral("^\\d{0,6}$")), parent)
{}

QValidator::State CodeValidator::validate(QString &input, int &pos) const
{
    // Drop the separators people paste, keeping the cursor where it was
    // relative to the digits.
    QString digits;
    int newPos = 0;
    for (int i = 0; i < input.size(); ++i) {
        const QChar c = input.at(i);
        if (c.isSpace() || c == u'-' || c == QChar(0x2013) || c == QChar(0x2212))
            continue;
        digits.append(c);
        if (i < pos)
            ++newPos;
    }
    const State state = QRegularExpressionValidator::validate(digits, newPos);
    if (state != Invalid) {
        input = digits;
        pos = newPos;
    }
    return state;
}

CodeInput::CodeInput(QWidget *parent)
    : QLineEdit(parent)
{
    setValidator(new CodeValidator(this));
    QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    mono.setPointSizeF(font().pointSizeF() * 1.5);
    mono.setLetterSpacing(QFont::AbsoluteSpacing, 4);
    setFont(mono);
    setAlignment(Qt::AlignCenter);
    setMinimumHeight(fontMetrics().height() + 14);
}

} // namespace exegia::signin
