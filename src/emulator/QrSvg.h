#pragma once

#include <QString>

namespace exegia::emulator {

// `text` as a QR code (error correction H, as GoTrue draws it) in SVG, drawn
// from Debian's libqrencode; empty if the text does not fit.
QString qrSvg(const QString &text);

} // namespace exegia::emulator
