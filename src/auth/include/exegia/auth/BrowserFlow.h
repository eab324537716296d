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

class QOAuthHttpServerReplyHandler;
class QTimer;

namespace exegia::auth {

// What the browser brought back to the loopback listener: the authorization
// code and every query value (already percent-decoded).
struct BrowserCallback
{
    QString code;
    QVariantMap values;
};

// Opens a URL in the person's browser; false when nothing could be opened.
using BrowserLauncher = std::function<bool(const QUrl &)>;

// One redirect loop of RFC 8252: a listener on 127.0.0.1 with an ephemeral
// port and an unguessable path (Qt NetworkAuth's QOAuthHttpServerReplyHandler),
// the system browser, exactly one accepted callback, a deadline, and cancel.
//
//   BrowserFlow flow;
//   const QUrl redirect = flow.redirectUri();   // put into the authorize URL
//   flow.start(authorizeUrl)
//       .then(this, [](const BrowserCallback &cb) { exchange(cb.code); })
//       .onFailed(this, [](const Error &e) { show(e); });
//
// A flow object runs one loop; make a new one for the next. The listener
// closes when the loop ends, however it ends.
class BrowserFlow : public QObject
{
    Q_OBJECT
public:
    // The PKCE flow state on the server expires after 300 s; waiting longer
    // could only end in flow_state_expired.
    static constexpr std::chrono::milliseconds kDefaultTimeout = std::chrono::minutes(5);

    explicit BrowserFlow(QObject *parent = nullptr);
    ~BrowserFlow() override;

    // Replaces the browser launcher. The default runs the platform's opener
    // (xdg-open, open, start); a GUI app passes QDesktopServices::openUrl.
    void setLauncher(BrowserLauncher launcher);
    void setTimeout(std::chrono::milliseconds timeout);

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

public Q_SLOTS:
    void cancel();

Q_SIGNALS:
    void browserOpenFailed(const QUrl &authorizationUrl);
    void finished();

private:
    struct State;
    void onCallback(const QVariantMap &values);
    void finish();

    std::unique_ptr<State> m_state;
    QOAuthHttpServerReplyHandler *m_handler = nullptr;
    QTimer *m_deadline = nullptr;
    BrowserLauncher m_launcher;
    std::chrono::milliseconds m_timeout = kDefaultTimeout;
    QUrl m_authorizationUrl;
    bool m_done = false;
};

} // namespace exegia::auth
