#include "session_fixture.h"

#include <exegia/auth/AuthResults.h>

#include <QJsonArray>
#include <QUrlQuery>

#include <gtest/gtest.h>

namespace exegia::test {

bool waitFor(const std::function<bool()> &done, int timeoutMs)
{
    QDeadlineTimer deadline(timeoutMs);
    while (!done()) {
        if (deadline.hasExpired())
            return done();
        // Wakes up for any event; the short cap only bounds how late a
        // condition changed by another thread's work is noticed.
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 20);
    }
    return true;
}

void letTimePass(int ms)
{
    QDeadlineTimer deadline(ms);
    waitFor([&] { return deadline.hasExpired(); }, ms + 1000);
}

bool SessionEmulator::start(const QStringList &args, QString *error)
{
    if (!proc.start(args, error))
        return false;
    if (!m_client)
        m_client = std::make_unique<auth::AuthClient>(config());
    return true;
}

auth::ClientConfig SessionEmulator::config() const
{
    auth::ClientConfig c;
    c.projectUrl = proc.url();
    c.publishableKey = proc.publishableKey();
    c.requestTimeout = std::chrono::milliseconds(5000);
    return c;
}

Headers SessionEmulator::serviceHeaders() const
{
    return {{"apikey", proc.secretKey().toLatin1()},
            {"Authorization", "Bearer " + proc.secretKey().toLatin1()}};
}

auth::Session SessionEmulator::guestSession()
{
    return await(m_client->startAnonymousSession()).session;
}

auth::Session SessionEmulator::emailSession(const QString &email)
{
    // The per-address cooldown (>= 1 s, counted in whole seconds) must pass
    // between two codes for one address.
    if (m_lastCodeFor.contains(email))
        letTimePass(2100);
    m_lastCodeFor.insert(email);
    await(m_client->requestEmailOtp(email));
    const QUrl inbox(proc.mailbox() + QStringLiteral("/messages?to=") +
                     QString::fromLatin1(QUrl::toPercentEncoding(email)));
    const QJsonArray messages = http.get(inbox, serviceHeaders()).jsonArray();
    const QString code = messages.first().toObject().value(u"code").toString();
    const auth::SignInResult r = await(m_client->verifyEmailOtp(email, code));
    if (!r.session)
        throw std::runtime_error("verify gave no session");
    return *r.session;
}

int SessionEmulator::requestCount(const QString &key)
{
    const HttpResponse r =
        http.get(QUrl(proc.urlString() + QStringLiteral("/_emulator/stats")), serviceHeaders());
    EXPECT_EQ(r.status, 200) << r.body.constData();
    return r.json().value(u"requests").toObject().value(key).toInt();
}

bool SessionEmulator::injectFault(const QString &method, const QString &path, int status, int count)
{
    const QJsonObject body{
        {u"method"_qs, method}, {u"path"_qs, path}, {u"status"_qs, status}, {u"count"_qs, count}};
    const HttpResponse r = http.postJson(
        QUrl(proc.urlString() + QStringLiteral("/_emulator/faults")), body, serviceHeaders());
    return r.status / 100 == 2;
}

bool SessionEmulator::deleteUser(const QString &userId)
{
    const HttpResponse r = http.send(
        "DELETE", QUrl(proc.urlString() + QStringLiteral("/auth/v1/admin/users/") + userId),
        serviceHeaders());
    return r.status / 100 == 2;
}

auth::Session expiredCopy(auth::Session session)
{
    session.expiresIn = 0;
    session.expiresAt = QDateTime::currentDateTimeUtc().addSecs(-1);
    return session;
}

} // namespace exegia::test
