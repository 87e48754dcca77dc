#!/usr/bin/env bash
# The project's benchmark in one command: builds the hub, the bench server, the console probe
# and the benchmark tools (Release, own build folder), installs the stock socket.io reference
# (npm ci), runs every part against it on this machine and prints the hub / socket.io table
# (also written to OUT/report.md, with every sample in OUT/*.json).
#
#   benchmarks/run.sh                 full run: 3 repeats, medians (about 65 minutes)
#   benchmarks/run.sh --quick         one repeat, fewer steps (about 6 minutes)
#   benchmarks/run.sh --only broadcast,cafe,client,codec,10k,cluster,scale   some parts only
#   (scale: 50,000 websocket clients from several 127.x source addresses, broadcast to once a
#   second, a probe's acks meanwhile; --quick: 5,000 clients; it needs an open-file hard limit
#   above 100,000, which only root with CAP_SYS_RESOURCE may set, else it runs the largest
#   client count that fits and says so)
#   options: --repeats N, --out DIR (default benchmarks/results/<date>), --build DIR
#
# Servers run on CPU 0, load generators and clients on CPU 1 (taskset-style pinning done by
# tt_siobench); the cluster part's two nodes and redis-server share CPU 0 as well, and the cafe
# run's PostgreSQL runs there with the hub. Run it on a quiet machine; the report records the
# load average. The cluster part needs redis-server, the cafe run on PostgreSQL the PostgreSQL 15
# programs in /usr/lib/postgresql/15/bin (scripts/deps.sh --test installs both).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
quick=0
repeats=3
only="broadcast,10k,cluster,cafe,client,codec,scale"
out=""
build="$root/build/bench"
while [[ $# -gt 0 ]]; do
    case "$1" in
        --quick) quick=1; repeats=1 ;;
        --repeats) repeats="$2"; shift ;;
        --only) only="$2"; shift ;;
        --out) out="$2"; shift ;;
        --build) build="$2"; shift ;;
        -h|--help) sed -n '2,20p' "$0"; exit 0 ;;
        *) echo "run.sh: unknown option $1 (see --help)" >&2; exit 2 ;;
    esac
    shift
done
[[ -n "$out" ]] || out="$root/benchmarks/results/$(date +%Y%m%d-%H%M%S)"
mkdir -p "$out"
want() { [[ ",$only," == *",$1,"* ]]; }

# Every client and server is a file descriptor: 10,000 clients need more than the usual 1024,
# the scale part's 50,000 need twice that many in the generator and as many in the server.
if [[ "$(id -u)" -eq 0 ]]; then
    if ! { ulimit -Hn 200000 && ulimit -n 200000; } 2>/dev/null; then
        echo "run.sh: cannot raise the open-file limit to 200000 (hard limit $(ulimit -Hn); root without CAP_SYS_RESOURCE?)" >&2
    fi
else
    echo "run.sh: not root: the open-file hard limit stays at $(ulimit -Hn); the scale part needs more than 100,000" >&2
fi
ulimit -n "$(ulimit -Hn)" 2>/dev/null || true
if [[ "$(ulimit -n)" != unlimited && "$(ulimit -n)" -lt 12000 ]]; then
    ulimit -n 65536 2>/dev/null || echo "run.sh: open files limited to $(ulimit -n); the 10,000-client run needs more" >&2
fi

cpus=$(nproc)
server_cpu=0
generator_cpu=1
if [[ "$cpus" -lt 2 ]]; then
    echo "run.sh: one CPU only: server and generator share it, ratios are less meaningful" >&2
    generator_cpu=0
fi

echo "== building (Release) in $build"
cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DTABLETAP_BUILD_TESTS=OFF >/dev/null
cmake --build "$build" --target tabletap-hub tt-bench-server tt_siobench tt_bench_console \
    tt_bench_codec -j2

echo "== the reference (stock socket.io 4.8, socket.io-client 4.8, better-sqlite3 11)"
if [[ ! -d "$root/benchmarks/reference/node_modules/socket.io" ]]; then
    # better-sqlite3 builds from source when no prebuilt binary can be fetched: point node-gyp
    # at the installed headers instead of downloading them.
    if [[ -f /usr/include/node/node.h ]]; then export npm_config_nodedir=/usr; fi
    (cd "$root/benchmarks/reference" && npm ci --no-audit --no-fund)
fi

