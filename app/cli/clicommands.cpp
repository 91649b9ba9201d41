#include "clicommands.h"

#include "analysis/runsummary.h"
#include "clisupport.h"
#include "core/importprogress.h"
#include "core/ingesterror.h"
#include "store/importer.h"
#include "store/runqueries.h"
#include "store/storeerror.h"
#include "store/workspace.h"
#include "summaryformat.h"
#include "synth/tracefilewriter.h"

#include <QCommandLineParser>
#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <future>
#include <memory>
#include <nlohmann/json.hpp>
#include <unistd.h>

namespace spanscope::cli {

namespace {

std::string mb(std::int64_t bytes) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f", static_cast<double>(bytes) / 1e6);
    return buf;
}

// Runs the import on a worker thread and, on a terminal, redraws one progress line at most
// ten times a second until it finishes. While another program holds the workspace, the line
// says so (and, off a terminal, one line says it once).
std::vector<ImportedRun> importWithProgress(Workspace &ws, const QString &path,
                                            const ImportOptions &options, bool timings) {
    ImportProgress progress;
    const bool tty = isatty(fileno(stderr));
    std::atomic<int> waited{-1};
    std::atomic<bool> toldWaiting{false};
    ws.setBusyWait(ws.busyWait(), [&](int seconds) {
        waited = seconds;
        if (!tty && !toldWaiting.exchange(true))
            err("waiting: another program is writing to " + ws.path().toStdString() +
                " (an import in another spanscope-cli or the app); waiting up to " +
                std::to_string(ws.busyWait().count() / 1000) + " s for it to finish");
    });
    auto job = std::async(std::launch::async,
                          [&] { return Importer(ws).importPath(path, options, progress); });
    bool drew = false;
    int lastWaited = -1, sameFor = 0;
    while (job.wait_for(std::chrono::milliseconds(100)) != std::future_status::ready) {
        if (!tty) continue;
        const auto total = progress.total();
        const auto done = std::min(progress.done(), total);
        // The busy handler reports once a second; a second without a report ends the wait.
        std::string waiting;
        if (const int w = waited; w >= 0) {
            if (w != lastWaited) {
                lastWaited = w;
                sameFor = 0;
            }
            if (++sameFor <= 15)
                waiting = ", waiting " + std::to_string(w) +
                          " s for another program writing to the workspace";
        }
        std::fprintf(stderr, "\r\033[Kimporting %s: %3d%% (%s / %s MB)%s%s%s",
                     printableName(path.toStdString()).c_str(),
                     total > 0 ? static_cast<int>(100 * done / total) : 0, mb(done).c_str(),
                     mb(total).c_str(), done >= total && total > 0 ? ", " : "",
                     done >= total && total > 0 ? progress.phase() : "", waiting.c_str());
        drew = true;
    }
    if (drew) std::fprintf(stderr, "\r\033[K");
    auto runs = job.get();
    if (timings) {
        std::string line = "timings:";
        for (const auto &[phase, seconds] : progress.timings()) {
            char s[32];
            std::snprintf(s, sizeof s, " %.3f s", seconds);
            if (phase != "done") line += " " + phase + s + ",";
        }
        line.pop_back();
        err(line);
    }
    return runs;
}

} // namespace

