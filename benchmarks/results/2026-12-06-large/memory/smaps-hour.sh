#!/usr/bin/env bash
# smaps-hour.sh LABEL SEED [opts]: one churn hour (mailgen churn --seed SEED) on the 1 M benchmark store, then a
# backup sampled every 0.3 s (/proc/PID/smaps); keeps the largest sample; GC log and NMT summary beside it
label=$1; seed=$2; shift 2
d=/tmp/hour-$label; rm -rf $d; mkdir -p $d
w=/tmp/bench-large/mailsnap
export MAILSNAP_CATALOG=$w/catalog MAILSNAP_PASSWORD=mailsnap-benchmark MAILSNAP_REPOSITORY=$w/repository
java -cp /work/wt/bench/cli/target/mailsnap.jar org.mailsnap.mailgen.MailgenMain churn --seed $seed /tmp/bench-large/store > $d/churn 2>&1
cd $w
MAILSNAP_JAVA_OPTS="-Xlog:gc:file=$d/gc.log -XX:NativeMemoryTracking=summary -XX:+UnlockDiagnosticVMOptions -XX:+PrintNMTStatistics $*" /usr/bin/time -f "%M KB peak, %e s" -o $d/time ${MS:-/work/wt/bench/bin/mailsnap} backup --json --lock none /tmp/bench-large/store >$d/out 2>$d/err &
sleep 0.3; pid=$(pgrep -n -f "mailsnap.jar backup")
"$(dirname "$0")"/../../../../benchmarks/smaps-peak.sh "$pid" $d/best 0.3
wait; cat $d/time; head -12 $d/best
