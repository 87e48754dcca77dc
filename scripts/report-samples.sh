#!/bin/bash
# Regenerates docs/samples/ (the files docs/reports.md links): the simulated 600-order day of
# tst_reports (tests/hub/tst_reports.cpp), kept in a temporary data folder, then written by
# `tabletap-hub report` as each format. Run after a release build (cmake --build --preset release).
set -euo pipefail
cd "$(dirname "$0")/.."
bin=build/release
data=$(mktemp -d)
trap 'rm -rf "$data"' EXIT
TT_REPORTS_KEEP_DATA="$data" QT_LOGGING_RULES='tabletap.hub.*.info=false' \
    "$bin/tests/hub/tst_reports" >/dev/null
mkdir -p docs/samples
report() { # report KIND FORMAT FILE
    "$bin/bin/tabletap-hub" report "$1" --data "$data" --cafe cafe1 --date 2024-01-01 \
        --format "$2" --out "docs/samples/$3" >/dev/null 2>&1
}
report day json report-day.json
report day csv report-day.csv
report day pdf report-day.pdf
report service csv report-service.csv
report service pdf report-service.pdf
report staff csv report-staff.csv
report staff pdf report-staff.pdf
echo "docs/samples/ written from the simulated day of 2024-01-01"
