// exegia-auth-bench: request count, wall time and client CPU per flow of the
// library against a local emulator it starts. A benchmark, not a test: it
// prints a table and asserts nothing.
#include <exegia/auth/AuthClient.h>

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFutureWatcher>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QUrlQuery>

#include <sys/resource.h>

#include <algorithm>
#include <cstdio>
#include <functional>
#include <stdexcept>

using namespace exegia::auth;

namespace {

template <typename T> T await(QFuture<T> future)
{
    if (!future.isFinished()) {
        QEventLoop loop;
        QFutureWatcher<T> watcher;
        QObject::connect(&watcher, &QFutureWatcherBase::finished, &loop, &QEventLoop::quit);
        watcher.setFuture(future);
        if (!future.isFinished())
            loop.exec();
    }
    if constexpr (std::is_void_v<T>)
        future.waitForFinished();
    else
        return future.result();
}

qint64 cpuMicros()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return qint64(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1000000 +
           usage.ru_utime.tv_usec + usage.ru_stime.tv_usec;
}

// Blocking HTTP for the bench's own setup steps (IdP, mailbox, stats).
class Setup
{
public:
    QNetworkReply *send(const QByteArray &method, const QUrl &url, const QByteArray &body = {},
                        const QByteArray &contentType = {})
    {
        QNetworkRequest request(url);
        request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                             QNetworkRequest::ManualRedirectPolicy);
        request.setRawHeader("apikey", serviceKey);
        request.setRawHeader("Authorization", "Bearer " + serviceKey);
        if (!contentType.isEmpty())
            request.setRawHeader("Content-Type", contentType);
        QNetworkReply *reply = m_nam.sendCustomRequest(request, method, body);
        QEventLoop loop;
        QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
        if (!reply->isFinished())
            loop.exec();
        reply->deleteLater();
        return reply;
    }
    QByteArray serviceKey;

private:
    QNetworkAccessManager m_nam;
};

struct Emulator
{
    QProcess process;
    QJsonObject info;
    QString url() const { return info.value(u"url").toString(); }
};

struct Row
{
    QString flow;
    double requests = 0;
    double medianMs = 0;
    double p99Ms = 0;
    double cpuMedianUs = 0;
    double cpuMeanUs = 0;
};

double percentile(QList<double> values, double p)
{
    std::sort(values.begin(), values.end());
    const qsizetype index =
        qBound<qsizetype>(0, qsizetype(p * double(values.size() - 1) + 0.5), values.size() - 1);
    return values.value(index);
}

class Bench
{
public:
    Bench(Emulator &emulator, int iterations)
        : m_emulator(emulator)
        , m_iterations(iterations)
    {
        m_setup.serviceKey = emulator.info.value(u"service_role_key").toString().toLatin1();
        ClientConfig config;
        config.projectUrl = QUrl(emulator.url());
        config.publishableKey = emulator.info.value(u"publishable_key").toString();
        m_client = std::make_unique<AuthClient>(config);
    }

    int apiRequests()
    {
        QNetworkReply *r = m_setup.send("GET", QUrl(m_emulator.url() + u"/_emulator/stats"_qs));
        const QJsonObject all =
            QJsonDocument::fromJson(r->readAll()).object().value(u"requests").toObject();
        int total = 0;
        for (auto it = all.begin(); it != all.end(); ++it) {
            const QString path = it.key().section(u' ', 1);
            if (path.startsWith(u"/auth/v1") || path.startsWith(u"/rest/v1"))
                total += it.value().toInt();
        }
        return total;
    }

    QString idToken(const QString &email)
    {
        const QString issuer =
            m_emulator.info.value(u"issuers").toObject().value(u"google").toString();
        const QString clientId =
            m_emulator.info.value(u"client_ids").toObject().value(u"google").toString();
        const QString redirect = QStringLiteral("http://127.0.0.1:9/cb");
        QUrl authorize(issuer + u"/authorize"_qs);
        QUrlQuery q;
        q.addQueryItem(u"client_id"_qs, clientId);
        q.addQueryItem(u"redirect_uri"_qs, redirect);
        q.addQueryItem(u"response_type"_qs, u"code"_qs);
        q.addQueryItem(u"scope"_qs, u"openid email"_qs);
        q.addQueryItem(u"state"_qs, u"s"_qs);
        q.addQueryItem(u"login_hint"_qs, QString::fromLatin1(QUrl::toPercentEncoding(email)));
        authorize.setQuery(q);
        const QUrl location(
            QString::fromUtf8(m_setup.send("GET", authorize)->rawHeader("Location")));
        const QString code = QUrlQuery(location).queryItemValue(u"code"_qs);
        const QByteArray form =
            "grant_type=authorization_code&code=" + QUrl::toPercentEncoding(code) +
            "&redirect_uri=" + QUrl::toPercentEncoding(redirect) +
            "&client_id=" + QUrl::toPercentEncoding(clientId);
        QNetworkReply *token = m_setup.send("POST", QUrl(issuer + u"/token"_qs), form,
                                            "application/x-www-form-urlencoded");
        return QJsonDocument::fromJson(token->readAll()).object().value(u"id_token").toString();
    }

