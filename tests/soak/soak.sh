#!/usr/bin/env bash
# Soak run (not in CI): a simulated cafe day at 10x speed (tabletap-hub serve --simulate) with
# 200 socket.io-client listeners on all five namespaces and a probe placing an order every 5 s,
# for an hour by default. Every 30 s: the hub's RSS and open descriptors, connected clients,
# probe ack RTT and the probe order's event latency to every listener (CSV), then a summary.
# Usage: tests/soak/soak.sh [seconds=3600] [clients=200] [speed=10]
#        TT_HUB=path/to/tabletap-hub (default build/release/app/hub/tabletap-hub)
#        TT_SOAK_OUT=dir for soak.csv, hub.log and summary.json (default a new temp dir)
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds=${1:-3600}
clients=${2:-200}
speed=${3:-10}
hub=${TT_HUB:-build/release/app/hub/tabletap-hub}
out=${TT_SOAK_OUT:-$(mktemp -d /tmp/tt-soak.XXXXXX)}
mkdir -p "$out"
[ -x "$hub" ] || { echo "soak: no tabletap-hub at $hub (build it or set TT_HUB)" >&2; exit 2; }
[ -d tests/interop/node_modules/socket.io-client ] || (cd tests/interop && npm ci --silent)

data=$(mktemp -d /tmp/tt-soak-data.XXXXXX)
hubpid=
cleanup() {
    [ -n "$hubpid" ] && kill -TERM "$hubpid" 2>/dev/null && wait "$hubpid" 2>/dev/null || true
    rm -rf "$data"
}
trap cleanup EXIT

"$hub" serve --data "$data" --port 0 --bind 127.0.0.1 --simulate --speed "$speed" --seed 1 \
    >"$out/hub.out" 2>"$out/hub.log" &
hubpid=$!
port=
for _ in $(seq 1 100); do
    port=$(sed -n 's#^listening on http://[^:]*:\([0-9]*\).*#\1#p' "$out/hub.out")
    [ -n "$port" ] && break
    sleep 0.1
done
[ -n "$port" ] || { echo "soak: the hub did not start" >&2; cat "$out/hub.log" >&2; exit 1; }
ttl=$(( seconds / 3600 + 2 ))h
listener=$("$hub" token --data "$data" --cafe demo --user soak-listener --name Listener --role employee --ttl "$ttl")
probe=$("$hub" token --data "$data" --cafe demo --user soak-probe --name Probe --role manager --ttl "$ttl")
echo "soak: hub pid $hubpid on port $port, $clients clients, ${seconds}s, speed $speed; output in $out"
NODE_PATH=tests/interop/node_modules node tests/soak/soak.js "$port" "$hubpid" "$seconds" "$clients" \
    "$listener" "$probe" "$out/soak.csv" | tee "$out/summary.json"
kill -0 "$hubpid" 2>/dev/null || { echo "soak: the hub died" >&2; exit 1; }
column -s, -t "$out/soak.csv" | head -3
echo "soak: done; figures in $out/soak.csv and $out/summary.json"
