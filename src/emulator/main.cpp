// exegia-auth-emulator: the local Supabase-compatible backend.
#include "accounts.h"
#include "auth_api.h"
#include "backend.h"
#include "identity_provider.h"
#include "logging.h"
#include "mailbox.h"
#include "rest_api.h"
#include "server.h"
#include "sessions.h"

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

bool parseConfig(QCoreApplication &app, Config *config)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"Local Supabase-compatible auth backend for Exegia Sign-In (development and tests only)."_qs);
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addOptions({
        {u"port"_qs, u"Port on 127.0.0.1 (0 picks a free one)."_qs, u"N"_qs, u"54321"_qs},
        {u"data"_qs, u"Folder for the SQLite database."_qs, u"DIR"_qs},
        {u"in-memory"_qs, u"Keep everything in memory."_qs},
        {u"jwt-secret"_qs, u"HS256 secret for tokens and API keys (32+ characters)."_qs, u"S"_qs},
        {u"jwt-exp"_qs, u"Access token lifetime."_qs, u"SECONDS"_qs},
        {u"otp-exp"_qs, u"One-time code lifetime."_qs, u"SECONDS"_qs},
        {u"email-cooldown"_qs, u"Minimum interval between emails to one address."_qs,
         u"SECONDS"_qs},
        {u"refresh-reuse-interval"_qs, u"How long a spent refresh token still works."_qs,
         u"SECONDS"_qs},
        {u"flow-exp"_qs, u"PKCE flow state lifetime."_qs, u"SECONDS"_qs},
        {u"id-token-exp"_qs, u"Lifetime of the local identity provider's ID tokens."_qs,
         u"SECONDS"_qs},
        {u"disable-anonymous"_qs, u"Refuse anonymous sign-ins."_qs},
        {u"disable-linking"_qs, u"Refuse manual identity linking."_qs},
    });
    parser.process(app);

    bool ok = false;
    const uint port = parser.value(u"port"_qs).toUInt(&ok);
    if (!ok || port > 65535) {
        std::fprintf(stderr, "exegia-auth-emulator: --port needs a number from 0 to 65535\n");
        return false;
    }
    config->port = quint16(port);
    config->inMemory = parser.isSet(u"in-memory"_qs);
    if (parser.isSet(u"data"_qs) && config->inMemory) {
        std::fprintf(stderr, "exegia-auth-emulator: --data and --in-memory exclude each other\n");
        return false;
    }
    config->dataDir = parser.isSet(u"data"_qs)
                          ? parser.value(u"data"_qs)
                          : QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    if (parser.isSet(u"jwt-secret"_qs)) {
        config->jwtSecret = parser.value(u"jwt-secret"_qs).toUtf8();
        if (config->jwtSecret.size() < 32) {
            std::fprintf(stderr,
                         "exegia-auth-emulator: --jwt-secret needs at least 32 characters\n");
            return false;
        }
    }
    config->anonymousEnabled = !parser.isSet(u"disable-anonymous"_qs);
    config->linkingEnabled = !parser.isSet(u"disable-linking"_qs);
    return positiveInt(parser, u"jwt-exp"_qs, &config->jwtExp) &&
           positiveInt(parser, u"otp-exp"_qs, &config->otpExp) &&
           positiveInt(parser, u"email-cooldown"_qs, &config->emailCooldown) &&
           positiveInt(parser, u"refresh-reuse-interval"_qs, &config->refreshReuseInterval) &&
           positiveInt(parser, u"flow-exp"_qs, &config->flowExp) &&
           positiveInt(parser, u"id-token-exp"_qs, &config->idTokenExp);
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setOrganizationName(u"Exegia"_qs);
    QCoreApplication::setApplicationName(u"exegia-auth-emulator"_qs);
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
    const QString url = u"http://127.0.0.1:%1"_qs.arg(listener->serverPort());
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

    const QJsonObject info{
        {u"url"_qs, url},
        {u"publishable_key"_qs, QString::fromLatin1(backend.anonKey())},
        {u"service_role_key"_qs, QString::fromLatin1(backend.serviceRoleKey())},
        {u"jwt_secret"_qs, QString::fromUtf8(config.jwtSecret)},
        {u"mailbox"_qs, url + u"/mailbox/v1"_qs},
        {u"issuers"_qs, QJsonObject{{u"google"_qs, backend.idpIssuer(u"google"_qs)},
                                    {u"apple"_qs, backend.idpIssuer(u"apple"_qs)}}},
        {u"client_ids"_qs, QJsonObject{{u"google"_qs, Backend::clientId(u"google"_qs)},
                                       {u"apple"_qs, Backend::clientId(u"apple"_qs)}}},
    };
    std::fputs(QJsonDocument(info).toJson(QJsonDocument::Compact).constData(), stdout);
    std::fputc('\n', stdout);
    std::fflush(stdout);

    const int code = app.exec();
    backend.db().close();
    qCInfo(lcEmulator) << "stopped cleanly";
    return code;
}
