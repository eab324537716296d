#pragma once

#include <QLineEdit>
#include <QRegularExpressionValidator>

namespace exegia::signin {

// Accepts what people type or paste as a one-time code: "123456",
// "123 456", "123-456". Separators are dropped as the text arrives, so the
// field only ever holds up to six digits; anything else is refused.
class CodeValidator : public QRegularExpressionValidator
{
    Q_OBJECT
public:
    explicit CodeValidator(QObject *parent = nullptr);
    State validate(QString &input, int &pos) const override;
};

// The code field: digits only, monospaced and spaced out for reading.
class CodeInput : public QLineEdit
{
    Q_OBJECT
public:
    explicit CodeInput(QWidget *parent = nullptr);

    static constexpr int kLength = 6;
};

} // namespace exegia::signin
