// BrowserFlow on its own: one loopback loop, exactly one callback, the
// errors a redirect can carry, deadline, cancel, and where it listens.
#include "Await.h"
#include "HeadlessBrowser.h"
#include "TestHttp.h"

#include <exegia/auth/BrowserFlow.h>
#include <exegia/auth/Errors.h>

#include <QNetworkInterface>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QUrlQuery>

#include <gtest/gtest.h>

using namespace exegia;
using namespace std::chrono_literals;

namespace {

QUrl callbackUrl(const QUrl &redirect, const QString &query)
{
    QUrl url = redirect;
    url.setQuery(query, QUrl::StrictMode);
    return url;
}

// A launcher that opens nothing; the test plays the browser itself.
auth::BrowserLauncher silentLauncher(QUrl *opened = nullptr)
{
    return [opened](const QUrl &url) {
        if (opened)
            *opened = url;
        return true;
    };
}

bool waitFor(const std::function<bool()> &condition, int timeoutMs = 5000)
{
    QDeadlineTimer deadline(timeoutMs);
    while (!condition()) {
        if (deadline.hasExpired())
            return false;
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 20);
    }
    return true;
}

const QString kFailed = QStringLiteral("Sign-in failed \u2014 return to Exegia Sign-In");

bool canConnect(const QHostAddress &address, quint16 port)
{
    QTcpSocket socket;
    socket.connectToHost(address, port);
    return socket.waitForConnected(2000);
}

} // namespace

TEST(BrowserFlow, ListensOnLoopbackWithAnUnguessablePath)
{
    auth::BrowserFlow first, second;
    const QUrl a = first.redirectUri();
    const QUrl b = second.redirectUri();
    EXPECT_EQ(a.scheme(), u"http");
    EXPECT_EQ(a.host(), u"127.0.0.1");
    EXPECT_NE(a.port(), 0);
    EXPECT_NE(a.port(), b.port());
    EXPECT_GE(a.path().size(), 22); // 128 random bits
    EXPECT_NE(a.path(), b.path());
    EXPECT_TRUE(first.isListening());
}

TEST(BrowserFlow, RefusesConnectionsOnOtherAddresses)
{
    auth::BrowserFlow flow;
    const quint16 port = quint16(flow.redirectUri().port());
    EXPECT_TRUE(canConnect(QHostAddress::LocalHost, port));
    int checked = 0;
    for (const QHostAddress &address : QNetworkInterface::allAddresses()) {
        if (address.isLoopback() || address.protocol() != QAbstractSocket::IPv4Protocol)
            continue;
        EXPECT_FALSE(canConnect(address, port)) << address.toString().toStdString();
        ++checked;
    }
    if (checked == 0)
        GTEST_SKIP() << "this machine has no non-loopback IPv4 address to try";
}

TEST(BrowserFlow, AcceptsOneCodeAnswersTheBrowserAndCloses)
{
    auth::BrowserFlow flow;
    QUrl opened;
    flow.setLauncher(silentLauncher(&opened));
    const QUrl redirect = flow.redirectUri();
    const quint16 port = quint16(redirect.port());
    auto future = flow.start(QUrl(u"http://127.0.0.1:9/authorize"_qs));
    EXPECT_EQ(opened, QUrl(u"http://127.0.0.1:9/authorize"_qs));

    test::HeadlessBrowser browser;
    QSignalSpy finished(&flow, &auth::BrowserFlow::finished);
    browser.open(callbackUrl(redirect, u"code=first-code"_qs));
    const auth::BrowserCallback callback = test::await(future, 5000);
    EXPECT_EQ(callback.code, u"first-code");
    flow.reportOutcome(true); // the caller's code exchange worked
    ASSERT_TRUE(waitFor([&] { return browser.pagesLoaded() == 1; }));
    EXPECT_TRUE(browser.lastPage().contains("You are signed in to Exegia Sign-In. You can close "
                                            "this tab."))
        << browser.lastPage().toStdString();
    EXPECT_TRUE(browser.lastPage().contains("<title>Exegia Sign-In</title>"));

    ASSERT_TRUE(finished.count() == 1 || finished.wait(2000));
    EXPECT_FALSE(flow.isListening());
    EXPECT_FALSE(canConnect(QHostAddress::LocalHost, port));
}

