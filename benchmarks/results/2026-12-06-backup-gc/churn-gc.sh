#!/bin/bash
# churn-gc.sh ROUNDS WORK SEED "LABEL=JAVA_OPTS" ...: one simulated churn hour (mailgen churn --seed SEED) on the
# runner's work dir WORK (its store, catalog and repository as the last run left them), then that same hour backed
# up once per variant and round, each from a fresh copy of the catalog and a hard-linked copy of the repository,
# variants alternating. Each run's GC log, /usr/bin/time and --json go to runs/churn-LABEL-ROUND.*; one line
# "label wall user sys maxrss_kb lockHoldMaxMillis young full pause_s" per run to churn-gc.txt.
set -euo pipefail
rounds=$1; work=$2; seed=$3; shift 3
here="$(cd "$(dirname "$0")" && pwd)"; mkdir -p "$here/runs"
root="$(cd "$here/../../.." && pwd)"
java -cp "$root/cli/target/mailsnap.jar" org.mailsnap.mailgen.MailgenMain churn --seed "$seed" "$work/store"
copy=$work/churn-gc; export MAILSNAP_PASSWORD=mailsnap-benchmark
for r in $(seq "$rounds"); do
  for v in "$@"; do
    label=${v%%=*}; opts=${v#*=}
    rm -rf "$copy"; mkdir -p "$copy"
    cp -a "$work/mailsnap/catalog" "$copy/catalog"; cp -al "$work/mailsnap/repository" "$copy/repository"
    cp -a "$work/mailsnap/catalog.unlock" "$copy/"  # the unlocked key's cache: no key derivation in the measured run
    sync
    base=$here/runs/churn-$label-$r
    MAILSNAP_CATALOG=$copy/catalog MAILSNAP_REPOSITORY=$copy/repository \
      MAILSNAP_JAVA_OPTS="$opts -Xlog:gc:file=$base.gc:uptime" /usr/bin/time -v -o "$base.time" \
      "$root/bin/mailsnap" backup --json --lock none "$work/store" > "$base.json"
    python3 "$here/summary.py" "$label" "$base" | tee -a "$here/churn-gc.txt"
  done
done
rm -rf "$copy"
