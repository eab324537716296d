#pragma once

#include <QDialog>

class QLabel;
class QPushButton;

namespace exegia::signin {

class AuthModel;
class CodeInput;

// Two-step verification with an authenticator app. Enroll: the QR code
// (the server's SVG), the key as text with Copy, and the first code to
// confirm; Cancel removes the unconfirmed factor. Disable: only the code,
// which proves the person still holds the factor before it is removed.
// The dialog follows the model and closes when the change is done.
class TotpDialog : public QDialog
{
    Q_OBJECT
public:
    enum class Mode { Enroll, Disable };

    TotpDialog(AuthModel *model, Mode mode, QWidget *parent = nullptr);

    void reject() override;

protected:
    void changeEvent(QEvent *event) override;
    void showEvent(QShowEvent *event) override;

private:
    QLayout *buildKeyArea();
    void retranslate();
    void refresh();
    void confirm();
    void copyKey();
    QString secret() const;
    void drawQrCode();

    AuthModel *m_model;
    Mode m_mode;
    QLabel *m_intro;
    QLabel *m_qr = nullptr; // the server's SVG, drawn at the screen's density
    QLabel *m_keyCaption = nullptr;
    QLabel *m_key = nullptr;
    QPushButton *m_copy = nullptr;
    QLabel *m_codeLabel;
    CodeInput *m_code;
    QLabel *m_error;
    QPushButton *m_confirm;
    QPushButton *m_cancel;
    bool m_copied = false;
};

} // namespace exegia::signin
