#!/bin/bash
# Redraws the architecture picture from the build's own target graph: configures the release
# preset (which writes build/release/architecture.dot, see cmake/TableTapLayers.cmake), copies
# the graph to docs/architecture.dot and renders docs/architecture.svg with Graphviz.
# tst_architecturegraph fails when docs/architecture.dot no longer matches the build's graph.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v dot >/dev/null; then
    echo "architecture.sh: Graphviz's dot is missing: apt-get install graphviz" >&2
    exit 1
fi
cmake --preset release >/dev/null
cp build/release/architecture.dot docs/architecture.dot
dot -Tsvg docs/architecture.dot -o docs/architecture.svg
echo "docs/architecture.dot and docs/architecture.svg redrawn"