    QString mailedCode(const QString &email)
    {
        QUrl url(m_emulator.info.value(u"mailbox").toString() + u"/messages"_qs);
        QUrlQuery q;
        q.addQueryItem(u"to"_qs, QString::fromLatin1(QUrl::toPercentEncoding(email)));
        url.setQuery(q);
        const QJsonArray messages =
            QJsonDocument::fromJson(m_setup.send("GET", url)->readAll()).array();
        return messages.first().toObject().value(u"code").toString();
    }

    // `prepare` runs unmeasured before each iteration; `flow` is measured.
    Row run(const QString &name, const std::function<void(int)> &prepare,
            const std::function<void(int)> &flow)
    {
        QList<double> wall, cpu;
        int requests = 0;
        for (int i = 0; i < m_iterations; ++i) {
            prepare(i);
            const int before = apiRequests();
            QElapsedTimer timer;
            const qint64 cpuBefore = cpuMicros();
            timer.start();
            flow(i);
            const qint64 nanos = timer.nsecsElapsed();
            const qint64 cpuAfter = cpuMicros();
            requests += apiRequests() - before;
            wall.append(double(nanos) / 1e6);
            cpu.append(double(cpuAfter - cpuBefore));
        }
        double cpuSum = 0;
        for (double c : cpu)
            cpuSum += c;
        return {name,
                double(requests) / m_iterations,
                percentile(wall, 0.5),
                percentile(wall, 0.99),
                percentile(cpu, 0.5),
                cpuSum / m_iterations};
    }

    AuthClient &client() { return *m_client; }

private:
    Emulator &m_emulator;
    int m_iterations;
    Setup m_setup;
    std::unique_ptr<AuthClient> m_client;
};

QString email(const char *tag, int i)
{
    return QStringLiteral("%1-%2@bench.example").arg(QLatin1String(tag)).arg(i);
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(u"exegia-auth flows against a local emulator"_qs);
    parser.addHelpOption();
    const QCommandLineOption iterationsOption(u"iterations"_qs, u"Runs per flow."_qs, u"n"_qs,
                                              u"100"_qs);
    const QCommandLineOption emulatorOption(u"emulator"_qs, u"Emulator binary."_qs, u"path"_qs,
                                            QStringLiteral(EXEGIA_EMULATOR_PATH));
    parser.addOption(iterationsOption);
    parser.addOption(emulatorOption);
    parser.process(app);
    const int iterations = qMax(1, parser.value(iterationsOption).toInt());

    Emulator emulator;
    emulator.process.start(parser.value(emulatorOption),
                           {u"--port"_qs, u"0"_qs, u"--in-memory"_qs});
    if (!emulator.process.waitForStarted(10000)) {
        std::fprintf(stderr, "cannot start the emulator\n");
        return 1;
    }
    while (!emulator.process.canReadLine() && emulator.process.waitForReadyRead(10000)) {
    }
    emulator.info = QJsonDocument::fromJson(emulator.process.readLine()).object();
    if (emulator.url().isEmpty()) {
        std::fprintf(stderr, "the emulator printed no start-up line\n");
        return 1;
    }

    Bench bench(emulator, iterations);
    AuthClient &client = bench.client();
    QList<Row> rows;
    try {
        // A registered Google user: the sign-in takes the ok path.
        const QString googleEmail = u"bench-google@bench.example"_qs;
        const SignInResult first =
            await(client.signInWithIdToken(u"google"_qs, bench.idToken(googleEmail)));
        SignUpOptions signUp;
        signUp.accessToken = first.session->accessToken;
        await(client.signUp(signUp));
        QString token;
        rows.append(bench.run(
            u"ID-token sign-in + profile check"_qs,
            [&](int) { token = bench.idToken(googleEmail); },
            [&](int) { await(client.signInWithIdToken(u"google"_qs, token)); }));

        QString code;
        rows.append(bench.run(
            u"email code verify + profile check"_qs,
            [&](int i) {
                await(client.requestEmailOtp(email("otp", i)));
                code = bench.mailedCode(email("otp", i));
            },
            [&](int i) { await(client.verifyEmailOtp(email("otp", i), code)); }));

        SignUpOptions guest;
        guest.anonymous = true;
        rows.append(bench.run(
            u"anonymous sign-up with profile"_qs, [](int) {},
            [&](int) { await(client.signUp(guest)); }));

        Session session = *first.session;
        rows.append(bench.run(
            u"refresh session"_qs, [](int) {},
            [&](int) { session = await(client.refreshSession(session.refreshToken)); }));

        rows.append(bench.run(
            u"current user record"_qs, [](int) {},
            [&](int) { await(client.getCurrentUserRecord(session.accessToken)); }));
    } catch (const std::exception &e) {
        std::fprintf(stderr, "flow failed: %s\n", e.what());
        emulator.process.terminate();
        emulator.process.waitForFinished();
        return 1;
    }
    emulator.process.terminate();
    emulator.process.waitForFinished();

    std::printf("exegia-auth-bench: %d iterations per flow, emulator on loopback\n\n", iterations);
    std::printf(
        "| flow | HTTP requests | median ms | p99 ms | client CPU median us | client CPU mean "
        "us |\n|---|---|---|---|---|---|\n");
    for (const Row &r : rows) {
        std::printf("| %s | %.2f | %.2f | %.2f | %.0f | %.0f |\n", qUtf8Printable(r.flow),
                    r.requests, r.medianMs, r.p99Ms, r.cpuMedianUs, r.cpuMeanUs);
    }
    return 0;
}
