#include "FormPages.h"

#include "Accessibility.h"
#include "AuthModel.h"
#include "PageStyle.h"
#include "ui_RegisterPage.h"

#include <exegia/auth/AuthClient.h>

namespace exegia::signin {

RegisterPage::RegisterPage(AuthModel *authModel, QWidget *parent)
    : FormPage(authModel, parent)
{
    showHeaderMark(m_ui->markLabel);

    auto create = [this] {
        model()->createProfile(m_ui->displayNameEdit->text(), m_ui->avatarUrlEdit->text());
    };
    connect(m_ui->createButton, &QPushButton::clicked, model(), create);
    Accessibility::setDefaultButton(m_ui->createButton,
                                    {m_ui->displayNameEdit, m_ui->avatarUrlEdit});
    connect(m_ui->cancelButton, &QPushButton::clicked, model(), &AuthModel::cancelSignUp);
    Accessibility::showLengthLimit(m_ui->displayNameEdit, m_ui->displayNameErrorLabel);
    clearErrorOnEdit(m_ui->displayNameEdit, AuthModel::Field::DisplayName);
    clearErrorOnEdit(m_ui->avatarUrlEdit, AuthModel::Field::AvatarUrl);
    setFirstField(m_ui->displayNameEdit, FirstField::SelectText);
    setWayBack(AuthModel::State::NeedsSignUp, &AuthModel::cancelSignUp);

    refreshOn({&AuthModel::stateChanged, &AuthModel::errorsChanged, &AuthModel::userChanged});
    refresh();
}

void RegisterPage::prefill()
{
    // Once per user: a person's own edits survive a failed attempt.
    if (model()->userId().isEmpty() || m_prefilledFor == model()->userId())
        return;
    m_prefilledFor = model()->userId();
    m_ui->displayNameEdit->setText(model()->suggestedDisplayName());
    m_ui->avatarUrlEdit->clear();
}

void RegisterPage::refresh()
{
    const auto state = model()->state();
    const bool editable = state == AuthModel::State::NeedsSignUp;
    if (editable)
        prefill();
    const QString via = exegia::auth::AuthClient::providerDisplayName(
        model()->signInProvider().isEmpty() ? QStringLiteral("email") : model()->signInProvider());
    const QString who = model()->userEmail().isEmpty() ? via : model()->userEmail();
    m_ui->explainLabel->setText(tr("You are signed in as %1, but there is no profile yet. "
                                   "Choose the name other people will see.")
                                    .arg(who));
    m_ui->displayNameEdit->setReadOnly(!editable);
    m_ui->avatarUrlEdit->setReadOnly(!editable);
    m_ui->createButton->setEnabled(editable);
    m_ui->cancelButton->setEnabled(editable);
    const auto action = model()->busyAction();
    m_ui->createButton->setText(action == AuthModel::Action::CreateProfile ? tr("Creating profile…")
                                                                           : tr("Create profile"));
    m_ui->cancelButton->setText(
        action == AuthModel::Action::CancelSignUp ? tr("Signing out…") : tr("Cancel and sign out"));
    Accessibility::showError(m_ui->registerErrorLabel, model()->registerError());
    Accessibility::showError(m_ui->displayNameErrorLabel, model()->displayNameError(),
                             m_ui->displayNameEdit);
    Accessibility::showError(m_ui->avatarUrlErrorLabel, model()->avatarUrlError(),
                             m_ui->avatarUrlEdit);
    if (isVisible())
        Accessibility::focusFirstError({{m_ui->displayNameEdit, m_ui->displayNameErrorLabel},
                                        {m_ui->avatarUrlEdit, m_ui->avatarUrlErrorLabel}});
}

} // namespace exegia::signin
