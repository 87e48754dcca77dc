// QR rendering through libqrencode.
#include "qrimage.h"

#include <qrencode.h>

#include <memory>

namespace TableTap {

namespace {
constexpr int QuietZone = 4;

std::unique_ptr<QRcode, void (*)(QRcode *)> encode(const QString &text)
{
    if (text.isEmpty())
        return {nullptr, QRcode_free};
    const QByteArray utf8 = text.toUtf8();
    // Level M survives a scuffed screen or a glare; version 0 picks the smallest that fits.
    return {QRcode_encodeString(utf8.constData(), 0, QR_ECLEVEL_M, QR_MODE_8, 1), QRcode_free};
}
} // namespace

int QrImage::moduleCount(const QString &text)
{
    const auto code = encode(text);
    return code ? code->width : 0;
}

QImage QrImage::render(const QString &text, int scale)
{
    const auto code = encode(text);
    if (!code)
        return {};
    scale = qMax(1, scale);
    const int modules = code->width;
    const int side = (modules + 2 * QuietZone) * scale;
    QImage image(side, side, QImage::Format_Mono);
    image.setColor(0, qRgb(255, 255, 255));
    image.setColor(1, qRgb(0, 0, 0));
    image.fill(0);
    for (int y = 0; y < modules; ++y) {
        for (int x = 0; x < modules; ++x) {
            // Bit 0 of each byte is the module colour (1 = dark).
            if (!(code->data[y * modules + x] & 1))
                continue;
            const int px = (x + QuietZone) * scale;
            const int py = (y + QuietZone) * scale;
            for (int dy = 0; dy < scale; ++dy)
                for (int dx = 0; dx < scale; ++dx)
                    image.setPixel(px + dx, py + dy, 1);
        }
    }
    return image;
}

} // namespace TableTap
