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

# Qt Test rows that skipped (QSKIP) pass as far as CTest is concerned: say which, so a part of
# the suite that did not run on this machine is seen.
skipped_rows() {
    local rows
    rows=$(grep -h '^SKIP   :' "$1" 2>/dev/null | sed 's/ *Loc: .*//' | sort -u || true)
    echo "== Qt Test rows skipped: $(printf '%s' "$rows" | grep -c . || true)"
    [ -z "$rows" ] || printf '%s\n' "$rows"
}

echo "== build (release)"
bash scripts/build.sh release
echo "== ctest (release)"
status=0
ctest --preset release -j "$jobs" --timeout 600 || status=1
skipped_rows build/release/Testing/Temporary/LastTest.log

if [ "${TT_SKIP_ASAN:-0}" != 1 ]; then
    echo "== build (asan+ubsan)"
    bash scripts/build.sh asan
    echo "== ctest (asan+ubsan)"
    ASAN_OPTIONS=detect_leaks=0:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1 \
        ctest --preset asan -j "$jobs" --timeout 900 -LE "nosan" || status=1
    skipped_rows build/asan/Testing/Temporary/LastTest.log
fi

if [ "${TT_SKIP_FUZZ:-0}" != 1 ]; then
    echo "== fuzz (libFuzzer, ${TT_FUZZ_SECONDS:-20} s per target)"
    bash tests/fuzz/run.sh "${TT_FUZZ_SECONDS:-20}" || status=1
fi

echo "== done in $(( $(date +%s) - start )) s: $([ $status = 0 ] && echo PASSED || echo FAILED)"
exit $status
