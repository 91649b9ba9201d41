// Build-time tool: rasterises the application's SVG icon to the hicolor theme's PNG sizes.
//   spanscope-iconpng ICON.svg OUTDIR SIZE...   writes OUTDIR/SIZExSIZE/apps/<name>.png
#include <QDir>
#include <QFileInfo>
#include <QImage>
#include <QPainter>
#include <QSvgRenderer>
#include <cstdio>

int main(int argc, char *argv[]) {
    if (argc < 4) {
        std::fprintf(stderr, "usage: spanscope-iconpng ICON.svg OUTDIR SIZE...\n");
        return 2;
    }
    const QString svg = QString::fromLocal8Bit(argv[1]);
    QSvgRenderer renderer(svg);
    if (!renderer.isValid()) {
        std::fprintf(stderr, "spanscope-iconpng: %s is not an SVG image\n", argv[1]);
        return 1;
    }
    const QString name = QFileInfo(svg).completeBaseName();
    for (int i = 3; i < argc; ++i) {
        const int size = QByteArray(argv[i]).toInt();
        if (size <= 0) {
            std::fprintf(stderr, "spanscope-iconpng: bad size '%s'\n", argv[i]);
            return 2;
        }
        QImage image(size, size, QImage::Format_ARGB32_Premultiplied);
        image.fill(Qt::transparent);
        QPainter painter(&image);
        painter.setRenderHint(QPainter::Antialiasing);
        renderer.render(&painter);
        painter.end();
        const QString dir =
            QStringLiteral("%1/%2x%2/apps").arg(QString::fromLocal8Bit(argv[2])).arg(size);
        QDir().mkpath(dir);
        const QString out = dir + QLatin1Char('/') + name + QStringLiteral(".png");
        if (!image.save(out)) {
            std::fprintf(stderr, "spanscope-iconpng: cannot write %s\n", qPrintable(out));
            return 1;
        }
    }
    return 0;
}
