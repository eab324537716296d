#pragma once

#include <QImage>
#include <QObject>
#include <QUrl>

class QNetworkAccessManager;
class QNetworkReply;

namespace exegia::signin {

// Downloads the profile picture so widgets never touch the network. Bounded
// in time and size; a newer load() cancels the older one.
class AvatarLoader : public QObject
{
    Q_OBJECT
public:
    enum class Status { Empty, Loading, Loaded, Failed };
    Q_ENUM(Status)

    explicit AvatarLoader(QObject *parent = nullptr);

    void load(const QUrl &url);
    void clear();

    Status status() const { return m_status; }
    const QImage &image() const { return m_image; }
    QUrl url() const { return m_url; }

    static constexpr qint64 kMaxBytes = 4 * 1024 * 1024;

signals:
    void statusChanged();

private:
    void setStatus(Status status);
    void abortReply();

    QNetworkAccessManager *m_network;
    QNetworkReply *m_reply = nullptr;
    Status m_status = Status::Empty;
    QImage m_image;
    QUrl m_url;
};

} // namespace exegia::signin
