#pragma once

#include <exegia/auth/Errors.h>

#include <QFuture>
#include <QObject>
#include <QUrl>
#include <QVariantMap>

#include <chrono>
#include <exception>
#include <functional>
#include <memory>
#include <variant>

class QTimer;

namespace exegia::auth {

namespace detail {
class LoopbackReplyHandler;
}

// What the browser brought back to the loopback listener: the authorization
// code and every query value (already percent-decoded).
struct BrowserCallback
{
    QString code;
    QVariantMap values;
};

// What the browser tab shows when the loop ends. The app owns the wording
// (it passes translated texts); the defaults are English. Each page names
// the app, never the binary.
struct BrowserPageTexts
{
    // The tab title and the page heading.
    QString title = QStringLiteral("Exegia Sign-In");
    // Shown only once the caller reported that the code exchange worked.
    QString success =
        QStringLiteral("You are signed in to Exegia Sign-In. You can close this tab.");
    // A denied, forged, wrong-state or refused callback, or a failed exchange.
    QString failure = QStringLiteral("Sign-in failed \u2014 return to Exegia Sign-In");
    // The caller never said how the exchange ended (outcome timeout).
    QString undecided = QStringLiteral("Return to Exegia Sign-In to see whether you are signed in. "
                                       "You can close this tab.");
};

// Opens a URL in the person's browser; false when nothing could be opened.
using BrowserLauncher = std::function<bool(const QUrl &)>;

// One redirect loop of RFC 8252: a listener on 127.0.0.1 with an ephemeral
// port and an unguessable path (detail::LoopbackReplyHandler, a Qt
// NetworkAuth reply handler that keeps its state per connection), the system
// browser, exactly one accepted callback, a deadline, and cancel.
//
//   BrowserFlow flow;
//   const QUrl redirect = flow.redirectUri();   // put into the authorize URL
//   flow.start(authorizeUrl)
//       .then(this, [&](const BrowserCallback &cb) {
//           exchange(cb.code);                  // then, when that has ended:
//           flow.reportOutcome(exchangeWorked);
//       });
//
// The browser's request that carried the code is held open until
// reportOutcome() (or the outcome timeout), so the tab says what really
// happened. A callback carrying an error is answered at once with the
// failure page. A flow object runs one loop; make a new one for the next.
// The listener closes when the loop ends, however it ends; finished() is
// emitted after the browser has been answered.
class BrowserFlow : public QObject
{
    Q_OBJECT
public:
    // The PKCE flow state on the server expires after 300 s; waiting longer
    // could only end in flow_state_expired.
    static constexpr std::chrono::milliseconds kDefaultTimeout = std::chrono::minutes(5);
    // How long the browser's tab waits for reportOutcome(): longer than a
    // code exchange plus the profile check can take on a slow network.
    static constexpr std::chrono::milliseconds kDefaultOutcomeTimeout = std::chrono::seconds(90);

    explicit BrowserFlow(QObject *parent = nullptr);
    ~BrowserFlow() override;

    // Replaces the browser launcher. The default runs the platform's opener
    // (xdg-open, open, start); a GUI app passes QDesktopServices::openUrl.
    void setLauncher(BrowserLauncher launcher);
    void setTimeout(std::chrono::milliseconds timeout);
    void setOutcomeTimeout(std::chrono::milliseconds timeout);
    void setPageTexts(const BrowserPageTexts &texts);

    // Starts listening (once) and returns http://127.0.0.1:<port>/<random path>.
    // Throws BrowserFlowError(ListenFailed) when no port can be opened.
    QUrl redirectUri();
    bool isListening() const;
    quint16 port() const;

    // Opens `authorizationUrl` in the browser and resolves with the first
    // valid callback. When the browser cannot be opened the loop keeps
    // waiting (the person can copy the URL) and browserOpenFailed is emitted.
    QFuture<BrowserCallback> start(const QUrl &authorizationUrl);
    QUrl authorizationUrl() const { return m_authorizationUrl; }
    // "Open the browser again".
    bool reopenBrowser();

    static BrowserLauncher systemLauncher();

    // What one callback's query values (as the listener passes them) mean:
    // the code, or the error the loop ends with (AuthApiError or
    // BrowserFlowError). Pure, so tests and fuzzers need no listener.
    static std::variant<BrowserCallback, std::exception_ptr>
    parseCallback(const QVariantMap &values);

    // Answers the browser's held request: the success page only when
    // `signedIn` (the code exchange worked), the failure page otherwise, and
    // ends the loop. Only the first report counts; without an accepted
    // callback it does nothing.
    void reportOutcome(bool signedIn);

public Q_SLOTS:
    void cancel();

Q_SIGNALS:
    void browserOpenFailed(const QUrl &authorizationUrl);
    void finished();

private:
    struct State;
    void onCallback(const QVariantMap &values);
    void answerHeld(const QString &text);
    void finish();

    std::unique_ptr<State> m_state;
    detail::LoopbackReplyHandler *m_handler = nullptr;
    QTimer *m_deadline = nullptr;
    QTimer *m_outcomeDeadline = nullptr;
    BrowserLauncher m_launcher;
    std::chrono::milliseconds m_timeout = kDefaultTimeout;
    std::chrono::milliseconds m_outcomeTimeout = kDefaultOutcomeTimeout;
    BrowserPageTexts m_texts;
    QUrl m_authorizationUrl;
    quint64 m_heldRequest = 0; // the browser's request that brought the code
    bool m_done = false;
};

} // namespace exegia::auth
