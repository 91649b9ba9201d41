#include "comparecommand.h"

#include "clicommands.h"
#include "clisupport.h"
#include "store/runcomparer.h"
#include "store/storeerror.h"
#include "store/workspace.h"

#include <cmath>
#include <nlohmann/json.hpp>

namespace spanscope::cli {

namespace {

using json = nlohmann::json;

std::string itemId(const EvalItemRow &row) {
    return spanscope::itemId(row.item);
}

std::string num(const std::optional<double> &v, int decimals, const char *unit = "") {
    return v ? fixed(*v, decimals) + unit : std::string("-");
}

std::string signedNum(const std::optional<double> &v, int decimals, const char *unit = "") {
    if (!v) return "-";
    return (*v > 0 ? "+" : "") + fixed(*v, decimals) + unit;
}

std::string pValue(double p) {
    if (p < 0.001) return "<0.001";
    return fixed(p, 3);
}

std::vector<std::string> ids(const StoredComparison &c, const std::vector<std::int32_t> &pairs) {
    std::vector<std::string> out;
    for (std::int32_t p : pairs)
        out.push_back(itemId(
            c.itemsA[static_cast<std::size_t>(c.result.pairs[static_cast<std::size_t>(p)].a)]));
    return out;
}

json pairedJson(const StoredComparison &c, const PairedComparison &p) {
    json j;
    j["n"] = p.n;
    j["ci95"] = p.ci95 ? json::array({p.ci95->lo, p.ci95->hi}) : json(nullptr);
    j["p_value"] = p.n ? json(p.test.pValue) : json(nullptr);
    j["exact"] = p.test.exact;
    j["improved_items"] = ids(c, p.improvedPairs);
    j["regressed_items"] = ids(c, p.regressedPairs);
    return j;
}

json toJson(const StoredComparison &c, double alpha, const std::vector<std::string> &failed) {
    const RunComparison &r = c.result;
    json j;
    j["a"] = {{"id", c.a.id}, {"label", c.a.label}};
    j["b"] = {{"id", c.b.id}, {"label", c.b.label}};
    j["alpha"] = alpha;
    j["matched_items"] = r.matched;
    j["unmatched_a"] = json::array();
    for (std::int32_t i : r.unmatchedA)
        j["unmatched_a"].push_back(itemId(c.itemsA[static_cast<std::size_t>(i)]));
    j["unmatched_b"] = json::array();
    for (std::int32_t i : r.unmatchedB)
        j["unmatched_b"].push_back(itemId(c.itemsB[static_cast<std::size_t>(i)]));
    j["evaluators"] = json::object();
    for (const EvaluatorComparison &e : r.evaluators) {
        const PairedComparison &p = e.paired;
        json ev = pairedJson(c, p);
        ev["mean_a"] = jsonOrNull(p.meanA);
        ev["mean_b"] = jsonOrNull(p.meanB);
        ev["diff"] = jsonOrNull(p.diff);
        ev["improved"] = p.improved;
        ev["regressed"] = p.regressed;
        ev["unchanged"] = p.unchanged;
        ev["significant"] = p.significant(alpha);
        j["evaluators"][e.name] = ev;
    }
    const LatencyComparison &l = r.latency;
    j["latency"] = {{"p50_a", jsonOrNull(l.p50A)},
                    {"p50_b", jsonOrNull(l.p50B)},
                    {"p95_a", jsonOrNull(l.p95A)},
                    {"p95_b", jsonOrNull(l.p95B)}};
    json paired = pairedJson(c, l.paired);
    paired["mean_diff"] = jsonOrNull(l.paired.diff);
    paired["faster"] = l.paired.improved;
    paired["slower"] = l.paired.regressed;
    paired["unchanged"] = l.paired.unchanged;
    paired["significant"] = l.paired.significant(alpha);
    j["latency"]["paired"] = paired;
    j["paths"] = json::array();
    for (const PathComparison &p : r.paths)
        j["paths"].push_back({{"path", p.path},
                              {"calls_a", p.callsA},
                              {"calls_b", p.callsB},
                              {"p50_a", jsonOrNull(p.p50A)},
                              {"p50_b", jsonOrNull(p.p50B)},
                              {"p95_a", jsonOrNull(p.p95A)},
                              {"p95_b", jsonOrNull(p.p95B)},
                              {"self_p50_a", jsonOrNull(p.selfP50A)},
                              {"self_p50_b", jsonOrNull(p.selfP50B)},
                              {"tokens_a", p.tokensA},
                              {"tokens_b", p.tokensB},
                              {"q_self", p.qSelf},
                              {"q_duration", p.qDuration},
                              {"changed", p.selfChanged       ? json("self")
                                          : p.durationChanged ? json("duration")
                                                              : json(nullptr)},
                              {"only_in", p.callsA == 0   ? json("b")
                                          : p.callsB == 0 ? json("a")
                                                          : json(nullptr)}});
    j["failed"] = failed;
    return j;
}

std::string verdict(const PairedComparison &p, double alpha, bool higherIsBetter) {
    if (!p.significant(alpha) || !p.diff) return "";
    return (*p.diff > 0) == higherIsBetter ? " improved" : " REGRESSED";
}

std::string pathChange(const PathComparison &p) {
    if (p.callsA == 0) return "new in B";
    if (p.callsB == 0) return "gone in B";
    if (p.selfChanged) return p.p50Change() > 0 ? "slower (own time)" : "faster (own time)";
    if (p.durationChanged) return p.p50Change() > 0 ? "slower (callees)" : "faster (callees)";
    return "";
}

// Text and Markdown share the rows; Markdown draws them as tables ready for a pull request.
std::string render(const StoredComparison &c, double alpha, bool markdown,
                   const std::vector<std::string> &failed) {
    const RunComparison &r = c.result;
    std::string o;
    // Each table's first column as wide as its longest entry, within reason.
    std::size_t firstWidth = 12;
    const auto row = [&](const std::vector<std::string> &cells) {
        if (markdown) {
            o += "|";
            for (const std::string &cell : cells)
                o += " " + cell + " |";
        } else {
            for (std::size_t i = 0; i < cells.size(); ++i) {
                std::string cell = cells[i];
                const std::size_t width = i == 0 ? firstWidth : 11;
                if (cell.size() < width)
                    cell = i == 0 ? cell + std::string(width - cell.size(), ' ')
                                  : std::string(width - cell.size(), ' ') + cell;
                o += cell + " ";
            }
        }
        o += "\n";
    };
    const auto header = [&](const std::vector<std::string> &cells) {
        row(cells);
        if (markdown) {
            o += "|";
            for (std::size_t i = 0; i < cells.size(); ++i)
                o += i == 0 ? "---|" : "---:|";
            o += "\n";
        }
    };
    const std::string h2 = markdown ? "### " : "";
    o += (markdown ? "## " : "") + std::string("Spanscope compare: ") + c.b.label +
         " (B, candidate) vs " + c.a.label + " (A, baseline)\n\n";
    o += std::to_string(r.matched) + " items matched, " + std::to_string(r.unmatchedA.size()) +
         " only in A, " + std::to_string(r.unmatchedB.size()) + " only in B; alpha " +
         fixed(alpha, 3) + ".\n";
    for (const auto &[side, list, items] :
         {std::tuple{"A", &r.unmatchedA, &c.itemsA}, std::tuple{"B", &r.unmatchedB, &c.itemsB}})
        if (!list->empty()) {
            o += std::string("Only in ") + side + ":";
            for (std::int32_t i : *list)
                o += " " + itemId((*items)[static_cast<std::size_t>(i)]);
            o += "\n";
        }
    if (!r.evaluators.empty()) {
        o += "\n" + h2 + "Quality (paired by item; Wilcoxon signed-rank, bootstrap 95% CI)\n\n";
        for (const EvaluatorComparison &e : r.evaluators)
            firstWidth = std::max(firstWidth, e.name.size());
        header({"evaluator", "mean A", "mean B", "diff", "95% CI", "p", "better", "worse", "same"});
        for (const EvaluatorComparison &e : r.evaluators) {
            const PairedComparison &p = e.paired;
            row({e.name, num(p.meanA, 3), num(p.meanB, 3), signedNum(p.diff, 3),
                 p.ci95 ? "[" + fixed(p.ci95->lo, 3) + ", " + fixed(p.ci95->hi, 3) + "]" : "-",
                 (p.n ? pValue(p.test.pValue) : "-") + verdict(p, alpha, true),
                 std::to_string(p.improved), std::to_string(p.regressed),
                 std::to_string(p.unchanged)});
        }
        for (const EvaluatorComparison &e : r.evaluators)
            if (!e.paired.regressedPairs.empty()) {
                o += "\n" + e.name + " fell most on:";
                const auto list = ids(c, e.paired.regressedPairs);
                for (std::size_t i = 0; i < list.size() && i < 10; ++i)
                    o += " " + list[i];
                o += "\n";
            }
    }
    const LatencyComparison &l = r.latency;
    o += "\n" + h2 + "Request latency (seconds)\n\n";
    firstWidth = 12;
    header({"", "A", "B", "change"});
    const auto change = [](const std::optional<double> &a, const std::optional<double> &b) {
        if (!a || !b) return std::string("-");
        std::string s = signedNum(*b - *a, 3);
        if (*a > 0) s += " (" + signedNum((*b - *a) / *a * 100, 1, "%") + ")";
        return s;
    };
    row({"p50", num(l.p50A, 3), num(l.p50B, 3), change(l.p50A, l.p50B)});
    row({"p95", num(l.p95A, 3), num(l.p95B, 3), change(l.p95A, l.p95B)});
    if (l.paired.n)
        o += "\nPaired over " + std::to_string(l.paired.n) + " items: mean change " +
             signedNum(l.paired.diff, 3, " s") + ", 95% CI [" + fixed(l.paired.ci95->lo, 3) + ", " +
             fixed(l.paired.ci95->hi, 3) + "], p " + pValue(l.paired.test.pValue) +
             verdict(l.paired, alpha, false) + "; " + std::to_string(l.paired.improved) +
             " faster, " + std::to_string(l.paired.regressed) + " slower.\n";
    o += "\n" + h2 + "Call paths (Mann-Whitney per path, Benjamini-Hochberg q < alpha)\n\n";
    std::size_t shown = 0;
    firstWidth = 12;
    for (std::size_t i = 0; i < r.paths.size() && i < 15; ++i)
        firstWidth = std::max(firstWidth, std::min<std::size_t>(r.paths[i].path.size(), 72));
    header({"path", "calls A", "calls B", "p50 A", "p50 B", "p95 A", "p95 B", "tokens A",
            "tokens B", "changed"});
    for (const PathComparison &p : r.paths) {
        if (shown >= 15) break;
        ++shown;
        row({p.path, std::to_string(p.callsA), std::to_string(p.callsB), num(p.p50A, 3),
             num(p.p50B, 3), num(p.p95A, 3), num(p.p95B, 3), std::to_string(p.tokensA),
             std::to_string(p.tokensB), pathChange(p)});
    }
    if (r.paths.size() > shown)
        o += "(" + std::to_string(r.paths.size() - shown) +
             " more paths: --format json lists all)\n";
    if (!failed.empty()) {
        o += "\nFAILED:";
        for (const std::string &f : failed)
            o += " " + f;
        o += " got significantly worse\n";
    }
    return o;
}

} // namespace

int runCompare(const QStringList &args) {
    QCommandLineParser p;
    p.addOption({QStringLiteral("format"), QStringLiteral("text, md or json."),
                 QStringLiteral("FORMAT"), QStringLiteral("text")});
    p.addOption({QStringLiteral("fail-on"),
                 QStringLiteral("Exit 3 when this evaluator (or 'latency') got significantly "
                                "worse in B. Repeatable."),
                 QStringLiteral("METRIC")});
    p.addOption({QStringLiteral("alpha"), QStringLiteral("Significance level (default 0.05)."),
                 QStringLiteral("ALPHA"), QStringLiteral("0.05")});
    p.addPositionalArgument(QStringLiteral("A"), QStringLiteral("Baseline run (id or label)."));
    p.addPositionalArgument(QStringLiteral("B"), QStringLiteral("Candidate run (id or label)."));
    if (const Parsed r = parse(p, args); r != Parsed::Run) return r == Parsed::Help ? Ok : Usage;
    const QString format = p.value(QStringLiteral("format"));
    bool alphaOk = false;
    const double alpha = p.value(QStringLiteral("alpha")).toDouble(&alphaOk);
    if (p.positionalArguments().size() != 2 ||
        !QStringList({"text", "md", "json"}).contains(format) || !alphaOk || alpha <= 0 ||
        alpha >= 1) {
        err("spanscope-cli compare: give runs A and B, --format text|md|json and 0 < --alpha < 1");
        return Usage;
    }
    try {
        const auto ws = openWorkspace(p);
        const auto a = findRun(*ws, p.positionalArguments()[0].toStdString());
        const auto b = findRun(*ws, p.positionalArguments()[1].toStdString());
        if (!a || !b) return BadInput;
        CompareOptions options;
        options.alpha = alpha;
        const StoredComparison c = compareStoredRuns(*ws, a->id, b->id, options);
        std::vector<std::string> failed;
        for (const QString &metric : p.values(QStringLiteral("fail-on"))) {
            const std::string name = metric.toStdString();
            if (name == "latency") {
                const PairedComparison &l = c.result.latency.paired;
                if (l.significant(alpha) && l.diff && *l.diff > 0) failed.push_back(name);
                continue;
            }
            const auto it =
                std::find_if(c.result.evaluators.begin(), c.result.evaluators.end(),
                             [&](const EvaluatorComparison &e) { return e.name == name; });
            if (it == c.result.evaluators.end()) {
                std::string known;
                for (const EvaluatorComparison &e : c.result.evaluators)
                    known += " " + e.name;
                err("spanscope-cli compare: --fail-on " + name +
                    ": no such evaluator in these runs (they have:" +
                    (known.empty() ? std::string(" none") : known) + "; or use latency)");
                return BadInput;
            }
            if (it->paired.significant(alpha) && it->paired.diff && *it->paired.diff < 0)
                failed.push_back(name);
        }
        if (format == QLatin1String("json"))
            out(toJson(c, alpha, failed).dump(2) + "\n");
        else
            out(render(c, alpha, format == QLatin1String("md"), failed));
        return failed.empty() ? int(Ok) : int(Regressed);
    } catch (const StoreError &e) {
        return storeFailure(e);
    }
}

} // namespace spanscope::cli
