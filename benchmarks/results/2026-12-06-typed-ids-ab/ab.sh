#!/bin/bash
# Alternating before/after runs of the scenario runner, mailsnap only, small preset, a fresh store and repository
# each time. Usage: ab.sh BEFORE_LAUNCHER AFTER_LAUNCHER ROUNDS OUT_DIR (run from a built source tree).
# The typed-id comparison ran: ab.sh /tmp/ab-before/bin/mailsnap /work/main/bin/mailsnap 3 /tmp/ab-results
set -u
before=$1 after=$2 rounds=$3 out=$4
root="$(cd "$(dirname "$(readlink -f "$0")")/../../.." && pwd)"
for i in $(seq 1 "$rounds"); do
  for side in before after; do
    if [ $side = before ]; then ms=$before; else ms=$after; fi
    rm -rf /tmp/ab-work
    mkdir -p "$out/$side-$i"
    java -cp "$root/benchmarks/target/classes:$root/cli/target/mailsnap.jar" org.mailsnap.bench.ScenarioRunner \
      --preset small --tools mailsnap --mailsnap "$ms" --results "$out/$side-$i" --work /tmp/ab-work --no-install \
      > "$out/$side-$i.log" 2>&1
    echo "$side-$i rc=$?"
  done
done
rm -rf /tmp/ab-work
echo done
