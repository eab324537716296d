#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>

namespace exegia::auth {

// An HTTP answer of any status. Transport failures never produce one: they
// are NetworkError.
struct HttpReply
{
    int status = 0;
    QByteArray body;
    QList<QPair<QByteArray, QByteArray>> headers;

    // Case-insensitive; the first match, or empty.
    QByteArray header(const QByteArray &name) const
    {
        for (const auto &h : headers) {
            if (h.first.compare(name, Qt::CaseInsensitive) == 0)
                return h.second;
        }
        return {};
    }
    bool isSuccess() const { return status >= 200 && status < 300; }
};

} // namespace exegia::auth
