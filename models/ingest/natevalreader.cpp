#include "natevalreader.h"

#include "atifreader.h"
#include "chunkedfile.h"
#include "core/importprogress.h"
#include "core/importreport.h"
#include "core/ingesterror.h"
#include "jsonfile.h"
#include "natfiles.h"
#include "natmetrics.h"
#include "natprofilerstream.h"
#include "natspanbuilder.h"
#include "natstepgrouper.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <map>
#include <unordered_set>

namespace spanscope {

namespace {

using json = nlohmann::json;
// A batch is handed to the writer at whichever limit comes first: bounded queue x batch size
// bounds the memory an import holds, whatever the file size.
constexpr std::size_t batchSpanLimit = 20000;
constexpr std::size_t batchByteLimit = 8u << 20;

std::string shown(const QString &path) {
    return QDir::toNativeSeparators(path).toStdString();
}

// Item ids are numbers or strings in NAT; both join as text.
std::string keyText(const json &id) {
    if (id.is_string()) return id.get<std::string>();
    if (id.is_null()) return std::string();
    return id.dump();
}

std::string textOf(const json &obj, const char *key) {
    const auto it = obj.find(key);
    if (it == obj.end() || it->is_null()) return std::string();
    if (it->is_string()) return it->get<std::string>();
    return it->dump(-1, ' ', false, json::error_handler_t::replace);
}

} // namespace

NatEvalReader::NatEvalReader(ImportSource source) : m_source(std::move(source)) {}

QString NatEvalReader::file(const QString &name) const {
    for (const QString &f : m_source.files)
        if (QFileInfo(f).fileName() == name) return f;
    return QString();
}

void NatEvalReader::emitIfFull(const BatchSink &sink, bool force) {
    if (m_batch.empty() ||
        (!force && m_batchSpans < batchSpanLimit && m_batchBytes < batchByteLimit))
        return;
    sink(std::move(m_batch));
    m_batch = ImportBatch();
    m_batchSpans = 0;
    m_batchBytes = 0;
}

void NatEvalReader::addTrace(TraceRecord &&trace) {
    const auto index = static_cast<std::size_t>(trace.ordinal);
    if (trace.itemKey.empty() && index < m_itemKeys.size()) trace.itemKey = m_itemKeys[index];
    if (!m_atif.empty()) attachAtif(trace, *m_report);
    m_batchSpans += trace.spans.size() + 1;
    // Payloads stay text: the import compresses them beside the reader (BatchQueue).
    for (const SpanRecord &s : trace.spans)
        m_batchBytes += s.payloadJson.size() + s.attributesJson.size() + sizeof(SpanRecord);
    m_batch.traces.push_back(std::move(trace));
}

void NatEvalReader::keepRaw(const QString &path, const std::string &role,
                            ImportProgress *unparsed) {
    const QFileInfo info(path);
    if (unparsed) unparsed->addDone(info.size()); // stored, never parsed: count it here
    RunFileRecord r;
    r.relativePath = info.fileName().toStdString();
    r.role = role;
    r.size = info.size();
    if (role == "raw" || role == "attachment") r.contentZstd = natfiles::compressed(path);
    m_batch.files.push_back(std::move(r));
}

void NatEvalReader::read(const BatchSink &sink, ImportProgress &progress, ImportReport &report) {
    m_report = &report;
    for (const QString &f : m_source.files)
        progress.addTotal(QFileInfo(f).size());

    const QString profiler = file(natfiles::profilerTraces);
    const QString items = file(natfiles::workflowOutput);
    const QString csv = file(natfiles::standardizedCsv);
    // NAT's step lines: one file, or the files it rolled over to, read as one stream.
    QStringList steps;
    {
        QStringList names;
        for (const QString &f : m_source.files)
            if (QFileInfo(f).fileName().contains(QLatin1String(".jsonl")))
                names << QFileInfo(f).fileName();
        // The current file (a name that is not a rolled one), else the one the first rolled
        // file was rolled from, when the current file is gone.
        QString current;
        for (const QString &n : names)
            if (natfiles::rolledCurrent(n).isEmpty()) {
                current = n;
                break;
            }
        if (current.isEmpty() && !names.isEmpty()) current = natfiles::rolledCurrent(names.front());
        const QString dir =
            m_source.files.isEmpty() ? QString() : QFileInfo(m_source.files.front()).path();
        for (const QString &n : natfiles::rolledSet(current, names))
            steps << QDir(dir).filePath(n);
    }

    m_config = NatRunConfig::read(m_source.files, report);
    if (m_config.maxConcurrency) {
        RunMetricRecord m;
        m.name = "nat.max_concurrency";
        m.value = *m_config.maxConcurrency;
        m.json =
            json{{"source", m_config.source}, {"workflow_alias", m_config.workflowAlias}}.dump();
        m_batch.metrics.push_back(std::move(m));
    }

    // workflow_output.json first: its item ids label the profiler's requests (same order).
    const bool stepsFromItems = profiler.isEmpty() && steps.isEmpty();
    if (!items.isEmpty()) {
        readItems(items, stepsFromItems, progress, report);
        keepRaw(items, "eval-items");
        emitIfFull(sink);
    }
    // NAT's ATIF file beside spans from elsewhere: its conversations go onto those spans.
    if (const QString atif = file(natfiles::workflowOutputAtif);
        !atif.isEmpty() && (!profiler.isEmpty() || !steps.isEmpty() || stepsFromItems))
        readAtif(atif, progress, report);
    if (!profiler.isEmpty()) {
        readProfilerTraces(profiler, sink, progress, report);
        keepRaw(profiler, "spans");
    } else if (!steps.isEmpty()) {
        readStepLines(steps, sink, progress, report);
        for (const QString &f : steps)
            keepRaw(f, "spans");
    } else if (items.isEmpty() && !csv.isEmpty()) {
        readCsv(csv, sink, progress, report);
        keepRaw(csv, "spans");
    }

    for (const QString &f : m_source.files) {
        const QString name = QFileInfo(f).fileName();
        if (name.endsWith(natfiles::evaluatorSuffix) && name != natfiles::workflowOutput) {
            readEvaluator(f, progress, report);
        } else if (name == natfiles::inferenceOptimization) {
            readInferenceOptimization(f, progress, report);
            keepRaw(f, "raw");
        } else if (name == natfiles::profilingMetrics) {
            readProfilingMetrics(f, progress, report);
            keepRaw(f, "raw");
        } else if (natfiles::isKeptRawName(name)) {
            keepRaw(f, "raw", &progress);
        } else if (name.endsWith(QLatin1String(".png"), Qt::CaseInsensitive) ||
                   name == natfiles::fittedModel) {
            keepRaw(f, "attachment", &progress);
        } else if (name == natfiles::standardizedCsv && f != csv) {
            keepRaw(f, "unused", &progress);
        } else if (name.contains(QLatin1String(".jsonl")) && !steps.contains(f)) {
            keepRaw(f, "unused", &progress);
        }
    }
    emitIfFull(sink, true);
}

void NatEvalReader::readItems(const QString &path, bool stepsFromItems, ImportProgress &progress,
                              ImportReport &report) {
    const std::string name = shown(path);
    const NatRunConfig &keys = m_config;
    if (!keys.structured)
        report.note("items written unstructured (structure.disable): each item is the "
                    "workflow's output, keyed by its position");
    else if (!keys.keysAreDefault())
        report.note("items keyed as " + keys.source + " says (id_key '" + keys.idKey +
                    "', question_key '" + keys.questionKey + "')");
    // The keys read into their own columns or into spans; the dataset row's other fields
    // (NAT 1.5+ copies them all) are kept as the item's attributes.
    const std::string *own[] = {&keys.idKey,         &keys.questionKey,
                                &keys.answerKey,     &keys.generatedAnswerKey,
                                &keys.trajectoryKey, &keys.expectedTrajectoryKey};
    const auto isOwnKey = [&](const std::string &key) {
        for (const std::string *k : own)
            if (key == *k) return true;
        return key == "error";
    };
    jsonfile::streamArray(
        path, name, &progress, &report, NatSpanBuilder::timeKeys(),
        [&](json &&item, std::size_t index) {
            EvalItemRecord rec;
            rec.ordinal = static_cast<int>(index);
            if (!keys.structured) { // the raw output, whatever its shape
                rec.itemKey = std::to_string(index);
                rec.generatedAnswer =
                    item.is_string() ? item.get<std::string>()
                                     : item.dump(-1, ' ', false, json::error_handler_t::replace);
                m_itemKeys.push_back(rec.itemKey);
                if (stepsFromItems) {
                    TraceRecord trace = NatSpanBuilder(name, report, rec.ordinal).finish();
                    trace.itemKey = rec.itemKey;
                    addTrace(std::move(trace));
                }
                m_batch.evalItems.push_back(std::move(rec));
                return true;
            }
            if (!item.is_object())
                throw IngestError(name, "item " + std::to_string(index),
                                  "an item is " + jsonfile::typeName(item) +
                                      ", expected an object");
            const auto id = item.find(keys.idKey);
            rec.itemKey = id == item.end() ? std::to_string(index) : keyText(*id);
            rec.question = textOf(item, keys.questionKey.c_str());
            rec.expectedAnswer = textOf(item, keys.answerKey.c_str());
            rec.generatedAnswer = textOf(item, keys.generatedAnswerKey.c_str());
            // NAT 1.5+: the item's error (null when the workflow ran fine).
            if (const auto err = item.find("error"); err != item.end() && !err->is_null())
                rec.error = err->is_string()
                                ? err->get<std::string>()
                                : err->dump(-1, ' ', false, json::error_handler_t::replace);
            json rest = json::object();
            for (auto it = item.begin(); it != item.end(); ++it)
                if (!isOwnKey(it.key())) rest[it.key()] = it.value();
            if (!rest.empty())
                rec.attributesJson = rest.dump(-1, ' ', false, json::error_handler_t::replace);
            m_itemKeys.push_back(rec.itemKey);
            if (stepsFromItems) {
                NatSpanBuilder builder(name, report, static_cast<int>(index));
                const auto st = item.find(keys.trajectoryKey);
                if (st != item.end() && st->is_array()) {
                    for (std::size_t i = 0; i < st->size(); ++i)
                        builder.addStep((*st)[i], i);
                } else if (st != item.end() && !st->is_null()) {
                    throw IngestError(name, "item " + std::to_string(index),
                                      keys.trajectoryKey + " is " + jsonfile::typeName(*st) +
                                          ", expected an array of steps");
                }
                TraceRecord trace = builder.finish();
                trace.itemKey = rec.itemKey;
                addTrace(std::move(trace));
            }
            m_batch.evalItems.push_back(std::move(rec));
            return true;
        },
        stepsFromItems || !keys.structured ? std::vector<std::string>{}
                                           : std::vector<std::string>{keys.trajectoryKey});
}

void NatEvalReader::readProfilerTraces(const QString &path, const BatchSink &sink,
                                       ImportProgress &progress, ImportReport &report) {
    const std::string name = shown(path);
    // Step by step: a request with thousands of streamed chunks never exists as one DOM.
    std::unique_ptr<NatSpanBuilder> builder;
    NatProfilerStream stream(
        NatSpanBuilder::timeKeys(),
        {[&](std::size_t request) {
             builder = std::make_unique<NatSpanBuilder>(name, report, static_cast<int>(request));
         },
         [&](json &&step, std::size_t index) { builder->addStep(step, index); },
         [&](std::size_t) {
             addTrace(builder->finish());
             builder.reset();
             emitIfFull(sink);
         }});
    ChunkedFile file(path, name, &progress);
    if (!json::sax_parse(file.begin(), file.end(), &stream)) {
        if (!stream.shapeError().empty()) {
            if (stream.shapeError().rfind("request ", 0) == 0) {
                const auto colon = stream.shapeError().find(':');
                const auto space = stream.shapeError().find(' ', 8);
                const auto cut = std::min(colon, space);
                throw IngestError(name, stream.shapeError().substr(0, cut),
                                  stream.shapeError().substr(cut + (cut == colon ? 2 : 1)));
            }
            throw IngestError::atOffset(name, 0, stream.shapeError(), 1);
        }
        jsonfile::throwParseError(path, name, file.size(), stream.errorPosition(),
                                  stream.errorMessage());
    }
    jsonfile::reportDeepValues(&report, name, "", stream.deepValues());
    jsonfile::reportCutStrings(&report, name, file.cutStrings());
    const std::size_t requests = stream.requests();
    if (!m_itemKeys.empty() && m_itemKeys.size() != requests)
        report.warn("item-count-mismatch",
                    name + ": " + std::to_string(requests) + " requests but " +
                        std::to_string(m_itemKeys.size()) +
                        " items in workflow_output.json; items were joined by position");
}

void NatEvalReader::readStepLines(const QStringList &paths, const BatchSink &sink,
                                  ImportProgress &progress, ImportReport &report) {
    NatStepGrouper grouper(shown(paths.front()), report);
    grouper.readAll(paths, progress, [&](TraceRecord &&trace) {
        addTrace(std::move(trace));
        emitIfFull(sink);
    });
}

void NatEvalReader::readCsv(const QString &path, const BatchSink &sink, ImportProgress &progress,
                            ImportReport &report) {
    NatStepGrouper grouper(shown(path), report);
    grouper.readCsv(path, progress, [&](TraceRecord &&trace) {
        addTrace(std::move(trace));
        emitIfFull(sink);
    });
}

void NatEvalReader::readEvaluator(const QString &path, ImportProgress &progress,
                                  ImportReport &report) {
    const std::string name = shown(path);
    const QString fileName = QFileInfo(path).fileName();
    const std::string evaluator =
        fileName.left(fileName.size() - natfiles::evaluatorSuffix.size()).toStdString();
    const json doc = jsonfile::read(path, name, &progress, &report);
    const auto itemsIt = doc.is_object() ? doc.find("eval_output_items") : doc.end();
    if (!doc.is_object() || itemsIt == doc.end() || !itemsIt->is_array()) {
        report.warn("not-an-evaluator-output",
                    name + ": has no eval_output_items array; not an evaluator output, skipped");
        keepRaw(path, "unused");
        return;
    }
    keepRaw(path, "evaluator");
    std::unordered_set<std::string> known(m_itemKeys.begin(), m_itemKeys.end());
    if (const auto avg = doc.find("average_score"); avg != doc.end() && avg->is_number()) {
        RunMetricRecord m;
        m.name = "eval." + evaluator + ".average_score";
        m.value = avg->get<double>();
        m_batch.metrics.push_back(std::move(m));
    }
    for (std::size_t i = 0; i < itemsIt->size(); ++i) {
        const json &item = (*itemsIt)[i];
        const std::string where = "eval_output_items[" + std::to_string(i) + "]";
        if (!item.is_object()) {
            report.warn("bad-eval-item",
                        name + ": " + where + " is " + jsonfile::typeName(item) + "; skipped");
            continue;
        }
        EvalScoreRecord s;
        s.evaluator = evaluator;
        s.itemKey = keyText(item.value("id", json()));
        const json score = item.value("score", json());
        if (score.is_null()) {
            report.note("unscored eval items");
            continue;
        }
        if (!score.is_number()) {
            report.warn("bad-score", name + ": " + where + " (id " + s.itemKey + "): score is " +
                                         jsonfile::typeName(score) + " " + score.dump() +
                                         ", expected a number; skipped");
            continue;
        }
        if (!known.empty() && !known.count(s.itemKey))
            report.warn("unknown-eval-item",
                        name + ": " + where + ": id " + s.itemKey +
                            " matches no item of workflow_output.json; kept unmatched");
        s.score = score.get<double>();
        if (const auto r = item.find("reasoning"); r != item.end() && !r->is_null())
            s.reasoningJson = r->dump(-1, ' ', false, json::error_handler_t::replace);
        m_batch.evalScores.push_back(std::move(s));
    }
}

void NatEvalReader::readInferenceOptimization(const QString &path, ImportProgress &progress,
                                              ImportReport &report) {
    const json doc = jsonfile::read(path, shown(path), &progress, &report);
    natmetrics::fromInferenceOptimization(doc, m_batch.metrics);
}

void NatEvalReader::readProfilingMetrics(const QString &path, ImportProgress &progress,
                                         ImportReport &report) {
    // Its bulk (spike intervals, per-node metrics, the concurrency timeline: 100 MB for 1000
    // requests, 500 MB as a DOM) is only counted: objects and arrays three levels down are
    // built as null, their parents keep their sizes.
    const json doc = jsonfile::read(path, shown(path), &progress, &report, {},
                                    natmetrics::profilingMetricsDepth);
    natmetrics::fromProfilingMetrics(doc, m_batch.metrics);
}

} // namespace spanscope

