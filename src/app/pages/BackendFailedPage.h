#pragma once

#include <QWidget>

class QLabel;
class QPlainTextEdit;
class QPushButton;

namespace exegia::signin {

class BackendController;

// Shown instead of the model's screens when the local backend could not be
// brought back: why, a Restart button, and the backend's last log lines
// (redacted) behind "Show details" for whoever needs to look closer.
class BackendFailedPage : public QWidget
{
    Q_OBJECT
public:
    explicit BackendFailedPage(BackendController *backend, QWidget *parent = nullptr);

    void focusFirstField();

protected:
    void changeEvent(QEvent *event) override;

private:
    void refresh();
    void retranslate();

    BackendController *m_backend;
    QLabel *m_title;
    QLabel *m_message;
    QPushButton *m_restartButton;
    QPushButton *m_detailsButton;
    QPlainTextEdit *m_details;
};

} // namespace exegia::signin
