#include "FuzzSupport.h"

#include <QCoreApplication>

#include <cstdio>
#include <cstdlib>

namespace exegia::fuzz {

namespace {

void quiet(QtMsgType type, const QMessageLogContext &, const QString &message)
{
    // Fatal messages still matter: Qt aborts after this returns.
    if (type == QtFatalMsg)
        std::fprintf(stderr, "qFatal: %s\n", qPrintable(message));
}

} // namespace

void initQt()
{
    if (QCoreApplication::instance())
        return;
    static int argc = 1;
    static char name[] = "exegia-fuzz";
    static char *argv[] = {name, nullptr};
    // EXEGIA_FUZZ_VERBOSE=1 keeps the log, to see why an input failed.
    if (!qEnvironmentVariableIsSet("EXEGIA_FUZZ_VERBOSE"))
        qInstallMessageHandler(quiet);
    // Lives until the process ends: libFuzzer never returns from its loop.
    new QCoreApplication(argc, argv);
}

Message splitMessage(const QByteArray &data)
{
    Message message;
    qsizetype end = data.indexOf("\n\n");
    qsizetype bodyStart = end < 0 ? data.size() : end + 2;
    if (end < 0)
        end = data.size();
    const QList<QByteArray> lines = data.left(end).split('\n');
    for (const QByteArray &line : lines) {
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0)
            continue;
        message.headers.append({line.left(colon).trimmed(), line.mid(colon + 1).trimmed()});
    }
    message.body = data.mid(bodyStart);
    return message;
}

std::optional<StatusMessage> statusMessage(const uint8_t *data, size_t size)
{
    if (size < 2)
        return std::nullopt;
    return StatusMessage{100 + (data[0] | data[1] << 8) % 500,
                         splitMessage(bytes(data + 2, size - 2))};
}

void require(bool condition, const char *what)
{
    if (condition)
        return;
    std::fprintf(stderr, "fuzz invariant broken: %s\n", what);
    std::abort();
}

void requireDescribed(const std::exception &error)
{
    require(QByteArray(error.what()).trimmed().size() > 0, "what() is empty");
}

} // namespace exegia::fuzz
