#pragma once

#include "core/category.h"
#include "core/tracetotals.h"

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace spanscope {

class ImportReport;
class Statement;

// One span of a trace being finished. The views point at the caller's strings.
struct TraceNode {
    std::int64_t id = 0; // the span's row id
    int parent = -1;     // index into the trace's nodes; set by TraceFinish
    bool hadParentKey = false;
    Category category = Category::Other;
    int flags = 0;
    std::int64_t in = 0, out = 0, start = 0, end = 0;
    std::size_t source = 0; // the caller's own index of the span
    std::string_view name, key, parentKey;

    // A loose span as it came, to be written with row id `id`.
    static TraceNode of(const LooseSpanRecord &span, std::int64_t id, std::size_t source);
};

// What finishing traces found that the run's report tells: summed over the traces of a run and
// reported once, so each message gives the whole count.
struct TraceFindings {
    std::int64_t orphans = 0, untimed = 0, skewed = 0;
    std::vector<std::string> cycles; // names of the spans made roots to break a cycle

    void add(const TraceFindings &other);
    void report(ImportReport &report) const;
};

// Makes one trace's loose spans a tree: parents from the span keys, orphans under the trace's
// root, parent cycles broken, spans without a time placed at their nearest timed ancestor's
// start, LLM spans that wrap another LLM span marked, and the trace's summary. The writer runs it
// on a trace whose spans all came in one batch, before they are inserted; TraceLinker on the
// rows of the rest. One rule for both, so a trace ends the same whichever way it went.
class TraceFinish {
public:
    enum class Outcome {
        Finished,
        Duplicates,    // two spans share an id: settled by TraceLinker, then finished
        NeedsRunStart, // no span has a time, and the run's earliest one is not known yet
    };
    struct Result {
        Outcome outcome = Outcome::Finished;
        int root = -1; // the trace's root, -1 when every span has a parent (a cycle) or none
        TraceTotals totals;
        std::string_view name; // the root's, else the first span's
    };

    // The order a trace's spans are finished in: by start, spans without a time first, then by
    // row id. It decides the root and which span of a cycle is cut, so it must not depend on
    // where the spans came from, nor on times placed by an earlier link.
    static void order(std::vector<TraceNode> &nodes);
    // Sets each node's parent from the keys alone (of two spans with one id, the lower row id is
    // the parent), as much as the nodes give: what a trace still to be linked is written with.
    void resolveParents(std::vector<TraceNode> &nodes);
    // Finishes ordered nodes in place. runStart is asked only when no span has a time; a nullopt
    // from it leaves the trace (NeedsRunStart). With leaveDuplicates a trace with two spans of
    // one id is left as it is (Duplicates); else the lower row id wins.
    Result finish(std::vector<TraceNode> &nodes,
                  const std::function<std::optional<std::int64_t>()> &runStart,
                  bool leaveDuplicates, TraceFindings &findings);

private:
    bool indexKeys(const std::vector<TraceNode> &nodes); // true when two spans share an id

    std::unordered_map<std::string_view, int> m_byKey;
    std::vector<std::uint8_t> m_state;
    std::vector<int> m_path;
};

// Binds a trace's summary as the traces table's eight columns from `first` on: start, end (NULL
// for a trace without spans), spans, LLM calls, input and output tokens, errors, unfinished. The
// writer's INSERTs and the linker's UPDATE share it, so the columns cannot drift apart.
void bindTotals(Statement &st, int first, const TraceTotals &totals);

} // namespace spanscope
