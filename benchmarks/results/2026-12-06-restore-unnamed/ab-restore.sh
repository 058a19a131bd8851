#!/bin/bash
# ab-restore.sh N WORK LAUNCHER_A LAUNCHER_B [--mailbox M]: whole-store (or one-mailbox) restores of the latest
# snapshot of the runner's work dir WORK (e.g. /tmp/bench-small), alternating A B / B A, each after deleting the
# previous copy, sync and a 35 s settle (ext4 without a journal scans inodes freed within dirty_expire, 30 s).
# Appends "label wall user sys maxrss_kb" lines to ab-restore.txt beside this script.
set -euo pipefail
n=$1; work=$2; a=$3; b=$4; shift 4
out="$(cd "$(dirname "$0")" && pwd)/ab-restore.txt"
export MAILSNAP_CATALOG=$work/mailsnap/catalog MAILSNAP_PASSWORD=mailsnap-benchmark MAILSNAP_REPOSITORY=$work/mailsnap/repository
target=$work/ab-restore
for i in $(seq "$n"); do
  order="A B"; [ $((i % 2)) -eq 0 ] && order="B A"
  for l in $order; do
    if [ "$l" = A ]; then m="$a"; else m="$b"; fi
    rm -rf "$target"; sync; sleep 35
    /usr/bin/time -f "$l %e %U %S %M" -a -o "$out" "$m" restore --snapshot latest --target "$target" "$@" >/dev/null
    tail -1 "$out"
  done
done
rm -rf "$target"