TEST(BrowserFlow, IgnoresOtherPathsSuchAsTheFavicon)
{
    auth::BrowserFlow flow;
    flow.setLauncher(silentLauncher());
    const QUrl redirect = flow.redirectUri();
    auto future = flow.start(QUrl(u"http://127.0.0.1:9/authorize"_qs));

    QTcpSocket favicon;
    favicon.connectToHost(QHostAddress::LocalHost, quint16(redirect.port()));
    ASSERT_TRUE(favicon.waitForConnected(2000));
    favicon.write("GET /favicon.ico HTTP/1.1\r\nHost: 127.0.0.1:" +
                  QByteArray::number(redirect.port()) + "\r\n\r\n");
    favicon.waitForBytesWritten(1000);
    QCoreApplication::processEvents(QEventLoop::AllEvents, 200);
    favicon.waitForReadyRead(300);
    EXPECT_FALSE(future.isFinished());
    EXPECT_TRUE(flow.isListening());

    test::HeadlessBrowser browser;
    browser.open(callbackUrl(redirect, u"code=real"_qs));
    EXPECT_EQ(test::await(future, 5000).code, u"real");
}

TEST(BrowserFlow, AForgedSecondCallbackChangesNothing)
{
    auth::BrowserFlow flow;
    flow.setLauncher(silentLauncher());
    const QUrl redirect = flow.redirectUri();
    auto future = flow.start(QUrl(u"http://127.0.0.1:9/authorize"_qs));

    // The forger connects while the loop is open but speaks only after the
    // person's callback was taken: that order is what the test is about,
    // so it must not be left to two sockets racing.
    QTcpSocket forger;
    forger.connectToHost(QHostAddress::LocalHost, quint16(redirect.port()));
    ASSERT_TRUE(forger.waitForConnected(2000));
    test::HeadlessBrowser person;
    person.open(callbackUrl(redirect, u"code=genuine"_qs));
    EXPECT_EQ(test::await(future, 5000).code, u"genuine");

    const QByteArray target = callbackUrl(redirect, u"code=forged"_qs)
                                  .toEncoded(QUrl::RemoveScheme | QUrl::RemoveAuthority);
    forger.write("GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1:" +
                 QByteArray::number(redirect.port()) + "\r\n\r\n");
    QByteArray answer;
    waitFor([&] {
        answer += forger.readAll();
        return answer.contains("</html>") || forger.state() != QAbstractSocket::ConnectedState;
    });
    // The forged callback signed nobody in, and its page says so; the
    // result stays the person's.
    EXPECT_TRUE(QString::fromUtf8(answer).contains(kFailed)) << answer.toStdString();
    EXPECT_EQ(future.result().code, u"genuine");
    flow.reportOutcome(true);
    ASSERT_TRUE(waitFor([&] { return person.pagesLoaded() == 1; }));
    EXPECT_TRUE(person.lastPage().contains("You are signed in"));

    // And once the loop has ended nobody is listening any more.
    ASSERT_TRUE(waitFor([&] { return !flow.isListening(); }));
    test::HeadlessBrowser late;
    late.open(callbackUrl(redirect, u"code=late"_qs));
    ASSERT_TRUE(waitFor([&] { return late.pagesLoaded() == 1; }));
    EXPECT_FALSE(late.lastError().isEmpty());
}

TEST(BrowserFlow, ServerErrorsArriveAsAuthApiErrorsWithSpacesDecoded)
{
    auth::BrowserFlow flow;
    flow.setLauncher(silentLauncher());
    const QUrl redirect = flow.redirectUri();
    auto future = flow.start(QUrl(u"http://127.0.0.1:9/authorize"_qs));
    test::HeadlessBrowser browser;
    browser.open(callbackUrl(redirect,
                             u"error=server_error&error_code=identity_already_exists"
                             "&error_description=Identity+is+already+linked+to+another+user"_qs));
    const auto error = test::awaitError<auth::AuthApiError>(future);
    ASSERT_TRUE(error.has_value());
    EXPECT_EQ(error->errorCode(), u"identity_already_exists");
    EXPECT_EQ(error->message(), u"Identity is already linked to another user");
    ASSERT_TRUE(waitFor([&] { return browser.pagesLoaded() == 1; }));
    EXPECT_TRUE(QString::fromUtf8(browser.lastPage()).contains(kFailed));
}

