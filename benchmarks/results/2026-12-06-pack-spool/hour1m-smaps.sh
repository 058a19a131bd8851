#!/bin/bash
# hour1m.sh LABEL LAUNCHER SEED: one hour of churn on the 1M store, then a backup; peak RSS split by rollup.sh
label=$1; launcher=$2; seed=$3
export MAILSNAP_CATALOG=/tmp/bench-large/mailsnap/catalog MAILSNAP_PASSWORD=mailsnap-benchmark MAILSNAP_REPOSITORY=/tmp/bench-large/mailsnap/repository
java -cp /work/main/cli/target/mailsnap.jar org.mailsnap.mailgen.MailgenMain churn --seed $seed /tmp/bench-large/store > /tmp/mem/churn-$label.txt
/usr/bin/time -f "$label %e %U %S %M" -a -o /tmp/mem/hour1m.txt $launcher backup --lock none /tmp/bench-large/store > /tmp/mem/hour-$label.out 2>&1 &
sleep 0.3; pid=$(pgrep -n -f "jar backup --lock none /tmp/bench-large/store")
/work/main/benchmarks/smaps-peak.sh $pid /tmp/mem/smaps-$label.txt 0.3
wait; tail -1 /tmp/mem/hour1m.txt; head -12 /tmp/mem/smaps-$label.txt