int runImport(const QStringList &args) {
    QCommandLineParser p;
    p.addOption({QStringLiteral("label"), QStringLiteral("Label of the imported run."),
                 QStringLiteral("NAME")});
    p.addOption({QStringLiteral("force"),
                 QStringLiteral("Re-import input that is already in the workspace.")});
    p.addOption({QStringLiteral("wait"),
                 QStringLiteral("Seconds to wait while another program writes to the workspace "
                                "(default 600); then exit 4."),
                 QStringLiteral("SECONDS"), QStringLiteral("600")});
    p.addOption({QStringLiteral("timings"),
                 QStringLiteral("Print the seconds each phase of an import took (stderr).")});
    p.addPositionalArgument(QStringLiteral("PATH"),
                            QStringLiteral("NAT folders or files to import."),
                            QStringLiteral("PATH..."));
    if (const Parsed r = parse(p, args); r != Parsed::Run) return r == Parsed::Help ? Ok : Usage;
    if (p.positionalArguments().isEmpty()) {
        err("spanscope-cli import: no PATH given");
        err(usage().toStdString());
        return Usage;
    }
    // What this command creates (the file, missing folders above it) goes again if nothing
    // gets imported into it: a failed first import leaves no empty workspace behind.
    const QFileInfo target(workspacePath(p));
    const bool existed = target.exists();
    QStringList createdDirs;
    for (QDir d = target.absoluteDir(); !d.exists(); d = QFileInfo(d.absolutePath()).dir())
        createdDirs << d.absolutePath();
    std::unique_ptr<Workspace> ws;
    bool imported = false;
    const auto removeIfNew = [&] {
        if (existed || imported) return;
        ws.reset();
        for (const char *suffix : {"", "-wal", "-shm", "-journal"})
            QFile::remove(target.absoluteFilePath() + QLatin1String(suffix));
        for (const QString &dir : createdDirs)
            QDir().rmdir(dir); // only if still empty
    };
    bool waitOk = false;
    const double waitSeconds = p.value(QStringLiteral("wait")).toDouble(&waitOk);
    if (!waitOk || waitSeconds < 0) {
        err("spanscope-cli import: --wait must be a number of seconds, 0 or more");
        return Usage;
    }
    try {
        ws = openWorkspace(p, Access::Create);
        ws->setBusyWait(std::chrono::milliseconds(static_cast<std::int64_t>(waitSeconds * 1000)));
    } catch (const WorkspaceBusy &e) {
        err(std::string("error: ") + e.what());
        removeIfNew();
        return Busy;
    } catch (const StoreError &e) {
        return storeFailure(e);
    }
    ImportOptions options;
    options.label = p.value(QStringLiteral("label"));
    options.force = p.isSet(QStringLiteral("force"));
    int exit = Ok;
    for (const QString &path : p.positionalArguments()) {
        QElapsedTimer timer;
        timer.start();
        try {
            const auto runs =
                importWithProgress(*ws, path, options, p.isSet(QStringLiteral("timings")));
            imported = imported || !runs.empty();
            for (const ImportedRun &r : runs) {
                if (r.unchanged) {
                    out("unchanged: " + r.sourcePath + " is already run " +
                        std::to_string(r.runId) + " (use --force to import it again)\n");
                    continue;
                }
                out("imported run " + std::to_string(r.runId) + " '" + r.label + "' (" + r.kind +
                    "): " + std::to_string(r.traces) + " requests, " + std::to_string(r.spans) +
                    " spans, " + std::to_string(r.report.warningCount()) + " warnings\n");
                for (const std::string &line : r.report.lines())
                    out("  " + line + "\n");
            }
            char secs[32];
            std::snprintf(secs, sizeof secs, "%.2f", static_cast<double>(timer.elapsed()) / 1e3);
            out("done: " + std::to_string(runs.size()) + " run(s) from " +
                printableName(path.toStdString()) + " in " + secs + " s\n");
        } catch (const IngestError &e) {
            err(std::string("error: ") + e.what());
            err("nothing was imported from " + printableName(path.toStdString()) +
                "; the workspace is unchanged");
            exit = BadInput;
        } catch (const WorkspaceBusy &e) {
            err(std::string("error: ") + e.what() + " (waited " +
                std::to_string(ws->busyWait().count() / 1000) + " s; see --wait)");
            err("nothing was imported from " + printableName(path.toStdString()) +
                "; the workspace is unchanged");
            exit = Busy;
        } catch (const StoreError &e) {
            err(std::string("error: workspace: ") + e.what());
            exit = BadInput;
        } catch (const ImportCancelled &) {
            err("cancelled");
            exit = BadInput;
        }
    }
    removeIfNew();
    return exit;
}

