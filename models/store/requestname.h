#pragma once

#include <string>

namespace spanscope {

// The one name a request goes by in every view: the timeline's lane group, the pane's header,
// the Requests table and the inspector (issue 13, item 12). An evaluated request is named by
// its dataset item ("item 17"), any other by its trace id, cut to 8 characters when it is a
// long hex id ("trace 4bf92f35"), so the same request is recognised wherever it appears.
std::string requestName(const std::string &itemKey, const std::string &traceKey);

} // namespace spanscope
