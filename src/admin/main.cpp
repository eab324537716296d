// exegia-admin: profile rows by user id, with the service key. For operators
// and servers only; it is never shipped with the desktop app.
#include "AdminCommand.h"

#include <QCoreApplication>

#include <cstdio>

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("exegia-admin"));
    QCoreApplication::setApplicationVersion(QStringLiteral(EXEGIA_VERSION));
    QString error;
    const auto command = exegia::admin::AdminCommand::parse(QCoreApplication::arguments(), &error);
    if (!command) {
        std::fprintf(stderr, "exegia-admin: %s\nTry exegia-admin --help.\n", qUtf8Printable(error));
        return exegia::admin::Usage;
    }
    return command->run();
}
