#!/bin/bash
# whole-store-1m.sh WORK ORDER...: whole-store restores of the runner's large work dir WORK (its initial snapshots),
# one per entry of ORDER (restic, A = LAUNCHER_A, B = LAUNCHER_B from the environment), each into an empty
# directory after deleting the previous copy, sync and a 35 s settle. Lines "label wall user sys maxrss_kb" go to
# whole-store-1m.txt beside this script.
set -euo pipefail
work=$1; shift
out="$(cd "$(dirname "$0")" && pwd)/whole-store-1m.txt"
target=$work/ab-restore
for l in "$@"; do
  rm -rf "$target"; sync; sleep 35
  case $l in
    restic)
      id=$(RESTIC_PASSWORD=mailsnap-benchmark restic --repo "$work/restic/repository" --cache-dir "$work/restic/cache" \
           snapshots --json | python3 -c 'import json,sys; print(json.load(sys.stdin)[0]["id"])')
      RESTIC_PASSWORD=mailsnap-benchmark /usr/bin/time -f "restic %e %U %S %M" -a -o "$out" \
        restic --repo "$work/restic/repository" --cache-dir "$work/restic/cache" restore "$id" --target "$target" >/dev/null ;;
    A|B)
      if [ "$l" = A ]; then m=$LAUNCHER_A; else m=$LAUNCHER_B; fi
      id=$(grep -o '"snapshot":"[0-9a-f]*"' "$work"/logs/*-mailsnap-initial.out | head -1 | cut -d'"' -f4)
      MAILSNAP_CATALOG=$work/mailsnap/catalog MAILSNAP_PASSWORD=mailsnap-benchmark \
        MAILSNAP_REPOSITORY=$work/mailsnap/repository /usr/bin/time -f "$l %e %U %S %M" -a -o "$out" \
        "$m" restore --snapshot "$id" --target "$target" >/dev/null ;;
  esac
  tail -1 "$out"
done
rm -rf "$target"
