#!/usr/bin/env bash
# Installs what the build (and, with --test, the test suite) needs on Debian 12, only what is
# missing. Safe to run again. On a new machine (empty package lists) it runs apt-get update first;
# otherwise only when an install fails on stale lists.
set -euo pipefail
cd "$(dirname "$0")/.."

want_test=0
[ "${1:-}" = "--test" ] && want_test=1

# The whole CMake package closure of the build: Qt6Charts needs Qt6OpenGL (libqt6opengl6-dev),
# Qt6Gui's OpenGL wrapper needs libgl-dev, the codec benchmark needs Google Benchmark, the
# cluster adapter (core/cluster) hiredis and msgpack-c, the hub's PIN hashing OpenSSL's libcrypto
# (libssl-dev). Node and npm come from Debian (Node 18)
# unless another node is installed: the build runs `npm ci` in packaging/board for the ready
# board's socket.io-client browser build, which the hub serves (core/hubserver). The ready
# board window speaks through Qt TextToSpeech (qt6-speech-dev, whose CMake package and header
# need Qt6QmlIntegration from qt6-declarative-dev).
build_pkgs=(cmake ninja-build g++ pkg-config
    qt6-base-dev qt6-websockets-dev qt6-charts-dev qt6-tools-dev qt6-tools-dev-tools
    qt6-l10n-tools libqt6sql6-sqlite libqt6opengl6-dev qt6-svg-dev libqt6svg6 libqrencode-dev
    libgl-dev libbenchmark-dev libhiredis-dev libmsgpack-cxx-dev libssl-dev nodejs npm
    qt6-speech-dev qt6-declarative-dev)
# The tests' npm folders use the same node; the benchmark reference's better-sqlite3 is built
# by node-gyp (python3, make) against the node headers; tst_webserver reads a listening socket's
# backlog with ss (iproute2), missing from minbase; the cluster tests start their own
# redis-server (and publish with its redis-cli); the ready board's call-out speaks through the
# flite engine (tst_readyboard); the printing tests read receipts back from PDF with pdftotext
# (poppler-utils), and so does tst_reportfiles with the report PDFs; the *_pg variants of the
# hub's domain tests and tst_hubpostgres start their own PostgreSQL 15 (postgresql-15) and
# reach it through Qt's QPSQL driver (libqt6sql6-psql, also a run-time dependency of the hub).
# tst_scaleout runs HAProxy with packaging/haproxy/haproxy.cfg in front of two hub nodes.
test_pkgs=(qt6-speech-flite-plugin python3 make openssl xvfb xauth chromium clang
    libclang-rt-14-dev desktop-file-utils appstream dpkg-dev file procps iproute2 shellcheck
    systemd groff-base redis-server redis-tools poppler-utils postgresql-15 libqt6sql6-psql
    haproxy)

pkgs=("${build_pkgs[@]}")
[ $want_test = 1 ] && pkgs+=("${test_pkgs[@]}")

installed() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q "install ok installed"; }

missing=()
for p in "${pkgs[@]}"; do
    # node may come from another source (nodesource, nvm); only ask apt when there is none.
    if [ "$p" = nodejs ] && command -v node >/dev/null 2>&1; then continue; fi
    if [ "$p" = npm ] && command -v npm >/dev/null 2>&1; then continue; fi
    installed "$p" || missing+=("$p")
done
# Debian's node keeps its headers in libnode-dev (other node packages ship them in nodejs).
if [ $want_test = 1 ] && [ ! -f /usr/include/node/node.h ] \
    && { ! command -v node >/dev/null 2>&1 || dpkg-query -W -f='${Version}' nodejs 2>/dev/null | grep -q dfsg; }; then
    installed libnode-dev || missing+=(libnode-dev)
fi

if [ ${#missing[@]} -gt 0 ]; then
    echo "deps: installing ${missing[*]}"
    if [ "$(id -u)" != 0 ]; then
        echo "deps: these Debian packages are missing; run as root or install them: ${missing[*]}" >&2
        exit 1
    fi
    export DEBIAN_FRONTEND=noninteractive
    apt_install() { apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null; }
    if [ -z "$(find /var/lib/apt/lists -maxdepth 1 -name '*_Packages*' -print -quit)" ]; then
        apt-get update -qq
        apt_install
    elif ! apt_install; then
        echo "deps: install failed; updating the package lists and trying again" >&2
        apt-get update -qq
        apt_install
    fi
fi

# npm ci in a folder unless its node_modules is already of the committed lockfile. npm's own
# copy of the lockfile in node_modules differs in form, so a stamp of ours says which it is.
npm_ci() {
    if ! cmp -s "$1/package-lock.json" "$1/node_modules/.tabletap-lock"; then
        (cd "$1" && npm ci --no-audit --no-fund --loglevel=error && cp package-lock.json node_modules/.tabletap-lock)
    fi
}

if [ $want_test = 1 ]; then
    # Stock socket.io / socket.io-client, @socket.io/redis-adapter and redis, pinned by the
    # committed lockfile.
    npm_ci tests/interop

    # The benchmark's stock references (socket.io, socket.io-client, socket.io-parser,
    # better-sqlite3), which tst_benchsmoke runs every part against. better-sqlite3 builds from
    # source when no prebuilt binary can be fetched (a minute or more): node-gyp uses the
    # installed headers instead of downloading them.
    if [ -f /usr/include/node/node.h ]; then export npm_config_nodedir=/usr; fi
    npm_ci benchmarks/reference
fi
