#include "RestorePage.h"

#include "Accessibility.h"
#include "AuthModel.h"
#include "PageStyle.h"
#include "ui_RestorePage.h"

RestorePage::RestorePage(AuthModel *model, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_ui(std::make_unique<Ui::RestorePage>())
{
    m_ui->setupUi(this);
    PageStyle::fitWrappedHeight(m_ui->errorLabel);
    m_ui->markLabel->setPixmap(
        PageStyle::mark(QStringLiteral(":/icons/exegia-mark.svg"), {}, 36).pixmap(36, 36));
    connect(m_ui->retryButton, &QPushButton::clicked, m_model, &AuthModel::retryRestore);
    for (auto signal : {&AuthModel::stateChanged, &AuthModel::errorsChanged})
        connect(m_model, signal, this, &RestorePage::refresh);
    refresh();
}

RestorePage::~RestorePage() = default;

void RestorePage::focusFirstField()
{
    if (m_ui->retryButton->isVisible())
        m_ui->retryButton->setFocus(Qt::OtherFocusReason);
}

void RestorePage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        m_ui->retranslateUi(this);
        refresh();
    }
    QWidget::changeEvent(event);
}

void RestorePage::refresh()
{
    const bool failed = m_model->state() == AuthModel::State::RestoreFailed;
    m_ui->titleLabel->setText(failed ? tr("You are still signed in")
                                     : tr("Restoring your session…"));
    // On failure the title says the session is kept and the error says
    // why; the progress line would only repeat them.
    m_ui->messageLabel->setText(tr("Checking your saved session with the server."));
    m_ui->messageLabel->setVisible(!failed);
    m_ui->progressBar->setVisible(!failed);
    m_ui->progressBar->setAccessibleName(tr("Restoring your session"));
    Accessibility::showError(m_ui->errorLabel, failed ? m_model->restoreError() : QString());
    m_ui->retryButton->setVisible(failed);
    m_ui->retryButton->setText(tr("Try again"));
    m_ui->retryButton->setAccessibleDescription(tr("Try to restore your session again"));
    if (failed && isVisible() && !m_ui->retryButton->hasFocus())
        m_ui->retryButton->setFocus(Qt::OtherFocusReason);
}