namespace spanscope {

void NatEvalReader::readAtif(const QString &path, ImportProgress &progress, ImportReport &report) {
    const std::string name = shown(path);
    json doc;
    try {
        doc = jsonfile::read(path, name, &progress, &report);
    } catch (const IngestError &e) {
        report.warn("bad-atif", std::string(e.what()) + "; the conversations were not attached");
        return;
    }
    if (!doc.is_array()) return;
    for (std::size_t i = 0; i < doc.size(); ++i) {
        const json &e = doc[i];
        if (!e.is_object() || !e.contains("trajectory") || !e["trajectory"].is_object()) continue;
        const json &id = e.value("item_id", json());
        const std::string key = id.is_string() ? id.get<std::string>() : id.dump();
        try {
            const TraceRecord t = AtifReader::trajectory(
                e["trajectory"], name + ": [" + std::to_string(i) + "]", report, nullptr);
            AtifCalls &calls = m_atif[key];
            for (const SpanRecord &s : t.spans) {
                if (s.category != Category::Llm && s.category != Category::Tool) continue;
                json p = json::parse(s.payloadJson.empty() ? "{}" : s.payloadJson, nullptr, false);
                (s.category == Category::Llm ? calls.llm : calls.tools).push_back(std::move(p));
            }
        } catch (const IngestError &err) {
            report.warn("bad-atif", std::string(err.what()) + "; its conversation not attached");
        }
    }
}

void NatEvalReader::attachAtif(TraceRecord &trace, ImportReport &report) {
    const auto it = m_atif.find(trace.itemKey);
    if (it == m_atif.end()) return;
    // Matched by order: the k-th call to end is the k-th agent step, the k-th tool call to start
    // the k-th tool call of the trajectory.
    const auto callsOf = [&](Category category, bool byEnd) {
        std::vector<std::size_t> out;
        for (std::size_t i = 0; i < trace.spans.size(); ++i)
            if (trace.spans[i].category == category && !(trace.spans[i].flags & SpanInnerLlm))
                out.push_back(i);
        std::stable_sort(out.begin(), out.end(), [&](std::size_t a, std::size_t b) {
            return byEnd ? trace.spans[a].endNs < trace.spans[b].endNs
                         : trace.spans[a].startNs < trace.spans[b].startNs;
        });
        return out;
    };
    const auto attach = [&](const std::vector<std::size_t> &spans, const std::vector<json> &atif,
                            std::initializer_list<const char *> keys, const char *what) {
        if (spans.size() != atif.size())
            report.warn("atif-call-count-mismatch",
                        "item " + trace.itemKey + ": " + std::to_string(spans.size()) + " " + what +
                            " spans but " + std::to_string(atif.size()) +
                            " in workflow_output_atif.json; matched in order as far as both go");
        for (std::size_t k = 0; k < spans.size() && k < atif.size(); ++k) {
            SpanRecord &s = trace.spans[spans[k]];
            json p = json::parse(s.payloadJson.empty() ? "{}" : s.payloadJson, nullptr, false);
            if (!p.is_object()) p = json::object();
            for (const char *key : keys)
                if (atif[k].contains(key)) p[std::string("atif_") + key] = atif[k][key];
            s.payloadJson = p.dump(-1, ' ', false, json::error_handler_t::replace);
        }
    };
    attach(callsOf(Category::Llm, true), it->second.llm, {"messages", "output"}, "LLM");
    attach(callsOf(Category::Tool, false), it->second.tools, {"input", "output"}, "tool");
    m_atif.erase(it);
}

} // namespace spanscope
