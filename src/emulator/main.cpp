// exegia-auth-emulator: the local Supabase-compatible backend.
#include "Accounts.h"
#include "AuthApi.h"
#include "Backend.h"
#include "IdentityProvider.h"
#include "Logging.h"
#include "Mailbox.h"
#include "RestApi.h"
#include "Server.h"
#include "Sessions.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QJsonDocument>
#include <QSocketNotifier>
#include <QStandardPaths>
#include <QTcpServer>

#include <csignal>
#include <cstdio>
#include <sys/socket.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

using namespace exegia::emulator;

namespace {

int signalPipe[2] = {-1, -1};

void onSignal(int)
{
    const char byte = 1;
    // Only async-signal-safe work here: the event loop does the rest.
    [[maybe_unused]] const auto written = ::write(signalPipe[1], &byte, 1);
}

void installSignalHandlers(QCoreApplication &app)
{
    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, signalPipe) != 0)
        return;
    auto *notifier = new QSocketNotifier(signalPipe[0], QSocketNotifier::Read, &app);
    QObject::connect(notifier, &QSocketNotifier::activated, &app, [&app, notifier] {
        notifier->setEnabled(false);
        char byte;
        [[maybe_unused]] const auto read = ::read(signalPipe[0], &byte, 1);
        // Requests run to completion on this thread, so by the time the loop
        // sees this, the one in hand has been answered.
        app.quit();
    });
    struct sigaction action = {};
    action.sa_handler = onSignal;
    sigemptyset(&action.sa_mask);
    sigaction(SIGINT, &action, nullptr);
    sigaction(SIGTERM, &action, nullptr);
}

bool positiveInt(const QCommandLineParser &parser, const QString &name, int *out)
{
    if (!parser.isSet(name))
        return true;
    bool ok = false;
    const int value = parser.value(name).toInt(&ok);
    if (!ok || value < 1) {
        std::fprintf(stderr, "exegia-auth-emulator: --%s needs a whole number of seconds > 0\n",
                     qPrintable(name));
        return false;
    }
    *out = value;
    return true;
}

void addOptions(QCommandLineParser &parser)
{
    parser.setApplicationDescription(
        u"Local Supabase-compatible auth backend for Exegia Sign-In (development and tests only)."_s);
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addOptions({
        {u"port"_s, u"Port on 127.0.0.1 (0 picks a free one)."_s, u"N"_s, u"54321"_s},
        {u"data"_s, u"Folder for the SQLite database."_s, u"DIR"_s},
        {u"in-memory"_s, u"Keep everything in memory."_s},
        {u"jwt-secret"_s, u"HS256 secret for tokens and API keys (32+ characters)."_s, u"S"_s},
        {u"jwt-exp"_s, u"Access token lifetime."_s, u"SECONDS"_s},
        {u"otp-exp"_s, u"One-time code lifetime."_s, u"SECONDS"_s},
        {u"email-cooldown"_s, u"Minimum interval between emails to one address."_s, u"SECONDS"_s},
        {u"refresh-reuse-interval"_s, u"How long a spent refresh token still works."_s,
         u"SECONDS"_s},
        {u"flow-exp"_s, u"PKCE flow state lifetime."_s, u"SECONDS"_s},
        {u"id-token-exp"_s, u"Lifetime of the local identity provider's ID tokens."_s,
         u"SECONDS"_s},
        {u"disable-anonymous"_s, u"Refuse anonymous sign-ins."_s},
        {u"disable-linking"_s, u"Refuse manual identity linking."_s},
    });
}

