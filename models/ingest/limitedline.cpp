#include "limitedline.h"

#include "core/limits.h"
#include "stringlimiter.h"

#include <QByteArray>
#include <QIODevice>

namespace spanscope {

std::int64_t readLimitedLine(QIODevice &device, std::string &out, std::size_t *cutStrings) {
    out.clear();
    StringLimiter limiter(limits::maxStringBytes);
    std::int64_t taken = 0;
    for (;;) {
        const QByteArray piece = device.readLine(qint64(1) << 20);
        if (piece.isEmpty()) break;
        taken += piece.size();
        limiter.filter(piece.constData(), static_cast<std::size_t>(piece.size()), out);
        if (piece.endsWith('\n')) break;
    }
    if (cutStrings) *cutStrings += limiter.cutStrings();
    return taken;
}

} // namespace spanscope
