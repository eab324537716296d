#pragma once

#include <QNetworkAccessManager>
#include <QObject>
#include <QUrl>

namespace exegia::test {

// Stands in for a person's browser in tests: GETs a URL and follows every
// redirect over real HTTP (the emulator's /authorize, its identity
// provider with login_hint, /callback, and finally the app's loopback
// listener), keeping the last page it landed on.
class HeadlessBrowser : public QObject
{
    Q_OBJECT
public:
    explicit HeadlessBrowser(QObject *parent = nullptr);

    // Asynchronous, as a real browser is: returns at once.
    void open(const QUrl &url);
    // For BrowserFlow::setLauncher.
    auto launcher()
    {
        return [this](const QUrl &url) {
            open(url);
            return true;
        };
    }

    int pagesLoaded() const { return m_pages; }
    QByteArray lastPage() const { return m_lastPage; }
    QUrl lastUrl() const { return m_lastUrl; }
    QString lastError() const { return m_lastError; }

Q_SIGNALS:
    void loaded();

private:
    QNetworkAccessManager m_nam;
    int m_pages = 0;
    QByteArray m_lastPage;
    QUrl m_lastUrl;
    QString m_lastError;
};

} // namespace exegia::test
