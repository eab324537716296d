// exegia-auth-bench: request count, wall time and client CPU per flow of the
// library against a local emulator (its own, or one already running, so that
// bench/js can measure supabase-js against the same server in the same run).
// A benchmark, not a test: it prints a table and asserts nothing.
#include <exegia/auth/AuthClient.h>
#include <exegia/auth/Await.h>

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QTimer>
#include <QUrlQuery>

#include <sys/resource.h>

#include <algorithm>
#include <cstdio>
#include <functional>
#include <stdexcept>

using namespace exegia::auth;
using namespace Qt::StringLiterals;

namespace {

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
    QString id;
    QString flow;
    double requests = 0;
    double medianMs = 0;
    double p99Ms = 0;
    double cpuMedianUs = 0;
    double cpuMeanUs = 0;
    // Every sample, so bench/js/table.mjs can pool several rounds.
    QList<double> wallMs;
    QList<double> cpuUs;
};

// --ca: the CA to trust, installed by the first measured call rather than at
// start-up. Touching the default TLS configuration loads Qt's TLS backend
// (some 40 ms here), which an app's first HTTPS request pays, and so must a
// cold call.
QString &pendingCaFile()
{
    static QString file;
    return file;
}

void trustPendingCa()
{
    if (pendingCaFile().isEmpty())
        return;
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    tls.setCaCertificates(QSslCertificate::fromPath(pendingCaFile()));
    QSslConfiguration::setDefaultConfiguration(tls);
    pendingCaFile().clear();
}

