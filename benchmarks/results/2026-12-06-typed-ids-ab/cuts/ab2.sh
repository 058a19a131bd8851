#!/bin/bash
# Issue 16's cuts of 2026-12-06: main at this session's start (dc1bc6f) against main after them (82c77cd), mailsnap only.
cd /work/main
for i in 1 2; do
  for side in before after; do
    if [ $side = before ]; then ms=/tmp/wt-start/bin/mailsnap; else ms=/tmp/ciclone/bin/mailsnap; fi
    rm -rf /tmp/ab-work
    mkdir -p /tmp/ab2-results/$side-$i
    java -cp benchmarks/target/classes:cli/target/mailsnap.jar org.mailsnap.bench.ScenarioRunner \
      --preset small --tools mailsnap --mailsnap $ms --results /tmp/ab2-results/$side-$i --work /tmp/ab-work --no-install > /tmp/ab2-results/$side-$i.log 2>&1
    echo "$side-$i rc=$?"
  done
done
rm -rf /tmp/ab-work
echo done
