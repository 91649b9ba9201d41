// Comparison speed (issue: compare two runs): two generated runs of N spans each (default
// 500,000; the second with web_search 2x slower and twenty scores lowered), imported into a
// temporary workspace, then compared as the Compare tab and `spanscope-cli compare` do: items
// paired with the bootstrap and Wilcoxon per evaluator, both runs' call paths with every call's
// duration and self time, Mann-Whitney per path. Baseline in the same run: reading the two runs'
// span columns from the workspace (what any view of the two runs pays at least).
// Usage: spanscope-bench-compare [N]
#include "core/importprogress.h"
#include "store/importer.h"
#include "store/runcomparer.h"
#include "store/runqueries.h"
#include "store/workspace.h"
#include "synth/tracefilewriter.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTemporaryDir>
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <vector>

using namespace spanscope;

namespace {

template <typename F> double medianMs(F &&f, int runs) {
    std::vector<double> ms;
    for (int k = 0; k < runs; ++k) {
        QElapsedTimer t;
        t.start();
        f();
        ms.push_back(static_cast<double>(t.nsecsElapsed()) / 1e6);
    }
    std::sort(ms.begin(), ms.end());
    return ms[ms.size() / 2];
}

} // namespace

int main(int argc, char **argv) {
    QCoreApplication app(argc, argv);
    const std::int64_t n = argc > 1 ? std::atoll(argv[1]) : 500000;
    QTemporaryDir tmp;
    synth::WorkloadOptions base;
    base.spans = n;
    base.seed = 5;
    synth::WorkloadOptions cand = base;
    cand.slowName = "web_search";
    cand.slowFactor = 2;
    for (int i = 1; i <= 20; ++i)
        cand.scoreDropItems.push_back(i * 3);
    cand.scoreDrop = 0.2;
    synth::writeNatEval(base, tmp.filePath("a"));
    synth::writeNatEval(cand, tmp.filePath("b"));
    Workspace ws(tmp.filePath("w.spanscope"));
    Importer importer(ws);
    std::vector<std::int64_t> runs;
    for (const char *dir : {"a", "b"}) {
        ImportProgress progress;
        for (const ImportedRun &r : importer.importPath(tmp.filePath(dir), {}, progress))
            runs.push_back(r.runId);
    }
    if (runs.size() != 2) {
        std::fprintf(stderr, "import failed\n");
        return 1;
    }
    const RunQueries q(ws);
    std::size_t spans = 0;
    const double read = medianMs(
        [&] { spans = q.timelineSpans(runs[0]).size() + q.timelineSpans(runs[1]).size(); }, 5);
    StoredComparison c;
    const double compare = medianMs([&] { c = compareStoredRuns(ws, runs[0], runs[1]); }, 5);
    std::printf("compare two runs of %lld spans (%zu spans read), median of 5:\n",
                static_cast<long long>(n), spans);
    std::printf("  baseline, read both runs' span columns: %8.1f ms\n", read);
    std::printf("  compareStoredRuns:                      %8.1f ms  (%.2fx the bare read)\n",
                compare, compare / read);
    std::printf("  %lld items paired, %zu paths; top path %s (%s)\n",
                static_cast<long long>(c.result.matched), c.result.paths.size(),
                c.result.paths.empty() ? "-" : c.result.paths[0].path.c_str(),
                !c.result.paths.empty() && c.result.paths[0].selfChanged ? "own time changed"
                                                                         : "unchanged");
    return 0;
}
