#include "clicommands.h"
#include "clisupport.h"
#include "comparecommand.h"
#include "store/sizingsource.h"
#include "store/storeerror.h"
#include "store/workspace.h"

#include <cmath>
#include <nlohmann/json.hpp>

namespace spanscope::cli {

namespace {

using json = nlohmann::json;

json optional(const std::optional<double> &v) {
    return v ? json(*v) : json(nullptr);
}

std::string concurrencyKey(double c) {
    return c == std::floor(c) ? std::to_string(static_cast<long long>(c)) : fixed(c, 2);
}

bool close(double a, double b) {
    return std::abs(a - b) <= 1e-6 * std::max(1.0, std::abs(b));
}

} // namespace

int runSizing(const QStringList &args) {
    QCommandLineParser p;
    p.addOption({QStringLiteral("format"), QStringLiteral("text or json."),
                 QStringLiteral("FORMAT"), QStringLiteral("text")});
    p.addOption({QStringLiteral("users"), QStringLiteral("Target concurrent users (default 100)."),
                 QStringLiteral("N")});
    p.addOption({QStringLiteral("budget"),
                 QStringLiteral("p95 budget in seconds (default: the target NAT's own estimates "
                                "imply, else the median of the points)."),
                 QStringLiteral("SECONDS")});
    p.addOption({QStringLiteral("metric"),
                 QStringLiteral("runtime (workflow runtime) or llm (LLM latency); default: what "
                                "NAT estimated, else runtime."),
                 QStringLiteral("METRIC")});
    p.addOption({QStringLiteral("test-gpus"), QStringLiteral("GPUs in the test (default 8)."),
                 QStringLiteral("G")});
    p.addPositionalArgument(QStringLiteral("RUN"),
                            QStringLiteral("A NAT calculator run, or several runs of traces each "
                                           "measured at its own concurrency."),
                            QStringLiteral("RUN..."));
    if (const Parsed r = parse(p, args); r != Parsed::Run) return r == Parsed::Help ? Ok : Usage;
    const QString format = p.value(QStringLiteral("format"));
    const QString metricName = p.value(QStringLiteral("metric"));
    bool ok[3] = {true, true, true};
    const double users = p.isSet(QStringLiteral("users"))
                             ? p.value(QStringLiteral("users")).toDouble(&ok[0])
                             : defaultSizingUsers;
    const double gpus = p.isSet(QStringLiteral("test-gpus"))
                            ? p.value(QStringLiteral("test-gpus")).toDouble(&ok[1])
                            : defaultSizingGpus;
    std::optional<double> budget;
    if (p.isSet(QStringLiteral("budget")))
        budget = p.value(QStringLiteral("budget")).toDouble(&ok[2]);
    if (p.positionalArguments().isEmpty() || !QStringList({"text", "json"}).contains(format) ||
        !ok[0] || !ok[1] || !ok[2] || users <= 0 || gpus <= 0 || (budget && *budget <= 0) ||
        !QStringList({"", "runtime", "llm"}).contains(metricName)) {
        err("spanscope-cli sizing: give RUN..., positive --users, --budget and --test-gpus, "
            "--metric runtime|llm and --format text|json");
        return Usage;
    }
    try {
        const auto ws = openWorkspace(p);
        std::vector<RunInfo> runs;
        for (const QString &key : p.positionalArguments()) {
            const auto run = findRun(*ws, key.toStdString());
            if (!run) return BadInput;
            runs.push_back(*run);
        }
        const bool calc = runs.size() == 1 && runs.front().kind == "nat-sizing";
        for (const RunInfo &r : runs)
            if (!calc && r.kind == "nat-sizing") {
                err("spanscope-cli sizing: run " + std::to_string(r.id) +
                    " is a NAT calculator run: give it alone");
                return BadInput;
            }
        const EvalQueries eval(*ws);
        const StoredSizing stored = calc ? eval.sizing(runs.front().id) : StoredSizing();
        SizingMetric metric = SizingMetric::Runtime;
        if (metricName == QLatin1String("llm") ||
            (metricName.isEmpty() && calc && !natEstimated(stored, SizingMetric::Runtime) &&
             natEstimated(stored, SizingMetric::LlmLatency)))
            metric = SizingMetric::LlmLatency;
        std::vector<std::int64_t> ids;
        for (const RunInfo &r : runs)
            ids.push_back(r.id);
        const SizingSource source =
            calc ? sizingFromCalc(stored, metric) : sizingFromRuns(*ws, ids, metric);
        if (source.points.empty()) {
            err("spanscope-cli sizing: no sizing points in the given run(s): a NAT calculator run "
                "or runs with timed requests are needed");
            return BadInput;
        }
        std::string budgetSource = "option";
        if (!budget && source.natImpliedBudget) {
            budget = source.natImpliedBudget;
            budgetSource = "nat";
        }
        if (!budget) {
            std::vector<double> p95s;
            for (const sizing::Point &pt : source.points)
                p95s.push_back(pt.p95);
            std::sort(p95s.begin(), p95s.end());
            budget = p95s[p95s.size() / 2];
            budgetSource = "median of the points";
        }
        const sizing::Result r = sizing::size(source.points, {users, *budget, gpus});
        // NAT's figures are for its own inputs: compare only when these are the same.
        const bool sameAsNat = source.natImpliedBudget &&
                               close(*budget, *source.natImpliedBudget) &&
                               users == defaultSizingUsers && gpus == defaultSizingGpus;
        bool agrees = true;
        if (sameAsNat) {
            if (source.natGpus.has_value() != r.gpus.has_value() ||
                (r.gpus && !close(*r.gpus, *source.natGpus)))
                agrees = false;
            for (std::size_t i = 0; i < r.singlePoint.size(); ++i)
                if (r.singlePoint[i].has_value() != source.natSinglePoint[i].has_value() ||
                    (r.singlePoint[i] && !close(*r.singlePoint[i], *source.natSinglePoint[i])))
                    agrees = false;
        }

        json j;
        j["runs"] = ids;
        j["metric"] = metric == SizingMetric::Runtime ? "runtime" : "llm";
        j["users"] = users;
        j["budget"] = *budget;
        j["budget_source"] = budgetSource;
        j["test_gpus"] = gpus;
        j["points"] = json::object();
        j["point_details"] = json::array();
        j["gpus_single_point"] = json::object();
        for (std::size_t i = 0; i < source.points.size(); ++i) {
            const sizing::Point &pt = source.points[i];
            const std::string key = concurrencyKey(pt.concurrency);
            j["points"][key] = pt.p95;
            j["gpus_single_point"][key] = optional(r.singlePoint[i]);
            json d = {{"concurrency", pt.concurrency},
                      {"p95", pt.p95},
                      {"outlier", static_cast<bool>(r.outlier[i])},
                      {"interrupted", pt.interrupted},
                      {"items", pt.items.size()},
                      {"items_over_budget",
                       r.itemsOverBudget[i] < 0 ? json(nullptr) : json(r.itemsOverBudget[i])},
                      {"gpus_single_point", optional(r.singlePoint[i])}};
            if (source.runOfPoint[i]) d["run"] = source.runOfPoint[i];
            j["point_details"].push_back(d);
        }
        j["fit"] = {{"slope", r.fit.slope},
                    {"intercept", r.fit.intercept},
                    {"r_squared", r.fit.rSquared},
                    {"outliers_removed", r.fit.outliersRemoved},
                    {"accepted", r.fit.accepted},
                    {"rejected", r.fit.rejected.empty() ? json(nullptr) : json(r.fit.rejected)}};
        j["concurrency_at_budget"] = optional(r.concurrencyAtBudget);
        j["max_concurrency_within_budget"] =
            r.concurrencyAtBudget ? json(std::floor(*r.concurrencyAtBudget)) : json(nullptr);
        j["max_tested_concurrency_within_budget"] = optional(r.maxTestedWithinBudget);
        j["gpus"] = optional(r.gpus);
        if (source.fromNat) {
            json nat = {{"gpus", optional(source.natGpus)}, {"same_inputs", sameAsNat}};
            nat["gpus_single_point"] = json::object();
            for (std::size_t i = 0; i < source.points.size(); ++i)
                nat["gpus_single_point"][concurrencyKey(source.points[i].concurrency)] =
                    optional(source.natSinglePoint[i]);
            if (sameAsNat) nat["agrees"] = agrees;
            j["nat"] = nat;
        }
        if (format == QLatin1String("json")) {
            out(j.dump(2) + "\n");
            return Ok;
        }
        const char *metricText =
            metric == SizingMetric::Runtime ? "workflow runtime" : "LLM latency";
        std::string o = std::string("Sizing by p95 ") + metricText + ": " + fixed(users, 0) +
                        " users, budget " + fixed(*budget, 2) + " s (" + budgetSource + "), " +
                        fixed(gpus, 0) + " GPUs in the test\n\n";
        o += "concurrency      p95 s  items>budget  GPUs (single point)\n";
        for (std::size_t i = 0; i < source.points.size(); ++i) {
            const sizing::Point &pt = source.points[i];
            std::string line = concurrencyKey(pt.concurrency);
            line.resize(11, ' ');
            std::string p95 = fixed(pt.p95, 2);
            line += std::string(p95.size() < 11 ? 11 - p95.size() : 0, ' ') + p95;
            std::string over =
                r.itemsOverBudget[i] < 0 ? "-" : std::to_string(r.itemsOverBudget[i]);
            line += std::string(over.size() < 14 ? 14 - over.size() : 0, ' ') + over;
            std::string est = r.singlePoint[i] ? fixed(*r.singlePoint[i], 1) : "-";
            line += std::string(est.size() < 21 ? 21 - est.size() : 0, ' ') + est;
            if (r.outlier[i]) line += "  outlier (left out of the fit)";
            if (pt.interrupted) line += "  interrupted";
            o += line + "\n";
        }
        o += "\n";
        if (r.fit.accepted) {
            o += "fit: p95 = " + fixed(r.fit.slope, 4) + " x concurrency + " +
                 fixed(r.fit.intercept, 4) + " s, R^2 " + fixed(r.fit.rSquared, 4) + "\n";
        } else {
            o += "fit: none (" + r.fit.rejected + ")\n";
        }
        o += "concurrency within the budget on " + fixed(gpus, 0) + " GPUs: " +
             (r.concurrencyAtBudget ? fixed(*r.concurrencyAtBudget, 1) + " by the fit" : "-") +
             (r.maxTestedWithinBudget ? ", " + concurrencyKey(*r.maxTestedWithinBudget) + " tested"
                                      : std::string()) +
             "\n";
        o += "GPUs for " + fixed(users, 0) + " users: " + (r.gpus ? fixed(*r.gpus, 1) : "-") +
             " (slope method)\n";
        if (source.fromNat && sameAsNat)
            o += std::string("NAT's own estimate for these inputs: ") +
                 (source.natGpus ? fixed(*source.natGpus, 1) : "-") +
                 (agrees ? " (agrees)\n" : " (DIFFERS)\n");
        out(o);
        return Ok;
    } catch (const StoreError &e) {
        err(std::string("error: ") + e.what());
        return BadInput;
    }
}

} // namespace spanscope::cli
