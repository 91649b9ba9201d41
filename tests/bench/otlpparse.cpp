// Parse-only throughput of the OTLP reader: frames the file and walks every message into loose
// span records (attributes and payloads built, nothing compressed or stored). Used by
// tests/bench/ingest to compare like with like against Python's json.loads.
#include "core/importprogress.h"
#include "core/importreport.h"
#include "ingest/otlpjsonparser.h"
#include "ingest/otlpmessages.h"

#include <QElapsedTimer>
#include <QFileInfo>
#include <cstdio>

int main(int argc, char *argv[]) {
    if (argc != 2) {
        std::fprintf(stderr, "usage: spanscope-bench-otlpparse FILE.jsonl\n");
        return 2;
    }
    using namespace spanscope;
    ImportProgress progress;
    ImportReport report;
    QElapsedTimer timer;
    timer.start();
    OtlpMessages messages(QString::fromLocal8Bit(argv[1]), argv[1],
                          OtlpMessages::Framing::JsonLines, progress, report);
    OtlpJsonParser parser(argv[1], report);
    std::vector<LooseSpanRecord> spans;
    std::int64_t count = 0;
    OtlpMessages::Message m;
    while (messages.next(m)) {
        spans.clear();
        count += static_cast<std::int64_t>(parser.parse(m, spans));
    }
    const double seconds = static_cast<double>(timer.nsecsElapsed()) / 1e9;
    std::printf("%lld %.3f\n", static_cast<long long>(count), seconds);
    return 0;
}
