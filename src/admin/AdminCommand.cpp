#include "AdminCommand.h"

#include <exegia/auth/AdminClient.h>
#include <exegia/auth/Await.h>
#include <exegia/auth/Errors.h>

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>

#include <cstdio>

namespace exegia::admin {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("exegia::admin", text);
}

void printError(const QString &sentence)
{
    std::fprintf(stderr, "exegia-admin: %s\n", qUtf8Printable(sentence));
}

void printJson(const QJsonObject &object)
{
    std::fputs(QJsonDocument(object).toJson(QJsonDocument::Indented).constData(), stdout);
    std::fflush(stdout);
}

// A command waits as long as the client's own timeouts and retries allow.
constexpr std::chrono::minutes kCommandDeadline{5};

QString env(const char *name)
{
    return qEnvironmentVariable(name).trimmed();
}

} // namespace

std::optional<QJsonObject> AdminCommand::parseFields(const QStringList &specs, QString *error)
{
    QJsonObject fields;
    for (const QString &spec : specs) {
        const qsizetype eq = spec.indexOf(u'=');
        if (eq <= 0) {
            *error = tr("--field needs key=value (or key:=json), got \"%1\".").arg(spec);
            return std::nullopt;
        }
        if (spec.at(eq - 1) == u':') {
            const QString key = spec.left(eq - 1);
            QJsonParseError parseError;
            const QJsonDocument doc =
                QJsonDocument::fromJson("[" + spec.mid(eq + 1).toUtf8() + "]", &parseError);
            if (key.isEmpty() || parseError.error != QJsonParseError::NoError ||
                doc.array().size() != 1) {
                *error = tr("--field %1:= needs one JSON value.").arg(key);
                return std::nullopt;
            }
            fields.insert(key, doc.array().first());
        } else {
            fields.insert(spec.left(eq), spec.mid(eq + 1));
        }
    }
    return fields;
}

std::optional<AdminCommand> AdminCommand::parse(const QStringList &arguments, QString *error)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Operator tool for public.users profiles, using the project's service key.\n\n"
           "  exegia-admin profile get <user-id>\n"
           "  exegia-admin profile create <user-id> [--field key=value]...\n\n"
           "Environment: SUPABASE_URL, and SUPABASE_SECRET_KEY or SUPABASE_SERVICE_ROLE_KEY.\n"
           "Prints the row as JSON. Exit codes: 0 ok, 2 usage, 3 configuration, 4 no such "
           "profile, 5 profile already exists, 6 refused by the server, 7 network."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("profile"), tr("The object to act on."));
    parser.addPositionalArgument(QStringLiteral("get|create"), tr("The action."));
    parser.addPositionalArgument(QStringLiteral("user-id"), tr("The auth user's UUID."));
    const QCommandLineOption field(
        QStringLiteral("field"),
        tr("A column to set on create: key=value for text, key:=json for other values."),
        QStringLiteral("key=value"));
    parser.addOption(field);
    if (!parser.parse(arguments)) {
        *error = parser.errorText();
        return std::nullopt;
    }
    if (parser.isSet(QStringLiteral("help")))
        parser.showHelp(Ok);
    if (parser.isSet(QStringLiteral("version")))
        parser.showVersion();

    const QStringList args = parser.positionalArguments();
    if (args.size() != 3 || args[0] != QLatin1String("profile")) {
        *error = tr("Usage: exegia-admin profile get|create <user-id> [--field key=value]...");
        return std::nullopt;
    }
    AdminCommand command;
    if (args[1] == QLatin1String("get")) {
        command.m_action = Action::Get;
        if (parser.isSet(field)) {
            *error = tr("--field is only for create.");
            return std::nullopt;
        }
    } else if (args[1] == QLatin1String("create")) {
        command.m_action = Action::Create;
    } else {
        *error = tr("Unknown action \"%1\": use get or create.").arg(args[1]);
        return std::nullopt;
    }
    command.m_userId = args[2];
    if (!auth::AdminClient::isValidUserId(command.m_userId)) {
        *error = tr("\"%1\" is not a user id (a UUID).").arg(command.m_userId);
        return std::nullopt;
    }
    auto fields = parseFields(parser.values(field), error);
    if (!fields)
        return std::nullopt;
    command.m_fields = *fields;
    return command;
}

int AdminCommand::run() const
{
    const QString url = env("SUPABASE_URL");
    QString key = env("SUPABASE_SECRET_KEY");
    if (key.isEmpty())
        key = env("SUPABASE_SERVICE_ROLE_KEY");
    if (url.isEmpty() || key.isEmpty()) {
        printError(tr("Set SUPABASE_URL and SUPABASE_SECRET_KEY (or SUPABASE_SERVICE_ROLE_KEY)."));
        return Config;
    }
    try {
        auth::AdminClient client(QUrl(url, QUrl::StrictMode), key);
        if (m_action == Action::Get) {
            const auto row = auth::await(client.getProfile(m_userId), kCommandDeadline);
            if (!row) {
                printError(tr("No profile exists for user %1.").arg(m_userId));
                return NotFound;
            }
            printJson(*row);
        } else {
            printJson(auth::await(client.createUserProfile(m_userId, m_fields), kCommandDeadline));
        }
        return Ok;
    } catch (const auth::ConfigError &e) {
        printError(QString::fromUtf8(e.what()));
        return Config;
    } catch (const auth::ApiError &e) {
        if (e.isUniqueViolation()) {
            printError(tr("A profile already exists for user %1.").arg(m_userId));
            return AlreadyExists;
        }
        printError(tr("The server refused: %1 (%2 %3).")
                       .arg(e.message(), QString::number(e.httpStatus()), e.code()));
        if (!e.details().isEmpty())
            printError(e.details());
        return Refused;
    } catch (const auth::NetworkError &e) {
        printError(QString::fromUtf8(e.what()));
        return Network;
    } catch (const std::exception &e) {
        printError(QString::fromUtf8(e.what()));
        return Network;
    }
}

} // namespace exegia::admin
