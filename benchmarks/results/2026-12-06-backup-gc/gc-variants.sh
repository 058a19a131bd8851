#!/bin/bash
# gc-variants.sh ROUNDS STORE LAUNCHER "LABEL=JAVA_OPTS" ...: initial backups of STORE into a fresh repository per
# run, variants alternating round by round; each run's GC log, /usr/bin/time and --json go to runs/LABEL-ROUND.*
# and one line "label wall user sys maxrss_kb lockHoldMaxMillis young full pause_s" to gc-variants.txt.
set -euo pipefail
rounds=$1; store=$2; launcher=$3; shift 3
here="$(cd "$(dirname "$0")" && pwd)"; mkdir -p "$here/runs"
work=$(mktemp -d /tmp/gcv.XXXX)
export MAILSNAP_PASSWORD=mailsnap-benchmark
for r in $(seq "$rounds"); do
  for v in "$@"; do
    label=${v%%=*}; opts=${v#*=}
    rm -rf "$work/repo" "$work/catalog"; sync; sleep 5
    export MAILSNAP_REPOSITORY=$work/repo MAILSNAP_CATALOG=$work/catalog
    "$launcher" init >/dev/null
    base=$here/runs/$label-$r
    MAILSNAP_JAVA_OPTS="$opts -Xlog:gc:file=$base.gc:uptime" /usr/bin/time -v -o "$base.time" \
      "$launcher" backup --json --lock none "$store" > "$base.json"
    python3 "$here/summary.py" "$label" "$base" | tee -a "$here/gc-variants.txt"
  done
done
rm -rf "$work"
