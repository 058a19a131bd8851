#!/bin/bash
cd /work/main
for i in 1 2 3; do
  for side in before after; do
    if [ $side = before ]; then ms=/tmp/ab-before/bin/mailsnap; else ms=/work/main/bin/mailsnap; fi
    rm -rf /tmp/ab-work
    mkdir -p /tmp/ab-results/$side-$i
    java -cp benchmarks/target/classes:cli/target/mailsnap.jar org.mailsnap.bench.ScenarioRunner \
      --preset small --tools mailsnap --mailsnap $ms --results /tmp/ab-results/$side-$i --work /tmp/ab-work --no-install > /tmp/ab-results/$side-$i.log 2>&1
    echo "$side-$i rc=$?"
  done
done
rm -rf /tmp/ab-work
echo done
