#include "clicommands.h"

namespace spanscope::cli {

// Its own file: spanscope-export prints it too, without the other commands.
QString usage() {
    return QStringLiteral(
        "usage: spanscope-cli import PATH... [--workspace FILE] [--label NAME] [--force]\n"
        "                    [--wait SECONDS] [--timings]\n"
        "       spanscope-cli runs [--workspace FILE] [--format text|json]\n"
        "       spanscope-cli summary RUN [--workspace FILE] [--format text|json|md]\n"
        "       spanscope-cli stacks RUN [--weight total|self|wall|calls|tokens]\n"
        "                    [--format text|json|collapsed] [--workspace FILE]\n"
        "       spanscope-cli concurrency RUN [--threshold N] [--format text|json] [--workspace "
        "FILE]\n"
        "       spanscope-cli slow RUN [--top N] [--format text|json|md] [--workspace FILE]\n"
        "       spanscope-cli export RUN --view timeline|stacks|tokens|concurrency|sessions\n"
        "                    --out FILE.png|.svg|.pdf [--width W] [--height H] [--workspace FILE]\n"
        "       spanscope-cli compare A B [--format text|md|json] [--fail-on "
        "EVALUATOR|latency]...\n"
        "                    [--alpha 0.05] [--workspace FILE]\n"
        "       spanscope-cli sizing RUN... [--users N] [--budget SECONDS] [--metric runtime|llm]\n"
        "                    [--test-gpus G] [--format text|json] [--workspace FILE]\n"
        "       spanscope-cli generate [--spans N] [--sessions S] [--concurrency C] [--seed N]\n"
        "                    [--slow NAME=FACTOR] [--lower-scores IDS=DELTA]\n"
        "                    [--format otlp-jsonl|otlp-zstd|otlp-collector-zstd|nat-eval] OUT\n"
        "       spanscope-cli generate --demo FOLDER   (the app's demo: a NAT eval run, an OTLP "
        "dump)\n"
        "       spanscope-cli serve [--port 4318] [--bind ADDR --token-file FILE] [--label NAME]\n"
        "                    [--max-body MB] [--for SECONDS] [--format text|json] [--workspace "
        "FILE]\n"
        "exit codes: 0 ok, 1 bad input, 2 usage, 3 compare --fail-on: significantly worse");
}

} // namespace spanscope::cli
