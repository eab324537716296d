#include "gui_support.h"

#include "TestHttp.h"

#include <QAtomicInt>
#include <QCoreApplication>
#include <QDateTime>
#include <QDeadlineTimer>

#include <cstdlib>

using namespace Qt::StringLiterals;

namespace guitest {

using exegia::test::Http;

bool waitFor(const std::function<bool()> &done, int timeoutMs)
{
    QDeadlineTimer deadline(timeoutMs);
    while (!done()) {
        if (deadline.hasExpired())
            return done();
        // Wait for events (replies, timers) rather than spinning.
        QCoreApplication::processEvents(QEventLoop::AllEvents | QEventLoop::WaitForMoreEvents, 20);
        QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
    }
    return true;
}

QString uniqueEmail(const QString &tag)
{
    static QAtomicInt counter;
    return QStringLiteral("%1.%2.%3@example.test")
        .arg(tag)
        .arg(QCoreApplication::applicationPid())
        .arg(counter.fetchAndAddRelaxed(1));
}

QString latestCode(const QString &mailboxUrl, const QString &email)
{
    const QUrl url(mailboxUrl + QStringLiteral("/messages?to=") +
                   QString::fromLatin1(QUrl::toPercentEncoding(email)));
    Http http;
    const auto messages = http.get(url).jsonArray();
    return messages.isEmpty() ? QString() : messages.first().toObject().value(u"code").toString();
}

QString waitForNewCode(const QString &mailboxUrl, const QString &email, const QString &previous,
                       int timeoutMs)
{
    QString code;
    waitFor(
        [&] {
            code = latestCode(mailboxUrl, email);
            return !code.isEmpty() && code != previous;
        },
        timeoutMs);
    return code != previous ? code : QString();
}

exegia::auth::ClientConfig configFor(const exegia::test::EmulatorProcess &emulator)
{
    exegia::auth::ClientConfig config;
    config.projectUrl = emulator.url();
    config.publishableKey = emulator.publishableKey();
    return config;
}

static exegia::test::Headers serviceHeaders(const exegia::test::EmulatorProcess &emulator)
{
    const QByteArray key = emulator.secretKey().toUtf8();
    return {{"apikey", key}, {"Authorization", "Bearer " + key}};
}

QJsonObject emulatorStats(const exegia::test::EmulatorProcess &emulator)
{
    Http http;
    return http
        .get(QUrl(emulator.urlString() + QStringLiteral("/_emulator/stats")),
             serviceHeaders(emulator))
        .json()
        .value(u"requests")
        .toObject();
}

int requestCount(const exegia::test::EmulatorProcess &emulator, const QString &key)
{
    return emulatorStats(emulator).value(key).toInt();
}

bool injectFault(const exegia::test::EmulatorProcess &emulator, const QString &method,
                 const QString &path, int status, int count)
{
    Http http;
    const auto response = http.postJson(
        QUrl(emulator.urlString() + QStringLiteral("/_emulator/faults")),
        {{u"method"_s, method}, {u"path"_s, path}, {u"status"_s, status}, {u"count"_s, count}},
        serviceHeaders(emulator));
    return response.status >= 200 && response.status < 300;
}

QString otherCode(const QString &code)
{
    return code == QLatin1String("000000") ? QStringLiteral("111111") : QStringLiteral("000000");
}

} // namespace guitest
