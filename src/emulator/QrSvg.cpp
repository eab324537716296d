#include "QrSvg.h"

#include <qrencode.h>

#include <memory>

using namespace Qt::StringLiterals;

namespace exegia::emulator {

QString qrSvg(const QString &text)
{
    const QByteArray utf8 = text.toUtf8();
    std::unique_ptr<QRcode, decltype(&QRcode_free)> code(
        QRcode_encodeString(utf8.constData(), 0, QR_ECLEVEL_H, QR_MODE_8, 1), &QRcode_free);
    if (!code)
        return {};
    constexpr int kQuiet = 4;  // the quiet zone the QR standard asks for
    constexpr int kModule = 3; // pixels per module, GoTrue's DefaultQRSize
    const int width = code->width;
    const int size = width + 2 * kQuiet;
    QString path;
    for (int y = 0; y < width; ++y) {
        for (int x = 0; x < width; ++x) {
            if (code->data[y * width + x] & 1)
                path += u"M%1 %2h1v1h-1z"_s.arg(x + kQuiet).arg(y + kQuiet);
        }
    }
    return u"<?xml version=\"1.0\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%1\" "
           "height=\"%1\" viewBox=\"0 0 %2 %2\" shape-rendering=\"crispEdges\">"
           "<rect width=\"%2\" height=\"%2\" fill=\"#ffffff\"/>"
           "<path fill=\"#000000\" d=\"%3\"/></svg>"_s.arg(size * kModule)
               .arg(size)
               .arg(path);
}

} // namespace exegia::emulator