bin="$build/bin"
ref="$root/benchmarks/reference"
common=(--hub "$bin/tabletap-hub" --bench-server "$bin/tt-bench-server" --reference "$ref"
        --server-cpu "$server_cpu" --generator-cpu "$generator_cpu" --repeats "$repeats"
        --server-log "$out/servers.log")
echo "== machine: $(nproc) CPUs, load average $(cut -d' ' -f1-3 /proc/loadavg); results in $out"

if want broadcast; then
    if [[ $quick -eq 1 ]]; then
        "$bin/tt_siobench" broadcast "${common[@]}" --clients 1000 --seconds 3 \
            --ladder 20000,100000,200000,400000,800000 --out "$out/broadcast.json" >/dev/null
    else
        "$bin/tt_siobench" broadcast "${common[@]}" --clients 1000,5000 --out "$out/broadcast.json" >/dev/null
    fi
fi
if want 10k; then
    # 10,000 websocket clients held, 20,000 messages/s delivered to them (2 broadcasts a second).
    "$bin/tt_siobench" broadcast "${common[@]}" --clients 10000 --repeats 1 --fixed-rate 20000 \
        --seconds 10 --no-ladder --no-polling --out "$out/10k.json" >/dev/null
fi
if want cluster; then
    # Issue 19: the broadcast with every client on one node, and split over two nodes joined by
    # a redis-server the run starts (added cross-node latency, capacity of two against one).
    if [[ $quick -eq 1 ]]; then
        "$bin/tt_siobench" cluster "${common[@]}" --clients 1000 --layouts one,two --seconds 3 \
            --ladder 20000,100000,400000,800000,1500000 --out "$out/cluster.json" >/dev/null
    else
        "$bin/tt_siobench" cluster "${common[@]}" --clients 1000 --layouts one,two \
            --out "$out/cluster.json" >/dev/null
    fi
fi
if want cafe; then
    # The hub with SQLite (hub) and with a PostgreSQL 15 the run starts (hub-pg), against
    # socket.io + better-sqlite3.
    if [[ $quick -eq 1 ]]; then
        "$bin/tt_siobench" cafe "${common[@]}" --servers socket.io,hub,hub-pg --seconds 3 \
            --cafe-rates 50,100,200,400,800 --out "$out/cafe.json" >/dev/null
    else
        "$bin/tt_siobench" cafe "${common[@]}" --servers socket.io,hub,hub-pg \
            --out "$out/cafe.json" >/dev/null
    fi
fi
if want client; then
    rates=()
    [[ $quick -eq 1 ]] && rates=(--client-rates 5000,10000,20000,30000 --seconds 3)
    "$bin/tt_siobench" client "${common[@]}" --console "$bin/tt_bench_console" "${rates[@]}" \
        --out "$out/client.json" >/dev/null
fi
if want codec; then
    min_time=0.5
    [[ $quick -eq 1 ]] && min_time=0.1
    "$bin/tt_siobench" codec "${common[@]}" --codec "$bin/tt_bench_codec" \
        --fixtures "$root/tests/fixtures/events" --codec-min-time "$min_time" --out "$out/codec.json" >/dev/null
fi

if want scale; then
    # Issue 20 item 2: 50,000 websocket clients (5,000 with --quick) held by one server. Both the
    # generator and the server need a descriptor per client: with a lower open-file limit the
    # run records the failed 50,000 and measures the largest count that fits as well.
    scale_clients=50000
    [[ $quick -eq 1 ]] && scale_clients=5000
    limit="$(ulimit -n)"
    if [[ "$limit" != unlimited && "$limit" -lt $((scale_clients + 1000)) ]]; then
        fits=$(( (limit - 1000) / 1000 * 1000 ))
        echo "run.sh: open files limited to $limit: scale runs $scale_clients (recorded as not possible) and $fits clients" >&2
        scale_clients="$scale_clients,$fits"
    fi
    scale_seconds=()
    [[ $quick -eq 1 ]] && scale_seconds=(--seconds 3)
    "$bin/tt_siobench" scale "${common[@]}" --servers hub,socket.io --clients "$scale_clients" \
        "${scale_seconds[@]}" --out "$out/scale.json" >/dev/null
fi

"$bin/tt_siobench" report "$out"/*.json | tee "$out/report.md"
echo "== load average at the end: $(cut -d' ' -f1-3 /proc/loadavg); report: $out/report.md"
