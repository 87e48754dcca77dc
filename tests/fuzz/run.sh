#!/usr/bin/env bash
# Builds the libFuzzer targets with clang and runs each for a bounded time from the committed
# seed corpus. Usage: tests/fuzz/run.sh [seconds-per-target]. Prints executions and crashes.
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds=${1:-20}
cmake --preset fuzz >/dev/null
cmake --build --preset fuzz --target fuzzers
status=0
for bin in build/fuzz/tests/fuzz/fuzz_*; do
    [ -f "$bin" ] && [ -x "$bin" ] || continue
    name=$(basename "$bin")
    corpus=tests/fuzz/corpus/${name#fuzz_}
    work=$(mktemp -d)
    mkdir -p tests/fuzz/artifacts
    [ -d "$corpus" ] && cp -r "$corpus"/. "$work"/ 2>/dev/null || true
    log=$(mktemp)
    if "$bin" "$work" -max_total_time="$seconds" -rss_limit_mb=2048 -max_len=65536 \
        -artifact_prefix=tests/fuzz/artifacts/"$name"- -print_final_stats=1 >"$log" 2>&1; then
        execs=$(grep -m1 'stat::number_of_executed_units' "$log" | awk '{print $2}')
        echo "fuzz: $name ok: ${execs:-?} executions in ${seconds}s, 0 crashes"
    else
        echo "fuzz: $name FAILED (see artifacts under tests/fuzz/artifacts):"
        tail -40 "$log"
        status=1
    fi
    rm -rf "$work" "$log"
done
exit $status
