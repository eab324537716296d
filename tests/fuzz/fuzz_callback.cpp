// The browser loop's callback: the query string the loopback listener
// receives, decoded the way detail::LoopbackReplyHandler hands it over (one
// map entry per item, percent-decoded), then BrowserFlow::parseCallback.
#include "FuzzSupport.h"

#include <exegia/auth/BrowserFlow.h>

#include <QUrl>
#include <QUrlQuery>

using namespace exegia;

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    fuzz::initQt();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QUrl url = QUrl::fromEncoded("http://127.0.0.1:1/cb?" + fuzz::bytes(data, size));
    QVariantMap values;
    const QUrlQuery query(url.query(QUrl::FullyEncoded));
    const auto items = query.queryItems(QUrl::FullyDecoded);
    for (const auto &item : items)
        values.insert(item.first, item.second);

    const auto outcome = auth::BrowserFlow::parseCallback(values);
    if (const auto *callback = std::get_if<auth::BrowserCallback>(&outcome)) {
        fuzz::require(!callback->code.isEmpty(), "a callback that succeeds carries a code");
        fuzz::require(!values.contains(QStringLiteral("error")),
                      "a callback with an error never succeeds");
    } else {
        try {
            std::rethrow_exception(std::get<std::exception_ptr>(outcome));
        } catch (const auth::Error &e) {
            fuzz::requireDescribed(e);
        }
    }
    return 0;
}
