// session_keychain_helper restore <project url> <publishable key>
// A separate process for the keychain test: a restarted app in miniature.
// Restores the stored session through the OS keychain and prints one JSON
// line {"status": "...", "user_id": "..."}; never prints a token.
#include <exegia/auth/AuthClient.h>
#include <exegia/auth/KeychainTokenStore.h>
#include <exegia/auth/SessionManager.h>

#include <QCoreApplication>
#include <QFutureWatcher>
#include <QJsonDocument>
#include <QJsonObject>

#include <cstdio>

using namespace exegia::auth;

namespace {

const char *statusName(RestoreResult::Status s)
{
    switch (s) {
    case RestoreResult::Status::Restored:
        return "restored";
    case RestoreResult::Status::NoStoredSession:
        return "none";
    case RestoreResult::Status::Refused:
        return "refused";
    case RestoreResult::Status::NetworkFailure:
        return "network";
    case RestoreResult::Status::StoreUnavailable:
        break;
    }
    return "store_unavailable";
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() != 4 || args[1] != u"restore") {
        std::fprintf(stderr, "usage: %s restore <project url> <publishable key>\n", argv[0]);
        return 2;
    }
    ClientConfig config;
    config.projectUrl = QUrl(args[2]);
    config.publishableKey = args[3];
    AuthClient client(config);
    SessionManager manager(&client, std::make_unique<KeychainTokenStore>(config.projectUrl));

    QFutureWatcher<RestoreResult> watcher;
    QObject::connect(&watcher, &QFutureWatcherBase::finished, &app, [&] {
        const RestoreResult r = watcher.result();
        QJsonObject line{{u"status"_qs, QLatin1String(statusName(r.status))},
                         {u"error_code"_qs, r.errorCode}};
        if (r.currentUser)
            line.insert(u"user_id", r.currentUser->id());
        std::printf("%s\n", QJsonDocument(line).toJson(QJsonDocument::Compact).constData());
        std::fflush(stdout);
        app.exit(r.status == RestoreResult::Status::StoreUnavailable ? 3 : 0);
    });
    watcher.setFuture(manager.restore());
    return app.exec();
}
