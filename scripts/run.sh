#!/usr/bin/env bash
# Quick start command 1: installs what is missing, builds, and starts the console on a live
# simulated cafe (`tabletap --demo`: embedded hub + simulator, signed in as a manager).
# Without a display it says so and shows how to start the headless hub instead.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/deps.sh
bash scripts/build.sh release
bin=build/release/bin
if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
    echo "tabletap: no display here; start the headless hub instead: $bin/tabletap-hub serve --data ./hub-data --port 3000 --simulate" >&2
    exit 0
fi
exec "$bin/tabletap" --demo "$@"
