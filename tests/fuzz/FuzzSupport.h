#pragma once

#include <exception>

// Shared by the libFuzzer targets in this folder.

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>

#include <cstddef>
#include <cstdint>
#include <optional>

namespace exegia::fuzz {

using HeaderList = QList<QPair<QByteArray, QByteArray>>;

// Creates the QCoreApplication the code under test expects (translations,
// the SQLite plugin, timers) and drops Qt's log output, which would
// otherwise dominate the run time (EXEGIA_FUZZ_VERBOSE=1 keeps it). Safe to
// call more than once.
void initQt();

inline QByteArray bytes(const uint8_t *data, size_t size)
{
    return QByteArray(reinterpret_cast<const char *>(data), qsizetype(size));
}

// An HTTP-like message as the seed corpora write it: "Name: value" lines,
// an empty line, then the body. A message without an empty line is all
// headers; lines without a colon are skipped.
struct Message
{
    HeaderList headers;
    QByteArray body;
};
Message splitMessage(const QByteArray &data);

// The reply targets' input: two bytes choose a status (100..599), the rest
// is a message as above. Empty when the input is too short.
struct StatusMessage
{
    int status = 0;
    Message message;
};
std::optional<StatusMessage> statusMessage(const uint8_t *data, size_t size);

// Aborts (which libFuzzer records as a crash with the input) when an
// invariant of the code under test does not hold.
void require(bool condition, const char *what);

// What every error promises the log: a description (the app words the kind).
void requireDescribed(const std::exception &error);

} // namespace exegia::fuzz
