#pragma once

#include "AuthModel.h"
#include "gui_support.h"

#include <gtest/gtest.h>

using exegia::signin::AuthModel;

// A fresh emulator and a model connected to it, per test.
class AuthModelTest : public ::testing::Test
{
protected:
    using State = AuthModel::State;

    // A one-second email cooldown keeps repeated sign-ins quick; tests of
    // the cooldown itself pass the emulator's 60-second default.
    void start(const QStringList &args = {QStringLiteral("--email-cooldown"), QStringLiteral("1")})
    {
        QString error;
        // guitest::latestCode reads the mailbox without a key.
        ASSERT_TRUE(emulator.start(args + QStringList{QStringLiteral("--open-mailbox")}, &error))
            << error.toStdString();
        model.setEnvironment(env);
        model.setBackend(guitest::configFor(emulator), QStringLiteral("Local backend"), true);
        // With a store the model first restores (nothing is stored yet).
        if (env.storeFactory) {
            ASSERT_TRUE(waitIdle());
        }
        ASSERT_EQ(model.state(), State::SignedOut);
    }

    bool waitState(State state, int timeoutMs = 10000)
    {
        return guitest::waitFor([&] { return model.state() == state; }, timeoutMs);
    }

    bool waitIdle(int timeoutMs = 10000)
    {
        return guitest::waitFor([&] { return !model.isBusy(); }, timeoutMs);
    }

    QString mailbox() const { return emulator.mailbox(); }

    // Asks for a code and returns it, riding out the cooldown of an address
    // that got one moments ago (as a person would, with "Send a new code").
    QString requestFreshCode(const QString &email)
    {
        const QString previous = guitest::latestCode(mailbox(), email);
        model.requestCode(email);
        if (!waitIdle() || model.state() != State::AwaitingCode)
            return {};
        if (model.resendCooldown() > 0) {
            guitest::waitFor([&] { return model.resendCooldown() == 0; }, 5000);
            model.resendCode();
            if (!waitIdle())
                return {};
        }
        return guitest::waitForNewCode(mailbox(), email, previous);
    }

    // A brand-new email user all the way to SignedIn.
    void registerUser(const QString &email, const QString &name)
    {
        const QString code = requestFreshCode(email);
        ASSERT_FALSE(code.isEmpty());
        model.verifyCode(code);
        ASSERT_TRUE(waitState(State::NeedsSignUp)) << model.codeError().toStdString();
        model.createProfile(name, {});
        ASSERT_TRUE(waitState(State::SignedIn)) << model.registerError().toStdString();
    }

    void signInAsGuest()
    {
        model.continueAsGuest();
        ASSERT_TRUE(waitState(State::SignedInGuest)) << model.signInError().toStdString();
    }

    exegia::test::EmulatorProcess emulator;
    // Set before start(): the keychain and browser stand-ins.
    // No client-side resend wait: these tests drive the emulator's own.
    AuthModel::Environment env = [] {
        AuthModel::Environment e;
        e.resendSeconds = 0;
        return e;
    }();
    AuthModel model;
};