TEST(BrowserFlow, DecliningAtTheProviderIsItsOwnKind)
{
    auth::BrowserFlow flow;
    flow.setLauncher(silentLauncher());
    const QUrl redirect = flow.redirectUri();
    auto future = flow.start(QUrl(u"http://127.0.0.1:9/authorize"_qs));
    test::HeadlessBrowser browser;
    browser.open(
        callbackUrl(redirect, u"error=access_denied&error_description=The%20user%20said%20no"_qs));
    const auto error = test::awaitError<auth::BrowserFlowError>(future);
    ASSERT_TRUE(error.has_value());
    EXPECT_EQ(error->kind(), auth::BrowserFlowError::Kind::ProviderDenied);
    EXPECT_FALSE(QByteArray(error->what()).isEmpty());
}

TEST(BrowserFlow, ACallbackWithoutCodeFails)
{
    auth::BrowserFlow flow;
    flow.setLauncher(silentLauncher());
    const QUrl redirect = flow.redirectUri();
    auto future = flow.start(QUrl(u"http://127.0.0.1:9/authorize"_qs));
    test::HeadlessBrowser browser;
    browser.open(callbackUrl(redirect, u"state=whatever"_qs));
    const auto error = test::awaitError<auth::BrowserFlowError>(future);
    ASSERT_TRUE(error.has_value());
    EXPECT_EQ(error->kind(), auth::BrowserFlowError::Kind::NoCode);
}

TEST(BrowserFlow, TimesOutAndStopsListening)
{
    auth::BrowserFlow flow;
    flow.setLauncher(silentLauncher());
    flow.setTimeout(300ms);
    flow.redirectUri();
    auto future = flow.start(QUrl(u"http://127.0.0.1:9/authorize"_qs));
    const auto error = test::awaitError<auth::BrowserFlowError>(future, nullptr, 5000);
    ASSERT_TRUE(error.has_value());
    EXPECT_EQ(error->kind(), auth::BrowserFlowError::Kind::TimedOut);
    EXPECT_TRUE(waitFor([&] { return !flow.isListening(); }));
}

TEST(BrowserFlow, CancelEndsTheLoopAtOnce)
{
    auth::BrowserFlow flow;
    flow.setLauncher(silentLauncher());
    const quint16 port = quint16(flow.redirectUri().port());
    auto future = flow.start(QUrl(u"http://127.0.0.1:9/authorize"_qs));
    QTimer::singleShot(50, &flow, &auth::BrowserFlow::cancel);
    const auto error = test::awaitError<auth::BrowserFlowError>(future, nullptr, 5000);
    ASSERT_TRUE(error.has_value());
    EXPECT_EQ(error->kind(), auth::BrowserFlowError::Kind::Cancelled);
    EXPECT_TRUE(waitFor([&] { return !flow.isListening(); }));
    EXPECT_FALSE(canConnect(QHostAddress::LocalHost, port));
}

TEST(BrowserFlow, KeepsWaitingWhenTheBrowserCannotBeOpened)
{
    auth::BrowserFlow flow;
    flow.setLauncher([](const QUrl &) { return false; });
    QSignalSpy failed(&flow, &auth::BrowserFlow::browserOpenFailed);
    const QUrl redirect = flow.redirectUri();
    const QUrl authorize(u"http://127.0.0.1:9/authorize?x=1"_qs);
    auto future = flow.start(authorize);
    ASSERT_EQ(failed.count(), 1);
    EXPECT_EQ(failed.first().first().toUrl(), authorize);
    EXPECT_FALSE(flow.reopenBrowser());
    EXPECT_EQ(failed.count(), 2);
    EXPECT_FALSE(future.isFinished());
    // The person copies the URL by hand and finishes in some browser.
    test::HeadlessBrowser browser;
    browser.open(callbackUrl(redirect, u"code=by-hand"_qs));
    EXPECT_EQ(test::await(future, 5000).code, u"by-hand");
}

