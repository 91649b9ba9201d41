#pragma once

#include <QStringList>

namespace spanscope::cli {

// `spanscope-cli export RUN --view V --out FILE`: renders a view of the desktop app offscreen
// into PNG, SVG or PDF. Needs a QApplication (main creates one for this command, on the
// offscreen platform when no display is set).
int runExport(const QStringList &args);

} // namespace spanscope::cli
