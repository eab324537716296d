// The emulator's whole request path without sockets: Server::dispatch with a
// fuzzed method, path, query, headers and body against an in-memory backend.
// This reaches the gateway checks, JSON bodies, forms, PostgREST query
// parsing and the Bearer/apikey handling of every route.
//
// Input: "METHOD /path?query" on the first line, then "Name: value" header
// lines, an empty line and the body. The placeholders $ANON, $SERVICE and
// $USER become the anon key, the service_role key and a live user's access
// token, so inputs can get past the gateway and the token checks.
#include "FuzzSupport.h"

#include "Accounts.h"
#include "AuthApi.h"
#include "Backend.h"
#include "IdentityProvider.h"
#include "Mailbox.h"
#include "RestApi.h"
#include "Server.h"
#include "Sessions.h"

#include <QJsonDocument>

#include <cstdio>
#include <memory>

using namespace exegia;
using namespace exegia::emulator;

namespace {

struct Emulator
{
    Backend backend{[] {
        Config config;
        config.inMemory = true;
        return config;
    }()};
    std::unique_ptr<Server> server;
    std::unique_ptr<Accounts> accounts;
    std::unique_ptr<Sessions> sessions;
    std::unique_ptr<Mailbox> mailbox;
    std::unique_ptr<IdentityProvider> idp;
    std::unique_ptr<AuthApi> auth;
    std::unique_ptr<RestApi> rest;
    QByteArray userToken;
};

Emulator *instance = nullptr;

Request makeRequest(QByteArray data)
{
    data.replace("$ANON", instance->backend.anonKey());
    data.replace("$SERVICE", instance->backend.serviceRoleKey());
    data.replace("$USER", instance->userToken);

    Request request;
    const qsizetype lineEnd = data.indexOf('\n');
    const QByteArray requestLine = data.left(lineEnd < 0 ? data.size() : lineEnd);
    const qsizetype space = requestLine.indexOf(' ');
    request.method = requestLine.left(space < 0 ? requestLine.size() : space);
    const QByteArray target = space < 0 ? QByteArray("/") : requestLine.mid(space + 1).trimmed();
    // As the server builds it from the request line (see toRequest in Server.cpp).
    request.url = QUrl::fromEncoded(instance->backend.baseUrl().toLatin1() + target);
    request.path = request.url.path(QUrl::FullyDecoded);
    request.query = QUrlQuery(request.url);
    const fuzz::Message message =
        fuzz::splitMessage(lineEnd < 0 ? QByteArray() : data.mid(lineEnd + 1));
    request.headers = message.headers;
    request.body = message.body;
    return request;
}

// A fresh emulator: a new in-memory database, routes and one signed-up guest.
void startEmulator()
{
    delete instance;
    instance = new Emulator;
    QString error;
    if (!instance->backend.open(&error)) {
        std::fprintf(stderr, "cannot open the in-memory database: %s\n", qPrintable(error));
        std::abort();
    }
    instance->backend.setBaseUrl(QStringLiteral("http://127.0.0.1:54321"));
    Backend &backend = instance->backend;
    instance->server = std::make_unique<Server>(backend);
    instance->accounts = std::make_unique<Accounts>(backend);
    instance->sessions = std::make_unique<Sessions>(backend, *instance->accounts);
    instance->mailbox = std::make_unique<Mailbox>(backend);
    instance->idp = std::make_unique<IdentityProvider>(backend);
    instance->auth = std::make_unique<AuthApi>(backend, *instance->accounts, *instance->sessions,
                                               *instance->mailbox, *instance->idp);
    instance->rest = std::make_unique<RestApi>(backend);
    instance->auth->registerRoutes(*instance->server);
    instance->rest->registerRoutes(*instance->server);
    instance->idp->registerRoutes(*instance->server);
    instance->mailbox->registerRoutes(*instance->server);

    // A guest to stand behind $USER.
    const Reply signup =
        instance->server->dispatch(makeRequest("POST /auth/v1/signup\napikey: $ANON\n\n{}"));
    instance->userToken =
        QJsonDocument::fromJson(signup.body).object().value(u"access_token").toString().toLatin1();
    fuzz::require(!instance->userToken.isEmpty(), "the setup sign-up gives a token");
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    fuzz::initQt();
    startEmulator();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    // State piles up across inputs (rows, per-path request statistics, injected
    // faults), which would make later inputs slower and depend on far earlier
    // ones. Starting over now and then keeps runs fast and crashes reproducible
    // from a short history.
    static int sinceStart = 0;
    if (++sinceStart > 1000) {
        sinceStart = 0;
        startEmulator();
    }
    const Request request = makeRequest(fuzz::bytes(data, size));
    const Reply reply = instance->server->dispatch(request);
    fuzz::require(reply.status >= 100 && reply.status <= 599, "a real HTTP status");
    // The handlers' safety net turns exceptions into 500 unexpected_failure;
    // for fuzzing that still means a bug the input found.
    fuzz::require(!reply.body.contains("unexpected_failure"), "no handler threw");
    if (reply.contentType.startsWith("application/json") && !reply.body.isEmpty())
        fuzz::require(!QJsonDocument::fromJson(reply.body).isNull(), "JSON replies are JSON");
    return 0;
}