TEST(BrowserFlow, TheTabWaitsForTheOutcomeAndTellsAFailure)
{
    auth::BrowserFlow flow;
    flow.setLauncher(silentLauncher());
    const QUrl redirect = flow.redirectUri();
    auto future = flow.start(QUrl(u"http://127.0.0.1:9/authorize"_qs));
    test::HeadlessBrowser browser;
    QSignalSpy finished(&flow, &auth::BrowserFlow::finished);
    browser.open(callbackUrl(redirect, u"code=forged-or-spent"_qs));
    EXPECT_EQ(test::await(future, 5000).code, u"forged-or-spent");
    // The code is the caller's to try; until it says, the tab has no answer
    // and the loop has not ended.
    EXPECT_EQ(browser.pagesLoaded(), 0);
    EXPECT_EQ(finished.count(), 0);
    flow.reportOutcome(false);
    flow.reportOutcome(true); // only the first report counts
    ASSERT_TRUE(waitFor([&] { return browser.pagesLoaded() == 1; }));
    const QString page = QString::fromUtf8(browser.lastPage());
    EXPECT_TRUE(page.contains(kFailed)) << page.toStdString();
    EXPECT_FALSE(page.contains(u"signed in"_qs));
    ASSERT_TRUE(finished.count() == 1 || finished.wait(2000));
}

TEST(BrowserFlow, ShowsTheTextsTheAppGives)
{
    auth::BrowserFlow flow;
    flow.setLauncher(silentLauncher());
    auth::BrowserPageTexts texts;
    texts.title = u"Exegia-Anmeldung"_qs;
    texts.success = u"Sie sind bei <Exegia> angemeldet."_qs;
    flow.setPageTexts(texts);
    const QUrl redirect = flow.redirectUri();
    auto future = flow.start(QUrl(u"http://127.0.0.1:9/authorize"_qs));
    test::HeadlessBrowser browser;
    browser.open(callbackUrl(redirect, u"code=c"_qs));
    test::await(future, 5000);
    flow.reportOutcome(true);
    ASSERT_TRUE(waitFor([&] { return browser.pagesLoaded() == 1; }));
    EXPECT_TRUE(browser.lastPage().contains("<title>Exegia-Anmeldung</title>"));
    EXPECT_TRUE(browser.lastPage().contains("Sie sind bei &lt;Exegia&gt; angemeldet."))
        << browser.lastPage().toStdString();
}

TEST(BrowserFlow, WithoutAnOutcomeTheTabClaimsNeitherSuccessNorFailure)
{
    auth::BrowserFlow flow;
    flow.setLauncher(silentLauncher());
    flow.setOutcomeTimeout(300ms);
    const QUrl redirect = flow.redirectUri();
    auto future = flow.start(QUrl(u"http://127.0.0.1:9/authorize"_qs));
    test::HeadlessBrowser browser;
    browser.open(callbackUrl(redirect, u"code=c"_qs));
    test::await(future, 5000);
    ASSERT_TRUE(waitFor([&] { return browser.pagesLoaded() == 1; }));
    const QString page = QString::fromUtf8(browser.lastPage());
    EXPECT_TRUE(page.contains(u"to see whether you are signed in"_qs)) << page.toStdString();
    EXPECT_TRUE(waitFor([&] { return !flow.isListening(); }));
}

TEST(BrowserFlow, CancelAfterTheCallbackLeavesTheAnswerToTheExchange)
{
    // The caller's code exchange is already under way and may well sign the
    // person in: the tab must not say "failed" just because of a cancel.
    auth::BrowserFlow flow;
    flow.setLauncher(silentLauncher());
    const QUrl redirect = flow.redirectUri();
    auto future = flow.start(QUrl(u"http://127.0.0.1:9/authorize"_qs));
    test::HeadlessBrowser browser;
    browser.open(callbackUrl(redirect, u"code=c"_qs));
    test::await(future, 5000);
    flow.cancel();
    flow.reportOutcome(true);
    ASSERT_TRUE(waitFor([&] { return browser.pagesLoaded() == 1; }));
    EXPECT_TRUE(browser.lastPage().contains("You are signed in to Exegia Sign-In"))
        << browser.lastPage().toStdString();
}
