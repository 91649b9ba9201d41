#pragma once

#include <QColor>
#include <QString>
#include <cstdint>

class QPalette;

// The app's colours in light and dark (issue 11): the palette a choice sets, and the fixed
// colours the views draw with (span categories, errors, marks), each in a light and a dark
// variant chosen by the palette in use, so a view painted after a switch follows it.
namespace spanscope::theme {

enum class Choice { System, Light, Dark };

Choice choiceFromName(const QString &name); // "system", "light", "dark"; else System
QString choiceName(Choice choice);

// Sets the application's style and palette. System keeps what the platform theme gave at start
// (a dark desktop's palette, where Qt reads one); Light and Dark use Fusion with our palettes.
void apply(Choice choice);
Choice current();
QPalette darkPalette();
QPalette lightPalette();

bool dark(); // the application palette's window is dark

// Span categories: light variants are dark enough for white labels, dark variants light
// enough for dark ones; each keeps a contrast ratio of 3 or more against its background.
QColor category(std::uint8_t category, bool dark);
QColor category(std::uint8_t category);
QColor onCategory(); // label text drawn on a category's colour

QColor bad();    // errors, worse, over budget
QColor good();   // better, within budget
QColor warn();   // a threshold, p95
QColor accent(); // a highlight mark (means, bands)
QColor searchHit();
QColor folded(); // many spans drawn as one
QColor gridLine();
QColor axisLine();
QColor muted(); // secondary marks and text

// Rich text is written with the light theme's colours (#c62828 for bad, say); under a dark
// palette this swaps each for its dark variant, so one string serves both and translators
// never see colours.
QString html(QString text);

QColor withAlpha(QColor colour, int alpha);
// White or near-black, whichever reads better on a fill.
QColor textOn(const QColor &fill);

// WCAG 2 contrast ratio of two colours, 1 to 21.
double contrastRatio(const QColor &a, const QColor &b);

} // namespace spanscope::theme
