#include "CodePage.h"

#include "Accessibility.h"
#include "AuthModel.h"
#include "PageStyle.h"
#include "ui_CodePage.h"

#include <QCoreApplication>
#include <QKeyEvent>

CodePage::CodePage(AuthModel *model, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_ui(std::make_unique<Ui::CodePage>())
{
    m_ui->setupUi(this);
    m_ui->markLabel->setPixmap(
        PageStyle::mark(QStringLiteral(":/icons/exegia-mark.svg"), {}, 36).pixmap(36, 36));

    auto verify = [this] { m_model->verifyCode(m_ui->codeEdit->text()); };
    connect(m_ui->verifyButton, &QPushButton::clicked, m_model, verify);
    Accessibility::setDefaultButton(m_ui->verifyButton, {m_ui->codeEdit});
    connect(m_ui->resendButton, &QPushButton::clicked, m_model, &AuthModel::resendCode);
    connect(m_ui->codeEdit, &QLineEdit::textEdited, m_model,
            [this] { m_model->clearError(AuthModel::Field::Code); });
    connect(m_ui->anotherEmailButton, &QPushButton::clicked, m_model, &AuthModel::useAnotherEmail);

    for (auto signal : {&AuthModel::stateChanged, &AuthModel::errorsChanged,
                        &AuthModel::emailChanged, &AuthModel::noticeChanged})
        connect(m_model, signal, this, &CodePage::refresh);
    connect(m_model, &AuthModel::resendCooldownChanged, this, &CodePage::refreshCooldown);
    refresh();
}

CodePage::~CodePage() = default;

void CodePage::focusFirstField()
{
    m_ui->codeEdit->setFocus(Qt::OtherFocusReason);
    m_ui->codeEdit->selectAll();
}

void CodePage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        m_ui->retranslateUi(this);
        refresh();
    }
    QWidget::changeEvent(event);
}

void CodePage::keyPressEvent(QKeyEvent *event)
{
    // Esc goes back, the way "Use another email" does.
    if (event->key() == Qt::Key_Escape && m_model->state() == AuthModel::State::AwaitingCode) {
        m_model->useAnotherEmail();
        return;
    }
    QWidget::keyPressEvent(event);
}

void CodePage::refresh()
{
    const auto state = m_model->state();
    const bool waiting = state == AuthModel::State::AwaitingCode;
    m_ui->sentToLabel->setText(
        tr("Enter the 6-digit code we sent to %1. It can take a minute to arrive.")
            .arg(m_model->email()));
    m_ui->codeEdit->setReadOnly(!waiting);
    m_ui->verifyButton->setEnabled(waiting);
    m_ui->verifyButton->setText(state == AuthModel::State::Verifying ? tr("Verifying…")
                                                                     : tr("Verify"));
    m_ui->anotherEmailButton->setEnabled(waiting);
    // The line above already says where the code went; the model's
    // "We sent a code to ..." would say it a second time.
    const QString sent = QCoreApplication::translate("AuthModel", "We sent a 6-digit code to %1.")
                             .arg(m_model->email());
    PageStyle::showMessage(m_ui->noticeLabel,
                           m_model->notice() == sent ? QString() : m_model->notice());
    Accessibility::showError(m_ui->codeErrorLabel, m_model->codeError(), m_ui->codeEdit);
    if (!m_model->codeError().isEmpty() && isVisible()) {
        m_ui->codeEdit->setFocus(Qt::OtherFocusReason);
        m_ui->codeEdit->selectAll();
    }
    refreshCooldown();
}

void CodePage::refreshCooldown()
{
    const int seconds = m_model->resendCooldown();
    const bool sending = m_model->busyAction() == AuthModel::Action::ResendCode;
    const bool waiting = m_model->state() == AuthModel::State::AwaitingCode;
    m_ui->resendButton->setEnabled(waiting && seconds == 0);
    if (sending)
        m_ui->resendButton->setText(tr("Sending…"));
    else if (seconds > 0)
        m_ui->resendButton->setText(tr("Send a new code (%1 s)").arg(seconds));
    else
        m_ui->resendButton->setText(tr("Send a new code"));
    PageStyle::showMessage(
        m_ui->cooldownLabel,
        seconds > 0 ? tr("For security, a new code can be sent in %n second(s).", nullptr, seconds)
                    : QString());
}
