#pragma once

#include "TestTotp.h"

#include "EmulatorProcess.h"

#include <exegia/auth/ClientConfig.h>

#include <QJsonObject>
#include <QString>

#include <functional>

namespace guitest {

// Runs the event loop until `done()` is true or `timeoutMs` passes; returns
// the final value of done(). Tests wait on state this way, never on sleeps.
bool waitFor(const std::function<bool()> &done, int timeoutMs = 10000);

// A fresh address per call, so tests never see each other's codes.
QString uniqueEmail(const QString &tag);

// The newest code the mailbox holds for `email`, or empty.
QString latestCode(const QString &mailboxUrl, const QString &email);
// Waits until the mailbox holds a code for `email` different from `previous`.
QString waitForNewCode(const QString &mailboxUrl, const QString &email,
                       const QString &previous = {}, int timeoutMs = 10000);

exegia::auth::ClientConfig configFor(const exegia::test::EmulatorProcess &emulator);

// Service-role test hooks of the emulator.
QJsonObject emulatorStats(const exegia::test::EmulatorProcess &emulator);
int requestCount(const exegia::test::EmulatorProcess &emulator, const QString &key);
bool injectFault(const exegia::test::EmulatorProcess &emulator, const QString &method,
                 const QString &path, int status, int count = 1);

// A code that is not `code` (for wrong-code tests).
QString otherCode(const QString &code);

// The RFC 6238 code of a base32 secret, `steps` 30 s steps from now
// (tests/support/TestTotp.h). The emulator accepts one step either way and
// refuses a step at or before the last it accepted, so each new code a
// test needs is one step further.
using exegia::test::totpCode;

} // namespace guitest
