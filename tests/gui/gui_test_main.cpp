// GoogleTest entry point for the GUI tests: a QApplication on the offscreen
// platform, Fusion style (the same pixels on every machine), settings in a
// throw-away test location, and the built emulator for local mode.
#include "EmulatorProcess.h"
#include "Translations.h"

#include <QApplication>
#include <QStandardPaths>
#include <QStyle>
#include <gtest/gtest.h>

using namespace exegia::signin;

int main(int argc, char **argv)
{
    if (!qEnvironmentVariableIsSet("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    if (!qEnvironmentVariableIsSet("EXEGIA_EMULATOR"))
        qputenv("EXEGIA_EMULATOR", exegia::test::EmulatorProcess::executablePath().toLocal8Bit());
    QStandardPaths::setTestModeEnabled(true);
    QApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("ExegiaTests"));
    QCoreApplication::setApplicationName(QStringLiteral("exegia-signin-tests"));
    QApplication::setStyle(QStringLiteral("Fusion"));
    // English plural forms ("1 second", "2 seconds") come from a translation.
    Translations::install(QLocale(QStringLiteral("en")));
    ::testing::InitGoogleTest(&argc, argv);
    return RUN_ALL_TESTS();
}
