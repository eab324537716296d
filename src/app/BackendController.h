#pragma once

#include "AppConfig.h"

#include <QElapsedTimer>
#include <QObject>
#include <QStringList>
#include <QTimer>

#include <chrono>

namespace exegia::signin {

class AuthModel;
class LocalBackend;
class LocalInbox;

// Chooses, starts, watches and stops the backend, so the window only shows
// what this says. A Supabase project is handed to the model as it is; the
// local backend is a child process that is started, supervised (restarted
// on the same port and data folder when it ends by itself, with a growing
// pause between tries), and stopped with the app. The model and its
// session are left alone while the child restarts: the same address comes
// back, and the session in the keychain and the data folder survive.
class BackendController : public QObject
{
    Q_OBJECT
    Q_PROPERTY(Status status READ status NOTIFY statusChanged)

public:
    enum class Status {
        Starting,   // the local backend's first start
        Ready,      // local backend running
        Restarting, // it ended by itself; trying to bring it back
        Failed,     // it could not be (re)started: the window offers Restart
        Remote,     // a Supabase project
        Invalid,    // the configured project cannot be used
    };
    Q_ENUM(Status)

    struct Options
    {
        // Where the local backend keeps its data; empty: in memory (tests).
        QString localDataDir;
        // Extra emulator options (tests shorten the email cooldown).
        QStringList localArguments;
        // Tries after the child ended before giving up.
        int maxRestarts = 5;
        // The pause before the first try; it doubles with each further try.
        std::chrono::milliseconds firstRestartDelay{250};
    };

    BackendController(AuthModel *model, LocalInbox *inbox, const Options &options,
                      QObject *parent = nullptr);
    ~BackendController() override;

    // Switches to `choice` (at start, and after Settings → Save).
    void use(const BackendChoice &choice);
    const BackendChoice &choice() const { return m_choice; }

    Status status() const { return m_status; }
    bool isLocal() const { return m_choice.kind == BackendChoice::Kind::Local; }
    // Why the local backend is down (status Failed).
    QString failureReason() const { return m_failureReason; }
    // Its last log lines before it went down, redacted.
    QStringList failureLog() const { return m_failureLog; }
    LocalBackend *localBackend() const { return m_local; }

public slots:
    // Starts the local backend again after Failed (the page's Restart button).
    void restart();
    void stop();

signals:
    void statusChanged();

private:
    void useProject(const BackendChoice &choice);
    void startLocal(quint16 port);
    void localReady();
    void localFailed(const QString &reason);
    void localExited();
    void scheduleRestart();
    void giveUp(const QString &reason);
    void handLocalToModel();
    void setStatus(Status status);

    AuthModel *m_model;
    LocalInbox *m_inbox;
    LocalBackend *m_local;
    Options m_options;
    BackendChoice m_choice;
    Status m_status = Status::Starting;
    QTimer m_restartTimer;
    QElapsedTimer m_upSince;
    int m_restarts = 0;
    quint16 m_port = 0;
    // The address and key the model was given.
    QUrl m_modelUrl;
    QString m_modelKey;
    QString m_failureReason;
    QStringList m_failureLog;
};

} // namespace exegia::signin
