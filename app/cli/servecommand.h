#pragma once

#include <QStringList>

namespace spanscope::cli {

// `serve`: the OTLP/HTTP receiver without a window, writing a live run until SIGINT or SIGTERM
// (or --for SECONDS), then committing everything it accepted.
int runServe(const QStringList &args);

} // namespace spanscope::cli