// Adds up the wall and CPU time of the measured parts of one iteration, so a
// flow can leave its setup steps (reading a code from the mailbox) out.
class Meter
{
public:
    template <typename F> void measure(F &&part)
    {
        QElapsedTimer timer;
        const qint64 cpuBefore = cpuMicros();
        timer.start();
        trustPendingCa();
        part();
        const qint64 nanos = timer.nsecsElapsed();
        m_cpuMicros += cpuMicros() - cpuBefore;
        m_wallNanos += nanos;
    }
    qint64 wallNanos() const { return m_wallNanos; }
    qint64 cpuMicrosSpent() const { return m_cpuMicros; }

private:
    qint64 m_wallNanos = 0;
    qint64 m_cpuMicros = 0;
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
    // The measured client talks to clientUrl (bench/network.sh: TLS and a
    // delay relay in front of the emulator); setup steps and the request
    // counts go straight to the emulator, so they neither open the measured
    // client's connections nor pay the added latency.
    Bench(Emulator &emulator, const QUrl &clientUrl, int iterations, int warmup,
          const QString &only)
        : m_emulator(emulator)
        , m_iterations(iterations)
        , m_warmup(warmup)
        , m_only(only)
    {
        m_setup.serviceKey = emulator.info.value(u"secret_key").toString().toLatin1();
        ClientConfig config;
        config.projectUrl = clientUrl;
        config.publishableKey = emulator.info.value(u"publishable_key").toString();
        m_client = std::make_unique<AuthClient>(config);
        config.projectUrl = QUrl(emulator.url());
        m_setupClient = std::make_unique<AuthClient>(config);
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

    // `flow` runs once per iteration and wraps the parts to time in
    // Meter::measure; requests are counted around the whole iteration (setup
    // goes to /idp and /mailbox, which apiRequests() leaves out). The warm-up
    // runs first and is not recorded, as the JavaScript side does for its JIT.
    Row run(const QString &id, const QString &name, const std::function<void(int, Meter &)> &flow)
    {
        if (!m_only.isEmpty() && id != m_only) {
            Row skipped; // no samples: left out of the output
            skipped.id = id;
            return skipped;
        }
        for (int i = 0; i < m_warmup; ++i) {
            Meter unused;
            flow(-1 - i, unused);
        }
        QList<double> wall, cpu;
        int requests = 0;
        for (int i = 0; i < m_iterations; ++i) {
            const int before = apiRequests();
            Meter meter;
            flow(i, meter);
            requests += apiRequests() - before;
            wall.append(double(meter.wallNanos()) / 1e6);
            cpu.append(double(meter.cpuMicrosSpent()));
        }
        double cpuSum = 0;
        for (double c : cpu)
            cpuSum += c;
        return {id,
                name,
                double(requests) / m_iterations,
                percentile(wall, 0.5),
                percentile(wall, 0.99),
                percentile(cpu, 0.5),
                cpuSum / m_iterations,
                wall,
                cpu};
    }

    AuthClient &client() { return *m_client; }
    AuthClient &setupClient() { return *m_setupClient; }

private:
    Emulator &m_emulator;
    int m_iterations;
    int m_warmup;
    QString m_only;
    Setup m_setup;
    std::unique_ptr<AuthClient> m_client;
    std::unique_ptr<AuthClient> m_setupClient;
};

// Addresses are unique per run (prefix) and iteration: the emulator allows
// one code per address per cooldown, and warm-up iterations are negative.
QString email(const QString &prefix, const char *tag, int i)
{
    return QStringLiteral("%1-%2-%3@bench.example").arg(prefix, QLatin1String(tag)).arg(i);
}

bool startEmulator(Emulator &emulator, const QString &program)
{
    emulator.process.start(program, {u"--port"_qs, u"0"_qs, u"--in-memory"_qs});
    if (!emulator.process.waitForStarted(10000))
        return false;
    while (!emulator.process.canReadLine() && emulator.process.waitForReadyRead(10000)) {
    }
    emulator.info = QJsonDocument::fromJson(emulator.process.readLine()).object();
    return !emulator.url().isEmpty();
}

QJsonObject toJson(const Row &r)
{
    QJsonArray wall, cpu;
    for (double v : r.wallMs)
        wall.append(v);
    for (double v : r.cpuUs)
        cpu.append(v);
    return {{u"id"_qs, r.id},
            {u"wall_ms"_qs, wall},
            {u"cpu_us"_qs, cpu},
            {u"flow"_qs, r.flow},
            {u"requests"_qs, r.requests},
            {u"median_ms"_qs, r.medianMs},
            {u"p99_ms"_qs, r.p99Ms},
            {u"cpu_median_us"_qs, r.cpuMedianUs},
            {u"cpu_mean_us"_qs, r.cpuMeanUs}};
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
    const QCommandLineOption warmupOption(u"warmup"_qs, u"Unrecorded runs per flow first."_qs,
                                          u"n"_qs, u"10"_qs);
    const QCommandLineOption emulatorOption(u"emulator"_qs, u"Emulator binary."_qs, u"path"_qs,
                                            QStringLiteral(EXEGIA_EMULATOR_PATH));
    const QCommandLineOption attachOption(
        u"attach"_qs, u"Use the running emulator whose start-up line is in this file."_qs,
        u"file"_qs);
    const QCommandLineOption jsonOption(u"json"_qs, u"Also write the rows as JSON here."_qs,
                                        u"file"_qs);
    const QCommandLineOption prefixOption(u"prefix"_qs, u"Prefix of the test addresses."_qs,
                                          u"text"_qs, u"cpp"_qs);
    const QCommandLineOption urlOption(
        u"url"_s, u"Project URL of the measured client (default: the emulator's)."_s, u"url"_s);
    const QCommandLineOption caOption(u"ca"_s, u"Trust only the CA certificates in this file."_s,
                                      u"pem"_s);
    const QCommandLineOption onlyOption(
        u"only"_s, u"Run only this flow (with --iterations 1 --warmup 0: a cold call)."_s, u"id"_s);
    const QCommandLineOption preconnectOption(
        u"preconnect"_s,
        u"Pre-connect as the app does, then wait this long (a person reading the page)."_s,
        u"ms"_s);
    parser.addOptions({iterationsOption, warmupOption, emulatorOption, attachOption, jsonOption,
                       prefixOption, urlOption, caOption, onlyOption, preconnectOption});
    parser.process(app);
    // Every request the library builds starts from the default configuration.
    pendingCaFile() = parser.value(caOption);
    const int iterations = qMax(1, parser.value(iterationsOption).toInt());
    const int warmup = qMax(0, parser.value(warmupOption).toInt());
    const QString prefix = parser.value(prefixOption);

    Emulator emulator;
    if (parser.isSet(attachOption)) {
        QFile file(parser.value(attachOption));
        if (file.open(QIODevice::ReadOnly))
            emulator.info = QJsonDocument::fromJson(file.readLine()).object();
        if (emulator.url().isEmpty()) {
            std::fprintf(stderr, "no emulator start-up line in %s\n",
                         qUtf8Printable(file.fileName()));
            return 1;
        }
    } else if (!startEmulator(emulator, parser.value(emulatorOption))) {
        std::fprintf(stderr, "cannot start the emulator\n");
        return 1;
    }
    const auto stopEmulator = [&emulator] {
        if (emulator.process.state() != QProcess::NotRunning) {
            emulator.process.terminate();
            emulator.process.waitForFinished();
        }
    };

    const QUrl clientUrl(parser.isSet(urlOption) ? parser.value(urlOption) : emulator.url());
    Bench bench(emulator, clientUrl, iterations, warmup, parser.value(onlyOption));
    AuthClient &client = bench.client();
    if (parser.isSet(preconnectOption)) {
        // The app pre-connects when it starts and when the sign-in page
        // shows; its TLS set-up is then paid before anyone clicks.
        trustPendingCa();
        client.transport()->preconnect();
        QEventLoop reading;
        QTimer::singleShot(parser.value(preconnectOption).toInt(), &reading, &QEventLoop::quit);
        reading.exec();
    }
    QList<Row> rows;
    try {
        // The same five flows, in the same order, as bench/js/bench.mjs.
        SignUpOptions guest;
        guest.anonymous = true;
        rows.append(
            bench.run(u"anonymous"_qs, u"anonymous sign-up with profile"_qs,
                      [&](int, Meter &m) { m.measure([&] { await(client.signUp(guest)); }); }));

        rows.append(bench.run(u"email"_qs, u"email code request + verify + profile check"_qs,
                              [&](int i, Meter &m) {
                                  const QString address = email(prefix, "otp", i);
                                  m.measure([&] { await(client.requestEmailOtp(address)); });
                                  const QString code = bench.mailedCode(address);
                                  m.measure([&] { await(client.verifyEmailOtp(address, code)); });
                              }));

        // A registered Google user: the sign-in takes the ok path.
        const QString googleEmail = email(prefix, "google", 0);
        AuthClient &setup = bench.setupClient();
        const SignInResult first =
            await(setup.signInWithIdToken(u"google"_s, bench.idToken(googleEmail)));
        SignUpOptions signUp;
        signUp.accessToken = first.session->accessToken;
        await(setup.signUp(signUp));
        rows.append(
            bench.run(u"idtoken"_qs, u"ID-token sign-in + profile check"_qs, [&](int, Meter &m) {
                const QString token = bench.idToken(googleEmail);
                m.measure([&] { await(client.signInWithIdToken(u"google"_qs, token)); });
            }));

        // A new Google user: sign-in, no profile yet, sign-up with the session
        // the sign-in gave (as the app does: no GET /user before the insert).
        rows.append(bench.run(
            u"newuser"_s, u"ID-token sign-in + sign-up of a new user"_s, [&](int i, Meter &m) {
                const QString token = bench.idToken(email(prefix, "new", i));
                m.measure([&] {
                    const SignInResult signIn = await(client.signInWithIdToken(u"google"_s, token));
                    if (!signIn.needsSignup)
                        throw std::runtime_error("a new user should need a sign-up");
                    SignUpOptions options;
                    options.session = signIn.session;
                    await(client.signUp(options));
                });
            }));

        Session session = *first.session;
        rows.append(bench.run(u"refresh"_qs, u"refresh session"_qs, [&](int, Meter &m) {
            m.measure([&] { session = await(client.refreshSession(session.refreshToken)); });
        }));

        rows.append(bench.run(u"user"_qs, u"current user + profile"_qs, [&](int, Meter &m) {
            m.measure([&] { await(client.getCurrentUserRecord(session.accessToken)); });
        }));

        // Not a library flow: one bare GET on the same HTTP stack the library
        // uses (QNetworkAccessManager), the floor under every request above.
        QNetworkAccessManager bare;
        QNetworkRequest health(QUrl(clientUrl.toString() + u"/auth/v1/health"_s));
        health.setAttribute(QNetworkRequest::Http2AllowedAttribute, false); // as the library
        health.setRawHeader("apikey",
                            emulator.info.value(u"publishable_key").toString().toLatin1());
        rows.append(
            bench.run(u"floor"_qs, u"floor: one bare GET /auth/v1/health"_qs, [&](int, Meter &m) {
                m.measure([&] {
                    QNetworkReply *reply = bare.get(health);
                    QEventLoop loop;
                    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
                    if (!reply->isFinished())
                        loop.exec();
                    QJsonDocument::fromJson(reply->readAll());
                    delete reply;
                });
            }));
    } catch (const std::exception &e) {
        std::fprintf(stderr, "flow failed: %s\n", e.what());
        stopEmulator();
        return 1;
    }
    stopEmulator();

    if (parser.isSet(jsonOption)) {
        QJsonArray array;
        for (const Row &r : rows) {
            if (!r.wallMs.isEmpty())
                array.append(toJson(r));
        }
        QFile out(parser.value(jsonOption));
        if (!out.open(QIODevice::WriteOnly | QIODevice::Truncate) ||
            out.write(QJsonDocument(QJsonObject{{u"client"_qs, u"exegia-auth"_qs},
                                                {u"iterations"_qs, iterations},
                                                {u"warmup"_qs, warmup},
                                                {u"rows"_qs, array}})
                          .toJson()) < 0) {
            std::fprintf(stderr, "cannot write %s\n", qUtf8Printable(out.fileName()));
            return 1;
        }
    }

    std::printf("exegia-auth-bench: %d iterations per flow (after %d warm-up), emulator on "
                "loopback\n\n",
                iterations, warmup);
    std::printf(
        "| flow | HTTP requests | median ms | p99 ms | client CPU median us | client CPU mean "
        "us |\n|---|---|---|---|---|---|\n");
    for (const Row &r : rows) {
        if (r.wallMs.isEmpty())
            continue;
        std::printf("| %s | %.2f | %.2f | %.2f | %.0f | %.0f |\n", qUtf8Printable(r.flow),
                    r.requests, r.medianMs, r.p99Ms, r.cpuMedianUs, r.cpuMeanUs);
    }
    return 0;
}
