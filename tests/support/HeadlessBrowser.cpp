#include "HeadlessBrowser.h"

#include <QNetworkReply>

namespace exegia::test {

HeadlessBrowser::HeadlessBrowser(QObject *parent)
    : QObject(parent)
{
    m_nam.setRedirectPolicy(QNetworkRequest::NoLessSafeRedirectPolicy);
}

void HeadlessBrowser::open(const QUrl &url)
{
    QNetworkReply *reply = m_nam.get(QNetworkRequest(url));
    connect(reply, &QNetworkReply::finished, this, [this, reply] {
        reply->deleteLater();
        ++m_pages;
        m_lastPage = reply->readAll();
        m_lastUrl = reply->url();
        m_lastError = reply->error() == QNetworkReply::NoError ? QString() : reply->errorString();
        Q_EMIT loaded();
    });
}

} // namespace exegia::test
