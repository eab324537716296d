#pragma once

#include <QObject>
#include <QProcess>
#include <QString>
#include <QTimer>
#include <QUrl>

// Runs exegia-auth-emulator as a child process for local mode. start() is
// asynchronous: the GUI keeps painting while the emulator opens its database
// and prints its start-up line; ready() or failed() follows, never both.
class LocalBackend : public QObject
{
    Q_OBJECT
public:
    explicit LocalBackend(QObject *parent = nullptr);
    ~LocalBackend() override;

    // Next to the app, then ../emulator/ (the build tree), then PATH. The
    // EXEGIA_EMULATOR environment variable overrides all three.
    static QString findExecutable();

    void setExecutable(const QString &path) { m_executable = path; }
    void setExtraArguments(const QStringList &arguments) { m_extraArguments = arguments; }
    void setStartTimeout(int milliseconds) { m_startTimeout.setInterval(milliseconds); }

    // `dataDir` holds the emulator's SQLite file; empty means --in-memory.
    void start(const QString &dataDir);
    // SIGTERM, then a bounded wait, then SIGKILL. Safe to call twice.
    void stop();

    bool isRunning() const { return m_process && m_process->state() != QProcess::NotRunning; }
    QUrl url() const { return m_url; }
    QString publishableKey() const { return m_publishableKey; }
    QUrl mailboxUrl() const { return m_mailbox; }
    // The emulator's identity provider standing in for Google, for the
    // Google-own-OAuth path in local mode.
    QUrl googleIssuer() const { return m_googleIssuer; }
    QString googleClientId() const { return m_googleClientId; }

signals:
    void ready();
    void failed(const QString &reason);

private:
    void readStartLine();
    void fail(const QString &reason);

    QString m_executable;
    QStringList m_extraArguments;
    QProcess *m_process = nullptr;
    QTimer m_startTimeout;
    bool m_started = false;
    QUrl m_url;
    QString m_publishableKey;
    QUrl m_mailbox;
    QUrl m_googleIssuer;
    QString m_googleClientId;
};
