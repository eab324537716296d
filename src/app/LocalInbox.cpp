#include "LocalInbox.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>

namespace exegia::signin {

LocalInbox::LocalInbox(QObject *parent)
    : QObject(parent)
    , m_network(new QNetworkAccessManager(this))
{}

void LocalInbox::refresh()
{
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->abort();
        m_reply->deleteLater();
        m_reply = nullptr;
    }
    if (!m_mailbox.isValid()) {
        emit failed(tr("The local inbox is only available with the local backend."));
        return;
    }
    QUrl url = m_mailbox;
    url.setPath(url.path() + QStringLiteral("/messages"));
    QNetworkRequest request(url);
    request.setTransferTimeout(10000);
    if (!m_key.isEmpty()) {
        request.setRawHeader("apikey", m_key.toUtf8());
        request.setRawHeader("Authorization", "Bearer " + m_key.toUtf8());
    }
    m_reply = m_network->get(request);
    QNetworkReply *reply = m_reply;
    connect(reply, &QNetworkReply::finished, this, [this, reply] { finished(reply); });
}

void LocalInbox::finished(QNetworkReply *reply)
{
    reply->deleteLater();
    m_reply = nullptr;
    const QJsonDocument doc = QJsonDocument::fromJson(reply->readAll());
    if (reply->error() != QNetworkReply::NoError || !doc.isArray()) {
        emit failed(tr("The local inbox could not be read. Is the local backend still "
                       "running?"));
        return;
    }
    m_messages.clear();
    const QJsonArray items = doc.array();
    for (const QJsonValue &value : items) {
        const QJsonObject item = value.toObject();
        m_messages.append({item.value(u"to").toString(), item.value(u"subject").toString(),
                           item.value(u"code").toString(),
                           QDateTime::fromString(item.value(u"sent_at").toString(), Qt::ISODate)});
    }
    emit loaded();
}

} // namespace exegia::signin