int runRuns(const QStringList &args) {
    QCommandLineParser p;
    p.addOption({QStringLiteral("format"), QStringLiteral("text or json."),
                 QStringLiteral("FORMAT"), QStringLiteral("text")});
    if (const Parsed r = parse(p, args); r != Parsed::Run) return r == Parsed::Help ? Ok : Usage;
    const QString format = p.value(QStringLiteral("format"));
    if (format != QLatin1String("text") && format != QLatin1String("json")) {
        err("spanscope-cli runs: --format must be text or json");
        return Usage;
    }
    try {
        if (!workspaceExists(workspacePath(p))) { // nothing imported yet: say so, create nothing
            if (format == QLatin1String("json"))
                out("[]\n");
            else
                out("no runs in " + workspacePath(p).toStdString() + " (no workspace there yet)\n");
            return Ok;
        }
        const auto ws = openWorkspace(p);
        const auto runs = ws->runs();
        if (format == QLatin1String("json")) {
            nlohmann::json j = nlohmann::json::array();
            for (const RunInfo &r : runs)
                j.push_back({{"id", r.id},
                             {"label", r.label},
                             {"kind", r.kind},
                             {"source", r.sourcePath},
                             {"imported_at_ms", r.importedAtMs},
                             {"traces", r.traceCount},
                             {"spans", r.spanCount}});
            out(j.dump(2) + "\n");
            return Ok;
        }
        if (runs.empty()) {
            out("no runs in " + ws->path().toStdString() + "\n");
            return Ok;
        }
        out("   id  kind        imported          requests     spans  label\n");
        for (const RunInfo &r : runs) {
            const std::string when = QDateTime::fromMSecsSinceEpoch(r.importedAtMs)
                                         .toString(QStringLiteral("yyyy-MM-dd HH:mm"))
                                         .toStdString();
            char line[512];
            std::snprintf(line, sizeof line, "%5lld  %-10s  %-16s  %8lld  %8lld  %s\n",
                          static_cast<long long>(r.id), r.kind.c_str(), when.c_str(),
                          static_cast<long long>(r.traceCount), static_cast<long long>(r.spanCount),
                          r.label.c_str());
            out(line);
        }
    } catch (const StoreError &e) {
        return storeFailure(e);
    }
    return Ok;
}

int runSummary(const QStringList &args) {
    QCommandLineParser p;
    p.addOption({QStringLiteral("format"), QStringLiteral("text, json or md."),
                 QStringLiteral("FORMAT"), QStringLiteral("text")});
    p.addPositionalArgument(QStringLiteral("RUN"), QStringLiteral("Run id or label."));
    if (const Parsed r = parse(p, args); r != Parsed::Run) return r == Parsed::Help ? Ok : Usage;
    const QString format = p.value(QStringLiteral("format"));
    if (p.positionalArguments().size() != 1 ||
        (format != QLatin1String("text") && format != QLatin1String("json") &&
         format != QLatin1String("md"))) {
        err("spanscope-cli summary: give one RUN and --format text, json or md");
        err(usage().toStdString());
        return Usage;
    }
    try {
        const auto ws = openWorkspace(p);
        const std::string key = p.positionalArguments().first().toStdString();
        const auto run = findRun(*ws, key);
        if (!run) return BadInput;
        const RunSummary s = summarize(RunQueries(*ws).summaryInput(run->id));
        if (format == QLatin1String("json"))
            out(summaryformat::json(*run, s));
        else if (format == QLatin1String("md"))
            out(summaryformat::markdown(*run, s));
        else
            out(summaryformat::text(*run, s));
    } catch (const StoreError &e) {
        return storeFailure(e);
    }
    return Ok;
}

