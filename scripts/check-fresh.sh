#!/usr/bin/env bash
# Proves the README's two Quick start commands on a fresh Debian 12: builds a clean bookworm root
# (debootstrap --variant=minbase, plus git), clones this checkout's HEAD into it, and runs
# `bash scripts/run.sh` and then `bash scripts/test.sh` there as root, printing the time of each.
# Exit 0 only when both pass.
#
# Usage: scripts/check-fresh.sh [--quick] [--keep] [--rebuild-base] [--ref REF]
#   --quick         command 2 without the ASan+UBSan and fuzz stages (TT_SKIP_ASAN=1 TT_SKIP_FUZZ=1)
#   --keep          keep this run's root afterwards (its path is printed)
#   --rebuild-base  debootstrap the cached base root again
#   --ref REF       the commit to clone (default HEAD); uncommitted changes are never seen
# Environment: TT_FRESH_CACHE (default /var/cache/tabletap/check-fresh) holds the base root and
# the runs. The Debian mirror is read from this machine's apt sources each time, never stored here.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)

quick=0 keep=0 rebuild=0 ref=HEAD
while [ $# -gt 0 ]; do
    case "$1" in
    --quick) quick=1 ;;
    --keep) keep=1 ;;
    --rebuild-base) rebuild=1 ;;
    --ref) ref=${2:?--ref needs a commit}; shift ;;
    -h | --help) sed -n '2,14p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "check-fresh: unknown option $1 (try --help)" >&2; exit 2 ;;
    esac
    shift
done

[ "$(id -u)" = 0 ] || { echo "check-fresh: run as root (debootstrap and chroot need it)" >&2; exit 2; }
commit=$(git rev-parse --verify "$ref^{commit}")
if [ -n "$(git status --porcelain --untracked-files=no)" ]; then
    echo "check-fresh: note: uncommitted changes are not part of the check (it clones $commit)" >&2
fi
for tool in debootstrap unshare chroot; do
    command -v "$tool" >/dev/null || {
        echo "check-fresh: installing debootstrap" >&2
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq debootstrap >/dev/null
        break
    }
done

