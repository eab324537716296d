#include "AccountPage.h"

#include "Accessibility.h"
#include "AuthModel.h"
#include "AvatarLoader.h"
#include "PageStyle.h"
#include "ui_AccountPage.h"

#include <exegia/auth/AuthClient.h>

#include <QCheckBox>
#include <QKeyEvent>
#include <QMessageBox>
#include <QPainter>
#include <QPainterPath>

using namespace Qt::StringLiterals;

namespace exegia::signin {

namespace {

constexpr int kAvatarSize = 64;

// The picture cropped to a circle, at the screen's density.
QPixmap roundAvatar(const QImage &image, qreal dpr)
{
    const int side = int(kAvatarSize * dpr);
    QPixmap out(side, side);
    out.fill(Qt::transparent);
    QPainter painter(&out);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setRenderHint(QPainter::SmoothPixmapTransform);
    QPainterPath circle;
    circle.addEllipse(0, 0, side, side);
    painter.setClipPath(circle);
    const QImage scaled =
        image.scaled(side, side, Qt::KeepAspectRatioByExpanding, Qt::SmoothTransformation);
    painter.drawImage((side - scaled.width()) / 2, (side - scaled.height()) / 2, scaled);
    painter.end();
    out.setDevicePixelRatio(dpr);
    return out;
}

QPushButton *addDialogButton(QMessageBox *box, const QString &text, QMessageBox::ButtonRole role,
                             const QString &name)
{
    QPushButton *button = box->addButton(text, role);
    button->setObjectName(name);
    // Voice control users say what they see.
    button->setAccessibleName(text);
    return button;
}

// What a person knows an identity by: its address, else the provider's name
// for them.
QString identityDetail(const exegia::auth::Identity &identity)
{
    if (!identity.email.isEmpty())
        return identity.email;
    for (const char *key : {"email", "full_name", "name"}) {
        const QString value = identity.identityData.value(QLatin1String(key)).toString();
        if (!value.simplified().isEmpty())
            return value.simplified();
    }
    return {};
}

} // namespace

AccountPage::AccountPage(AuthModel *authModel, AvatarLoader *avatar, QWidget *parent)
    : FormPage(authModel, parent)
    , m_avatar(avatar)
{
    applyMarks();
    for (QLabel *label : {m_ui->accountErrorLabel, m_ui->noticeLabel, m_ui->displayNameErrorLabel,
                          m_ui->persistenceLabel})
        PageStyle::fitWrappedHeight(label);

    connect(m_ui->googleLinkButton, &QPushButton::clicked, model(),
            [this] { model()->linkProvider(QStringLiteral("google")); });
    connect(m_ui->appleLinkButton, &QPushButton::clicked, model(),
            [this] { model()->linkProvider(QStringLiteral("apple")); });
    auto save = [this] { model()->updateDisplayName(m_ui->displayNameEdit->text()); };
    connect(m_ui->saveNameButton, &QPushButton::clicked, model(), save);
    Accessibility::setDefaultButton(m_ui->saveNameButton, {m_ui->displayNameEdit});
    connect(m_ui->signOutButton, &QPushButton::clicked, this, [this] { signOut(false); });
    Accessibility::showLengthLimit(m_ui->displayNameEdit, m_ui->displayNameErrorLabel);
    clearErrorOnEdit(m_ui->displayNameEdit, AuthModel::Field::DisplayName);
    connect(m_ui->signOutEverywhereButton, &QPushButton::clicked, this, [this] { signOut(true); });
    connect(m_ui->signInInsteadButton, &QPushButton::clicked, model(), &AuthModel::signInInstead);
    connectSecurity();

    refreshOn({&AuthModel::stateChanged, &AuthModel::errorsChanged, &AuthModel::userChanged,
               &AuthModel::noticeChanged, &AuthModel::persistenceChanged});
    connect(m_avatar, &AvatarLoader::statusChanged, this, &AccountPage::refreshAvatar);
    refresh();
    refreshAvatar();
}

void AccountPage::focusFirstField()
{
    m_ui->displayNameEdit->setFocus(Qt::OtherFocusReason);
}

void AccountPage::signOut(bool everywhere)
{
    if (model()->isGuest())
        return confirmGuestSignOut(everywhere);
    everywhere ? model()->signOutEverywhere() : model()->signOut();
}

void AccountPage::confirmGuestSignOut(bool everywhere)
{
    // A guest has no way back in: signing out throws the account away, so
    // the person is asked first and offered to keep it.
    auto *box = new QMessageBox(QMessageBox::Warning, tr("Sign out of the guest account?"),
                                tr("This guest account will be lost. Save it with Google or "
                                   "Apple first?"),
                                QMessageBox::NoButton, this);
    box->setObjectName(u"guestSignOutDialog"_s);
    box->setAttribute(Qt::WA_DeleteOnClose);
    auto add = [box](const QString &text, QMessageBox::ButtonRole role, const QString &name) {
        return addDialogButton(box, text, role, name);
    };
    QPushButton *google = add(tr("Save with Google"), QMessageBox::AcceptRole, u"saveGoogle"_s);
    QPushButton *apple = add(tr("Save with Apple"), QMessageBox::AcceptRole, u"saveApple"_s);
    QPushButton *anyway =
        add(tr("Sign out anyway"), QMessageBox::DestructiveRole, u"signOutAnyway"_s);
    QPushButton *cancel = add(tr("Cancel"), QMessageBox::RejectRole, u"cancel"_s);
    box->setDefaultButton(cancel);
    box->setEscapeButton(cancel);
    connect(box, &QMessageBox::buttonClicked, this, [=, this](QAbstractButton *clicked) {
        if (clicked == google)
            model()->linkProvider(u"google"_s);
        else if (clicked == apple)
            model()->linkProvider(u"apple"_s);
        else if (clicked == anyway)
            everywhere ? model()->signOutEverywhere() : model()->signOut();
    });
    box->open();
}

void AccountPage::applyMarks()
{
    const QColor text = palette().color(QPalette::WindowText);
    m_ui->googleMarkLabel->setPixmap(
        PageStyle::mark(QStringLiteral(":/icons/google-mark.svg"), {}, 20).pixmap(20, 20));
    m_ui->appleMarkLabel->setPixmap(
        PageStyle::mark(QStringLiteral(":/icons/apple-mark.svg"), text, 20).pixmap(20, 20));
    m_ui->emailProviderMarkLabel->setPixmap(
        PageStyle::mark(QStringLiteral(":/icons/email-mark.svg"), text, 20).pixmap(20, 20));
}

void AccountPage::refreshAvatar()
{
    if (m_avatar->status() == AvatarLoader::Status::Loaded) {
        m_ui->avatarLabel->setPixmap(roundAvatar(m_avatar->image(), devicePixelRatioF()));
        m_ui->avatarLabel->setToolTip({});
        return;
    }
    m_ui->avatarLabel->setPixmap(
        PageStyle::mark(QStringLiteral(":/icons/avatar-placeholder.svg"), {}, kAvatarSize)
            .pixmap(kAvatarSize, kAvatarSize));
    m_ui->avatarLabel->setToolTip(m_avatar->status() == AvatarLoader::Status::Failed
                                      ? tr("The picture could not be loaded.")
                                      : QString());
}

void AccountPage::refreshProvider(const QString &provider, QLabel *status, QPushButton *link)
{
    const bool linked = model()->providers().contains(provider);
    const bool idle = !model()->isBusy();
    const QString name = exegia::auth::AuthClient::providerDisplayName(provider);
    status->setVisible(linked);
    status->setText(tr("Linked"));
    status->setAccessibleName(tr("%1: Linked").arg(name));
    link->setVisible(!linked);
    link->setEnabled(idle);
    // For a guest, linking is how the account is kept: say so on the button.
    link->setText(model()->isGuest() ? tr("Save with %1").arg(name) : tr("Link %1").arg(name));
    // Voice control says what it sees: the extra words go to the description.
    link->setAccessibleDescription(
        model()->isGuest() ? tr("Save your account by linking %1").arg(name) : QString());
}

void AccountPage::refresh()
{
    const bool guest = model()->isGuest();
    const QString name = model()->displayName();
    Accessibility::setElidedText(m_ui->nameLabel, name.isEmpty() ? tr("No name yet") : name);
    m_ui->emailLabel->setText(model()->userEmail().isEmpty() ? tr("No email address")
                                                             : model()->userEmail());
    m_ui->guestBadge->setVisible(guest);
    m_ui->guestHintLabel->setVisible(guest);
    m_ui->emailProviderStatusLabel->setText(tr("Linked"));
    m_ui->emailProviderStatusLabel->setAccessibleName(
        tr("%1: Linked").arg(m_ui->emailProviderNameLabel->text()));
    const bool hasEmail = model()->providers().contains(QStringLiteral("email"));
    m_ui->emailProviderMarkLabel->setVisible(hasEmail);
    m_ui->emailProviderNameLabel->setVisible(hasEmail);
    m_ui->emailProviderStatusLabel->setVisible(hasEmail);
    refreshProvider(QStringLiteral("google"), m_ui->googleStatusLabel, m_ui->googleLinkButton);
    refreshProvider(QStringLiteral("apple"), m_ui->appleStatusLabel, m_ui->appleLinkButton);
    refreshIdentity(u"email"_s, m_ui->emailProviderStatusLabel, m_ui->emailUnlinkButton);
    refreshIdentity(u"google"_s, m_ui->googleStatusLabel, m_ui->googleUnlinkButton);
    refreshIdentity(u"apple"_s, m_ui->appleStatusLabel, m_ui->appleUnlinkButton);
    refreshSecurity();

    refreshActions();
}

void AccountPage::refreshActions()
{
    const QString name = model()->displayName();
    if (m_nameShownFor != model()->userId() + name) {
        m_nameShownFor = model()->userId() + name;
        m_ui->displayNameEdit->setText(name);
    }
    const bool idle = !model()->isBusy();
    const auto action = model()->busyAction();
    m_ui->displayNameEdit->setReadOnly(!idle);
    m_ui->saveNameButton->setEnabled(idle);
    m_ui->saveNameButton->setText(action == AuthModel::Action::SaveDisplayName ? tr("Saving…")
                                                                               : tr("Save"));
    m_ui->signOutButton->setEnabled(idle);
    m_ui->signOutEverywhereButton->setEnabled(idle);
    m_ui->signOutButton->setText(action == AuthModel::Action::SignOut ? tr("Signing out…")
                                                                      : tr("Sign out"));
    m_ui->signOutEverywhereButton->setText(action == AuthModel::Action::SignOutEverywhere
                                               ? tr("Signing out everywhere…")
                                               : tr("Sign out everywhere"));
    Accessibility::showError(m_ui->displayNameErrorLabel, model()->displayNameError(),
                             m_ui->displayNameEdit);
    if (isVisible())
        Accessibility::focusFirstError({{m_ui->displayNameEdit, m_ui->displayNameErrorLabel},
                                        {m_ui->newEmailEdit, m_ui->newEmailErrorLabel}});
    PageStyle::showMessage(m_ui->noticeLabel, model()->notice());
    Accessibility::showError(m_ui->accountErrorLabel, model()->accountError());
    const QString offered = model()->offeredProvider();
    m_ui->signInInsteadButton->setVisible(!offered.isEmpty());
    m_ui->signInInsteadButton->setEnabled(idle);
    m_ui->signInInsteadButton->setText(
        tr("Sign in with %1 instead").arg(exegia::auth::AuthClient::providerDisplayName(offered)));
    m_ui->signInInsteadButton->setAccessibleName(m_ui->signInInsteadButton->text());
    PageStyle::showMessage(m_ui->persistenceLabel, model()->persistenceNotice());
}

// ---- security, sign-in methods, email change ----------------------------------

void AccountPage::connectSecurity()
{
    PageStyle::fitWrappedHeight(m_ui->newEmailErrorLabel);
    auto change = [this] { model()->requestEmailChange(m_ui->newEmailEdit->text()); };
    connect(m_ui->changeEmailButton, &QPushButton::clicked, model(), change);
    Accessibility::setDefaultButton(m_ui->changeEmailButton, {m_ui->newEmailEdit});
    clearErrorOnEdit(m_ui->newEmailEdit, AuthModel::Field::NewEmail);
    const std::pair<QPushButton *, QString> unlinks[] = {{m_ui->emailUnlinkButton, u"email"_s},
                                                         {m_ui->googleUnlinkButton, u"google"_s},
                                                         {m_ui->appleUnlinkButton, u"apple"_s}};
    for (const auto &[button, provider] : unlinks)
        connect(button, &QPushButton::clicked, this, [this, p = provider] { confirmUnlink(p); });
    connect(m_ui->twoStepCheckBox, &QCheckBox::clicked, this, &AccountPage::toggleTwoStep);
    connect(model(), &AuthModel::enrollmentChanged, this, [this] {
        if (model()->enrollment() && !m_twoStepDialog)
            openTwoStepDialog(TotpDialog::Mode::Enroll);
    });
}

void AccountPage::keyPressEvent(QKeyEvent *event)
{
    const bool enter = event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter;
    if (enter && m_ui->twoStepCheckBox->hasFocus() && m_ui->twoStepCheckBox->isEnabled())
        return m_ui->twoStepCheckBox->click();
    FormPage::keyPressEvent(event);
}

void AccountPage::toggleTwoStep()
{
    // The box shows what the server has until the change is done.
    refreshSecurity();
    if (model()->isTwoStepEnabled())
        openTwoStepDialog(TotpDialog::Mode::Disable);
    else
        model()->startTwoStepSetup();
}

void AccountPage::openTwoStepDialog(TotpDialog::Mode mode)
{
    m_twoStepDialog = new TotpDialog(model(), mode, this);
    m_twoStepDialog->open();
}

void AccountPage::refreshSecurity()
{
    const bool on = model()->isTwoStepEnabled();
    // A guest signs in with nothing a second factor could follow.
    for (QWidget *widget : std::initializer_list<QWidget *>{
             m_ui->cardLine3, m_ui->securityTitle, m_ui->twoStepCheckBox, m_ui->twoStepStatusLabel})
        widget->setVisible(!model()->isGuest());
    m_ui->twoStepCheckBox->setChecked(on);
    m_ui->twoStepCheckBox->setEnabled(!model()->isBusy());
    m_ui->twoStepStatusLabel->setText(
        on ? tr("On: signing in also asks for a code from your authenticator app.")
           : tr("Off: turn it on to also ask for a code from an authenticator app when you "
                "sign in."));
    m_ui->twoStepCheckBox->setAccessibleDescription(m_ui->twoStepStatusLabel->text());

    const bool idle = !model()->isBusy();
    // The new address went to its own code page: the field starts empty
    // when the account shows again (changed or cancelled).
    if (model()->state() == AuthModel::State::AwaitingEmailChangeCode)
        m_ui->newEmailEdit->clear();
    m_ui->newEmailEdit->setReadOnly(!idle);
    m_ui->changeEmailButton->setEnabled(idle);
    m_ui->changeEmailButton->setText(
        model()->busyAction() == AuthModel::Action::ChangeEmail ? tr("Sending…") : tr("Change"));
    Accessibility::showError(m_ui->newEmailErrorLabel, model()->newEmailError(),
                             m_ui->newEmailEdit);
}

std::optional<exegia::auth::Identity> AccountPage::identityFor(const QString &provider) const
{
    for (const exegia::auth::Identity &identity : model()->identities()) {
        if (identity.provider == provider)
            return identity;
    }
    return std::nullopt;
}

void AccountPage::refreshIdentity(const QString &provider, QLabel *status, QPushButton *unlink)
{
    const auto identity = identityFor(provider);
    const QString name = exegia::auth::AuthClient::providerDisplayName(provider);
    const QString detail = identity ? identityDetail(*identity) : QString();
    if (identity) {
        Accessibility::setElidedText(status, detail.isEmpty() ? tr("Linked") : detail);
        status->setAccessibleName(detail.isEmpty() ? tr("%1: Linked").arg(name)
                                                   : tr("%1: Linked as %2").arg(name, detail));
    }
    // Never the last one: the account would have no way in.
    unlink->setVisible(identity && model()->canUnlink());
    unlink->setEnabled(!model()->isBusy());
    unlink->setText(tr("Unlink"));
    unlink->setAccessibleName(tr("Unlink %1").arg(name));
}

void AccountPage::confirmUnlink(const QString &provider)
{
    const auto identity = identityFor(provider);
    if (!identity)
        return;
    const QString name = exegia::auth::AuthClient::providerDisplayName(provider);
    const QString detail = identityDetail(*identity);
    auto *box = new QMessageBox(
        QMessageBox::Question, tr("Unlink %1?").arg(name),
        detail.isEmpty()
            ? tr("You will no longer be able to sign in with %1.").arg(name)
            : tr("You will no longer be able to sign in with %1 (%2).").arg(name, detail),
        QMessageBox::NoButton, this);
    box->setObjectName(u"unlinkDialog"_s);
    box->setAttribute(Qt::WA_DeleteOnClose);
    QPushButton *unlink =
        addDialogButton(box, tr("Unlink"), QMessageBox::DestructiveRole, u"unlinkButton"_s);
    QPushButton *cancel = addDialogButton(box, tr("Cancel"), QMessageBox::RejectRole, u"cancel"_s);
    box->setDefaultButton(cancel);
    box->setEscapeButton(cancel);
    const QString id = identity->identityId;
    connect(box, &QMessageBox::buttonClicked, this, [this, unlink, id](QAbstractButton *clicked) {
        if (clicked == unlink)
            model()->unlinkIdentity(id);
    });
    box->open();
}

} // namespace exegia::signin
