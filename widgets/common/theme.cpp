#include "theme.h"

#include <QApplication>
#include <QPalette>
#include <QStyle>
#include <QStyleFactory>
#include <array>
#include <cmath>

namespace spanscope::theme {

namespace {

struct Start {
    QString style;
    QPalette palette;
    bool saved = false;
};

Start &start() {
    static Start s;
    return s;
}

Choice &chosen() {
    static Choice c = Choice::System;
    return c;
}

QColor pick(bool isDark, QRgb light, QRgb darkVariant) {
    return QColor::fromRgb(isDark ? darkVariant : light);
}

} // namespace

Choice choiceFromName(const QString &name) {
    if (name == QLatin1String("light")) return Choice::Light;
    if (name == QLatin1String("dark")) return Choice::Dark;
    return Choice::System;
}

QString choiceName(Choice choice) {
    switch (choice) {
    case Choice::Light:
        return QStringLiteral("light");
    case Choice::Dark:
        return QStringLiteral("dark");
    case Choice::System:
        break;
    }
    return QStringLiteral("system");
}

QPalette darkPalette() {
    QPalette p;
    const QColor window(0x2b, 0x2d, 0x30), base(0x1e, 0x1f, 0x22), text(0xdf, 0xe1, 0xe5);
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, QColor(0x26, 0x28, 0x2b));
    p.setColor(QPalette::ToolTipBase, window);
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::PlaceholderText, QColor(0x8c, 0x8f, 0x94));
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, QColor(0x33, 0x35, 0x39));
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::BrightText, QColor(0xff, 0x8a, 0x80));
    p.setColor(QPalette::Light, QColor(0x4a, 0x4d, 0x52));
    p.setColor(QPalette::Midlight, QColor(0x3c, 0x3f, 0x43));
    p.setColor(QPalette::Mid, QColor(0x5a, 0x5d, 0x63));
    p.setColor(QPalette::Dark, QColor(0x18, 0x19, 0x1b));
    p.setColor(QPalette::Shadow, QColor(0x0a, 0x0a, 0x0a));
    p.setColor(QPalette::Highlight, QColor(0x2f, 0x65, 0xca));
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::Link, QColor(0x8a, 0xb4, 0xf8));
    p.setColor(QPalette::LinkVisited, QColor(0xc5, 0x8a, 0xf9));
    const QColor disabled(0x7a, 0x7d, 0x82);
    for (const auto role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
        p.setColor(QPalette::Disabled, role, disabled);
    p.setColor(QPalette::Disabled, QPalette::Highlight, QColor(0x4a, 0x4d, 0x52));
    return p;
}

QPalette lightPalette() {
    QStyle *fusion = QStyleFactory::create(QStringLiteral("Fusion"));
    const QPalette p = fusion ? fusion->standardPalette() : QPalette();
    delete fusion;
    return p;
}

void apply(Choice choice) {
    Start &s = start();
    if (!s.saved) {
        s.style = QApplication::style()->name();
        s.palette = QApplication::palette();
        s.saved = true;
    }
    chosen() = choice;
    if (choice == Choice::System) {
        QApplication::setStyle(s.style);
        QApplication::setPalette(s.palette);
        return;
    }
    QApplication::setStyle(QStringLiteral("Fusion"));
    QApplication::setPalette(choice == Choice::Dark ? darkPalette() : lightPalette());
}

Choice current() {
    return chosen();
}

bool dark() {
    return QApplication::palette().color(QPalette::Window).lightness() < 128;
}

QColor category(std::uint8_t c, bool isDark) {
    // Material 600-800 shades for light backgrounds, 200-300 for dark ones, by category:
    // other, workflow, agent, function, llm, tool, retriever, embedding, reranker, guardrail,
    // evaluator, chain, task, custom, ttc.
    static constexpr std::array<QRgb, 15> light = {
        0x757575, 0x3949ab, 0x5e35b1, 0x1976d2, 0xe65100, 0x00897b, 0x388e3c, 0x827717,
        0x6d4c41, 0xd81b60, 0x546e7a, 0x0277bd, 0xef6c00, 0x616161, 0x8e24aa};
    static constexpr std::array<QRgb, 15> darkSet = {
        0xbdbdbd, 0x9fa8da, 0xb39ddb, 0x90caf9, 0xffb74d, 0x80cbc4, 0xa5d6a7, 0xdce775,
        0xbcaaa4, 0xf48fb1, 0xb0bec5, 0x81d4fa, 0xffcc80, 0xe0e0e0, 0xce93d8};
    const std::size_t i = c < light.size() ? c : 0;
    return QColor::fromRgb(isDark ? darkSet[i] : light[i]);
}

QColor category(std::uint8_t c) {
    return category(c, dark());
}

QColor onCategory() {
    return dark() ? QColor(0x21, 0x21, 0x21) : QColor(Qt::white);
}

QColor bad() {
    return pick(dark(), 0xc62828, 0xef9a9a);
}
QColor good() {
    return pick(dark(), 0x2e7d32, 0xa5d6a7);
}
QColor warn() {
    return pick(dark(), 0xef6c00, 0xffb74d);
}
QColor accent() {
    return pick(dark(), 0x7b1fa2, 0xce93d8);
}
QColor searchHit() {
    return QColor(0xff, 0xd6, 0x00); // reads on every category colour in both themes
}
QColor folded() {
    return pick(dark(), 0x455a64, 0x78909c);
}
QColor gridLine() {
    return pick(dark(), 0xe0e0e0, 0x3a3d41);
}
QColor axisLine() {
    return pick(dark(), 0x757575, 0x9e9e9e);
}
QColor muted() {
    return pick(dark(), 0x757575, 0x9e9e9e);
}

QString html(QString text) {
    if (!dark()) return text;
    static const std::pair<QLatin1String, QLatin1String> swaps[] = {
        {QLatin1String("#c62828"), QLatin1String("#ef9a9a")}, // bad
        {QLatin1String("#b71c1c"), QLatin1String("#ef9a9a")},
        {QLatin1String("#d32f2f"), QLatin1String("#ef9a9a")},
        {QLatin1String("#2e7d32"), QLatin1String("#a5d6a7")}, // good
        {QLatin1String("#1b5e20"), QLatin1String("#a5d6a7")},
        {QLatin1String("#424242"), QLatin1String("#bdbdbd")}, // secondary text
        {QLatin1String("#616161"), QLatin1String("#9e9e9e")},
        {QLatin1String("#757575"), QLatin1String("#9e9e9e")},
        {QLatin1String("#ffebee"), QLatin1String("#4a2626")}, // removed-line background
        {QLatin1String("#e8f5e9"), QLatin1String("#1f3d22")}, // added-line background
    };
    for (const auto &[light, darkVariant] : swaps)
        text.replace(light, darkVariant, Qt::CaseInsensitive);
    return text;
}

QColor withAlpha(QColor colour, int alpha) {
    colour.setAlpha(alpha);
    return colour;
}

QColor textOn(const QColor &fill) {
    const QColor light(Qt::white), darkText(0x21, 0x21, 0x21);
    return contrastRatio(fill, light) >= contrastRatio(fill, darkText) ? light : darkText;
}

double contrastRatio(const QColor &a, const QColor &b) {
    const auto luminance = [](const QColor &c) {
        const auto channel = [](double v) {
            return v <= 0.03928 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4);
        };
        return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) +
               0.0722 * channel(c.blueF());
    };
    const double la = luminance(a), lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

} // namespace spanscope::theme