bool parseConfig(QCoreApplication &app, Config *config)
{
    QCommandLineParser parser;
    addOptions(parser);
    parser.process(app);

    bool ok = false;
    const uint port = parser.value(u"port"_s).toUInt(&ok);
    if (!ok || port > 65535) {
        std::fprintf(stderr, "exegia-auth-emulator: --port needs a number from 0 to 65535\n");
        return false;
    }
    config->port = quint16(port);
    config->inMemory = parser.isSet(u"in-memory"_s);
    if (parser.isSet(u"data"_s) && config->inMemory) {
        std::fprintf(stderr, "exegia-auth-emulator: --data and --in-memory exclude each other\n");
        return false;
    }
    config->dataDir = parser.isSet(u"data"_s)
                          ? parser.value(u"data"_s)
                          : QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    if (parser.isSet(u"jwt-secret"_s)) {
        config->jwtSecret = parser.value(u"jwt-secret"_s).toUtf8();
        if (config->jwtSecret.size() < 32) {
            std::fprintf(stderr,
                         "exegia-auth-emulator: --jwt-secret needs at least 32 characters\n");
            return false;
        }
    }
    config->anonymousEnabled = !parser.isSet(u"disable-anonymous"_s);
    config->linkingEnabled = !parser.isSet(u"disable-linking"_s);
    return positiveInt(parser, u"jwt-exp"_s, &config->jwtExp) &&
           positiveInt(parser, u"otp-exp"_s, &config->otpExp) &&
           positiveInt(parser, u"email-cooldown"_s, &config->emailCooldown) &&
           positiveInt(parser, u"refresh-reuse-interval"_s, &config->refreshReuseInterval) &&
           positiveInt(parser, u"flow-exp"_s, &config->flowExp) &&
           positiveInt(parser, u"id-token-exp"_s, &config->idTokenExp);
}

// The one line on stdout that tells the caller where and how to talk to us.
void printStartLine(const Backend &backend, const QString &url)
{
    const QJsonObject info{
        {u"url"_s, url},
        {u"publishable_key"_s, QString::fromLatin1(backend.anonKey())},
        {u"service_role_key"_s, QString::fromLatin1(backend.serviceRoleKey())},
        {u"jwt_secret"_s, QString::fromUtf8(backend.config().jwtSecret)},
        {u"mailbox"_s, url + u"/mailbox/v1"_s},
        {u"issuers"_s, QJsonObject{{u"google"_s, backend.idpIssuer(u"google"_s)},
                                   {u"apple"_s, backend.idpIssuer(u"apple"_s)}}},
        {u"client_ids"_s, QJsonObject{{u"google"_s, Backend::clientId(u"google"_s)},
                                      {u"apple"_s, Backend::clientId(u"apple"_s)}}},
    };
    std::fputs(QJsonDocument(info).toJson(QJsonDocument::Compact).constData(), stdout);
    std::fputc('\n', stdout);
    std::fflush(stdout);
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setOrganizationName(u"Exegia"_s);
    QCoreApplication::setApplicationName(u"exegia-auth-emulator"_s);
    QCoreApplication::setApplicationVersion(QStringLiteral(EXEGIA_VERSION));

    Config config;
    if (!parseConfig(app, &config))
        return 2;

    Backend backend(config);
    QString error;
    if (!backend.open(&error)) {
        std::fprintf(stderr, "exegia-auth-emulator: cannot open the database: %s\n",
                     qPrintable(error));
        return 1;
    }

    Server server(backend);
    auto *listener = new QTcpServer(&server);
    if (!listener->listen(QHostAddress::LocalHost, config.port)) {
        std::fprintf(stderr, "exegia-auth-emulator: cannot listen on 127.0.0.1:%u: %s\n",
                     unsigned(config.port), qPrintable(listener->errorString()));
        return 1;
    }
    server.bind(listener);
    const QString url = u"http://127.0.0.1:%1"_s.arg(listener->serverPort());
    backend.setBaseUrl(url);

    Accounts accounts(backend);
    Sessions sessions(backend, accounts);
    Mailbox mailbox(backend);
    IdentityProvider idp(backend);
    AuthApi auth(backend, accounts, sessions, mailbox, idp);
    RestApi rest(backend);
    auth.registerRoutes(server);
    rest.registerRoutes(server);
    idp.registerRoutes(server);
    mailbox.registerRoutes(server);
    installSignalHandlers(app);

    printStartLine(backend, url);

    const int code = app.exec();
    backend.db().close();
    qCInfo(lcEmulator) << "stopped cleanly";
    return code;
}
