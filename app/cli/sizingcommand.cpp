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
        SizingSource source =
            calc ? sizingFromCalc(stored, metric) : sizingFromRuns(*ws, ids, metric);
        if (calc) linkCalcEvalRuns(*ws, runs.front(), source);
        if (source.points.empty()) {
            err("spanscope-cli sizing: no sizing points in the given run(s): a NAT calculator run "
                "or runs with timed requests are needed");
            return BadInput;
        }
        std::string budgetSource = "option";
        if (!budget) {
            const DefaultBudget chosen = defaultBudget(source);
            budget = chosen.seconds;
            budgetSource = chosen.source;
        }
        const sizing::Inputs inputs{users, *budget, gpus};
        const sizing::Result r = sizing::size(source.points, inputs);
        // NAT's figures are for its own inputs: compared only when these are the same.
        const std::optional<bool> agrees = agreesWithNat(source, inputs, r);
        const bool sameAsNat = agrees.has_value();

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
            const std::string key = concurrencyText(pt.concurrency);
            j["points"][key] = pt.p95;
            j["gpus_single_point"][key] = jsonOrNull(r.singlePoint[i]);
            json d = {{"concurrency", pt.concurrency},
                      {"p95", pt.p95},
                      {"outlier", static_cast<bool>(r.outlier[i])},
                      {"interrupted", pt.interrupted},
                      {"items", pt.items.size()},
                      {"items_over_budget",
                       r.itemsOverBudget[i] < 0 ? json(nullptr) : json(r.itemsOverBudget[i])},
                      {"gpus_single_point", jsonOrNull(r.singlePoint[i])}};
            if (source.runOfPoint[i]) {
                d["run"] = source.runOfPoint[i];
                d["concurrency_from"] =
                    source.concurrencyFromNat[i] ? "nat-config" : "in-flight-p95";
            }
            j["point_details"].push_back(d);
        }
        j["fit"] = {{"slope", r.fit.slope},
                    {"intercept", r.fit.intercept},
                    {"r_squared", r.fit.rSquared},
                    {"outliers_removed", r.fit.outliersRemoved},
                    {"accepted", r.fit.accepted},
                    {"rejected", r.fit.rejected.empty() ? json(nullptr) : json(r.fit.rejected)}};
        j["concurrency_at_budget"] = jsonOrNull(r.concurrencyAtBudget);
        j["max_concurrency_within_budget"] =
            r.concurrencyAtBudget ? json(std::floor(*r.concurrencyAtBudget)) : json(nullptr);
        j["max_tested_concurrency_within_budget"] = jsonOrNull(r.maxTestedWithinBudget);
        j["gpus"] = jsonOrNull(r.gpus);
        if (source.fromNat) {
            json nat = {{"gpus", jsonOrNull(source.natGpus)}, {"same_inputs", sameAsNat}};
            nat["gpus_single_point"] = json::object();
            for (std::size_t i = 0; i < source.points.size(); ++i)
                nat["gpus_single_point"][concurrencyText(source.points[i].concurrency)] =
                    jsonOrNull(source.natSinglePoint[i]);
            if (sameAsNat) nat["agrees"] = *agrees;
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
            std::string line = concurrencyText(pt.concurrency);
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
             (r.maxTestedWithinBudget ? ", " + concurrencyText(*r.maxTestedWithinBudget) + " tested"
                                      : std::string()) +
             "\n";
        o += "GPUs for " + fixed(users, 0) + " users: " + (r.gpus ? fixed(*r.gpus, 1) : "-") +
             " (slope method)\n";
        if (source.fromNat && sameAsNat)
            o += std::string("NAT's own estimate for these inputs: ") +
                 (source.natGpus ? fixed(*source.natGpus, 1) : "-") +
                 (*agrees ? " (agrees)\n" : " (DIFFERS)\n");
        out(o);
        return Ok;
    } catch (const StoreError &e) {
        return storeFailure(e);
    }
}

} // namespace spanscope::cli
