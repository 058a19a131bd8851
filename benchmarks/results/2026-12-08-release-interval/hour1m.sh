#!/usr/bin/env bash
# hour1m.sh LABEL LAUNCHER SEED: one churn hour on the 1 M store (mailgen churn), then a backup into the runner's
# repository and catalog; /usr/bin/time line appended to ./hour1m.txt, largest smaps sample kept
label=$1; launcher=$2; seed=$3; d=./hour-$label; rm -rf $d; mkdir -p $d
export MAILSNAP_CATALOG=/tmp/bench-large/mailsnap/catalog MAILSNAP_PASSWORD=mailsnap-benchmark MAILSNAP_REPOSITORY=/tmp/bench-large/mailsnap/repository
java -cp /work/wt-base/cli/target/mailsnap.jar org.mailsnap.mailgen.MailgenMain churn --seed $seed /tmp/bench-large/store > $d/churn.txt
/usr/bin/time -f "$label %e s %U user %S sys %M KB" -o $d/time $launcher backup --lock none /tmp/bench-large/store > $d/out 2>&1 &
sleep 0.3; pid=$(pgrep -n -f "mailsnap.jar backup")
/work/main/benchmarks/smaps-peak.sh $pid $d/best 0.2 > /dev/null
wait; cat $d/time | tee -a ./hour1m.txt
