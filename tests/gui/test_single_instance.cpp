// SingleInstance: a second copy is refused while the first holds the lock,
// and a lock left behind by a copy that died is taken over.
#include "SingleInstance.h"
#include "gui_support.h"

#include <QCoreApplication>
#include <QFile>
#include <QTemporaryDir>
#include <gtest/gtest.h>

using namespace exegia::signin;

TEST(SingleInstance, ASecondCopyIsRefusedUntilTheFirstEnds)
{
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    auto first = std::make_unique<SingleInstance>(dir.path() + QStringLiteral("/sub"));
    ASSERT_TRUE(first->acquire());
    SingleInstance second(dir.path() + QStringLiteral("/sub"));
    EXPECT_FALSE(second.acquire());
    EXPECT_EQ(second.otherPid(), QCoreApplication::applicationPid());
    EXPECT_FALSE(SingleInstance::alreadyRunningMessage().isEmpty());
    first.reset();
    EXPECT_TRUE(second.acquire());
}

TEST(SingleInstance, AStaleLockOfADeadProcessIsTakenOver)
{
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    SingleInstance instance(dir.path());
    // What QLockFile writes: pid, program name, host name. No process has
    // pid 2^22 + 1 on Linux (pid_max is at most 2^22).
    QFile lock(instance.lockFilePath());
    ASSERT_TRUE(lock.open(QIODevice::WriteOnly));
    lock.write(QByteArray::number((1 << 22) + 1) + "\nexegia-signin\n" +
               QSysInfo::machineHostName().toUtf8() + "\n");
    lock.close();
    EXPECT_TRUE(instance.acquire());
}

TEST(SingleInstance, ASecondCopyAsksTheRunningOneToComeToTheFront)
{
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    SingleInstance first(dir.path());
    ASSERT_TRUE(first.acquire());
    int activated = 0;
    ASSERT_TRUE(first.listen([&activated] { ++activated; }));
    SingleInstance second(dir.path());
    ASSERT_FALSE(second.acquire());
    EXPECT_TRUE(second.askRunningToShow());
    EXPECT_TRUE(guitest::waitFor([&] { return activated == 1; }, 5000));
}

TEST(SingleInstance, NobodyToAskWhenTheRunningCopyDoesNotListen)
{
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    SingleInstance first(dir.path());
    ASSERT_TRUE(first.acquire());
    SingleInstance second(dir.path());
    EXPECT_FALSE(second.askRunningToShow(500));
}