# bookworm entries of this machine's apt sources (one-line and deb822 forms) as "URI SUITE COMPONENTS".
apt_entries() {
    local f
    for f in /etc/apt/sources.list /etc/apt/sources.list.d/*.list; do
        [ -f "$f" ] || continue
        sed -e 's/#.*//' -e 's/\[[^]]*\]//' "$f" | awk '$1 == "deb" { c = ""; for (i = 4; i <= NF; i++) c = c " " $i; print $2, $3 c }'
    done
    for f in /etc/apt/sources.list.d/*.sources; do
        [ -f "$f" ] || continue
        awk 'function flush() { if (uris != "" && types ~ /(^| )deb( |$)/ && enabled != "no") {
                 n = split(uris, u, " "); m = split(suites, s, " ");
                 for (i = 1; i <= n; i++) for (j = 1; j <= m; j++) print u[i], s[j], comps }
                 uris = suites = comps = types = enabled = "" }
             /^[[:space:]]*#/ { next }
             /^[[:space:]]*$/ { flush(); next }
             { key = tolower($1); sub(/:$/, "", key); $1 = ""; sub(/^ /, "");
               if (key == "uris") uris = $0; else if (key == "suites") suites = $0;
               else if (key == "components") comps = $0; else if (key == "types") types = $0;
               else if (key == "enabled") enabled = tolower($0) }
             END { flush() }' "$f"
    done
}
entries=$(apt_entries | awk '$2 ~ /^bookworm(-updates|-security|\/updates)?$/' | sort -u)
mirror=$(echo "$entries" | awk '$2 == "bookworm" { print $1; exit }')
[ -n "$mirror" ] || { echo "check-fresh: no bookworm entry in this machine's apt sources" >&2; exit 2; }

cache=${TT_FRESH_CACHE:-/var/cache/tabletap/check-fresh}
base=$cache/base-bookworm
mkdir -p "$cache"
if [ $rebuild = 1 ] || [ ! -f "$base/.complete" ]; then
    echo "== base root: debootstrap --variant=minbase bookworm from $mirror"
    rm -rf "$base"
    debootstrap --variant=minbase --include=git bookworm "$base" "$mirror" >"$cache/debootstrap.log" 2>&1 || {
        tail -20 "$cache/debootstrap.log" >&2
        echo "check-fresh: debootstrap failed (log: $cache/debootstrap.log)" >&2
        exit 1
    }
    echo "$entries" | awk '{ printf "deb %s %s", $1, $2; for (i = 3; i <= NF; i++) printf " %s", $i; print "" }' \
        >"$base/etc/apt/sources.list"
    rm -rf "$base"/var/lib/apt/lists/* "$base"/var/cache/apt/archives/*.deb
    touch "$base/.complete"
fi

run=$(mktemp -d "$cache/run.XXXXXX")
cleanup() {
    if [ $keep = 1 ]; then echo "check-fresh: kept the root at $run/root"; else rm -rf "$run"; fi
}
trap cleanup EXIT
echo "== fresh copy of the base root: $run/root"
cp -a "$base" "$run/root"
rm -f "$run/root/.complete"
cp -L /etc/resolv.conf "$run/root/etc/resolv.conf"
# This machine's TLS trust for the package registries, where its network needs one of its own (a
# proxy's CA in NODE_EXTRA_CA_CERTS or npm's cafile): a fresh machine on an open network reaches
# registry.npmjs.org with the certificates Node carries, so nothing else of the host goes in.
host_ca=${NODE_EXTRA_CA_CERTS:-$(npm config get cafile 2>/dev/null || true)}
case "$host_ca" in null | undefined) host_ca= ;; esac
git clone -q --no-hardlinks "$repo" "$run/root/root/tabletap"
git -C "$run/root/root/tabletap" checkout -q "$commit"
echo "== checkout $(git log -1 --format='%h %s' "$commit" | cut -c1-100)"

# Inside: a private mount and pid namespace, so every mount and every process left behind goes
# away with it. Only what a new root shell has in its environment.
env_inside=(HOME=/root USER=root LOGNAME=root SHELL=/bin/bash TERM="${TERM:-dumb}"
    PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin)
[ $quick = 1 ] && env_inside+=(TT_SKIP_ASAN=1 TT_SKIP_FUZZ=1)
if [ -n "$host_ca" ] && [ -f "$host_ca" ]; then
    cp -L "$host_ca" "$run/root/etc/check-fresh-host-ca.pem"
    env_inside+=(NODE_EXTRA_CA_CERTS=/etc/check-fresh-host-ca.pem)
fi
cat >"$run/inside.sh" <<'EOF'
set -u
root=$1; shift
mount -t proc proc "$root/proc"
mount --rbind /sys "$root/sys"
mount --rbind /dev "$root/dev"
mount -t tmpfs -o mode=1777 tmpfs "$root/dev/shm"
exec chroot "$root" /usr/bin/env -i "$@"
EOF
inside() {
    unshare --mount --pid --fork --propagation private bash "$run/inside.sh" "$run/root" \
        "${env_inside[@]}" bash -c "cd /root/tabletap && $1"
}

status=0
echo "== command 1: bash scripts/run.sh"
t0=$(date +%s)
set +e
inside "bash scripts/run.sh" 2>&1 | tee "$run/command1.log"
c1=${PIPESTATUS[0]}
set -e
t1=$(date +%s)
echo "== command 1: exit $c1 in $((t1 - t0)) s"
[ "$c1" = 0 ] || status=1

c2=skipped
if [ $status = 0 ]; then
    echo "== command 2: bash scripts/test.sh$([ $quick = 1 ] && echo ' (TT_SKIP_ASAN=1 TT_SKIP_FUZZ=1)')"
    set +e
    inside "bash scripts/test.sh" 2>&1 | tee "$run/command2.log"
    c2=${PIPESTATUS[0]}
    set -e
    t2=$(date +%s)
    echo "== command 2: exit $c2 in $((t2 - t1)) s"
    [ "$c2" = 0 ] || status=1
fi
cp "$run"/command*.log "$cache/" 2>/dev/null || true
echo "== check-fresh $(git log -1 --format=%h "$commit"): command 1 exit $c1 ($((t1 - t0)) s), command 2 exit $c2$([ "$c2" != skipped ] && echo " ($((t2 - t1)) s)"): $([ $status = 0 ] && echo PASSED || echo FAILED)"
exit $status
