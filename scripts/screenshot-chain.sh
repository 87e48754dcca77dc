#!/bin/bash
# Regenerates docs/screenshot-chain.png: a hub with three cafes, a morning of simulated orders in
# each (`tabletap-hub serve --simulate --sim-cafe`, one after the other; the last one keeps
# running), a chain owner (`staff add`, `chain grant`), and the console signed in as them on the
# Chain view. Needs xvfb-run. Run after a release build (cmake --build --preset release).
set -euo pipefail
cd "$(dirname "$0")/.."
bin=build/release/bin
work=$(mktemp -d)
serve=
cleanup() {
    if [ -n "$serve" ]; then kill -TERM "$serve" 2>/dev/null || true; wait "$serve" || true; fi
    rm -rf "$work"
}
trap cleanup EXIT
data=$work/data
hub() { "$bin/tabletap-hub" "$@"; }
hub cafe add --data "$data" --id corner --name "Corner Cafe" >/dev/null 2>&1
hub cafe add --data "$data" --id harbour --name "Harbour Roasters" >/dev/null 2>&1
hub cafe add --data "$data" --id station --name "Station Kiosk" >/dev/null 2>&1
simulate() { # CAFE SEED: serves the folder with the simulator on that cafe, in the background
    "$bin/tabletap-hub" serve --data "$data" --port 0 --bind 127.0.0.1 --simulate --sim-cafe "$1" --speed 240 \
        --seed "$2" --sim-start 07:45 >"$work/serve.out" 2>"$work/serve.err" &
    serve=$!
}
stop() {
    kill -TERM "$serve" 2>/dev/null || { cat "$work/serve.err" >&2; exit 1; }
    wait "$serve" || true
    serve=
}
simulate corner 3; sleep 22; stop
simulate harbour 5; sleep 14; stop
added=$(hub staff add --data "$data" --cafe corner --code OWN01 --name "Olivia Owner" \
    --role admin --pin 2468 --hourly-rate 30.00 2>/dev/null)
owner=${added##* id }
hub chain grant --data "$data" --cafe corner --code OWN01 >/dev/null
simulate station 9
for _ in $(seq 1 50); do grep -q listening "$work/serve.out" && break; sleep 0.2; done
url=$(sed -n 's/listening on \(http:[^ ]*\).*/\1/p' "$work/serve.out")
token=$(hub token --data "$data" --cafe corner --user "$owner" --name "Olivia Owner" --role admin)
sleep 12
# A settings folder of its own, so the shot does not depend on (or change) the user's.
export HOME=$work/home XDG_CONFIG_HOME=$work/home/.config XDG_DATA_HOME=$work/home/.local/share
mkdir -p "$HOME"
xvfb-run -a -s "-screen 0 1600x1000x24" "$bin/tabletap" --lang en --hub "$url" --token "$token" \
    --view chain --screenshot docs/screenshot-chain.png --screenshot-delay 9000 >/dev/null 2>&1
kill -0 "$serve" 2>/dev/null || { echo "the hub stopped:" >&2; cat "$work/serve.err" >&2; exit 1; }
echo docs/screenshot-chain.png
