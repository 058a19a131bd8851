#!/usr/bin/env bash
# fb1m.sh LABEL LAUNCHER: first backup of the 1 M store into a fresh repo, smaps sampled every 0.5 s
label=$1; launcher=$2; d=./fb1m-$label; rm -rf $d ./fb1m-*/repo; mkdir -p $d
export MAILSNAP_CATALOG=$d/cat MAILSNAP_PASSWORD=x MAILSNAP_REPOSITORY=$d/repo
$launcher init >/dev/null 2>&1
/usr/bin/time -f "$label %e s %U user %S sys %M KB" -o $d/time $launcher backup --lock none /tmp/bench-large/store >$d/out 2>$d/err &
sleep 0.5; pid=$(pgrep -n -f "mailsnap.jar backup")
/work/main/benchmarks/smaps-peak.sh "$pid" $d/best 0.5 >/dev/null
wait; cat $d/time | tee -a ./fb1m.txt; rm -rf $d/repo $d/cat
