#!/usr/bin/env bash
# Builds the libFuzzer targets (tests/fuzz) with clang and runs each in turn for SECONDS
# (default 900), on a corpus seeded from ../shared/samples and tests/fuzz/corpus that grows in
# build/fuzz/corpus/TARGET between runs. Findings land in build/fuzz/findings/TARGET; the
# executions and findings per target are printed and kept in build/fuzz/report.txt.
#   scripts/fuzz.sh [SECONDS] [TARGET...]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-900}
shift || true
build=build/fuzz
targets=(fuzz_import fuzz_otlpjson fuzz_natsteps fuzz_natprofiler fuzz_jaeger fuzz_zipkin
         fuzz_phoenix fuzz_natitems fuzz_natevaluator fuzz_natcsv fuzz_natmetrics fuzz_natsizing
         fuzz_workspace fuzz_decimaltime fuzz_yaml fuzz_atof fuzz_atif)
[ $# -gt 0 ] && targets=("$@")

CC=clang CXX=clang++ cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DSPANSCOPE_FUZZ=ON -DSPANSCOPE_PCH=OFF -DSPANSCOPE_UNITY=OFF -DSPANSCOPE_BUILD_TESTS=OFF -DSPANSCOPE_BUILD_GUI=OFF \
    -DCMAKE_CXX_FLAGS="-fsanitize=fuzzer-no-link,address,undefined -fno-omit-frame-pointer" \
    >/dev/null
cmake --build "$build" --parallel "$(nproc)" --target "${targets[@]}"

samples=../shared/samples
report=$build/report.txt
: >"$report"
for t in "${targets[@]}"; do
    corpus=$build/corpus/$t
    findings=$build/findings/$t
    mkdir -p "$corpus" "$findings"
    seeds=(tests/fuzz/corpus)
    [ -d "$samples" ] && seeds+=("$samples")
    log=$build/$t.log
    echo "== $t: ${seconds} s"
    # -max_len keeps every execution small enough to explore; the large samples still seed it.
    set +e
    ASAN_OPTIONS=detect_leaks=1:allocator_may_return_null=1 \
        "$build/tests/fuzz/$t" "$corpus" "${seeds[@]}" -max_total_time="$seconds" \
        -max_len=262144 -timeout=20 -rss_limit_mb=4096 -artifact_prefix="$findings/" \
        -print_final_stats=1 >"$log" 2>&1
    status=$?
    set -e
    runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' || echo 0)
    found=$(find "$findings" -type f | wc -l)
    line="$t: ${seconds} s, ${runs:-0} executions, corpus $(ls "$corpus" | wc -l) files, $found findings, exit $status"
    echo "$line" | tee -a "$report"
done
echo "report: $report"
