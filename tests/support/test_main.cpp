// GoogleTest entry point that owns a QCoreApplication, so tests can run
// Qt event loops (network replies, processes, timers).
#include <QCoreApplication>
#include <gtest/gtest.h>

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    ::testing::InitGoogleTest(&argc, argv);
    return RUN_ALL_TESTS();
}
