#include "RegisterPage.h"

#include "Accessibility.h"
#include "AuthModel.h"
#include "PageStyle.h"
#include "ui_RegisterPage.h"

#include <exegia/auth/AuthClient.h>

#include <QKeyEvent>

RegisterPage::RegisterPage(AuthModel *model, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_ui(std::make_unique<Ui::RegisterPage>())
{
    m_ui->setupUi(this);
    m_ui->markLabel->setPixmap(
        PageStyle::mark(QStringLiteral(":/icons/exegia-mark.svg"), {}, 36).pixmap(36, 36));

    auto create = [this] {
        m_model->createProfile(m_ui->displayNameEdit->text(), m_ui->avatarUrlEdit->text());
    };
    connect(m_ui->createButton, &QPushButton::clicked, m_model, create);
    Accessibility::setDefaultButton(m_ui->createButton,
                                    {m_ui->displayNameEdit, m_ui->avatarUrlEdit});
    connect(m_ui->cancelButton, &QPushButton::clicked, m_model, &AuthModel::cancelSignUp);
    Accessibility::showLengthLimit(m_ui->displayNameEdit, m_ui->displayNameErrorLabel);
    connect(m_ui->displayNameEdit, &QLineEdit::textEdited, m_model,
            [this] { m_model->clearError(AuthModel::Field::DisplayName); });
    connect(m_ui->avatarUrlEdit, &QLineEdit::textEdited, m_model,
            [this] { m_model->clearError(AuthModel::Field::AvatarUrl); });

    for (auto signal :
         {&AuthModel::stateChanged, &AuthModel::errorsChanged, &AuthModel::userChanged})
        connect(m_model, signal, this, &RegisterPage::refresh);
    refresh();
}

RegisterPage::~RegisterPage() = default;

void RegisterPage::focusFirstField()
{
    m_ui->displayNameEdit->setFocus(Qt::OtherFocusReason);
    m_ui->displayNameEdit->selectAll();
}

void RegisterPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        m_ui->retranslateUi(this);
        refresh();
    }
    QWidget::changeEvent(event);
}

void RegisterPage::keyPressEvent(QKeyEvent *event)
{
    if (event->key() == Qt::Key_Escape && m_model->state() == AuthModel::State::NeedsSignUp) {
        m_model->cancelSignUp();
        return;
    }
    QWidget::keyPressEvent(event);
}

void RegisterPage::prefill()
{
    // Once per user: a person's own edits survive a failed attempt.
    if (m_model->userId().isEmpty() || m_prefilledFor == m_model->userId())
        return;
    m_prefilledFor = m_model->userId();
    m_ui->displayNameEdit->setText(m_model->suggestedDisplayName());
    m_ui->avatarUrlEdit->clear();
}

void RegisterPage::refresh()
{
    const auto state = m_model->state();
    const bool editable = state == AuthModel::State::NeedsSignUp;
    if (editable)
        prefill();
    const QString via = exegia::auth::AuthClient::providerDisplayName(
        m_model->signInProvider().isEmpty() ? QStringLiteral("email") : m_model->signInProvider());
    const QString who = m_model->userEmail().isEmpty() ? via : m_model->userEmail();
    m_ui->explainLabel->setText(tr("You are signed in as %1, but there is no profile yet. "
                                   "Choose the name other people will see.")
                                    .arg(who));
    m_ui->displayNameEdit->setReadOnly(!editable);
    m_ui->avatarUrlEdit->setReadOnly(!editable);
    m_ui->createButton->setEnabled(editable);
    m_ui->cancelButton->setEnabled(editable);
    const auto action = m_model->busyAction();
    m_ui->createButton->setText(action == AuthModel::Action::CreateProfile ? tr("Creating profile…")
                                                                           : tr("Create profile"));
    m_ui->cancelButton->setText(
        action == AuthModel::Action::CancelSignUp ? tr("Signing out…") : tr("Cancel and sign out"));
    Accessibility::showError(m_ui->registerErrorLabel, m_model->registerError());
    Accessibility::showError(m_ui->displayNameErrorLabel, m_model->displayNameError(),
                             m_ui->displayNameEdit);
    Accessibility::showError(m_ui->avatarUrlErrorLabel, m_model->avatarUrlError(),
                             m_ui->avatarUrlEdit);
    if (isVisible())
        Accessibility::focusFirstError({{m_ui->displayNameEdit, m_ui->displayNameErrorLabel},
                                        {m_ui->avatarUrlEdit, m_ui->avatarUrlErrorLabel}});
}
