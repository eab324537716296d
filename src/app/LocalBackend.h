#pragma once

#include <QObject>
#include <QProcess>
#include <QString>
#include <QStringList>
#include <QTimer>
#include <QUrl>

namespace exegia::signin {

// Runs exegia-auth-emulator as a child process for local mode. start() is
// asynchronous: the GUI keeps painting while the emulator opens its database
// and prints its start-up line; ready() or failed() follows, never both.
// Once ready, exited() reports the child ending by itself (a crash, kill -9);
// stop() ends it quietly. The child's log is redacted before the app passes
// it on, and the last lines are kept for the "could not restart" page.
class LocalBackend : public QObject
{
    Q_OBJECT
public:
    explicit LocalBackend(QObject *parent = nullptr);
    ~LocalBackend() override;

    // Next to the app, then ../emulator/ (the build tree), then PATH. The
    // EXEGIA_EMULATOR environment variable overrides all three.
    static QString findExecutable();
    // The child's environment: ours without the variables that turn on Qt's
    // debug output (qt.httpserver prints every request header, tokens
    // included), and with the noisy categories off.
    static QProcessEnvironment childEnvironment(const QProcessEnvironment &ours);

    void setExecutable(const QString &path) { m_executable = path; }
    void setExtraArguments(const QStringList &arguments) { m_extraArguments = arguments; }
    void setStartTimeout(int milliseconds) { m_startTimeout.setInterval(milliseconds); }

    // `dataDir` holds the emulator's SQLite file; empty means --in-memory.
    // `port` 0 lets the emulator pick a free one.
    void start(const QString &dataDir, quint16 port = 0);
    // SIGTERM, then a bounded wait, then SIGKILL. Safe to call twice.
    void stop();

    bool isRunning() const { return m_process && m_process->state() != QProcess::NotRunning; }
    qint64 processId() const { return m_process ? m_process->processId() : 0; }
    QUrl url() const { return m_url; }
    QString publishableKey() const { return m_publishableKey; }
    QUrl mailboxUrl() const { return m_mailbox; }
    // The key that opens the mailbox: only the local inbox reader gets it,
    // never AuthClient or the settings.
    QString mailboxKey() const { return m_mailboxKey; }
    // The emulator's identity provider standing in for Google, for the
    // Google-own-OAuth path in local mode.
    QUrl googleIssuer() const { return m_googleIssuer; }
    QString googleClientId() const { return m_googleClientId; }
    // The child's last log lines, redacted (newest last).
    QStringList recentLog() const { return m_recentLog; }

signals:
    void ready();
    void failed(const QString &reason);
    // The child ended by itself after ready().
    void exited(int exitCode, QProcess::ExitStatus status);

private:
    QStringList arguments(const QString &dataDir, quint16 port) const;
    void startProcess(const QString &program, const QStringList &arguments);
    void failLater(const QString &reason);
    void readStartLine();
    void readLog();
    void processFinished(int exitCode, QProcess::ExitStatus status);
    void fail(const QString &reason);

    QString m_executable;
    QStringList m_extraArguments;
    QProcess *m_process = nullptr;
    QTimer m_startTimeout;
    bool m_started = false;
    QUrl m_url;
    QString m_publishableKey;
    QString m_mailboxKey;
    QUrl m_mailbox;
    QUrl m_googleIssuer;
    QString m_googleClientId;
    QStringList m_recentLog;
    QByteArray m_partialLine;
};

} // namespace exegia::signin
