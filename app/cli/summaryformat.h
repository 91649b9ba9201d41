#pragma once

#include "analysis/runsummary.h"
#include "store/runinfo.h"

#include <string>

namespace spanscope::summaryformat {

std::string text(const RunInfo &run, const RunSummary &summary);
std::string json(const RunInfo &run, const RunSummary &summary);
std::string markdown(const RunInfo &run, const RunSummary &summary);

} // namespace spanscope::summaryformat
