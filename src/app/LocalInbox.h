#pragma once

#include <QDateTime>
#include <QList>
#include <QObject>
#include <QString>
#include <QUrl>

class QNetworkAccessManager;
class QNetworkReply;

namespace exegia::signin {

// Reads the local backend's mailbox (GET <mailbox>/messages), so a person
// in local mode can see the codes "sent" to them. Only the emulator has a
// mailbox; a real project sends real email.
class LocalInbox : public QObject
{
    Q_OBJECT
public:
    struct Message
    {
        QString to;
        QString subject;
        QString code;
        QDateTime sentAt;
    };

    explicit LocalInbox(QObject *parent = nullptr);

    // `key` (the local backend's secret key) is sent as apikey and Bearer
    // credential; the mailbox refuses readers without it.
    void setMailbox(const QUrl &url, const QString &key)
    {
        m_mailbox = url;
        m_key = key;
    }
    QUrl mailboxUrl() const { return m_mailbox; }

    // Newest first. One request at a time: a refresh cancels the previous one.
    void refresh();
    bool isLoading() const { return m_reply != nullptr; }
    const QList<Message> &messages() const { return m_messages; }

signals:
    void loaded();
    void failed(const QString &reason);

private:
    void finished(QNetworkReply *reply);

    QUrl m_mailbox;
    QString m_key;
    QNetworkAccessManager *m_network;
    QNetworkReply *m_reply = nullptr;
    QList<Message> m_messages;
};

} // namespace exegia::signin
