#pragma once

#include "FormPage.h"

#include <QString>

namespace Ui {
class BrowserPage;
class CodePage;
class EmailChangePage;
class RegisterPage;
class RestorePage;
class SecondFactorPage;
class SignInPage;
} // namespace Ui

// The screens of the main window that come from a Designer form, declared
// together: each one only adds its wiring (constructor), refresh() and what
// is its own, so one header lists them all. Their code is in <Name>.cpp,
// their forms in ui/<Name>.ui. AccountPage and BackendFailedPage, which
// build part of their widgets in code, have headers of their own.
namespace exegia::signin {

// Screen 1: Google, Apple, an email code, or a guest session.
class SignInPage : public FormPage<Ui::SignInPage, AuthModel::Page::SignIn>
{
    Q_OBJECT
public:
    explicit SignInPage(AuthModel *model, QWidget *parent = nullptr);

private:
    void refresh() override;
    void applyMarks() override;
    void rememberMethod();

    QString m_pendingMethod; // clicked, not yet signed in
};

// Screen 2: enter the emailed code, resend it after the cooldown, or go
// back to use another address.
class CodePage : public FormPage<Ui::CodePage, AuthModel::Page::Code>
{
    Q_OBJECT
public:
    explicit CodePage(AuthModel *model, QWidget *parent = nullptr);

private:
    void refresh() override;
    void refreshCooldown();
};

// Screen 3: signed in, but no profile yet. Create one, or cancel (which
// signs the half-finished session out).
class RegisterPage : public FormPage<Ui::RegisterPage, AuthModel::Page::Register>
{
    Q_OBJECT
public:
    explicit RegisterPage(AuthModel *model, QWidget *parent = nullptr);

private:
    void refresh() override;
    void prefill();

    QString m_prefilledFor; // the user id the fields were prefilled for
};

// After the first factor, for an account with two-step verification: the
// code from the authenticator app, or Cancel to sign out.
class SecondFactorPage : public FormPage<Ui::SecondFactorPage, AuthModel::Page::SecondFactor>
{
    Q_OBJECT
public:
    explicit SecondFactorPage(AuthModel *model, QWidget *parent = nullptr);

private:
    void refresh() override;
};

// Changing the email address, second step: the code sent to the new
// address, a new code after the cooldown, or Cancel to keep the old one.
class EmailChangePage : public FormPage<Ui::EmailChangePage, AuthModel::Page::EmailChange>
{
    Q_OBJECT
public:
    explicit EmailChangePage(AuthModel *model, QWidget *parent = nullptr);

private:
    void refresh() override;
    void refreshCooldown();
};

// "Finish in your browser": shown while a browser sign-in or link runs.
// Says what is happening, shows a busy bar, offers Cancel (Esc), "Open the
// browser again", and the authorization link to copy, which becomes the
// main thing on the page when no browser could be opened.
class BrowserPage : public FormPage<Ui::BrowserPage, AuthModel::Page::Browser>
{
    Q_OBJECT
public:
    explicit BrowserPage(AuthModel *model, QWidget *parent = nullptr);

    void focusFirstField() override;

private:
    void refresh() override;
    void copyLink();
    QString explanation() const;

    bool m_copied = false;
};

// Shown at start while the stored session is restored, and with Retry when
// the server could not be reached (the session is kept for that retry).
class RestorePage : public FormPage<Ui::RestorePage, AuthModel::Page::Restore>
{
    Q_OBJECT
public:
    explicit RestorePage(AuthModel *model, QWidget *parent = nullptr);

    void focusFirstField() override;

private:
    void refresh() override;
};

} // namespace exegia::signin
