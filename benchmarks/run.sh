#!/usr/bin/env bash
# The project's benchmark in one command: builds the hub, the bench server, the console probe
# and the benchmark tools (Release, own build folder), installs the stock socket.io reference
# (npm ci), runs every part against it on this machine and prints the hub / socket.io table
# (also written to OUT/report.md, with every sample in OUT/*.json), headed by the table of
# issue 20's targets (met / short / not run).
#
#   benchmarks/run.sh                 full run, every part: 3 repeats, medians (about an hour)
#   benchmarks/run.sh --quick         one repeat, fewer steps (about 10 minutes)
#   benchmarks/run.sh --only broadcast,10k,cluster,cafe,client,codec,polling,signin,scale,history
#   options: --repeats N, --out DIR (default benchmarks/results/<date>), --build DIR
#   parts: broadcast (websocket, 1,000 and 5,000 clients), 10k (10,000 clients at 20,000
#   msgs/s), cluster (one node against two with Redis), cafe (create_order, SQLite and
#   PostgreSQL), client (the console's ingest), codec, polling (2,000 polling-only clients),
#   signin (20 sign-ins/s against the hub while a probe's acks are timed), scale (50,000
#   websocket clients from several 127.x source addresses, a broadcast to all once a second, a
#   probe's acks meanwhile; --quick: 5,000; over the open-file limit it also runs the largest
#   count that fits), history (the console's queue view holding 100,000 orders of history,
#   scrolled, searched, its filters changed and re-sorted, every loop turn timed; --quick:
#   one run instead of three)
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
only="broadcast,10k,cluster,cafe,client,codec,polling,signin,scale,history"
out=""
build="$root/build/bench"
while [[ $# -gt 0 ]]; do
    case "$1" in
        --quick) quick=1; repeats=1 ;;
        --repeats) repeats="$2"; shift ;;
        --only) only="$2"; shift ;;
        --out) out="$2"; shift ;;
        --build) build="$2"; shift ;;
        -h|--help) sed -n '2,26p' "$0"; exit 0 ;;
        *) echo "run.sh: unknown option $1 (see --help)" >&2; exit 2 ;;
    esac
    shift
done
[[ -n "$out" ]] || out="$root/benchmarks/results/$(date +%Y%m%d-%H%M%S)"
mkdir -p "$out"
want() { [[ ",$only," == *",$1,"* ]]; }

# Every client and server is a file descriptor: 10,000 clients need more than the usual 1024, and
# 50,000 (the scale part) more than the hard limit many machines set. Root may raise the hard
# limit (up to fs.nr_open); tt_siobench and the servers it starts inherit it.
want_files=200000
nr_open=$(cat /proc/sys/fs/nr_open 2>/dev/null || echo "$want_files")
[[ "$nr_open" -lt "$want_files" ]] && want_files=$nr_open
if [[ "$(ulimit -Hn)" != unlimited && "$(ulimit -Hn)" -lt "$want_files" ]]; then
    if [[ "$(id -u)" -eq 0 ]]; then
        ulimit -Hn "$want_files" || echo "run.sh: could not raise the hard open-files limit to $want_files" >&2
    else
        echo "run.sh: not root: the hard open-files limit stays at $(ulimit -Hn); runs with more" \
            "clients than that fail to connect (run as root, or raise nofile in limits.conf)" >&2
    fi
fi
ulimit -n "$(ulimit -Hn)" 2>/dev/null || true
echo "== open files: soft $(ulimit -n), hard $(ulimit -Hn)"

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
    tt_bench_codec tt_bench_ui -j2

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

if want polling; then
    # Issue 20 item 7: 2,000 clients that long-poll for good (no upgrade), broadcast capacity.
    if [[ $quick -eq 1 ]]; then
        "$bin/tt_siobench" polling "${common[@]}" --clients 2000 --seconds 3 \
            --ladder 10000,50000,100000,200000,400000 --out "$out/polling.json" >/dev/null
    else
        "$bin/tt_siobench" polling "${common[@]}" --clients 2000 --out "$out/polling.json" >/dev/null
    fi
fi
if want signin; then
    # Issue 20 item 8: 20 sign-ins/s against the hub while a probe's ack round trip is timed.
    seconds=20
    [[ $quick -eq 1 ]] && seconds=8
    "$bin/tt_siobench" signin "${common[@]}" --signin-rate 20 --signin-seconds "$seconds" \
        --out "$out/signin.json" >/dev/null
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
if want history; then
    # Issue 20 item 4: a 100,000-order history in the console's queue view (offscreen), scrolled
    # by pages and by dragging to the end, searched a character at a time, scope and counter
    # changed, re-sorted; the longest loop turn of scroll + filter is the longest frame.
    for ((i = 1; i <= repeats; i++)); do
        QT_QPA_PLATFORM=offscreen "$bin/tt_bench_ui" --history 100000 \
            --json "$out/history-$i.json" >/dev/null
    done
fi

"$bin/tt_siobench" report "$out"/*.json | tee "$out/report.md"
echo "== load average at the end: $(cut -d' ' -f1-3 /proc/loadavg); report: $out/report.md"