int runGenerate(const QStringList &args) {
    QCommandLineParser p;
    p.addHelpOption();
    p.addOption({QStringLiteral("spans"), QStringLiteral("Spans to write (default 100000)."),
                 QStringLiteral("N"), QStringLiteral("100000")});
    p.addOption({QStringLiteral("sessions"), QStringLiteral("User sessions (default 100)."),
                 QStringLiteral("S"), QStringLiteral("100")});
    p.addOption({QStringLiteral("concurrency"), QStringLiteral("Requests in flight (default 8)."),
                 QStringLiteral("C"), QStringLiteral("8")});
    p.addOption({QStringLiteral("seed"), QStringLiteral("Random seed (default 1)."),
                 QStringLiteral("N"), QStringLiteral("1")});
    p.addOption({QStringLiteral("format"),
                 QStringLiteral("otlp-jsonl, otlp-zstd, otlp-collector-zstd or nat-eval."),
                 QStringLiteral("FORMAT"), QStringLiteral("otlp-jsonl")});
    p.addOption({QStringLiteral("slow"),
                 QStringLiteral("Make every call named NAME (web_search, vector_store or a model) "
                                "FACTOR times as long: a regression to find with compare."),
                 QStringLiteral("NAME=FACTOR")});
    p.addOption({QStringLiteral("lower-scores"),
                 QStringLiteral("nat-eval: lower the score of these item ids (1-based, comma "
                                "separated) by DELTA."),
                 QStringLiteral("IDS=DELTA")});
    p.addOption({QStringLiteral("demo"),
                 QStringLiteral("Write the app's demo data into the OUT folder: nat-eval/ and "
                                "rollout.jsonl (kept where they exist).")});
    p.addPositionalArgument(QStringLiteral("OUT"),
                            QStringLiteral("Output file (OTLP) or folder (nat-eval, --demo)."));
    if (!p.parse(args)) {
        err("spanscope-cli generate: " + p.errorText().toStdString());
        return Usage;
    }
    if (p.isSet(QStringLiteral("help"))) {
        out(p.helpText().toStdString());
        return Ok;
    }
    if (p.isSet(QStringLiteral("demo"))) {
        if (p.positionalArguments().size() != 1) {
            err("spanscope-cli generate --demo: give one OUT folder");
            return Usage;
        }
        try {
            for (const QString &path : synth::writeDemo(p.positionalArguments().first()))
                out(path.toStdString() + "\n");
        } catch (const std::runtime_error &e) {
            err(std::string("error: ") + e.what());
            return BadInput;
        }
        return Ok;
    }
    bool ok[4];
    synth::WorkloadOptions o;
    o.spans = p.value(QStringLiteral("spans")).toLongLong(&ok[0]);
    o.sessions = p.value(QStringLiteral("sessions")).toInt(&ok[1]);
    o.concurrency = p.value(QStringLiteral("concurrency")).toInt(&ok[2]);
    o.seed = p.value(QStringLiteral("seed")).toULongLong(&ok[3]);
    const auto format =
        synth::outputFormatFromName(p.value(QStringLiteral("format")).toStdString());
    bool injectionsOk = true;
    if (p.isSet(QStringLiteral("slow"))) {
        const QStringList parts = p.value(QStringLiteral("slow")).split(QLatin1Char('='));
        bool f = false;
        if (parts.size() == 2) o.slowFactor = parts[1].toDouble(&f);
        o.slowName = parts.value(0).toStdString();
        injectionsOk = f && o.slowFactor > 0 && !o.slowName.empty();
    }
    if (p.isSet(QStringLiteral("lower-scores"))) {
        const QStringList parts = p.value(QStringLiteral("lower-scores")).split(QLatin1Char('='));
        bool f = parts.size() == 2;
        if (f) o.scoreDrop = parts[1].toDouble(&f);
        for (const QString &id : parts.value(0).split(QLatin1Char(','), Qt::SkipEmptyParts)) {
            bool idOk = false;
            o.scoreDropItems.push_back(id.toInt(&idOk));
            f = f && idOk;
        }
        injectionsOk = injectionsOk && f && !o.scoreDropItems.empty();
    }
    if (!injectionsOk) {
        err("spanscope-cli generate: --slow takes NAME=FACTOR (FACTOR > 0) and --lower-scores "
            "IDS=DELTA (ids separated by commas)");
        return Usage;
    }
    if (!ok[0] || !ok[1] || !ok[2] || !ok[3] || o.spans <= 0 || o.sessions <= 0 ||
        o.concurrency <= 0 || !format || p.positionalArguments().size() != 1) {
        err("spanscope-cli generate: give positive --spans, --sessions and --concurrency, a known "
            "--format and one OUT");
        err(usage().toStdString());
        return Usage;
    }
    try {
        const auto r = synth::generate(o, *format, p.positionalArguments().first());
        out("wrote " + std::to_string(r.spans) + " spans in " + std::to_string(r.requests) +
            " requests, " + mb(r.bytes) + " MB, to " +
            p.positionalArguments().first().toStdString() + "\n");
    } catch (const std::runtime_error &e) {
        err(std::string("error: ") + e.what());
        return BadInput;
    }
    return Ok;
}

} // namespace spanscope::cli
