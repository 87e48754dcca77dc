#!/usr/bin/env bash
# Installs what the build (and, with --test, the test suite) needs on Debian 12, only what is
# missing. Safe to run again; runs apt-get update at most once.
set -euo pipefail
cd "$(dirname "$0")/.."

want_test=0
[ "${1:-}" = "--test" ] && want_test=1

build_pkgs=(cmake ninja-build g++ pkg-config
    qt6-base-dev qt6-websockets-dev qt6-charts-dev qt6-tools-dev qt6-tools-dev-tools
    qt6-l10n-tools libqt6sql6-sqlite qt6-svg-dev libqt6svg6 libqrencode-dev libgl-dev)
test_pkgs=(nodejs npm xvfb xauth chromium clang libclang-rt-14-dev
    desktop-file-utils appstream dpkg-dev file procps shellcheck systemd groff-base)

pkgs=("${build_pkgs[@]}")
[ $want_test = 1 ] && pkgs+=("${test_pkgs[@]}")

missing=()
for p in "${pkgs[@]}"; do
    # node may come from another source (nodesource, nvm); only ask apt when there is none.
    if [ "$p" = nodejs ] && command -v node >/dev/null 2>&1; then continue; fi
    if [ "$p" = npm ] && command -v npm >/dev/null 2>&1; then continue; fi
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

if [ ${#missing[@]} -gt 0 ]; then
    echo "deps: installing ${missing[*]}"
    if [ "$(id -u)" != 0 ]; then
        echo "deps: these Debian packages are missing; run as root or install them: ${missing[*]}" >&2
        exit 1
    fi
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# npm ci in a folder unless its node_modules is already of the committed lockfile. npm's own
# copy of the lockfile in node_modules differs in form, so a stamp of ours says which it is.
npm_ci() {
    if ! cmp -s "$1/package-lock.json" "$1/node_modules/.tabletap-lock"; then
        (cd "$1" && npm ci --no-audit --no-fund --loglevel=error && cp package-lock.json node_modules/.tabletap-lock)
    fi
}

if [ $want_test = 1 ]; then
    # Stock socket.io / socket.io-client, pinned by the committed lockfile.
    npm_ci tests/interop

    # The benchmark's stock references (socket.io, socket.io-client, socket.io-parser,
    # better-sqlite3), so tst_benchsmoke runs every part against them. better-sqlite3 builds
    # from source when no prebuilt binary can be fetched (about a minute): node-gyp uses the
    # installed headers. Not fatal: without them tst_benchsmoke runs the hub's side alone and
    # says so.
    if [ -f /usr/include/node/node.h ]; then export npm_config_nodedir=/usr; fi
    npm_ci benchmarks/reference \
        || echo "deps: npm ci in benchmarks/reference failed; tst_benchsmoke will run without the references" >&2
fi
