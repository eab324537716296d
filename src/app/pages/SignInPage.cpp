#include "SignInPage.h"

#include "AuthModel.h"
#include "PageStyle.h"
#include "ui_SignInPage.h"

namespace exegia::signin {

SignInPage::SignInPage(AuthModel *authModel, QWidget *parent)
    : Page(authModel, parent)
    , m_ui(std::make_unique<Ui::SignInPage>())
{
    m_ui->setupUi(this);
    applyMarks();
    m_ui->googleButton->setIconSize({18, 18});
    m_ui->appleButton->setIconSize({18, 18});

    connect(m_ui->googleButton, &QPushButton::clicked, model(),
            [this] { model()->signInWithProvider(QStringLiteral("google")); });
    connect(m_ui->appleButton, &QPushButton::clicked, model(),
            [this] { model()->signInWithProvider(QStringLiteral("apple")); });
    auto send = [this] { model()->requestCode(m_ui->emailEdit->text()); };
    connect(m_ui->sendCodeButton, &QPushButton::clicked, model(), send);
    connect(m_ui->emailEdit, &QLineEdit::returnPressed, model(), send);
    connect(m_ui->guestButton, &QPushButton::clicked, model(), &AuthModel::continueAsGuest);

    refreshOn({&AuthModel::stateChanged, &AuthModel::errorsChanged, &AuthModel::emailChanged,
               &AuthModel::backendChanged, &AuthModel::persistenceChanged});
    refresh();
}

SignInPage::~SignInPage() = default;

void SignInPage::applyMarks()
{
    showHeaderMark(m_ui->markLabel);
    m_ui->googleButton->setIcon(PageStyle::mark(QStringLiteral(":/icons/google-mark.svg")));
    m_ui->appleButton->setIcon(PageStyle::mark(QStringLiteral(":/icons/apple-mark.svg"),
                                               palette().color(QPalette::ButtonText)));
}

void SignInPage::retranslate()
{
    m_ui->retranslateUi(this);
}

void SignInPage::focusFirstField()
{
    m_ui->emailEdit->setFocus(Qt::OtherFocusReason);
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

    // Coming back from the code page: offer the address used last.
    if (m_ui->emailEdit->text().isEmpty() && !model()->email().isEmpty())
        m_ui->emailEdit->setText(model()->email());

    PageStyle::showMessage(m_ui->signInErrorLabel, model()->signInError());
    PageStyle::showMessage(m_ui->persistenceLabel, model()->persistenceNotice());
    PageStyle::showMessage(m_ui->emailErrorLabel, model()->emailError(), m_ui->emailEdit);
    if (!model()->emailError().isEmpty() && isVisible())
        m_ui->emailEdit->setFocus(Qt::OtherFocusReason);
}

} // namespace exegia::signin
