// Text to a scannable QR code image (libqrencode): black modules on white with the standard
// four-module quiet zone, each module scale pixels wide.
#pragma once

#include <QImage>
#include <QString>

namespace TableTap {

class QrImage
{
public:
    // A null image when the text cannot be encoded (empty, or too long for a QR code).
    static QImage render(const QString &text, int scale = 6);
    // Modules per side of the code for text (0 when it cannot be encoded).
    static int moduleCount(const QString &text);
};

} // namespace TableTap
