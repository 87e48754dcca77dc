#!/usr/bin/env bash
# Quick start command 2: installs what is missing, builds, and runs the whole test suite:
# the CTest suite (release build), the same suite under ASan+UBSan, and bounded libFuzzer runs.
# Environment: TT_SKIP_ASAN=1 / TT_SKIP_FUZZ=1 skip those stages (for quick local loops);
# TT_FUZZ_SECONDS (default 20) per fuzz target.
set -euo pipefail
cd "$(dirname "$0")/.."
start=$(date +%s)

bash scripts/deps.sh --test
jobs=$(nproc)

echo "== build (release)"
bash scripts/build.sh release
echo "== ctest (release)"
status=0
ctest --preset release -j "$jobs" --timeout 600 || status=1

if [ "${TT_SKIP_ASAN:-0}" != 1 ]; then
    echo "== build (asan+ubsan)"
    bash scripts/build.sh asan
    echo "== ctest (asan+ubsan)"
    ASAN_OPTIONS=detect_leaks=0:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1 \
        ctest --preset asan -j "$jobs" --timeout 900 -LE "nosan" || status=1
fi

if [ "${TT_SKIP_FUZZ:-0}" != 1 ]; then
    echo "== fuzz (libFuzzer, ${TT_FUZZ_SECONDS:-20} s per target)"
    bash tests/fuzz/run.sh "${TT_FUZZ_SECONDS:-20}" || status=1
fi

echo "== done in $(( $(date +%s) - start )) s: $([ $status = 0 ] && echo PASSED || echo FAILED)"
exit $status
