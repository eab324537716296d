#pragma once

#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <optional>

class QObject;

namespace exegia::admin {

// Exit codes; each failure has its own so scripts can branch on them.
enum ExitCode {
    Ok = 0,
    Usage = 2,
    Config = 3,
    NotFound = 4,
    AlreadyExists = 5,
    Refused = 6,
    Network = 7,
};

// One parsed `exegia-admin profile ...` invocation and its execution.
class AdminCommand
{
public:
    // Parses argv; on failure `error` holds the message and Usage is implied.
    // Exits directly for --help and --version (QCommandLineParser's way).
    static std::optional<AdminCommand> parse(const QStringList &arguments, QString *error);

    // `key=value` sets a string; `key:=<json>` sets any JSON value.
    static std::optional<QJsonObject> parseFields(const QStringList &specs, QString *error);

    // Runs against the environment's project; prints JSON to stdout and
    // sentences to stderr; returns the exit code. Spins the event loop.
    int run() const;

private:
    enum class Action { Get, Create };
    Action m_action = Action::Get;
    QString m_userId;
    QJsonObject m_fields;
};

} // namespace exegia::admin
