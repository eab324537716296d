#include "AvatarLoader.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>

namespace exegia::signin {

AvatarLoader::AvatarLoader(QObject *parent)
    : QObject(parent)
    , m_network(new QNetworkAccessManager(this))
{}

void AvatarLoader::abortReply()
{
    if (!m_reply)
        return;
    m_reply->disconnect(this);
    m_reply->abort();
    m_reply->deleteLater();
    m_reply = nullptr;
}

void AvatarLoader::setStatus(Status status)
{
    m_status = status;
    emit statusChanged();
}

void AvatarLoader::clear()
{
    abortReply();
    m_url.clear();
    m_image = {};
    setStatus(Status::Empty);
}

void AvatarLoader::load(const QUrl &url)
{
    if (url == m_url && (m_status == Status::Loading || m_status == Status::Loaded))
        return;
    abortReply();
    m_url = url;
    m_image = {};
    const QString scheme = url.scheme();
    if (!url.isValid() || (scheme != QLatin1String("https") && scheme != QLatin1String("http"))) {
        setStatus(url.isEmpty() ? Status::Empty : Status::Failed);
        return;
    }
    QNetworkRequest request(url);
    request.setTransferTimeout(15000);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::NoLessSafeRedirectPolicy);
    m_reply = m_network->get(request);
    QNetworkReply *reply = m_reply;
    // A picture larger than this is not an avatar; stop reading early.
    connect(reply, &QNetworkReply::downloadProgress, this, [this, reply](qint64 received, qint64) {
        if (received > kMaxBytes && reply == m_reply) {
            abortReply();
            setStatus(Status::Failed);
        }
    });
    connect(reply, &QNetworkReply::finished, this, [this, reply] {
        reply->deleteLater();
        m_reply = nullptr;
        QImage image;
        if (reply->error() == QNetworkReply::NoError)
            image.loadFromData(reply->readAll());
        m_image = image;
        setStatus(image.isNull() ? Status::Failed : Status::Loaded);
    });
    setStatus(Status::Loading);
}

} // namespace exegia::signin
