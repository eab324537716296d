#include "FormPages.h"

#include "Accessibility.h"
#include "AuthModel.h"
#include "LastUsed.h"
#include "PageStyle.h"
#include "ui_SignInPage.h"

namespace exegia::signin {

SignInPage::SignInPage(AuthModel *authModel, QWidget *parent)
    : FormPage(authModel, parent)
{
    applyMarks();
    for (auto [button, provider] :
         {std::pair{m_ui->googleButton, "google"}, {m_ui->appleButton, "apple"}}) {
        button->setIconSize({18, 18});
        connect(button, &QPushButton::clicked, model(),
                [this, provider] { model()->signInWithProvider(QLatin1String(provider)); });
    }
    auto send = [this] { model()->requestCode(m_ui->emailEdit->text()); };
    connect(m_ui->sendCodeButton, &QPushButton::clicked, model(), send);
    Accessibility::setDefaultButton(m_ui->sendCodeButton, {m_ui->emailEdit});
    connect(m_ui->guestButton, &QPushButton::clicked, model(), &AuthModel::continueAsGuest);
    clearErrorOnEdit(m_ui->emailEdit, AuthModel::Field::Email);
    setFirstField(m_ui->emailEdit);

    for (auto [button, method] : {std::pair{m_ui->googleButton, "google"},
                                  {m_ui->appleButton, "apple"},
                                  {m_ui->sendCodeButton, "email"},
                                  {m_ui->guestButton, "guest"}}) {
        connect(button, &QPushButton::clicked, this,
                [this, method] { m_pendingMethod = QLatin1String(method); });
    }
    connect(model(), &AuthModel::stateChanged, this, &SignInPage::rememberMethod);
    refreshOn({&AuthModel::stateChanged, &AuthModel::errorsChanged, &AuthModel::emailChanged,
               &AuthModel::backendChanged, &AuthModel::persistenceChanged});
    refresh();
}

void SignInPage::applyMarks()
{
    showHeaderMark(m_ui->markLabel);
    m_ui->googleButton->setIcon(PageStyle::mark(QStringLiteral(":/icons/google-mark.svg")));
    m_ui->appleButton->setIcon(PageStyle::mark(QStringLiteral(":/icons/apple-mark.svg"),
                                               palette().color(QPalette::ButtonText)));
}

void SignInPage::rememberMethod()
{
    const auto state = model()->state();
    const bool in = state == AuthModel::State::SignedIn ||
                    state == AuthModel::State::SignedInGuest ||
                    state == AuthModel::State::NeedsSignUp;
    if (!in || m_pendingMethod.isEmpty())
        return;
    LastUsed::save(m_pendingMethod);
    m_pendingMethod.clear();
}

void SignInPage::refresh()
{
    const bool ready = model()->isBackendReady();
    const bool idle = model()->state() == AuthModel::State::SignedOut;
    const auto action = model()->busyAction();
    const bool usable = ready && idle;
    for (QWidget *w :
         {static_cast<QWidget *>(m_ui->googleButton), static_cast<QWidget *>(m_ui->appleButton),
          static_cast<QWidget *>(m_ui->sendCodeButton), static_cast<QWidget *>(m_ui->guestButton)})
        w->setEnabled(usable);
    m_ui->emailEdit->setReadOnly(!usable);

    m_ui->sendCodeButton->setText(action == AuthModel::Action::SendCode ? tr("Sending code…")
                                                                        : tr("Email me a code"));
    m_ui->guestButton->setText(action == AuthModel::Action::Guest ? tr("Starting guest session…")
                                                                  : tr("Continue as guest"));
    if (action == AuthModel::Action::StartingBackend)
        m_ui->subtitleLabel->setText(tr("Starting the local backend…"));
    else
        m_ui->subtitleLabel->setText(tr("Use your Google or Apple account, or get a one-time code "
                                        "by email. New here? The same steps create your account."));

    const QString last = LastUsed::load();
    LastUsed::mark(m_ui->googleButton, last == QLatin1String("google"));
    LastUsed::mark(m_ui->appleButton, last == QLatin1String("apple"));
    LastUsed::mark(m_ui->sendCodeButton, last == QLatin1String("email"));
    LastUsed::mark(m_ui->guestButton, last == QLatin1String("guest"));

    // Coming back from the code page: offer the address used last.
    if (m_ui->emailEdit->text().isEmpty() && !model()->email().isEmpty())
        m_ui->emailEdit->setText(model()->email());

    Accessibility::showError(m_ui->signInErrorLabel, model()->signInError());
    PageStyle::showMessage(m_ui->persistenceLabel, model()->persistenceNotice());
    Accessibility::showError(m_ui->emailErrorLabel, model()->emailError(), m_ui->emailEdit);
    Accessibility::nameClearButton(m_ui->emailEdit);
    if (!model()->emailError().isEmpty() && isVisible())
        m_ui->emailEdit->setFocus(Qt::OtherFocusReason);
}

} // namespace exegia::signin
